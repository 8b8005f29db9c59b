#include "epubparser.h"

#include "loaderror.h"
#include "xmltextextractor.h"
#include "ziparchive.h"

#include <QCoreApplication>
#include <QDir>
#include <QHash>
#include <QStringList>
#include <QUrl>

namespace gw {

namespace {

using Action = XmlTextExtractor::Action;

constexpr QStringView containerNamespace = u"urn:oasis:names:tc:opendocument:xmlns:container";
constexpr QStringView opfNamespace = u"http://www.idpf.org/2007/opf";
constexpr QStringView dcNamespace = u"http://purl.org/dc/elements/1.1/";
constexpr QStringView xhtmlNamespace = u"http://www.w3.org/1999/xhtml";
constexpr QStringView epubMimeType = u"application/epub+zip";
const QString containerEntry = QStringLiteral("META-INF/container.xml");

const XmlTextExtractor &xhtmlRules()
{
    static const XmlTextExtractor rules = [] {
        XmlTextExtractor r;
        r.setCollapseWhitespace(true);
        // Careless books omit the XHTML namespace; treat such elements alike.
        for (const QStringView ns : {xhtmlNamespace, QStringView()}) {
            for (const QStringView skip : {u"head", u"script", u"style", u"template"})
                r.on(ns, skip, Action::Skip);
            for (const QStringView block :
                 {u"p",       u"div",     u"h1",     u"h2",      u"h3",    u"h4",  u"h5",         u"h6",
                  u"li",      u"ul",      u"ol",     u"dl",      u"dt",    u"dd",  u"blockquote", u"pre",
                  u"section", u"article", u"header", u"footer",  u"aside", u"nav", u"figure",     u"figcaption",
                  u"table",   u"caption", u"hr",     u"address", u"body"})
                r.on(ns, block, Action::Paragraph);
            r.on(ns, u"br", Action::LineBreak)
                .on(ns, u"tr", Action::Row)
                .on(ns, u"td", Action::Cell)
                .on(ns, u"th", Action::Cell);
        }
        return r;
    }();
    return rules;
}

struct Package
{
    QVariantMap metadata;
    QStringList spine; // entry names of the XHTML content documents, in reading order
};

// A manifest href is a URL relative to the package document.
QString resolveHref(const QString &opfPath, const QString &href)
{
    const QString path = QUrl::fromPercentEncoding(href.section(u'#', 0, 0).toUtf8());
    const qsizetype slash = opfPath.lastIndexOf(u'/');
    const QString base = slash < 0 ? QString() : opfPath.left(slash + 1);
    return QDir::cleanPath(base + path);
}

Package readPackage(ZipArchive &zip, const ParseContext &context)
{
    const QString mimeType = QString::fromLatin1(zip.readIfPresent(QStringLiteral("mimetype"), 256)).trimmed();
    if (!mimeType.isEmpty() && mimeType != epubMimeType) {
        throw LoadError(
            LoadError::Kind::Malformed, context.path,
            QCoreApplication::translate("gw::EpubParser", "not an EPUB book (its mimetype is %1)").arg(mimeType));
    }

    QString opfPath;
    XmlTextExtractor().visitElements(
        zip.read(containerEntry), containerEntry, context, [&](const XmlTextExtractor::Element &e) {
            if (opfPath.isEmpty() && e.namespaceUri == containerNamespace && e.name == u"rootfile")
                opfPath = e.attribute(u"full-path");
        });
    if (opfPath.isEmpty()) {
        throw LoadError(
            LoadError::Kind::Malformed, context.path,
            QCoreApplication::translate("gw::EpubParser", "%1 names no package document").arg(containerEntry));
    }

    Package package;
    QStringList creators;
    struct Item
    {
        QString href;
        QString mediaType;
    };
    QHash<QString, Item> manifest;
    QStringList spineIds;
    XmlTextExtractor().visitElements(zip.read(opfPath), opfPath, context, [&](const XmlTextExtractor::Element &e) {
        const auto setText = [&](const QString &key) {
            if (!e.text.isEmpty() && !package.metadata.contains(key))
                package.metadata.insert(key, e.text);
        };
        const auto setDate = [&](const QString &key) {
            const QDateTime date = XmlTextExtractor::parseDateTime(e.text);
            if (date.isValid() && !package.metadata.contains(key))
                package.metadata.insert(key, date);
        };
        if (e.namespaceUri == dcNamespace) {
            if (e.name == u"title")
                setText(QStringLiteral("title"));
            else if (e.name == u"creator" && !e.text.isEmpty())
                creators.append(e.text);
            else if (e.name == u"language")
                setText(QStringLiteral("language"));
            else if (e.name == u"subject")
                setText(QStringLiteral("subject"));
            else if (e.name == u"date")
                setDate(QStringLiteral("created"));
        } else if (e.namespaceUri == opfNamespace) {
            if (e.name == u"item")
                manifest.insert(e.attribute(u"id"), Item{e.attribute(u"href"), e.attribute(u"media-type")});
            else if (e.name == u"itemref")
                spineIds.append(e.attribute(u"idref"));
            else if (e.name == u"meta" && e.attribute(u"property") == u"dcterms:modified")
                setDate(QStringLiteral("modified"));
        }
    });
    if (!creators.isEmpty())
        package.metadata.insert(QStringLiteral("author"), creators.join(QStringLiteral("; ")));

    for (const QString &id : std::as_const(spineIds)) {
        const auto it = manifest.constFind(id);
        if (it == manifest.constEnd()) {
            throw LoadError(
                LoadError::Kind::Malformed, context.path,
                QCoreApplication::translate("gw::EpubParser", "the spine of %1 names %2, which the manifest lacks")
                    .arg(opfPath, id));
        }
        // Images and SVG pages in the spine carry no text we can read.
        if (it->mediaType == u"application/xhtml+xml")
            package.spine.append(resolveHref(opfPath, it->href));
    }
    package.metadata.insert(QStringLiteral("chapters"), int(package.spine.size()));
    return package;
}

} // namespace

QString EpubParser::extractText(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    const Package package = readPackage(zip, context);
    QString text;
    for (const QString &entry : package.spine) {
        const QString chapter = xhtmlRules().extractText(zip.read(entry), entry, context);
        if (chapter.isEmpty())
            continue;
        if (!text.isEmpty())
            text += QStringLiteral("\n\n");
        text += chapter;
        if (text.size() > context.limits.maxTextChars) {
            throw LoadError(
                LoadError::Kind::TooLarge, context.path,
                QCoreApplication::translate("gw::EpubParser", "the text is longer than the limit of %1 characters")
                    .arg(context.limits.maxTextChars));
        }
    }
    return text;
}

QVariantMap EpubParser::extractMetadata(const QByteArray &bytes, const ParseContext &context) const
{
    ZipArchive zip(bytes, context);
    return readPackage(zip, context).metadata;
}

} // namespace gw
