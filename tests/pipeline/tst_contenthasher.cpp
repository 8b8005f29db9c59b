#include "pipeline/contenthasher.h"
#include "testmain.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

class TstContentHasher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The digest is what the store compares with the content_hash of every stored document: it
    // must stay the SHA-256 QCryptographicHash gave, whatever computes it and however the bytes
    // arrive (read in blocks).
    void equalsQtSha256ForAnySplitOfTheBytes()
    {
        QRandomGenerator random(14);
        for (const qsizetype size : {0, 1, 55, 56, 63, 64, 65, 4096, 5000, 100'000}) {
            QByteArray bytes(size, Qt::Uninitialized);
            for (char &byte : bytes)
                byte = char(random.bounded(256));
            const QString expected =
                QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
            gw::ContentHasher whole;
            whole.addData(bytes);
            QCOMPARE(whole.hexDigest(), expected);
            gw::ContentHasher pieces;
            for (qsizetype at = 0; at < size;) {
                const qsizetype length = qMin<qsizetype>(size - at, random.bounded(1, 700));
                pieces.addData(QByteArrayView(bytes).sliced(at, length));
                at += length;
            }
            QCOMPARE(pieces.hexDigest(), expected);
        }
        gw::ContentHasher known;
        known.addData("abc");
        QCOMPARE(known.hexDigest(), QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    }
};

GW_TEST_MAIN(TstContentHasher)
#include "tst_contenthasher.moc"
