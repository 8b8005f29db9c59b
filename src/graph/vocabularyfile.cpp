#include "vocabularyfile.h"

#include "tableimporter.h"
#include "core/csvreader.h"
#include "core/errors.h"
#include "store/vocabularytable.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

namespace gw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::VocabularyFile", text);
}

// The types a vocabulary may give, with the short names NER data sets use.
std::optional<EntityType> typeNamed(const QString &name)
{
    const QString upper = name.trimmed().toUpper();
    if (upper == QLatin1String("PERSON") || upper == QLatin1String("PER"))
        return EntityType::Person;
    if (upper == QLatin1String("ORGANIZATION") || upper == QLatin1String("ORGANISATION")
        || upper == QLatin1String("ORG"))
        return EntityType::Organization;
    if (upper == QLatin1String("LOCATION") || upper == QLatin1String("LOC"))
        return EntityType::Location;
    if (upper == QLatin1String("MISC"))
        return EntityType::Misc;
    return std::nullopt;
}

int words(const QString &phrase)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(phrase.split(space, Qt::SkipEmptyParts).size());
}

} // namespace

QList<VocabularyEntry> VocabularyFile::read(const QString &path)
{
    const QString text = TableImporter::readTableFile(path);
    const QChar delimiter = CsvReader::detectDelimiter(text);
    const QRegularExpression aliasSplit(delimiter == u';' ? QStringLiteral("\\|") : QStringLiteral("[|;]"));
    QList<VocabularyEntry> entries;
    QStringList problems;
    bool first = true;
    CsvRecord record;
    CsvReader::Cursor cursor = CsvReader(delimiter).cursor(text);
    while (cursor.next(record)) {
        if (record.isBlank())
            continue;
        const QString name = record.cells.value(0).value.simplified();
        const QString type = record.cells.value(1).value.trimmed();
        if (std::exchange(first, false) && name.compare(QLatin1String("name"), Qt::CaseInsensitive) == 0
            && type.compare(QLatin1String("type"), Qt::CaseInsensitive) == 0)
            continue; // the header
        const auto problem = [&](const QString &why) { problems << tr("line %1: %2").arg(record.line).arg(why); };
        const std::optional<EntityType> known = typeNamed(type);
        QStringList aliases;
        for (const QString &alias : record.cells.value(2).value.split(aliasSplit, Qt::SkipEmptyParts))
            if (const QString clean = alias.simplified(); !clean.isEmpty() && clean != name && !aliases.contains(clean))
                aliases << clean;
        if (name.isEmpty())
            problem(tr("the name is blank"));
        else if (!known)
            problem(tr("unknown type \"%1\" (PERSON, ORGANIZATION, LOCATION or MISC)").arg(type));
        else if (words(name) > Vocabulary::maxWords
                 || std::any_of(aliases.cbegin(), aliases.cend(),
                                [](const QString &alias) { return words(alias) > Vocabulary::maxWords; }))
            problem(tr("a name or alias is longer than %1 words").arg(Vocabulary::maxWords));
        else
            entries.append({name, *known, aliases});
    }
    const QString shown = QDir::toNativeSeparators(QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    if (!problems.isEmpty()) {
        const qsizetype more = problems.size() - 5;
        QString message = tr("cannot import \"%1\": %2").arg(shown, problems.mid(0, 5).join(QStringLiteral("; ")));
        if (more > 0)
            message += tr(" (and %1 more lines)").arg(more);
        throw Error(message + tr(". Each row is name,type[,aliases]; nothing was imported."));
    }
    if (entries.isEmpty())
        throw Error(tr("cannot import \"%1\": the file holds no names").arg(shown));
    return entries;
}

std::shared_ptr<const Vocabulary> VocabularyFile::load(ProjectStore &store)
{
    QList<VocabularyEntry> entries;
    for (const StoredVocabularyEntry &stored : VocabularyTable(store).entries())
        entries.append({stored.name, entityTypeFromName(stored.type), stored.aliases});
    return std::make_shared<const Vocabulary>(std::move(entries));
}

int VocabularyFile::add(ProjectStore &store, const QList<VocabularyEntry> &entries)
{
    QList<StoredVocabularyEntry> stored;
    for (const VocabularyEntry &entry : entries)
        stored.append({entry.name, entityTypeName(entry.type), entry.aliases});
    return VocabularyTable(store).add(stored);
}

} // namespace gw
