#include "odtparser.h"

#include "loaderror.h"
#include "xmltextextractor.h"
#include "ziparchive.h"

#include <QCoreApplication>

namespace gw {

namespace {

using Action = XmlTextExtractor::Action;

constexpr QStringView officeNamespace = u"urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr QStringView textNamespace = u"urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr QStringView tableNamespace = u"urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr QStringView metaNamespace = u"urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
constexpr QStringView dcNamespace = u"http://purl.org/dc/elements/1.1/";
constexpr QStringView odtMimeType = u"application/vnd.oasis.opendocument.text";

const XmlTextExtractor &contentRules()
{
    static const XmlTextExtractor rules = [] {
        XmlTextExtractor r;
        // ODF collapses whitespace like HTML; runs of spaces are spelled text:s.
        r.setCollapseWhitespace(true);
        r.on(textNamespace, u"p", Action::Paragraph)
            .on(textNamespace, u"h", Action::Paragraph)
            .on(textNamespace, u"s", Action::Spaces)
            .on(textNamespace, u"tab", Action::Tab)
            .on(textNamespace, u"line-break", Action::LineBreak)
            .on(textNamespace, u"tracked-changes", Action::Skip) // deleted text lives here
            .on(textNamespace, u"note-citation", Action::Skip)   // "Einstein¹" must stay "Einstein"
            .on(tableNamespace, u"table-row", Action::Row)
            .on(tableNamespace, u"table-cell", Action::Cell)
            .on(tableNamespace, u"covered-table-cell", Action::Cell)
            .on(officeNamespace, u"annotation", Action::Skip) // reviewers' comments, not the text
            .on(officeNamespace, u"automatic-styles", Action::Skip)
            .on(officeNamespace, u"font-face-decls", Action::Skip)
            .on(officeNamespace, u"scripts", Action::Skip);
        return r;
    }();
    return rules;
}

// Refuses other OpenDocument kinds renamed to .odt. The entry is optional in practice (some
// writers omit it), so only a wrong value is an error.
void checkMimeType(ZipArchive &zip, const ParseContext &context)
{
    const QString mimeType = QString::fromLatin1(zip.readIfPresent(QStringLiteral("mimetype"), 256)).trimmed();
    if (!mimeType.isEmpty() && mimeType != odtMimeType) {
        throw LoadError(LoadError::Kind::Malformed, context.path,
                        QCoreApplication::translate("gw::OdtParser", "not an OpenDocument text (its mimetype is %1)")
                            .arg(mimeType));
    }
}

} // namespace

QString OdtParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    checkMimeType(zip, context);
    const QString content = QStringLiteral("content.xml");
    return contentRules().extractText(zip.read(content), content, context);
}

QVariantMap OdtParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    checkMimeType(zip, context);
    QString initialCreator;
    QString lastEditor;
    QVariantMap metadata;
    const auto setText = [&](const QString &key, const QString &value) {
        if (!value.isEmpty())
            metadata.insert(key, value);
    };
    const auto setDate = [&](const QString &key, const QString &value) {
        const QDateTime date = XmlTextExtractor::parseDateTime(value);
        if (date.isValid())
            metadata.insert(key, date);
    };

    const QString meta = QStringLiteral("meta.xml");
    XmlTextExtractor().visitElements(zip.readIfPresent(meta), meta, context, [&](const XmlTextExtractor::Element &e) {
        if (e.namespaceUri == dcNamespace) {
            if (e.name == u"title")
                setText(QStringLiteral("title"), e.text);
            else if (e.name == u"creator")
                lastEditor = e.text;
            else if (e.name == u"subject")
                setText(QStringLiteral("subject"), e.text);
            else if (e.name == u"language")
                setText(QStringLiteral("language"), e.text);
            else if (e.name == u"date")
                setDate(QStringLiteral("modified"), e.text);
        } else if (e.namespaceUri == metaNamespace) {
            if (e.name == u"initial-creator") {
                initialCreator = e.text;
            } else if (e.name == u"creation-date") {
                setDate(QStringLiteral("created"), e.text);
            } else if (e.name == u"document-statistic") {
                bool ok = false;
                const int pages = e.attribute(u"page-count").toInt(&ok);
                if (ok && pages > 0)
                    metadata.insert(QStringLiteral("pageCount"), pages);
            }
        }
    });
    // dc:creator is whoever saved last; the author is the one who started the document.
    setText(QStringLiteral("author"), initialCreator.isEmpty() ? lastEditor : initialCreator);
    setText(QStringLiteral("lastModifiedBy"), lastEditor);
    return metadata;
}

} // namespace gw
