#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace gw {

// Document metadata <-> the JSON in documents.metadata_json. Plain JSON keeps the column readable
// with any SQLite tool; values JSON has no type for are tagged so they come back with their type:
//   QDateTime -> {"$datetime": "2024-05-01T12:00:00.000Z"}   QDate -> {"$date": "2024-05-01"}
//   QTime     -> {"$time": "12:00:00.000"}                   QByteArray -> {"$bytes": base64}
// Integers come back as qlonglong, other numbers as double; other types go through their
// QVariant string form.
class MetadataCodec
{
public:
    static QByteArray toJson(const QVariantMap &metadata);
    // Invalid or empty JSON gives an empty map (metadata never makes a document unreadable).
    static QVariantMap fromJson(const QByteArray &json);
};

} // namespace gw
