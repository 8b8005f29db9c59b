// Replays inputs through a fuzz harness without libFuzzer: every file named, and every file in
// every folder named (not recursive), in name order. Used by the normal suite to keep the seeds
// and each crash input ever found passing; prints how many inputs ran.
#include "fuzzharness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        const QFileInfo info(argument);
        if (info.isDir()) {
            const QDir dir(argument);
            for (const QString &name : dir.entryList(QDir::Files, QDir::Name))
                files << dir.filePath(name);
        } else if (info.isFile()) {
            files << argument;
        } else {
            std::fprintf(stderr, "replay: no such file or folder: %s\n", argv[i]);
            return 2;
        }
    }
    for (const QString &path : std::as_const(files)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "replay: cannot read %s: %s\n", qPrintable(path), qPrintable(file.errorString()));
            return 2;
        }
        const QByteArray input = file.readAll();
        std::fprintf(stderr, "replay: %s (%lld bytes)\n", qPrintable(path), qlonglong(input.size()));
        LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t *>(input.constData()), size_t(input.size()));
    }
    std::printf("replayed %lld inputs\n", qlonglong(files.size()));
    return files.isEmpty() ? 1 : 0; // a harness with no input at all would test nothing
}
