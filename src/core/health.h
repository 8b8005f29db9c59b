#pragma once
// Value types of the health report. HealthMonitor (healthmonitor.h) runs the checks.

#include <QList>
#include <QString>

namespace gw {

enum class HealthStatus { Ok, Degraded, Failed };

// What one check measured. The reason says what was seen ("3 of 4 workers busy",
// "breaker 'remote' open since 12 s: connection refused"), also when all is well.
struct HealthCheckResult
{
    HealthStatus status = HealthStatus::Ok;
    QString reason;
};

struct HealthEntry
{
    QString name;
    HealthStatus status = HealthStatus::Ok;
    QString reason;
    qint64 durationMs = 0; // how long the check took
};

struct HealthReport
{
    HealthStatus overall = HealthStatus::Ok; // the worst entry; Ok when there are no checks
    QList<HealthEntry> entries;
};

} // namespace gw
