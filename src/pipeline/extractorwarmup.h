#pragma once
// ExtractorWarmUp: compiles the built-in extractor's regular expressions on a thread of its own
// while the project opens and the word lists load. Compiling the relation patterns takes about
// 0.12 s of one core; left to the first chunk, it held every extraction thread that reached its
// relations at the static's initialisation, while the other core had little to do. Started
// before an ingest with extraction, it overlaps the start-up and the first documents' entities.
//
// Owns its thread: the destructor waits until the compilation is done (it cannot be cut short,
// and a static half-built at exit would be worse than the wait).
#include <QThreadPool>

#include <memory>

namespace gw {

class TaskGroupBase;

class ExtractorWarmUp
{
public:
    ExtractorWarmUp();
    ~ExtractorWarmUp();
    ExtractorWarmUp(const ExtractorWarmUp &) = delete;
    ExtractorWarmUp &operator=(const ExtractorWarmUp &) = delete;

    // True while some warm-up is still compiling: a chunk then leaves its relations for later
    // (DocumentIngester::extract) instead of holding its thread at the patterns' initialisation.
    static bool inProgress();

private:
    QThreadPool m_pool; // declared first: destroyed after the group that runs on it
    std::unique_ptr<TaskGroupBase> m_group;
};

} // namespace gw
