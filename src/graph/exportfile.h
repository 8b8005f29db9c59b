#pragma once
// One output file of an export. Written through QSaveFile: the bytes go to a temporary file next
// to the target, which replaces the target only on commit(), so a failed or abandoned export leaves
// no half file behind. Text is buffered and written in large blocks (streaming: an export never
// holds its whole document in memory). Every failure is a gw::Error naming the file and the cause.
#include <QByteArray>
#include <QSaveFile>
#include <QString>
#include <QStringView>

namespace gw {

class ExportFile
{
public:
    // Opens the temporary file. Throws Error when the folder does not exist or is not writable.
    explicit ExportFile(const QString &path);
    ~ExportFile(); // without commit(): the temporary file is removed, the target is untouched
    ExportFile(const ExportFile &) = delete;
    ExportFile &operator=(const ExportFile &) = delete;

    QString path() const { return m_path; }

    void write(QByteArrayView bytes)
    {
        m_buffer.append(bytes);
        if (m_buffer.size() >= flushBytes)
            flush();
    }
    void write(QStringView text) { write(QByteArrayView(text.toUtf8())); }
    void write(const char *text) { write(QByteArrayView(text)); }

    // For writers that stream to a QIODevice themselves (QXmlStreamWriter). Do not mix with the
    // buffered write() calls without flush() in between.
    QIODevice *device() { return &m_file; }
    void flush();

    // Flushes and renames the temporary file over the target. Throws Error.
    void commit();
    // Throws Error("cannot write <file>: <cause>").
    [[noreturn]] void fail(const QString &cause) const;

    // Text forms shared by every format: the shortest decimal that reads back as the same double.
    static QByteArray number(double value);
    static QByteArray number(qint64 value) { return QByteArray::number(value); }

private:
    static constexpr qsizetype flushBytes = 1 << 20;
    QString m_path;
    QSaveFile m_file;
    QByteArray m_buffer;
};

} // namespace gw
