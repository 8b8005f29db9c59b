#pragma once

#include <QString>

namespace gw {

class ProjectConnection;

// What merging one project into another did (ProjectStore::mergeFrom).
struct ProjectMergeCounts
{
    qint64 documentsAdded = 0;    // documents the target did not hold (by path)
    qint64 documentsReplaced = 0; // of those added, ones that replaced an older version in the target
    qint64 documentsSame = 0;     // already in the target with the same content, state and extractor
    qint64 documentsOlder = 0;    // not taken: the target's version of that path was ingested later
    qint64 entitiesAdded = 0;     // entities new to the target
    qint64 mentions = 0;          // mention rows copied
    qint64 relations = 0;         // relation rows (evidence sentences) copied
    qint64 cachedAnswers = 0;     // remote answers new to the target's cache
    qint64 vocabularyNames = 0;   // vocabulary names new to the target, or with new aliases
    qint64 curationEdits = 0;     // curation edits the target did not hold

    ProjectMergeCounts &operator+=(const ProjectMergeCounts &other);
};

// Merges the project file `sourcePath` into the project of `target` (the store's writer
// connection), exactly, in one transaction:
// - documents by path: one the target lacks is copied with its text, chunks, mentions and
//   relations; one it holds with the same content hash, state and extractor is the same document
//   and copied once; of two different versions the one ingested later stays (as a re-ingest would
//   have left it). Identical content at two paths stays two documents, as in an ingest.
// - entities joined by their stable ids (the longest name wins, as in an ingest), their document
//   counts recomputed, and entities nothing refers to any more removed;
// - the vocabulary (names joined, aliases united), curation edits the target lacks (appended in
//   their order, so both sides' fixes hold), and the remote extractor's cached answers;
// - derived data (entity vectors, layout positions) of the target is dropped when its graph
//   changed: it is computed again from the merged graph when next needed.
// The source is only read, and must be a Graphwright project of this schema version (an older
// one is refused with how to bring it up to date). Throws StoreError naming the file and cause;
// the target is then unchanged.
class ProjectMerger
{
public:
    static ProjectMergeCounts merge(ProjectConnection &target, const QString &sourcePath);
};

} // namespace gw
