#pragma once
// Small documents written by tests: files full of names, made on the spot.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

namespace gw::testing {

// Writes `bytes` to `path`, creating its folder.
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly), qPrintable(path));
    file.write(bytes);
}

// About 50 bytes a sentence, a paragraph break every eight; `seed` varies the text so files
// differ (and are not skipped as unchanged copies).
inline QByteArray prose(int sentences, int seed = 0)
{
    static const char *names[] = {"Ada Lovelace",     "Charles Babbage", "Alan Turing",   "Grace Hopper",
                                  "John von Neumann", "Tommy Flowers",   "Maurice Wilkes"};
    static const char *places[] = {"London", "Cambridge", "Manchester", "Princeton", "Bletchley"};
    QByteArray out;
    for (int i = 0; i < sentences; ++i) {
        out += names[(i + seed) % 7];
        out += " worked in ";
        out += places[(i * 3 + seed) % 5];
        out += " on problem number " + QByteArray::number(i) + ". ";
        if (i % 8 == 7)
            out += "\n\n";
    }
    return out;
}

} // namespace gw::testing
