#include "progressprinter.h"

#include "pipeline/ingestjob.h"

#include <cstdio>
#include <unistd.h>

namespace gw {

ProgressPrinter::ProgressPrinter(const IngestJob &job, QObject *parent) : QObject(parent), m_job(job)
{
    m_timer.setInterval(100);
    connect(&m_timer, &QTimer::timeout, this, &ProgressPrinter::draw);
    m_timer.start();
}

ProgressPrinter::~ProgressPrinter()
{
    stop();
}

bool ProgressPrinter::wanted()
{
    return isatty(STDERR_FILENO) == 1;
}

void ProgressPrinter::stop()
{
    m_timer.stop();
    if (m_drawn) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
        m_drawn = false;
    }
}

void ProgressPrinter::draw()
{
    const IngestCounts c = m_job.counts();
    if (c.total == 0)
        return;
    const int finished = c.done + c.failed + c.skipped + c.cancelled;
    const double fraction = c.bytesTotal > 0 ? double(c.bytesRead) / double(c.bytesTotal) : 0.0;
    constexpr int width = 30;
    const int filled = int(fraction * width);
    char bar[width + 1];
    for (int i = 0; i < width; ++i)
        bar[i] = i < filled ? '#' : '.';
    bar[width] = '\0';
    std::fprintf(stderr, "\r\033[K[%s] %d/%d documents, %.1f/%.1f MB read, %d active, %d failed", bar, finished,
                 c.total, c.bytesRead / 1e6, c.bytesTotal / 1e6, c.active, c.failed);
    std::fflush(stderr);
    m_drawn = true;
}

} // namespace gw
