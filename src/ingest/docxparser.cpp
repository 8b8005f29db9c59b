#include "docxparser.h"

#include "loaderror.h"
#include "xmltextextractor.h"
#include "ziparchive.h"

namespace gw {

namespace {

using Action = XmlTextExtractor::Action;

// Transitional (what Word writes) and Strict OOXML name the same elements differently.
constexpr QStringView wordNamespaces[] = {
    u"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    u"http://purl.oclc.org/ooxml/wordprocessingml/main",
};
constexpr QStringView markupCompatibility = u"http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr QStringView dcNamespace = u"http://purl.org/dc/elements/1.1/";
constexpr QStringView dcTermsNamespace = u"http://purl.org/dc/terms/";
constexpr QStringView corePropertiesNamespace =
    u"http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
const QString defaultDocumentPart = QStringLiteral("word/document.xml");

const XmlTextExtractor &documentRules()
{
    static const XmlTextExtractor rules = [] {
        XmlTextExtractor r;
        r.setTextOnlyInTextElements(true); // field codes (w:instrText) and deleted text stay out
        for (const QStringView w : wordNamespaces) {
            r.on(w, u"t", Action::Text)
                .on(w, u"p", Action::Paragraph)
                .on(w, u"tab", Action::Tab)
                .on(w, u"br", Action::LineBreak)
                .on(w, u"cr", Action::LineBreak)
                .on(w, u"tr", Action::Row)
                .on(w, u"tc", Action::Cell)
                .on(w, u"pPr", Action::Skip) // holds tab-stop definitions, also named w:tab
                .on(w, u"sectPr", Action::Skip);
        }
        // Text boxes are written twice (modern shape and VML fallback); read the modern one.
        r.on(markupCompatibility, u"Fallback", Action::Skip);
        return r;
    }();
    return rules;
}

// The part the package relationships name as the main document; word/document.xml by convention.
QString mainDocumentPart(ZipArchive &zip, const ParseContext &context)
{
    const QByteArray rels = zip.readIfPresent(QStringLiteral("_rels/.rels"));
    QString target;
    if (!rels.isEmpty()) {
        XmlTextExtractor().visitElements(
            rels, QStringLiteral("_rels/.rels"), context, [&](const XmlTextExtractor::Element &e) {
                if (e.name == u"Relationship" && e.attribute(u"Type").endsWith(u"/officeDocument"))
                    target = e.attribute(u"Target");
            });
    }
    while (target.startsWith(u'/'))
        target.remove(0, 1);
    return target.isEmpty() || !zip.contains(target) ? defaultDocumentPart : target;
}

} // namespace

QString DocxParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    const QString part = mainDocumentPart(zip, context);
    return documentRules().extractText(zip.read(part), part, context);
}

QVariantMap DocxParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    QVariantMap metadata;
    const auto setText = [&](const QString &key, const QString &value) {
        if (!value.isEmpty() && !metadata.contains(key))
            metadata.insert(key, value);
    };
    const auto setDate = [&](const QString &key, const QString &value) {
        const QDateTime date = XmlTextExtractor::parseDateTime(value);
        if (date.isValid())
            metadata.insert(key, date);
    };

    const QString core = QStringLiteral("docProps/core.xml");
    XmlTextExtractor().visitElements(zip.readIfPresent(core), core, context, [&](const XmlTextExtractor::Element &e) {
        if (e.namespaceUri == dcNamespace) {
            if (e.name == u"title")
                setText(QStringLiteral("title"), e.text);
            else if (e.name == u"creator")
                setText(QStringLiteral("author"), e.text);
            else if (e.name == u"subject")
                setText(QStringLiteral("subject"), e.text);
            else if (e.name == u"language")
                setText(QStringLiteral("language"), e.text);
        } else if (e.namespaceUri == dcTermsNamespace) {
            if (e.name == u"created")
                setDate(QStringLiteral("created"), e.text);
            else if (e.name == u"modified")
                setDate(QStringLiteral("modified"), e.text);
        } else if (e.namespaceUri == corePropertiesNamespace && e.name == u"lastModifiedBy") {
            setText(QStringLiteral("lastModifiedBy"), e.text);
        }
    });

    const QString app = QStringLiteral("docProps/app.xml");
    XmlTextExtractor().visitElements(zip.readIfPresent(app), app, context, [&](const XmlTextExtractor::Element &e) {
        bool ok = false;
        const int pages = e.text.toInt(&ok);
        if (e.name == u"Pages" && e.depth == 2 && ok && pages > 0)
            metadata.insert(QStringLiteral("pageCount"), pages);
    });
    return metadata;
}

} // namespace gw
