#pragma once
// A vocabulary as a CSV file (`name,type[,aliases]`, aliases separated by '|', or ';' when the
// file's delimiter is not ';'; an optional header row "name,type,aliases") and as the project's
// table: `curate vocabulary` and Edit → Import Vocabulary read the one and write the other, and
// the pipeline makes the extractor's Vocabulary from the table.
#include "extract/vocabulary.h"

#include <memory>

namespace gw {

class ProjectStore;

class VocabularyFile
{
public:
    // Every row of the file, or Error naming the file and each bad line (at most five): an
    // unknown type, a blank name, a name or alias of more than Vocabulary::maxWords words.
    // Nothing is read in part.
    static QList<VocabularyEntry> read(const QString &path);

    // The project's vocabulary (empty when it has none). Blocks; throws StoreError.
    static std::shared_ptr<const Vocabulary> load(ProjectStore &store);
    // Adds `entries` to the project's (an entry of the same name and type replaces the old).
    // Returns how many were new. On the writer; blocks; throws StoreError.
    static int add(ProjectStore &store, const QList<VocabularyEntry> &entries);
};

} // namespace gw
