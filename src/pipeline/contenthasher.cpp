#include "contenthasher.h"

#ifdef GW_HAVE_OPENSSL
#define OPENSSL_API_COMPAT 10100 // SHA256_Init and friends, without deprecation warnings
#include <openssl/sha.h>
#else
#include <QCryptographicHash>
#endif

namespace gw {

#ifdef GW_HAVE_OPENSSL
// The low-level interface, deprecated in OpenSSL 3 but kept, computes SHA-256 directly; EVP's
// would load OpenSSL's providers and configuration first (3.5 MB more peak memory per process).
struct ContentHasher::State
{
    SHA256_CTX context;
};

ContentHasher::ContentHasher() : m_state(std::make_unique<State>())
{
    SHA256_Init(&m_state->context);
}

void ContentHasher::addData(QByteArrayView bytes)
{
    SHA256_Update(&m_state->context, bytes.data(), size_t(bytes.size()));
}

QString ContentHasher::hexDigest()
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256_Final(digest, &m_state->context);
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(digest), SHA256_DIGEST_LENGTH).toHex());
}
#else
struct ContentHasher::State
{
    QCryptographicHash hash{QCryptographicHash::Sha256};
};

ContentHasher::ContentHasher() : m_state(std::make_unique<State>()) {}

void ContentHasher::addData(QByteArrayView bytes)
{
    m_state->hash.addData(bytes);
}

QString ContentHasher::hexDigest()
{
    return QString::fromLatin1(m_state->hash.result().toHex());
}
#endif

ContentHasher::~ContentHasher() = default;

} // namespace gw
