#include "exportfile.h"

#include "core/errors.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QtNumeric>

namespace gw {

ExportFile::ExportFile(const QString &path)
    : m_path(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())), m_file(path)
{
    // No direct-write fallback: in a folder where no temporary file can be made, fail rather than
    // write the target in place (which a failure would leave half written).
    m_file.setDirectWriteFallback(false);
    if (!m_file.open(QIODevice::WriteOnly))
        fail(m_file.errorString());
    m_buffer.reserve(flushBytes + 4096);
}

ExportFile::~ExportFile()
{
    if (m_file.isOpen())
        m_file.cancelWriting(); // QSaveFile's destructor then discards the temporary file
}

void ExportFile::flush()
{
    if (m_buffer.isEmpty())
        return;
    if (m_file.write(m_buffer) != m_buffer.size())
        fail(m_file.errorString());
    m_buffer.clear();
}

void ExportFile::commit()
{
    flush();
    if (m_file.error() != QFileDevice::NoError)
        fail(m_file.errorString());
    if (!m_file.commit())
        fail(m_file.errorString());
}

void ExportFile::fail(const QString &cause) const
{
    throw Error(QCoreApplication::translate("gw::ExportFile", "cannot write \"%1\": %2").arg(m_path, cause));
}

QByteArray ExportFile::number(double value)
{
    if (qIsNaN(value))
        return QByteArrayLiteral("NaN"); // XML Schema's spelling; JSON and CSV writers check first
    if (qIsInf(value))
        return value > 0 ? QByteArrayLiteral("INF") : QByteArrayLiteral("-INF");
    return QByteArray::number(value, 'g', QLocale::FloatingPointShortest);
}

} // namespace gw
