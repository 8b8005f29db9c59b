#include "extractioncache.h"

#include <QCryptographicHash>

namespace gw {

QString ExtractionCache::requestKey(const QString &endpoint, const QString &model, int promptVersion,
                                    const QString &requestShape, const QString &chunkText)
{
    const QChar separator(0x1f);
    const QString input = endpoint + separator + model + separator + QString::number(promptVersion) + separator
        + requestShape + separator + chunkText;
    return QString::fromLatin1(QCryptographicHash::hash(input.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace gw
