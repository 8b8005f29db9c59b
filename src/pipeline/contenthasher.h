#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>

namespace gw {

// The SHA-256 of a document's bytes, fed block by block as they are read: the content hash the
// store compares to decide that a document is unchanged. OpenSSL's when the build found it (it
// uses the processor's SHA instructions: reading and hashing 5,000 unchanged 5 KB files was 40%
// of a re-run that finds nothing to do with QCryptographicHash, whose SHA-256 is plain C that
// takes the bytes one at a time); QCryptographicHash otherwise. Both give the same digest.
class ContentHasher
{
public:
    ContentHasher();
    ~ContentHasher();
    ContentHasher(const ContentHasher &) = delete;
    ContentHasher &operator=(const ContentHasher &) = delete;

    void addData(QByteArrayView bytes);
    // Lowercase hex, as stored in documents.content_hash. Call once.
    QString hexDigest();

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace gw
