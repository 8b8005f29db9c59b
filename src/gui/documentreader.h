#pragma once

#include "core/latestonly.h"
#include "store/documenttextreader.h"

#include <QCoroTask>
#include <QColor>
#include <QHash>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QPlainTextEdit;
class QTextDocument;
class QToolButton;

namespace gw {

class ProjectGraph;

// Reads one document of the project: its text with every entity mention highlighted in its
// type's colour (the graph view's colours by type), a legend of the types, and the mentions one
// after the other (F3, Shift+F3). Clicking a mention, or Return on the selected one, asks for
// its entity (entityActivated).
//
// A document of several megabytes does not hold the event loop: its text and mentions are read
// off the GUI thread (ProjectGraph::documentContent), and its QTextDocument is built, formatted
// and laid out for plain text there too (QTextDocument is reentrant); the GUI thread only sets
// the finished document on the view.
class DocumentReader : public QWidget
{
    Q_OBJECT

public:
    // Set on every mention's characters: the entity id (QString).
    static constexpr int EntityIdProperty = 0x100000 + 1; // QTextFormat::UserProperty + 1

    explicit DocumentReader(QWidget *parent = nullptr);
    ~DocumentReader() override;

    // Clears the reader; documents are read from `project` from now on.
    void setProjectGraph(std::shared_ptr<ProjectGraph> project);
    // Colours of the entity types (GraphScene::typeColours of the graph shown); a type without
    // one takes a colour by its rank in the document. Applies to the next document opened.
    void setTypeColours(const QHash<QString, QColor> &colours);
    QColor colourOf(const QString &type) const;

    // Reads document `documentId` and shows it; when `selectStart` >= 0 the text [selectStart,
    // selectEnd) (a mention) is selected and scrolled into view. Latest-only: completes with
    // false when a newer open() or clear() superseded it, or when reading failed (said in the
    // reader).
    QCoro::Task<bool> open(qint64 documentId, QString path, qint64 selectStart = -1, qint64 selectEnd = -1);
    // Shows no document (and `message` instead, when given).
    void clear(const QString &message = {});

    qint64 documentId() const { return m_content.id; }
    QString path() const { return m_content.path; }
    bool isLoading() const { return m_loading; }
    const QList<DocumentMention> &mentions() const { return m_content.mentions; }
    // The mention covering character `position` of the text (the innermost, the latest
    // starting); -1 when none does.
    int mentionAt(qint64 position) const;
    int currentMention() const { return m_current; }
    // Selects mention `index` in the text and scrolls to it.
    void selectMention(int index);
    void nextMention();
    void previousMention();
    // Asks for mention `index`'s entity (entityActivated); the current mention when -1.
    void activateMention(int index = -1);
    // Time the GUI thread spent showing the last document (setting it on the view, selecting).
    double lastShowMs() const { return m_lastShowMs; }

    // For tests and the window.
    QPlainTextEdit *textView() const { return m_view; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *legendLabel() const { return m_legend; }
    QAction *nextAction() const { return m_next; }
    QAction *previousAction() const { return m_previous; }
    QAction *showInGraphAction() const { return m_showInGraph; }

Q_SIGNALS:
    void entityActivated(const QString &entityId);
    void documentShown(qint64 documentId);
    void openFailed(const QString &why);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int mentionUnder(const QPoint &viewportPos) const;
    void updateMentionLabel();
    void setLoadingText(const QString &text);

    std::shared_ptr<ProjectGraph> m_project;
    LatestOnly m_opens;                        // the document being built
    std::shared_ptr<QTextDocument> m_document; // shown by m_view; deleted on this thread
    DocumentContent m_content;
    QHash<QString, QColor> m_typeColours;
    int m_current = -1;
    bool m_loading = false;
    double m_lastShowMs = 0;
    QPoint m_pressPos;
    bool m_pressed = false;

    QLabel *m_title = nullptr;
    QLabel *m_legend = nullptr;
    QLabel *m_mentionLabel = nullptr;
    QPlainTextEdit *m_view = nullptr;
    QAction *m_next = nullptr;
    QAction *m_previous = nullptr;
    QAction *m_showInGraph = nullptr;
};

} // namespace gw
