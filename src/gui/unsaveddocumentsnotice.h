#pragma once

#include "pipeline/documentprogress.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

class QMessageBox;
class QWidget;

namespace gw {

class IngestJob;

// Tells the person, once an ingest settles, that documents could not be saved in the project
// (the project file failed, not the documents): each such row in Jobs repeats a long reason that
// the table cuts short, and a full disk fails every document after the first few. One message
// names the project file and the cause (a full disk in plain words), says that the documents
// finished before are kept, and what to do. Each failure is told once; a retried document that
// fails again is told again.
class UnsavedDocumentsNotice : public QObject
{
    Q_OBJECT

public:
    // The message box is window-modal on `window` and never runs a nested event loop.
    explicit UnsavedDocumentsNotice(QWidget *window);

    // Watches `job` (not owned; nullptr: none) of the project at `projectPath`.
    void setJob(IngestJob *job, const QString &projectPath);

    // The message shown for `rows` (a job's snapshot), or an empty title when none of them is a
    // document the project could not save.
    struct Text
    {
        QString title;
        QString text;
        QString informative;
        QString details;
        QList<quint64> documents; // the unsaved ones
    };
    static Text describe(const QList<DocumentSnapshot> &rows, const QString &projectPath,
                         const QSet<quint64> &alreadyTold = {});

private:
    void check();

    QWidget *m_window;
    QPointer<IngestJob> m_job;
    QMetaObject::Connection m_idle;
    QString m_projectPath;
    QSet<quint64> m_told;
    QPointer<QMessageBox> m_box;
};

} // namespace gw
