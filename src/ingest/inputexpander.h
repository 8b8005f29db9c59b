#pragma once

#include "core/cancellation.h"
#include "documentformat.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gw {

struct InputDocument
{
    QString path; // absolute and clean; the path as found (a symlink keeps its own name)
    DocumentFormat format = DocumentFormat::Unknown;
    qint64 size = 0;
    QString stamp; // FileStamp::of() the file found (links followed)
};

struct SkippedInput
{
    QString path;
    QString reason; // for a person: "named pipe (FIFO), not a regular file"
};

struct ExpandedInputs
{
    QList<InputDocument> documents;
    QList<SkippedInput> skipped;
    QList<InputDocument> unchanged; // files the caller's test knew by their stamp; never opened
};

// Given a file's path and stamp, the format of the document already stored for exactly that file,
// or Unknown when it has to be read.
using KnownFileTest = std::function<DocumentFormat(const QString &path, const QString &stamp)>;

// Turns what a person dropped (files and folders) into the documents to ingest. Folders are walked
// recursively, each input's results sorted by path; symbolic links are followed, and a link back
// to a folder being walked is reported as a loop. Special files (FIFOs, devices, sockets) are
// skipped without ever being opened, so a named pipe cannot hang the job. Hidden entries inside
// folders are skipped silently; a hidden file named explicitly is taken. A file reached twice
// (same canonical path) is listed once. Unreadable files are still listed as documents: the read
// stage reports them as a LoadError with the file's name, where the person looks for failures.
// Blocking file-system work: call it off the GUI thread.
class InputExpander
{
public:
    static ExpandedInputs expand(const QStringList &inputs, const CancellationToken &token = {},
                                 const KnownFileTest &known = {});
};

} // namespace gw
