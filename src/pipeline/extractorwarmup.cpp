#include "extractorwarmup.h"

#include "core/taskgroup.h"
#include "extract/entitypatterns.h"
#include "extract/relationpatterns.h"

#include <atomic>

namespace gw {

namespace {
std::atomic<int> compiling{0}; // warm-ups not yet done
} // namespace

bool ExtractorWarmUp::inProgress()
{
    return compiling.load(std::memory_order_relaxed) > 0;
}

ExtractorWarmUp::ExtractorWarmUp()
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("extractor warm-up"));
    auto group = std::make_unique<TaskGroup<>>(
        TaskGroupOptions{.maxParallel = 1, .pool = &m_pool, .name = QStringLiteral("extractor warm-up")});
    // Each is a function-local static, built once per process: a chunk that needs one meanwhile
    // waits for it, as it would have waited for its own compilation.
    compiling.fetch_add(1, std::memory_order_relaxed);
    group->spawn(QStringLiteral("relation patterns"), [] {
        struct Done
        {
            ~Done() { compiling.fetch_sub(1, std::memory_order_relaxed); }
        } done;
        relationPatterns();
        coordinationSeparator();
        withPartner();
        EntityPatterns::find(QString(), {});
    });
    m_group = std::move(group);
}

ExtractorWarmUp::~ExtractorWarmUp()
{
    m_group->waitBlocking();
    m_group.reset();
}

} // namespace gw
