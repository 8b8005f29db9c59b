#include "xmlexporttext.h"

#include <QXmlStreamWriter>

namespace gw {

namespace {

bool allowed(const QChar *at, const QChar *end, int *length)
{
    const char16_t c = at->unicode();
    *length = 1;
    if (c < 0x20)
        return c == u'\t' || c == u'\n' || c == u'\r';
    if (c == 0xFFFE || c == 0xFFFF)
        return false;
    if (QChar::isHighSurrogate(c)) {
        if (at + 1 < end && (at + 1)->isLowSurrogate()) {
            *length = 2;
            return true;
        }
        return false;
    }
    return !QChar::isLowSurrogate(c);
}

} // namespace

QString XmlExportText::safe(const QString &text)
{
    const QChar *begin = text.constData();
    const QChar *end = begin + text.size();
    int length = 1;
    const QChar *at = begin;
    while (at < end && allowed(at, end, &length))
        at += length;
    if (at == end)
        return text; // the usual case: no copy
    QString out;
    out.reserve(text.size());
    out.append(begin, at - begin);
    while (at < end) {
        if (allowed(at, end, &length))
            out.append(at, length);
        else
            out.append(QChar(QChar::ReplacementCharacter));
        at += length;
    }
    return out;
}

void XmlExportText::writeCharacters(QXmlStreamWriter &writer, const QString &text)
{
    const QString clean = safe(text);
    if (!clean.contains(u'\r')) {
        writer.writeCharacters(clean);
        return;
    }
    qsizetype from = 0;
    for (qsizetype cr = clean.indexOf(u'\r'); cr >= 0; cr = clean.indexOf(u'\r', from)) {
        if (cr > from)
            writer.writeCharacters(clean.mid(from, cr - from));
        writer.writeEntityReference(QStringLiteral("#13"));
        from = cr + 1;
    }
    if (from < clean.size())
        writer.writeCharacters(clean.mid(from));
}

bool XmlExportText::isNameToken(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text)
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_' || c == u':'))
            return false;
    return true;
}

} // namespace gw
