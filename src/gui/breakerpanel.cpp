#include "breakerpanel.h"

#include "breakermodel.h"
#include "core/circuitbreaker.h"
#include "core/healthmonitor.h"

#include <QCoroTask>
#include <QHBoxLayout>
#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QSplitter>
#include <QTableView>
#include <QTime>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace gw {

namespace {

QColor healthColor(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok:
        return BreakerModel::stateColor(CircuitBreaker::State::Closed);
    case HealthStatus::Degraded:
        return BreakerModel::stateColor(CircuitBreaker::State::HalfOpen);
    case HealthStatus::Failed:
        return BreakerModel::stateColor(CircuitBreaker::State::Open);
    }
    return {};
}

QString healthText(HealthStatus status)
{
    switch (status) {
    case HealthStatus::Ok:
        return BreakerPanel::tr("ok");
    case HealthStatus::Degraded:
        return BreakerPanel::tr("degraded");
    case HealthStatus::Failed:
        return BreakerPanel::tr("failed");
    }
    return {};
}

QIcon healthIcon(HealthStatus status)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = healthColor(status);
    painter.setPen(QPen(color.darker(140), 1));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    painter.end();
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected); // keeps its colour on a selected row
    return icon;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

BreakerPanel::BreakerPanel(QWidget *parent)
    : QWidget(parent), m_model(new BreakerModel(this)), m_view(new QTableView),
      m_resetButton(new QPushButton(tr("&Reset"))), m_tripButton(new QPushButton(tr("&Trip"))),
      m_healthSummary(new QLabel), m_healthList(new QTreeWidget), m_splitter(new QSplitter(Qt::Horizontal)),
      m_healthTimer(new QTimer(this))
{
    m_view->setObjectName(QStringLiteral("breakerTable"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    // Widths from the font, not ResizeToContents: rows arrive after the view is laid out, and a
    // resize per sample would measure every row four times a second.
    const QFontMetrics metrics(m_view->font());
    auto *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(BreakerModel::NameColumn, metrics.horizontalAdvance(QStringLiteral("remote extractor")) + 24);
    // The longest state name in the interface language ("half-open" in English, not in every one).
    int stateWidth = 0;
    for (auto state : {CircuitBreaker::State::Closed, CircuitBreaker::State::HalfOpen, CircuitBreaker::State::Open})
        stateWidth = std::max(stateWidth, metrics.horizontalAdvance(BreakerModel::stateName(state)));
    header->resizeSection(BreakerModel::StateColumn, stateWidth + 40);
    header->resizeSection(BreakerModel::FailuresColumn, metrics.horizontalAdvance(tr("Failures")) + 24);
    header->resizeSection(BreakerModel::NextProbeColumn, metrics.horizontalAdvance(tr("Next probe")) + 24);
    header->setSectionResizeMode(BreakerModel::LastErrorColumn, QHeaderView::Stretch);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);

    m_resetButton->setObjectName(QStringLiteral("resetButton"));
    m_resetButton->setToolTip(tr("Close the selected breaker and forget its recent failures: "
                                 "the service is back"));
    m_tripButton->setObjectName(QStringLiteral("tripButton"));
    m_tripButton->setToolTip(tr("Open the selected breaker now: calls to its service are refused "
                                "until the recovery timeout"));
    connect(m_resetButton, &QPushButton::clicked, this, &BreakerPanel::resetSelected);
    connect(m_tripButton, &QPushButton::clicked, this, &BreakerPanel::tripSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &BreakerPanel::updateButtons);
    // dataChanged: the selected breaker's state decides which button makes sense.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &BreakerPanel::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &BreakerPanel::updateButtons);

    auto *breakers = new QWidget;
    auto *breakersLayout = new QVBoxLayout(breakers);
    breakersLayout->setContentsMargins(0, 0, 0, 0);
    breakersLayout->addWidget(heading(tr("Circuit breakers"), breakers));
    breakersLayout->addWidget(m_view);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resetButton);
    buttons->addWidget(m_tripButton);
    buttons->addStretch();
    breakersLayout->addLayout(buttons);

    m_healthSummary->setObjectName(QStringLiteral("healthSummary"));
    m_healthSummary->setWordWrap(true);
    m_healthList->setObjectName(QStringLiteral("healthList"));
    m_healthList->setColumnCount(2);
    m_healthList->setHeaderLabels({tr("Check"), tr("What it saw")});
    m_healthList->setRootIsDecorated(false);
    m_healthList->setWordWrap(true);
    m_healthList->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    auto *health = new QWidget;
    auto *healthLayout = new QVBoxLayout(health);
    healthLayout->setContentsMargins(0, 0, 0, 0);
    healthLayout->addWidget(heading(tr("Health"), health));
    healthLayout->addWidget(m_healthSummary);
    healthLayout->addWidget(m_healthList);

    m_splitter->addWidget(breakers);
    m_splitter->addWidget(health);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_splitter);

    m_healthTimer->setInterval(HealthIntervalMs);
    connect(m_healthTimer, &QTimer::timeout, this, &BreakerPanel::refreshHealth);
    setHealthMonitor(nullptr);
    updateButtons();
}

BreakerPanel::~BreakerPanel() = default;

void BreakerPanel::setRegistry(CircuitBreakerRegistry *registry)
{
    m_model->setRegistry(registry);
}

void BreakerPanel::setHealthMonitor(HealthMonitor *monitor)
{
    m_monitor = monitor;
    m_healthRounds.supersede(); // a report for the monitor replaced here is dropped
    m_healthList->clear();
    if (!monitor) {
        m_healthTimer->stop();
        m_healthSummary->setText(tr("No health checks in this window."));
        return;
    }
    m_healthSummary->setText(tr("Checking…"));
    m_healthTimer->start();
    refreshHealth();
}

bool BreakerPanel::refreshHealth()
{
    if (!m_monitor || m_healthRounds.isRunning())
        return false; // a slow check must not pile up rounds behind it
    checkHealth(m_monitor);
    return true;
}

QCoro::Task<> BreakerPanel::checkHealth(HealthMonitor *monitor)
{
    const LatestOnly::Ticket round = m_healthRounds.start();
    // The checks run on the global pool; the report comes back on this thread, or is dropped
    // when the panel (or its monitor) was replaced meanwhile.
    const HealthReport report = co_await monitor->runChecksAsync();
    if (!round.isLatest())
        co_return;
    m_healthRounds.finish(round);
    showHealth(report);
}

void BreakerPanel::showHealth(const HealthReport &report)
{
    m_healthSummary->setText(
        tr("Overall: %1 · checked at %2")
            .arg(healthText(report.overall), QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    m_healthSummary->setToolTip(tr("The checks run every %1 s").arg(HealthIntervalMs / 1000));
    // Rebuilt in place, so the list does not flicker or lose its scroll position.
    while (m_healthList->topLevelItemCount() > report.entries.size())
        delete m_healthList->takeTopLevelItem(m_healthList->topLevelItemCount() - 1);
    for (int i = 0; i < report.entries.size(); ++i) {
        const HealthEntry &entry = report.entries.at(i);
        QTreeWidgetItem *item = m_healthList->topLevelItem(i);
        if (!item)
            item = new QTreeWidgetItem(m_healthList);
        item->setIcon(0, healthIcon(entry.status));
        item->setText(0, entry.name);
        item->setToolTip(0, tr("%1, in %2 ms").arg(healthText(entry.status)).arg(entry.durationMs));
        item->setText(1, entry.reason);
        item->setToolTip(1, entry.reason);
    }
    Q_EMIT healthReportShown(report);
}

CircuitBreaker *BreakerPanel::selectedBreaker() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->breaker(rows.first().row());
}

void BreakerPanel::updateButtons()
{
    CircuitBreaker *breaker = selectedBreaker();
    const CircuitBreakerStats stats = breaker ? breaker->stats() : CircuitBreakerStats{};
    // Reset also clears the failures of a closed breaker that is close to opening.
    m_resetButton->setEnabled(breaker && (stats.state != CircuitBreaker::State::Closed || stats.failuresInWindow > 0));
    m_tripButton->setEnabled(breaker && stats.state != CircuitBreaker::State::Open);
}

void BreakerPanel::resetSelected()
{
    if (CircuitBreaker *breaker = selectedBreaker())
        breaker->reset();
    m_model->refresh();
    updateButtons();
}

void BreakerPanel::tripSelected()
{
    if (CircuitBreaker *breaker = selectedBreaker())
        breaker->trip(tr("tripped by hand"));
    m_model->refresh();
    updateButtons();
}

void BreakerPanel::resizeEvent(QResizeEvent *event)
{
    // Side by side in a wide bottom dock, stacked in a narrow side dock.
    m_splitter->setOrientation(event->size().width() >= event->size().height() * 3 / 2 ? Qt::Horizontal : Qt::Vertical);
    QWidget::resizeEvent(event);
}

} // namespace gw
