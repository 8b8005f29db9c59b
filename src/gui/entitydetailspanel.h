#pragma once

#include "graph/entityprovenance.h"

#include <QWidget>

class QAction;
class QLabel;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace gw {

// One entry of the "similar entities" list.
struct SimilarEntry
{
    QString id, name, type;
    double similarity = 0;
};

// The details of one entity: name, type, surface forms and mention count; the documents that
// mention it, each with its sentences (a click shows the sentence in context, the mention
// highlighted); its neighbours with relation types and the entities most similar to it. Shows
// what it is given: the workspace loads provenance off the GUI thread.
class EntityDetailsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit EntityDetailsPanel(QWidget *parent = nullptr);

    void clear();
    // While the provenance of `name` is being read.
    void showLoading(const QString &id, const QString &name);
    void setProvenance(const EntityProvenance &provenance);
    void setSimilarEntities(const QList<SimilarEntry> &entries);
    // Instead of the list: why there is none ("computing…", "no vectors").
    void setSimilarMessage(const QString &message);

    QString entityId() const { return m_provenance.id(); }
    const EntityProvenance &provenance() const { return m_provenance; }
    // Shows sentence `snippet` of document `document` (indices into provenance()) in context.
    void showSnippet(int document, int snippet);

    // For tests and the workspace.
    QLabel *nameLabel() const { return m_name; }
    QLabel *summaryLabel() const { return m_summary; }
    QLabel *aliasesLabel() const { return m_aliases; }
    QTreeWidget *documentsTree() const { return m_documents; }
    QTextBrowser *contextView() const { return m_context; }
    QTreeWidget *neighboursTree() const { return m_neighbours; }
    QTreeWidget *similarTree() const { return m_similar; }

    // Opens the current sentence in the reader (openInReaderRequested).
    QAction *openInReaderAction() const { return m_openInReader; }
    // The "Delete Relation" action of the neighbours list's context menu (for the selected row).
    QAction *deleteRelationAction() const { return m_deleteRelation; }

    // The context of a snippet as HTML: the sentence shaded, the mention highlighted.
    static QString contextHtml(const ProvenanceSnippet &snippet);

Q_SIGNALS:
    // A neighbour or similar entity was clicked: select it.
    void entityActivated(const QString &id);
    // A sentence was double-clicked (or Return, or "Open in Reader"): read the document there,
    // the mention [start, end) selected.
    void openInReaderRequested(qint64 documentId, const QString &path, qint64 start, qint64 end);
    // The neighbours list's context menu: delete the relation of this row (`outgoing`: the
    // entity shown is its subject; co-occurrence has no direction).
    void deleteRelationRequested(const QString &neighbourId, const QString &relationType, bool outgoing);

private:
    void onDocumentItem(QTreeWidgetItem *item);

    EntityProvenance m_provenance;
    QAction *m_deleteRelation = nullptr;
    QAction *m_openInReader = nullptr;
    QLabel *m_name = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_aliases = nullptr;
    QTreeWidget *m_documents = nullptr;
    QTextBrowser *m_context = nullptr;
    QTabWidget *m_relatedTabs = nullptr;
    QTreeWidget *m_neighbours = nullptr;
    QTreeWidget *m_similar = nullptr;
};

} // namespace gw
