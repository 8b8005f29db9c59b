#include "metadatacodec.h"

#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QTime>

namespace gw {

namespace {

const QString dateTimeTag = QStringLiteral("$datetime");
const QString dateTag = QStringLiteral("$date");
const QString timeTag = QStringLiteral("$time");
const QString bytesTag = QStringLiteral("$bytes");

QJsonValue encode(const QVariant &value);

QJsonObject encodeMap(const QVariantMap &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), encode(it.value()));
    return object;
}

QJsonValue tagged(const QString &tag, const QString &text)
{
    return QJsonObject{{tag, text}};
}

QJsonValue encode(const QVariant &value)
{
    switch (value.metaType().id()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr:
        return QJsonValue::Null;
    case QMetaType::QDateTime:
        return tagged(dateTimeTag, value.toDateTime().toString(Qt::ISODateWithMs));
    case QMetaType::QDate:
        return tagged(dateTag, value.toDate().toString(Qt::ISODate));
    case QMetaType::QTime:
        return tagged(timeTag, value.toTime().toString(Qt::ISODateWithMs));
    case QMetaType::QByteArray:
        return tagged(bytesTag, QString::fromLatin1(value.toByteArray().toBase64()));
    case QMetaType::QVariantMap:
        return encodeMap(value.toMap());
    case QMetaType::QVariantHash: {
        const QVariantHash hash = value.toHash();
        QVariantMap map;
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            map.insert(it.key(), it.value());
        return encodeMap(map);
    }
    case QMetaType::QVariantList:
    case QMetaType::QStringList: {
        QJsonArray array;
        for (const QVariant &item : value.toList())
            array.append(encode(item));
        return array;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
    case QMetaType::Double:
    case QMetaType::Float:
    case QMetaType::QString:
        return QJsonValue::fromVariant(value);
    default:
        return value.canConvert<QString>() ? QJsonValue(value.toString()) : QJsonValue::Null;
    }
}

QVariant decode(const QJsonValue &value);

QVariant decodeObject(const QJsonObject &object)
{
    if (object.size() == 1) {
        const QString key = object.constBegin().key();
        const QString text = object.constBegin().value().toString();
        if (key == dateTimeTag)
            return QDateTime::fromString(text, Qt::ISODateWithMs);
        if (key == dateTag)
            return QDate::fromString(text, Qt::ISODate);
        if (key == timeTag)
            return QTime::fromString(text, Qt::ISODateWithMs);
        if (key == bytesTag)
            return QByteArray::fromBase64(text.toLatin1());
    }
    QVariantMap map;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it)
        map.insert(it.key(), decode(it.value()));
    return map;
}

QVariant decode(const QJsonValue &value)
{
    if (value.isObject())
        return decodeObject(value.toObject());
    if (value.isArray()) {
        QVariantList list;
        for (const QJsonValue item : value.toArray())
            list.append(decode(item));
        return list;
    }
    return value.toVariant();
}

} // namespace

QByteArray MetadataCodec::toJson(const QVariantMap &metadata)
{
    return QJsonDocument(encodeMap(metadata)).toJson(QJsonDocument::Compact);
}

QVariantMap MetadataCodec::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    return document.isObject() ? decodeObject(document.object()).toMap() : QVariantMap();
}

} // namespace gw
