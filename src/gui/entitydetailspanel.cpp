#include "entitydetailspanel.h"

#include <QFileInfo>
#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QRegularExpression>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gw {

namespace {
constexpr int DocumentRole = Qt::UserRole + 1;
constexpr int SnippetRole = Qt::UserRole + 2;
constexpr int EntityIdRole = Qt::UserRole + 3;
constexpr int RelationTypeRole = Qt::UserRole + 4;
constexpr int OutgoingRole = Qt::UserRole + 5;

QTreeWidget *makeTree(const QStringList &headers, QWidget *parent)
{
    auto *tree = new QTreeWidget(parent);
    tree->setHeaderLabels(headers);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int c = 1; c < headers.size(); ++c)
        tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    return tree;
}

// Hard-wrapped source lines read as one paragraph; blank lines still separate paragraphs.
QString escaped(const QString &text)
{
    static const QRegularExpression blankLine(QStringLiteral("\\n[ \\t]*\\n\\s*"));
    return text.toHtmlEscaped()
        .replace(blankLine, QStringLiteral("<br><br>"))
        .replace(QLatin1Char('\n'), QLatin1Char(' '));
}
} // namespace

EntityDetailsPanel::EntityDetailsPanel(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_name = new QLabel(this);
    m_name->setObjectName(QStringLiteral("entityName"));
    QFont big = m_name->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_name->setFont(big);
    m_name->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_name->setWordWrap(true);
    m_summary = new QLabel(this);
    m_aliases = new QLabel(this);
    m_aliases->setWordWrap(true);
    m_aliases->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_name);
    layout->addWidget(m_summary);
    layout->addWidget(m_aliases);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    m_documents = new QTreeWidget(splitter);
    m_documents->setHeaderLabels({tr("Documents and sentences")});
    m_documents->setWordWrap(false);
    m_documents->setUniformRowHeights(true);
    m_documents->setToolTip(tr("Click a sentence to read it in context; double-click it (or Return) to open the "
                               "document in the reader there"));
    m_context = new QTextBrowser(splitter);
    m_context->setObjectName(QStringLiteral("contextView"));
    m_context->setPlaceholderText(tr("Click a sentence above to read it in its document."));
    m_relatedTabs = new QTabWidget(splitter);
    m_neighbours = makeTree({tr("Neighbour"), tr("Relation"), tr("Weight")}, m_relatedTabs);
    m_similar = makeTree({tr("Entity"), tr("Type"), tr("Similarity")}, m_relatedTabs);
    m_relatedTabs->addTab(m_neighbours, tr("Neighbours"));
    m_relatedTabs->addTab(m_similar, tr("Similar entities"));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 3);
    layout->addWidget(splitter, 1);

    connect(m_documents, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { onDocumentItem(item); });
    connect(m_documents, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) { onDocumentItem(item); });
    // The whole document, in the reader of the Documents tab, at this sentence's mention.
    m_openInReader = new QAction(tr("&Open in Reader"), m_documents);
    m_documents->addAction(m_openInReader);
    m_documents->setContextMenuPolicy(Qt::ActionsContextMenu);
    const auto openInReader = [this](QTreeWidgetItem *item) {
        const int d = item ? item->data(0, DocumentRole).toInt() : -1;
        const int s = item ? item->data(0, SnippetRole).toInt() : -1;
        if (d < 0 || d >= m_provenance.documents().size() || item->flags() == Qt::NoItemFlags)
            return;
        const ProvenanceDocument &document = m_provenance.documents().at(d);
        if (s >= 0 && s < document.snippets.size())
            Q_EMIT openInReaderRequested(document.id, document.path, document.snippets.at(s).start,
                                         document.snippets.at(s).end);
        else if (!document.snippets.isEmpty()) // a document row: at its first sentence
            Q_EMIT openInReaderRequested(document.id, document.path, document.snippets.first().start,
                                         document.snippets.first().end);
    };
    connect(m_documents, &QTreeWidget::itemActivated, this, openInReader);
    connect(m_openInReader, &QAction::triggered, this,
            [this, openInReader] { openInReader(m_documents->currentItem()); });
    for (QTreeWidget *tree : {m_neighbours, m_similar}) {
        connect(tree, &QTreeWidget::itemClicked, this,
                [this](QTreeWidgetItem *item) { Q_EMIT entityActivated(item->data(0, EntityIdRole).toString()); });
        connect(tree, &QTreeWidget::itemActivated, this,
                [this](QTreeWidgetItem *item) { Q_EMIT entityActivated(item->data(0, EntityIdRole).toString()); });
    }
    // A neighbour's relation can be deleted where it is read (undo with Ctrl+Z).
    m_deleteRelation = new QAction(tr("&Delete This Relation"), m_neighbours);
    m_neighbours->addAction(m_deleteRelation);
    m_neighbours->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(m_deleteRelation, &QAction::triggered, this, [this] {
        if (const QTreeWidgetItem *item = m_neighbours->currentItem())
            Q_EMIT deleteRelationRequested(item->data(0, EntityIdRole).toString(),
                                           item->data(0, RelationTypeRole).toString(),
                                           item->data(0, OutgoingRole).toBool());
    });
    clear();
}

void EntityDetailsPanel::clear()
{
    m_provenance = {};
    m_name->setText(tr("No entity selected"));
    m_summary->setText(tr("Select an entity in the table or the graph."));
    m_aliases->clear();
    m_documents->clear();
    m_context->clear();
    m_neighbours->clear();
    m_similar->clear();
}

void EntityDetailsPanel::showLoading(const QString &id, const QString &name)
{
    clear();
    m_name->setText(name);
    m_name->setToolTip(id);
    m_summary->setText(tr("Reading where it comes from…"));
}

void EntityDetailsPanel::setProvenance(const EntityProvenance &provenance)
{
    m_provenance = provenance;
    m_documents->clear();
    m_context->clear();
    m_neighbours->clear();
    if (!provenance.found()) {
        m_name->setText(tr("Entity not found"));
        m_summary->setText(tr("The project no longer has it; refresh the graph."));
        m_aliases->clear();
        return;
    }
    m_name->setText(provenance.name());
    m_name->setToolTip(provenance.id());
    m_summary->setText(tr("%1 · %n mention(s)", nullptr, int(provenance.mentionCount())).arg(provenance.type())
                       + QStringLiteral(" · ") + tr("%n document(s)", nullptr, int(provenance.documentCount())));
    QStringList aliases = provenance.aliases();
    constexpr int shownAliases = 12;
    const qsizetype more = aliases.size() - shownAliases;
    if (more > 0)
        aliases.resize(shownAliases);
    QString aliasText = tr("Written as: %1").arg(aliases.join(QStringLiteral(", ")));
    if (more > 0)
        aliasText += QLatin1Char(' ') + tr("and %n more", nullptr, int(more));
    m_aliases->setText(aliases.isEmpty() ? QString() : aliasText);

    const QList<ProvenanceDocument> &documents = provenance.documents();
    for (int d = 0; d < documents.size(); ++d) {
        const ProvenanceDocument &document = documents.at(d);
        auto *top = new QTreeWidgetItem(m_documents);
        top->setText(
            0, tr("%1 (%n mention(s))", nullptr, int(document.mentions)).arg(QFileInfo(document.path).fileName()));
        top->setToolTip(0, document.path);
        top->setData(0, DocumentRole, d);
        top->setData(0, SnippetRole, -1);
        QFont bold = top->font(0);
        bold.setBold(true);
        top->setFont(0, bold);
        for (int s = 0; s < document.snippets.size(); ++s) {
            const ProvenanceSnippet &snippet = document.snippets.at(s);
            auto *child = new QTreeWidgetItem(top);
            child->setText(0, snippet.sentence);
            child->setToolTip(0, snippet.sentence);
            child->setData(0, DocumentRole, d);
            child->setData(0, SnippetRole, s);
        }
        if (document.snippets.size() < document.mentions) {
            auto *note = new QTreeWidgetItem(top);
            note->setText(0, tr("… more mentions in this document"));
            note->setFlags(Qt::NoItemFlags);
        }
    }
    // The first few documents open, so their sentences show without a click.
    for (int d = 0; d < std::min(3, m_documents->topLevelItemCount()); ++d)
        m_documents->topLevelItem(d)->setExpanded(true);

    for (const ProvenanceNeighbour &neighbour : provenance.neighbours()) {
        auto *item = new QTreeWidgetItem(m_neighbours);
        item->setText(0, neighbour.name);
        item->setToolTip(0, neighbour.type);
        // The arrow reads from this entity: "→ works_for" (it works for them), "← works_for";
        // "↔ co_occurs" has no direction.
        item->setText(1,
                      (!neighbour.directed      ? QStringLiteral("↔ ")
                           : neighbour.outgoing ? QStringLiteral("→ ")
                                                : QStringLiteral("← "))
                          + neighbour.relationType);
        item->setText(2, QString::number(neighbour.weight));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, EntityIdRole, neighbour.id);
        item->setData(0, RelationTypeRole, neighbour.relationType);
        item->setData(0, OutgoingRole, neighbour.outgoing);
    }
    if (!documents.isEmpty() && !documents.first().snippets.isEmpty())
        showSnippet(0, 0);
}

void EntityDetailsPanel::setSimilarEntities(const QList<SimilarEntry> &entries)
{
    m_similar->clear();
    for (const SimilarEntry &entry : entries) {
        auto *item = new QTreeWidgetItem(m_similar);
        item->setText(0, entry.name);
        item->setText(1, entry.type);
        item->setText(2, QString::number(entry.similarity, 'f', 3));
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        item->setData(0, EntityIdRole, entry.id);
    }
    if (entries.isEmpty())
        setSimilarMessage(tr("No similar entities (it has no relations)."));
}

void EntityDetailsPanel::setSimilarMessage(const QString &message)
{
    m_similar->clear();
    auto *item = new QTreeWidgetItem(m_similar);
    item->setText(0, message);
    item->setFlags(Qt::NoItemFlags);
}

void EntityDetailsPanel::onDocumentItem(QTreeWidgetItem *item)
{
    if (!item)
        return;
    const int snippet = item->data(0, SnippetRole).toInt();
    if (snippet >= 0 && item->data(0, DocumentRole).isValid())
        showSnippet(item->data(0, DocumentRole).toInt(), snippet);
}

void EntityDetailsPanel::showSnippet(int document, int snippet)
{
    const QList<ProvenanceDocument> &documents = m_provenance.documents();
    if (document < 0 || document >= documents.size() || snippet < 0
        || snippet >= documents.at(document).snippets.size())
        return;
    const ProvenanceDocument &shown = documents.at(document);
    m_context->setHtml(QStringLiteral("<p style='color:gray'>%1</p><p>%2</p>")
                           .arg(shown.path.toHtmlEscaped(), contextHtml(shown.snippets.at(snippet))));
    // Bring the highlighted mention into view.
    m_context->scrollToAnchor(QStringLiteral("mention"));
}

QString EntityDetailsPanel::contextHtml(const ProvenanceSnippet &snippet)
{
    const QString &text = snippet.context;
    const qint64 sentenceFrom = std::clamp<qint64>(snippet.sentenceStart - snippet.contextStart, 0, text.size());
    const qint64 sentenceTo = std::clamp<qint64>(snippet.sentenceEnd - snippet.contextStart, sentenceFrom, text.size());
    const qint64 mentionFrom = std::clamp<qint64>(snippet.start - snippet.contextStart, sentenceFrom, sentenceTo);
    const qint64 mentionTo = std::clamp<qint64>(snippet.end - snippet.contextStart, mentionFrom, sentenceTo);
    QString html;
    if (snippet.contextStart > 0)
        html += QStringLiteral("… ");
    html += escaped(text.left(sentenceFrom));
    html += QStringLiteral("<span style='background-color:#fff3b0'>");
    html += escaped(text.mid(sentenceFrom, mentionFrom - sentenceFrom));
    html += QStringLiteral("<a name='mention'></a><span style='background-color:#ffb74d; font-weight:bold'>");
    html += escaped(text.mid(mentionFrom, mentionTo - mentionFrom));
    html += QStringLiteral("</span>");
    html += escaped(text.mid(mentionTo, sentenceTo - mentionTo));
    html += QStringLiteral("</span>");
    html += escaped(text.mid(sentenceTo));
    html += QStringLiteral(" …");
    return html;
}

} // namespace gw
