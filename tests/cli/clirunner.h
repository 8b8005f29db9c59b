#pragma once
// Runs the real graphwright-cli binary (GW_CLI_PATH) and reads what it printed.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

[[maybe_unused]] Run cli(const QStringList &arguments, int timeoutMs = 60'000)
{
    QProcess process;
    process.start(QStringLiteral(GW_CLI_PATH), arguments);
    process.waitForFinished(timeoutMs);
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
               process.readAllStandardError()};
}

[[maybe_unused]] QJsonObject json(const QByteArray &bytes)
{
    QJsonParseError error;
    const auto document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << error.errorString() << bytes;
    return document.object();
}

[[maybe_unused]] void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(bytes);
}

} // namespace
