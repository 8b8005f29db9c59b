#include "apikeyring.h"

#include <QCoreApplication>
#include <QCoroSignal>
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusReply>
#endif
#include <qt6keychain/keychain.h>

#include <algorithm>
#include <chrono>
#include <optional>

namespace gw {

namespace {

// Why no keyring can answer here, when that is plain: on Linux and the BSDs the keyrings
// (GNOME Keyring and others through the Secret Service, KWallet) are reached over the D-Bus
// session bus, and without one there is none.
QString unavailableReason()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return QCoreApplication::translate(
                   "gw::ApiKeyring",
                   "no system keyring is available: there is no D-Bus session bus, through which GNOME Keyring "
                   "or KWallet would be reached (%1)")
            .arg(bus.lastError().message());
    // Called after a failure only: these are quick questions to the local bus.
    const QDBusReply<QStringList> running = bus.interface()->registeredServiceNames();
    const QDBusMessage activatable = bus.call(
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                       QStringLiteral("org.freedesktop.DBus"), QStringLiteral("ListActivatableNames")));
    QStringList names = running.isValid() ? running.value() : QStringList();
    if (activatable.type() == QDBusMessage::ReplyMessage && !activatable.arguments().isEmpty())
        names += activatable.arguments().constFirst().toStringList();
    const bool keyringThere = std::any_of(names.cbegin(), names.cend(), [](const QString &name) {
        return name == QLatin1String("org.freedesktop.secrets") || name.startsWith(QLatin1String("org.kde.kwalletd"));
    });
    if (running.isValid() && !keyringThere)
        return QCoreApplication::translate(
            "gw::ApiKeyring",
            "no system keyring is available: no keyring service (GNOME Keyring, KWallet or another Secret "
            "Service) runs on the D-Bus session bus");
#endif
    return {};
}

// Starts `job` and waits at most timeoutMs for it. The job deletes itself once it finishes,
// also after a time-out (a keyring that answers late).
QCoro::Task<KeyringAnswer> finish(QKeychain::Job *job, int timeoutMs, bool reading, bool removing)
{
    job->setAutoDelete(false);
    auto finished = qCoro(job, &QKeychain::Job::finished, std::chrono::milliseconds(timeoutMs));
    job->start(); // queued by QtKeychain: `finished` is connected by now
    const std::optional<QKeychain::Job *> done = co_await std::move(finished);
    KeyringAnswer answer;
    if (!done) {
        QObject::connect(job, &QKeychain::Job::finished, job, &QObject::deleteLater);
        answer.error = QCoreApplication::translate("gw::ApiKeyring", "the system keyring did not answer within %1 s")
                           .arg(timeoutMs / 1000.0, 0, 'g', 3);
        co_return answer;
    }
    job->deleteLater();
    const QKeychain::Error error = job->error();
    if (error == QKeychain::NoError) {
        answer.ok = true;
        if (reading)
            answer.key = static_cast<QKeychain::ReadPasswordJob *>(job)->textData();
    } else if (error == QKeychain::EntryNotFound && (reading || removing)) {
        answer.ok = true; // nothing stored: no key, nothing to remove
    } else if (error == QKeychain::AccessDenied || error == QKeychain::AccessDeniedByUser) {
        answer.error = QCoreApplication::translate("gw::ApiKeyring", "the system keyring refused access (%1)")
                           .arg(job->errorString());
    } else if (const QString why = unavailableReason(); !why.isEmpty()) {
        answer.error = why; // QtKeychain says only "Unknown error" then
    } else if (error == QKeychain::NoBackendAvailable) {
        answer.error = QCoreApplication::translate("gw::ApiKeyring", "no system keyring is available (%1)")
                           .arg(job->errorString());
    } else {
        answer.error =
            QCoreApplication::translate("gw::ApiKeyring", "the system keyring failed: %1").arg(job->errorString());
    }
    co_return answer;
}

} // namespace

ApiKeyring::ApiKeyring(QString service) : m_service(std::move(service)) {}

QString ApiKeyring::defaultService()
{
    return QStringLiteral("Graphwright");
}

QString ApiKeyring::entryName()
{
    return QStringLiteral("remote extractor API key");
}

QCoro::Task<KeyringAnswer> ApiKeyring::read(int timeoutMs) const
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setKey(entryName());
    job->setInsecureFallback(false); // never a plain-text file instead
    return finish(job, timeoutMs, true, false);
}

QCoro::Task<KeyringAnswer> ApiKeyring::store(QString key, int timeoutMs) const
{
    const QString trimmed = key.trimmed();
    QKeychain::Job *job = nullptr;
    if (trimmed.isEmpty()) {
        job = new QKeychain::DeletePasswordJob(m_service);
    } else {
        auto *write = new QKeychain::WritePasswordJob(m_service);
        write->setTextData(trimmed);
        job = write;
    }
    job->setKey(entryName());
    job->setInsecureFallback(false);
    return finish(job, timeoutMs, false, trimmed.isEmpty());
}

} // namespace gw
