#pragma once

#include <QCoroTask>
#include <QString>

namespace gw {

// What a keyring operation came to.
struct KeyringAnswer
{
    bool ok = false; // done; for read(), also when no key is stored (key then empty)
    QString key;     // read(): the stored key
    QString error;   // when !ok: why, for people (never the key)
};

// The remote extractor's API key in the system keyring (Secret Service, KWallet, macOS Keychain,
// Windows Credential Store) through QtKeychain, so it is kept in no project file, QSettings or
// log. The environment variable GRAPHWRIGHT_API_KEY still wins over it where a key is used
// (RemoteExtractor::effectiveApiKey).
//
// Asynchronous: QtKeychain's jobs run on the calling thread's event loop (the GUI thread's,
// without blocking it). Each operation ends within its time limit: a keyring that never answers
// (a locked wallet waiting for a password nobody types, a bus that hangs) is reported as an
// error, not waited for. Without any keyring service (a CI machine, a bare X server) the
// operations fail at once with the keyring's reason.
//
// The coroutines use only their own locals after the first suspension, so the object may go
// away while one runs.
class ApiKeyring
{
public:
    static constexpr int defaultTimeoutMs = 10'000;

    // `service` names the entry's owner in the keyring ("Graphwright"); tests use their own.
    explicit ApiKeyring(QString service = defaultService());

    static QString defaultService();
    // The entry's name within the service: "remote extractor API key".
    static QString entryName();
    const QString &service() const { return m_service; }

    QCoro::Task<KeyringAnswer> read(int timeoutMs = defaultTimeoutMs) const;
    // Stores `key`; an empty key removes the entry (removing an absent entry is ok).
    QCoro::Task<KeyringAnswer> store(QString key, int timeoutMs = defaultTimeoutMs) const;

private:
    QString m_service;
};

} // namespace gw
