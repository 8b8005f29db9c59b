#pragma once

#include "core/errors.h"

namespace gw {

// A document could not be read. The message names the file and says what went wrong and, where
// it helps, what to do: "report.pdf: the PDF is encrypted; open it with its password and save an
// unencrypted copy".
class LoadError : public Error
{
public:
    enum class Kind {
        Unreadable,  // I/O: missing, permission denied, not a regular file
        TooLarge,    // a limit was exceeded (file size, decompressed size, text length)
        Malformed,   // corrupt or not what its name says
        Encrypted,   // needs a password
        Unsupported, // recognised but not handled (e.g. a scanned PDF without text)
        TimedOut,    // the per-document timeout was reached
    };

    LoadError(Kind kind, const QString &path, const QString &reason)
        : Error(QStringLiteral("%1: %2").arg(path, reason)), m_kind(kind), m_path(path), m_reason(reason)
    {}

    Kind kind() const { return m_kind; }
    QString path() const { return m_path; }
    QString reason() const { return m_reason; }

private:
    Kind m_kind;
    QString m_path;
    QString m_reason;
};

} // namespace gw
