#include "jsonschemavalidator.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include <cmath>

namespace gw {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("gw::JsonSchemaValidator", text);
}

bool hasType(const QJsonValue &value, const QString &type)
{
    if (type == QLatin1String("object"))
        return value.isObject();
    if (type == QLatin1String("array"))
        return value.isArray();
    if (type == QLatin1String("string"))
        return value.isString();
    if (type == QLatin1String("number"))
        return value.isDouble();
    if (type == QLatin1String("integer"))
        return value.isDouble() && std::trunc(value.toDouble()) == value.toDouble();
    if (type == QLatin1String("boolean"))
        return value.isBool();
    if (type == QLatin1String("null"))
        return value.isNull();
    return false; // a type this subset does not know accepts nothing: the schema is wrong
}

// A short rendering of a value for messages: a megabyte-long string is not repeated whole.
QString shortly(const QJsonValue &value)
{
    QString text;
    if (value.isString())
        text = QStringLiteral("\"%1\"").arg(value.toString());
    else if (value.isObject())
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    else if (value.isArray())
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    else if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    else if (value.isDouble())
        text = QString::number(value.toDouble());
    else
        text = QStringLiteral("null");
    return text.size() > 60 ? text.left(57) + QStringLiteral("...") : text;
}

qsizetype codePoints(const QString &text)
{
    qsizetype count = text.size();
    for (const QChar ch : text)
        if (ch.isLowSurrogate())
            --count;
    return count;
}

QString typeNames(const QJsonValue &type)
{
    if (type.isArray()) {
        QStringList names;
        for (const QJsonValue &name : type.toArray())
            names << name.toString();
        return names.join(QStringLiteral(" or "));
    }
    return type.toString();
}

} // namespace

QString JsonSchemaValidator::violation(const QJsonObject &schema, const QJsonValue &value, const QString &path)
{
    const QJsonValue type = schema.value(QStringLiteral("type"));
    if (!type.isUndefined()) {
        bool matches = false;
        if (type.isArray()) {
            for (const QJsonValue &name : type.toArray())
                matches = matches || hasType(value, name.toString());
        } else {
            matches = hasType(value, type.toString());
        }
        if (!matches)
            return tr("%1: %2 is not of type %3").arg(path, shortly(value), typeNames(type));
    }
    const QJsonValue constant = schema.value(QStringLiteral("const"));
    if (!constant.isUndefined() && constant != value)
        return tr("%1: %2 is not %3").arg(path, shortly(value), shortly(constant));
    const QJsonValue allowed = schema.value(QStringLiteral("enum"));
    if (allowed.isArray() && !allowed.toArray().contains(value)) {
        QStringList names;
        for (const QJsonValue &option : allowed.toArray())
            names << shortly(option);
        return tr("%1: %2 is not one of %3").arg(path, shortly(value), names.join(QStringLiteral(", ")));
    }

    if (value.isString()) {
        const qsizetype length = codePoints(value.toString());
        const QJsonValue minLength = schema.value(QStringLiteral("minLength"));
        const QJsonValue maxLength = schema.value(QStringLiteral("maxLength"));
        if (minLength.isDouble() && length < minLength.toDouble())
            return tr("%1: %2 characters, fewer than %3").arg(path).arg(length).arg(minLength.toDouble());
        if (maxLength.isDouble() && length > maxLength.toDouble())
            return tr("%1: %2 characters, more than %3").arg(path).arg(length).arg(maxLength.toDouble());
    }
    if (value.isDouble()) {
        const QJsonValue minimum = schema.value(QStringLiteral("minimum"));
        const QJsonValue maximum = schema.value(QStringLiteral("maximum"));
        if (minimum.isDouble() && value.toDouble() < minimum.toDouble())
            return tr("%1: %2 is less than %3").arg(path).arg(value.toDouble()).arg(minimum.toDouble());
        if (maximum.isDouble() && value.toDouble() > maximum.toDouble())
            return tr("%1: %2 is more than %3").arg(path).arg(value.toDouble()).arg(maximum.toDouble());
    }
    if (value.isArray()) {
        const QJsonArray items = value.toArray();
        const QJsonValue minItems = schema.value(QStringLiteral("minItems"));
        const QJsonValue maxItems = schema.value(QStringLiteral("maxItems"));
        if (minItems.isDouble() && items.size() < minItems.toDouble())
            return tr("%1: %2 items, fewer than %3").arg(path).arg(items.size()).arg(minItems.toDouble());
        if (maxItems.isDouble() && items.size() > maxItems.toDouble())
            return tr("%1: %2 items, more than %3").arg(path).arg(items.size()).arg(maxItems.toDouble());
        const QJsonValue itemSchema = schema.value(QStringLiteral("items"));
        if (itemSchema.isObject()) {
            for (qsizetype i = 0; i < items.size(); ++i) {
                const QString found =
                    violation(itemSchema.toObject(), items.at(i), QStringLiteral("%1[%2]").arg(path).arg(i));
                if (!found.isEmpty())
                    return found;
            }
        }
    }
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
        for (const QJsonValue &name : schema.value(QStringLiteral("required")).toArray())
            if (!object.contains(name.toString()))
                return tr("%1: \"%2\" is missing").arg(path, name.toString());
        const QJsonValue additional = schema.value(QStringLiteral("additionalProperties"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString where = path + u'.' + it.key();
            QString found;
            if (properties.contains(it.key()))
                found = violation(properties.value(it.key()).toObject(), it.value(), where);
            else if (additional.isBool() && !additional.toBool())
                found = tr("%1: \"%2\" is not allowed here").arg(path, it.key());
            else if (additional.isObject())
                found = violation(additional.toObject(), it.value(), where);
            if (!found.isEmpty())
                return found;
        }
    }
    return {};
}

} // namespace gw
