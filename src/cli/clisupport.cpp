#include "clisupport.h"

#include <QJsonDocument>
#include <QLocale>

namespace gw {

void printLine(FILE *stream, const QString &text)
{
    std::fprintf(stream, "%s\n", text.toLocal8Bit().constData());
}

void printJson(const QJsonObject &object)
{
    std::printf("%s\n", QJsonDocument(object).toJson(QJsonDocument::Indented).constData());
}

QString dataSize(qint64 bytes)
{
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QJsonObject circuitBreakerToJson(const CircuitBreakerStats &stats)
{
    return QJsonObject{
        {QStringLiteral("name"), stats.name},
        {QStringLiteral("state"), circuitBreakerStateName(stats.state)},
        {QStringLiteral("failuresInWindow"), stats.failuresInWindow},
        {QStringLiteral("failureThreshold"), stats.failureThreshold},
        {QStringLiteral("calls"), qint64(stats.calls)},
        {QStringLiteral("failures"), qint64(stats.failures)},
        {QStringLiteral("rejections"), qint64(stats.rejections)},
        {QStringLiteral("msUntilProbe"), stats.msUntilProbe},
        {QStringLiteral("lastError"), stats.lastError},
    };
}

QString circuitBreakerToText(const CircuitBreakerStats &stats)
{
    QString text = QStringLiteral("breaker   %1: %2, %3 of %4 failures")
                       .arg(stats.name, circuitBreakerStateName(stats.state))
                       .arg(stats.failuresInWindow)
                       .arg(stats.failureThreshold);
    if (!stats.lastError.isEmpty())
        text += QStringLiteral(" (last error: %1)").arg(stats.lastError);
    return text;
}

} // namespace gw
