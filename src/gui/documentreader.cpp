#include "documentreader.h"

#include "graphscene.h"
#include "pipeline/projectgraph.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QPlainTextDocumentLayout>
#include <QPlainTextEdit>
#include <QPointer>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <algorithm>

Q_LOGGING_CATEGORY(lcReader, "gw.reader", QtInfoMsg)

namespace gw {

namespace {

// What the worker hands back: the document built for the view, and what the legend says.
struct BuiltDocument
{
    std::shared_ptr<QTextDocument> document;
    QList<std::pair<QString, int>> typeCounts; // most mentioned first
    double buildMs = 0;
};

// A mention's background: its type's colour, lightened so the text stays readable.
QColor tint(const QColor &colour)
{
    constexpr double keep = 0.42;
    return QColor::fromRgbF(float(colour.redF() * keep + (1 - keep)), float(colour.greenF() * keep + (1 - keep)),
                            float(colour.blueF() * keep + (1 - keep)));
}

// Types ordered by mentions in the document, most first (then by name).
QList<std::pair<QString, int>> typeCounts(const QList<DocumentMention> &mentions)
{
    QHash<QString, int> counts;
    for (const DocumentMention &mention : mentions)
        ++counts[mention.type];
    QList<std::pair<QString, int>> out;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        out.append({it.key(), it.value()});
    std::sort(out.begin(), out.end(), [](const auto &a, const auto &b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    return out;
}

// Builds the whole QTextDocument on the calling (worker) thread: text, one char format per
// mention in one edit block, the plain-text layout; then hands it to `owner`'s thread.
BuiltDocument buildDocument(const DocumentContent &content, const QHash<QString, QColor> &colours, const QFont &font,
                            QThread *owner, const CancellationToken &token)
{
    QElapsedTimer timer;
    timer.start();
    BuiltDocument built;
    built.typeCounts = typeCounts(content.mentions);
    auto document = std::make_unique<QTextDocument>();
    document->setUndoRedoEnabled(false);
    document->setDefaultFont(font);
    // QTextDocument folds "\r\n" into one paragraph break: a carriage return becomes a space, so
    // that every character keeps the offset the store gave it.
    QString text = content.text;
    text.replace(QLatin1Char('\r'), QLatin1Char(' '));
    document->setPlainText(text);
    token.throwIfCancelled();

    QHash<QString, QTextCharFormat> formatOfType;
    for (const auto &[type, count] : built.typeCounts) {
        Q_UNUSED(count);
        const QColor colour = colours.value(type, GraphScene::otherTypeColour());
        QTextCharFormat format;
        format.setBackground(tint(colour));
        format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
        format.setUnderlineColor(colour.darker(115));
        formatOfType.insert(type, format);
    }
    QTextCursor cursor(document.get());
    cursor.beginEditBlock();
    for (qsizetype i = 0; i < content.mentions.size(); ++i) {
        const DocumentMention &mention = content.mentions.at(i);
        QTextCharFormat format = formatOfType.value(mention.type);
        format.setProperty(DocumentReader::EntityIdProperty, mention.entityId);
        cursor.setPosition(int(mention.start));
        cursor.setPosition(int(mention.end), QTextCursor::KeepAnchor);
        cursor.setCharFormat(format);
        if (i % 4096 == 4095)
            token.throwIfCancelled();
    }
    cursor.endEditBlock();
    document->setDocumentLayout(new QPlainTextDocumentLayout(document.get()));
    // The view clears every block's layout when it takes the document (setTextWidth): made here,
    // 90,000 of them cost it 100 ms and more on the GUI thread.
    for (QTextBlock block = document->begin(); block.isValid(); block = block.next()) {
        block.layout();
        if (block.blockNumber() % 8192 == 8191)
            token.throwIfCancelled();
    }
    token.throwIfCancelled();
    document->moveToThread(owner); // with its layout
    // Deleted on the thread it belongs to: at once there, later from anywhere else.
    built.document.reset(document.release(), [](QTextDocument *d) {
        if (d->thread() == QThread::currentThread())
            delete d;
        else
            d->deleteLater();
    });
    built.buildMs = double(timer.nsecsElapsed()) / 1e6;
    return built;
}

} // namespace

DocumentReader::DocumentReader(QWidget *parent) : QWidget(parent)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *header = new QHBoxLayout;
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("readerTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    header->addWidget(m_title, 1);
    m_mentionLabel = new QLabel(this);
    header->addWidget(m_mentionLabel);

    m_previous = new QAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("&Previous Mention"), this);
    m_previous->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F3));
    m_previous->setToolTip(tr("Previous mention (Shift+F3)"));
    m_next = new QAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("&Next Mention"), this);
    m_next->setShortcut(QKeySequence(Qt::Key_F3));
    m_next->setToolTip(tr("Next mention (F3)"));
    m_showInGraph = new QAction(tr("Show in &Graph"), this);
    m_showInGraph->setToolTip(tr("Select the entity of this mention in the Graph tab (Return, or click a mention)"));
    for (QAction *action : {m_previous, m_next, m_showInGraph}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        auto *button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(action == m_showInGraph ? Qt::ToolButtonTextOnly : Qt::ToolButtonTextBesideIcon);
        header->addWidget(button);
    }
    connect(m_previous, &QAction::triggered, this, &DocumentReader::previousMention);
    connect(m_next, &QAction::triggered, this, &DocumentReader::nextMention);
    connect(m_showInGraph, &QAction::triggered, this, [this] { activateMention(); });
    layout->addLayout(header);

    m_legend = new QLabel(this);
    m_legend->setObjectName(QStringLiteral("readerLegend"));
    m_legend->setWordWrap(true);
    m_legend->setTextFormat(Qt::RichText);
    layout->addWidget(m_legend);

    m_view = new QPlainTextEdit(this);
    m_view->setObjectName(QStringLiteral("readerText"));
    m_view->setReadOnly(true);
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_view->viewport()->setMouseTracking(true);
    m_view->viewport()->installEventFilter(this);
    m_view->installEventFilter(this);
    layout->addWidget(m_view, 1);
    clear();
}

DocumentReader::~DocumentReader()
{
    m_view->setDocument(nullptr); // the view lets go before the document does
}

void DocumentReader::setProjectGraph(std::shared_ptr<ProjectGraph> project)
{
    m_project = std::move(project);
    clear();
}

void DocumentReader::setTypeColours(const QHash<QString, QColor> &colours)
{
    m_typeColours = colours;
}

QColor DocumentReader::colourOf(const QString &type) const
{
    return m_typeColours.value(type, GraphScene::otherTypeColour());
}

void DocumentReader::clear(const QString &message)
{
    m_opens.supersede();
    m_loading = false;
    m_content = {};
    m_current = -1;
    m_view->setDocument(nullptr); // an empty document of its own
    m_document.reset();
    m_view->setPlaceholderText(message.isEmpty() ? tr("Open a document (double-click or Return in the list above) "
                                                      "to read it with its entities highlighted.")
                                                 : message);
    m_title->setText(tr("No document open"));
    m_legend->clear();
    m_mentionLabel->clear();
    for (QAction *action : {m_previous, m_next, m_showInGraph})
        action->setEnabled(false);
}

void DocumentReader::setLoadingText(const QString &text)
{
    m_title->setText(text);
    m_legend->clear();
    m_mentionLabel->clear();
}

QCoro::Task<bool> DocumentReader::open(qint64 documentId, QString path, qint64 selectStart, qint64 selectEnd)
{
    QPointer<DocumentReader> self(this);
    const QString name = QFileInfo(path).fileName();
    std::shared_ptr<ProjectGraph> project = m_project;
    if (!project)
        co_return false;
    const LatestOnly::Ticket ticket = m_opens.start();
    m_loading = true;
    setLoadingText(tr("Reading %1…").arg(name));

    const JobResult<DocumentContent> read = co_await project->documentContent(documentId);
    if (!self || !ticket.isLatest() || read.end == JobEnd::Superseded)
        co_return false; // a newer open() or clear() owns the reader now
    if (read.end == JobEnd::Cancelled) {
        m_opens.finish(ticket);
        clear();
        co_return false;
    }
    if (!read.finished()) {
        m_opens.finish(ticket);
        clear(tr("Cannot read %1: %2").arg(name, read.error));
        Q_EMIT openFailed(read.error);
        co_return false;
    }
    const DocumentContent content = *read.value;
    // The colours the graph gives the types; types it does not know get the next free colours
    // by their rank in this document.
    QHash<QString, QColor> colours = m_typeColours;
    {
        QStringList unknown;
        for (const auto &[type, count] : typeCounts(content.mentions)) {
            Q_UNUSED(count);
            if (!colours.contains(type))
                unknown << type;
        }
        if (!unknown.isEmpty()) {
            QHash<QString, QColor> byRank = GraphScene::typeColours(QStringList(m_typeColours.keys()) + unknown);
            for (const QString &type : unknown)
                colours.insert(type, byRank.value(type));
        }
    }
    const QFont font = m_view->font();
    QThread *owner = thread();
    auto build = [content, colours, font, owner](const CancellationToken &token) {
        return buildDocument(content, colours, font, owner, token);
    };
    const JobResult<BuiltDocument> built = co_await tryOffThread(tr("lay out %1").arg(name), ticket.token(), build);
    if (!self || !ticket.isLatest())
        co_return false;
    m_opens.finish(ticket);
    m_loading = false;
    if (!built.finished()) {
        clear(tr("Cannot show %1: %2").arg(name, built.error));
        co_return false;
    }

    QElapsedTimer timer;
    timer.start();
    m_content = content;
    m_current = -1;
    std::shared_ptr<QTextDocument> previous = std::exchange(m_document, built.value->document);
    m_view->setDocument(m_document.get());
    m_title->setText(
        tr("<b>%1</b> · %n mention(s)", nullptr, int(m_content.mentions.size())).arg(name.toHtmlEscaped()));
    m_title->setToolTip(m_content.path);
    QStringList legend;
    for (const auto &[type, count] : built.value->typeCounts) {
        const QColor colour = colours.value(type, GraphScene::otherTypeColour());
        legend << QStringLiteral("<span style=\"background-color:%1; color:black\">&nbsp;%2&nbsp;</span>&nbsp;%3")
                      .arg(tint(colour).name(), (type.isEmpty() ? tr("(no type)") : type).toHtmlEscaped(),
                           QLocale().toString(count));
    }
    m_legend->setText(legend.isEmpty() ? tr("No entity is mentioned in this document.")
                                       : legend.join(QStringLiteral("&nbsp;&nbsp; ")));
    const bool any = !m_content.mentions.isEmpty();
    m_previous->setEnabled(any);
    m_next->setEnabled(any);
    m_showInGraph->setEnabled(false);
    updateMentionLabel();
    if (selectStart >= 0) {
        m_view->setFocus(); // Return shows the mention's entity again, F3 goes on
        int index = -1;
        for (int i = 0; i < m_content.mentions.size() && index < 0; ++i)
            if (m_content.mentions.at(i).start == selectStart && m_content.mentions.at(i).end == selectEnd)
                index = i;
        if (index >= 0) {
            selectMention(index);
        } else {
            QTextCursor cursor(m_document.get());
            cursor.setPosition(int(std::clamp<qint64>(selectStart, 0, m_content.text.size())));
            cursor.setPosition(int(std::clamp<qint64>(selectEnd, selectStart, m_content.text.size())),
                               QTextCursor::KeepAnchor);
            m_view->setTextCursor(cursor);
            m_view->centerCursor();
        }
    }
    m_lastShowMs = double(timer.nsecsElapsed()) / 1e6;
    // The previous document (as long to free as to build) goes after the new one is painted.
    QTimer::singleShot(0, this, [previous = std::move(previous)] {});
    qCInfo(lcReader, "%s: %lld characters, %lld mentions; built off the GUI thread in %.1f ms, shown in %.1f ms on it",
           qPrintable(m_content.path), qint64(m_content.text.size()), qint64(m_content.mentions.size()),
           built.value->buildMs, m_lastShowMs);
    Q_EMIT documentShown(m_content.id);
    co_return true;
}

int DocumentReader::mentionAt(qint64 position) const
{
    const QList<DocumentMention> &mentions = m_content.mentions;
    // The first mention starting after `position`, then back over those that may cover it.
    auto it = std::upper_bound(mentions.cbegin(), mentions.cend(), position,
                               [](qint64 p, const DocumentMention &m) { return p < m.start; });
    int best = -1;
    for (int i = int(it - mentions.cbegin()) - 1, looked = 0; i >= 0 && looked < 64; --i, ++looked) {
        if (mentions.at(i).end > position) {
            best = i;
            break;
        }
    }
    return best;
}

int DocumentReader::mentionUnder(const QPoint &viewportPos) const
{
    if (!m_document)
        return -1;
    const QTextCursor cursor = m_view->cursorForPosition(viewportPos);
    qint64 position = cursor.position();
    // The caret lands on the nearest boundary: the character under the point is the one before
    // it when the point is left of the caret.
    if (viewportPos.x() < m_view->cursorRect(cursor).x() && position > 0)
        --position;
    const int index = mentionAt(position);
    if (index < 0)
        return -1;
    // Past the end of a line the caret still lands on its last character: check the point is
    // on the mention's text.
    QTextCursor start(m_document.get());
    start.setPosition(int(m_content.mentions.at(index).start));
    QTextCursor end(m_document.get());
    end.setPosition(int(m_content.mentions.at(index).end));
    const QRect first = m_view->cursorRect(start), last = m_view->cursorRect(end);
    if (first.top() == last.top() && (viewportPos.x() < first.left() - 1 || viewportPos.x() > last.right() + 1))
        return -1;
    return index;
}

void DocumentReader::selectMention(int index)
{
    if (index < 0 || index >= m_content.mentions.size() || !m_document)
        return;
    m_current = index;
    const DocumentMention &mention = m_content.mentions.at(index);
    QTextCursor cursor(m_document.get());
    cursor.setPosition(int(mention.start));
    cursor.setPosition(int(mention.end), QTextCursor::KeepAnchor);
    m_view->setTextCursor(cursor);
    m_view->centerCursor();
    m_showInGraph->setEnabled(true);
    updateMentionLabel();
}

void DocumentReader::nextMention()
{
    if (m_content.mentions.isEmpty())
        return;
    if (m_current >= 0) {
        selectMention((m_current + 1) % int(m_content.mentions.size()));
        return;
    }
    const qint64 from = m_view->textCursor().selectionEnd();
    auto it = std::lower_bound(m_content.mentions.cbegin(), m_content.mentions.cend(), from,
                               [](const DocumentMention &m, qint64 p) { return m.start < p; });
    selectMention(it == m_content.mentions.cend() ? 0 : int(it - m_content.mentions.cbegin()));
}

void DocumentReader::previousMention()
{
    if (m_content.mentions.isEmpty())
        return;
    const int count = int(m_content.mentions.size());
    if (m_current >= 0) {
        selectMention((m_current + count - 1) % count);
        return;
    }
    const qint64 from = m_view->textCursor().selectionStart();
    auto it = std::lower_bound(m_content.mentions.cbegin(), m_content.mentions.cend(), from,
                               [](const DocumentMention &m, qint64 p) { return m.start < p; });
    const int index = int(it - m_content.mentions.cbegin()) - 1;
    selectMention(index < 0 ? count - 1 : index);
}

void DocumentReader::activateMention(int index)
{
    if (index < 0)
        index = m_current;
    if (index < 0 || index >= m_content.mentions.size())
        return;
    if (index != m_current)
        selectMention(index);
    Q_EMIT entityActivated(m_content.mentions.at(index).entityId);
}

void DocumentReader::updateMentionLabel()
{
    if (m_current < 0 || m_current >= m_content.mentions.size()) {
        m_mentionLabel->setText(m_content.mentions.isEmpty() ? QString()
                                                             : tr("F3: next mention, Return: show it in the graph"));
        return;
    }
    const DocumentMention &mention = m_content.mentions.at(m_current);
    m_mentionLabel->setText(tr("Mention %1 of %2: %3 (%4)")
                                .arg(QLocale().toString(m_current + 1), QLocale().toString(m_content.mentions.size()),
                                     mention.name, mention.type));
}

bool DocumentReader::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // The mention selected (F3, a click), else the one at the caret.
            int index = m_current;
            const QTextCursor cursor = m_view->textCursor();
            if (index < 0 || cursor.selectionStart() != m_content.mentions.at(index).start)
                index = mentionAt(cursor.position());
            if (index >= 0)
                activateMention(index);
            return true;
        }
        return false;
    }
    if (watched != m_view->viewport())
        return false;
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        m_pressed = mouse->button() == Qt::LeftButton;
        m_pressPos = mouse->position().toPoint();
        return false;
    }
    case QEvent::MouseButtonRelease: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        const QPoint at = mouse->position().toPoint();
        const bool click = m_pressed && mouse->button() == Qt::LeftButton
            && (at - m_pressPos).manhattanLength() < QApplication::startDragDistance();
        m_pressed = false;
        if (click) {
            const int index = mentionUnder(at);
            // After the view has finished its own click (which moves the caret).
            if (index >= 0)
                QMetaObject::invokeMethod(
                    this,
                    [this, index, id = m_content.id] {
                        if (m_content.id == id)
                            activateMention(index);
                    },
                    Qt::QueuedConnection);
        }
        return false;
    }
    case QEvent::MouseMove: {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->buttons() == Qt::NoButton)
            m_view->viewport()->setCursor(mentionUnder(mouse->position().toPoint()) >= 0 ? Qt::PointingHandCursor
                                                                                         : Qt::IBeamCursor);
        return false;
    }
    case QEvent::ToolTip: {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int index = mentionUnder(help->pos());
        if (index < 0) {
            QToolTip::hideText();
            return true;
        }
        const DocumentMention &mention = m_content.mentions.at(index);
        QToolTip::showText(help->globalPos(),
                           tr("%1 (%2): click to show it in the graph").arg(mention.name, mention.type), m_view);
        return true;
    }
    default:
        return false;
    }
}

} // namespace gw
