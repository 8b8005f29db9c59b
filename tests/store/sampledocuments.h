#pragma once
// Documents and raw-SQL probes shared by the store tests.

#include "store/documentrecord.h"
#include "store/projectconnection.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

namespace gw::testing {

// A document of `chunkCount` sentence chunks whose offsets point into its text. `version` changes
// the text (and so the hash) of the same path.
inline DocumentRecord sampleDocument(const QString &path, int chunkCount, int version = 1)
{
    DocumentRecord record;
    record.path = path;
    record.format = QStringLiteral("text");
    for (int i = 0; i < chunkCount; ++i) {
        const QString sentence =
            QStringLiteral("Sentence %1 of %2, version %3: Ada met Grace in Zürich. ").arg(i).arg(path).arg(version);
        record.chunks.append({record.text.size(), record.text.size() + sentence.size(), sentence});
        record.text += sentence;
    }
    record.contentHash =
        QString::fromLatin1(QCryptographicHash::hash(record.text.toUtf8(), QCryptographicHash::Sha256).toHex());
    record.sizeBytes = record.text.toUtf8().size();
    record.words = record.text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size();
    record.metadata = {
        {QStringLiteral("title"), QStringLiteral("Document %1").arg(path)},
        {QStringLiteral("version"), version},
    };
    record.readMs = 1;
    record.parseMs = 2;
    record.chunkMs = 3;
    return record;
}

// An entity for a word of the sample sentences ("Ada", "Grace", "Zürich", "Sentence", ...): its id
// and key come from the word, its canonical name is `name` (the word itself when empty).
inline EntityRecord sampleEntity(const QString &word, const QString &name = {},
                                 const QString &type = QStringLiteral("PERSON"))
{
    return {QStringLiteral("id-") + word.toLower(), type, name.isEmpty() ? word : name, word.toLower()};
}

// Adds `entities` to `record` with one mention per chunk of each (the first occurrence of its key,
// case-insensitively, in that chunk; every key must occur in every chunk) and, when there are at
// least two entities, one relation "met" from the first to the second per chunk, whose evidence
// is the whole chunk.
inline void addSampleExtraction(DocumentRecord &record, const QList<EntityRecord> &entities)
{
    record.entities += entities;
    for (qsizetype c = 0; c < record.chunks.size(); ++c) {
        const ChunkRecord &chunk = record.chunks.at(c);
        for (const EntityRecord &entity : entities) {
            const qsizetype at = chunk.text.indexOf(entity.key, 0, Qt::CaseInsensitive);
            if (at < 0)
                qFatal("sample entity %s is not in chunk %lld", qPrintable(entity.key), qint64(c));
            record.mentions.append({entity.id, c, chunk.start + at, chunk.start + at + entity.key.size(), 0.9});
        }
        if (entities.size() >= 2)
            record.relations.append({QStringLiteral("met"), entities.at(0).id, entities.at(1).id, c, chunk.start,
                                     chunk.end, QStringLiteral("met")});
    }
}

// Raw probes on a separate read-only connection of the calling thread.
inline qint64 countRows(const QString &projectPath, const QString &sql)
{
    ProjectConnection connection(projectPath, ProjectConnection::Access::ReadOnly);
    return connection.scalar(sql, QStringLiteral("test probe")).toLongLong();
}

inline QString scalarText(const QString &projectPath, const QString &sql)
{
    ProjectConnection connection(projectPath, ProjectConnection::Access::ReadOnly);
    return connection.scalar(sql, QStringLiteral("test probe")).toString();
}

inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
}

} // namespace gw::testing
