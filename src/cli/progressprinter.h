#pragma once

#include <QObject>
#include <QTimer>

namespace gw {

class IngestJob;

// A one-line progress bar on stderr, redrawn at 10 Hz while a job runs; only when stderr is a
// terminal (no control characters in logs or pipes).
class ProgressPrinter : public QObject
{
    Q_OBJECT

public:
    explicit ProgressPrinter(const IngestJob &job, QObject *parent = nullptr);
    ~ProgressPrinter() override;
    static bool wanted();
    void stop();

private:
    void draw();

    const IngestJob &m_job;
    QTimer m_timer;
    bool m_drawn = false;
};

} // namespace gw
