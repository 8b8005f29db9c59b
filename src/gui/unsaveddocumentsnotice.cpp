#include "unsaveddocumentsnotice.h"

#include "pipeline/ingestjob.h"
#include "store/storeerror.h"

#include <QDir>
#include <QMessageBox>
#include <QWidget>

namespace gw {

namespace {

constexpr int detailedDocuments = 20; // more would only lengthen the scroll

} // namespace

UnsavedDocumentsNotice::UnsavedDocumentsNotice(QWidget *window) : QObject(window), m_window(window) {}

void UnsavedDocumentsNotice::setJob(IngestJob *job, const QString &projectPath)
{
    disconnect(m_idle);
    m_job = job;
    m_projectPath = projectPath;
    m_told.clear();
    if (m_box)
        m_box->close();
    if (job)
        m_idle = connect(job, &IngestJob::idle, this, &UnsavedDocumentsNotice::check);
}

UnsavedDocumentsNotice::Text UnsavedDocumentsNotice::describe(const QList<DocumentSnapshot> &rows,
                                                              const QString &projectPath,
                                                              const QSet<quint64> &alreadyTold)
{
    // A store error names the project file (StoreError: 'Project file "<path>": ...'); a
    // document that could not be read names no project.
    const QString project = QDir::toNativeSeparators(projectPath);
    Text out;
    QString reason;
    bool diskFull = false;
    QStringList paths;
    int kept = 0;
    for (const DocumentSnapshot &row : rows) {
        kept += row.state == DocumentState::Done;
        if (row.state != DocumentState::Failed || !row.message.contains(project) || alreadyTold.contains(row.id))
            continue;
        out.documents << row.id;
        if (reason.isEmpty())
            reason = row.message;
        diskFull = diskFull || StoreError::reportsFullDisk(row.message);
        if (paths.size() < detailedDocuments)
            paths << QDir::toNativeSeparators(row.path);
    }
    if (out.documents.isEmpty())
        return out;
    // Counts stand where English needs no plural: the window has no English translation.
    const int unsaved = int(out.documents.size());
    if (diskFull) {
        out.title = tr("The Disk Is Full");
        out.text = tr("The disk that holds the project %1 is full: it has no room for %2 of the documents.")
                       .arg(project)
                       .arg(unsaved);
        out.informative = tr("Free some space on that disk, or save the project elsewhere (File → Save Project "
                             "As), then retry the failed documents in Jobs.");
    } else {
        out.title = tr("Documents Not Saved");
        out.text = tr("The project %1 could not save %2 of the documents.").arg(project).arg(unsaved);
        out.informative = tr("The reason is in the details; once it is fixed, retry the failed documents in Jobs.");
    }
    if (kept > 0)
        out.informative = tr("The documents finished before (%1) are kept in the project.").arg(kept) + QLatin1Char(' ')
            + out.informative;
    QStringList details{tr("Reason: %1").arg(reason), QString(), tr("Not saved:")};
    details += paths;
    if (unsaved > paths.size())
        details << tr("… and %n more", nullptr, unsaved - int(paths.size()));
    out.details = details.join(QLatin1Char('\n'));
    return out;
}

void UnsavedDocumentsNotice::check()
{
    if (!m_job || !m_job->isIdle())
        return;
    const QList<DocumentSnapshot> rows = m_job->snapshot();
    // Forget the documents that are no longer failed (retried): a new failure is told again.
    QSet<quint64> failed;
    for (const DocumentSnapshot &row : rows)
        if (row.state == DocumentState::Failed)
            failed.insert(row.id);
    m_told.intersect(failed);
    const Text text = describe(rows, m_projectPath, m_told);
    if (text.documents.isEmpty())
        return;
    for (quint64 id : text.documents)
        m_told.insert(id);
    if (m_box)
        m_box->close(); // the newer account replaces it
    auto *box = new QMessageBox(QMessageBox::Warning, text.title, text.text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("unsavedDocuments"));
    box->setInformativeText(text.informative);
    box->setDetailedText(text.details);
    box->setAttribute(Qt::WA_DeleteOnClose);
    m_box = box;
    box->open(); // never a nested event loop
}

} // namespace gw
