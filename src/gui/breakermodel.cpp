#include "breakermodel.h"

#include "core/circuitbreakerregistry.h"

#include <QColor>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QTimer>

#include <algorithm>

namespace gw {

namespace {

int stateIndex(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return 0;
    case CircuitBreaker::State::HalfOpen:
        return 1;
    case CircuitBreaker::State::Open:
        return 2;
    }
    return 0;
}

QIcon dotIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(color.darker(140), 1));
    painter.setBrush(color);
    painter.drawEllipse(QRectF(2.5, 2.5, 11, 11));
    painter.end();
    QIcon icon(pixmap);
    icon.addPixmap(pixmap, QIcon::Selected); // keeps its colour on a selected row
    return icon;
}

// Whole seconds, rounded up: "next probe in 1 s" until it actually is due.
qint64 secondsUntilProbe(const CircuitBreakerStats &stats)
{
    return (stats.msUntilProbe + 999) / 1000;
}

} // namespace

BreakerModel::BreakerModel(QObject *parent) : QAbstractTableModel(parent), m_timer(new QTimer(this))
{
    for (auto state : {CircuitBreaker::State::Closed, CircuitBreaker::State::HalfOpen, CircuitBreaker::State::Open})
        m_stateIcons[stateIndex(state)] = dotIcon(stateColor(state));
    m_timer->setInterval(SampleIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &BreakerModel::refresh);
}

BreakerModel::~BreakerModel() = default;

void BreakerModel::setRegistry(CircuitBreakerRegistry *registry)
{
    if (registry == m_registry)
        return;
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    beginResetModel();
    m_rows.clear();
    m_registry = registry;
    if (registry) {
        // Queued: both signals come on whichever thread created or changed a breaker.
        m_connections << connect(registry, &CircuitBreakerRegistry::breakerAdded, this, &BreakerModel::addBreaker,
                                 Qt::QueuedConnection);
        m_connections << connect(registry, &CircuitBreakerRegistry::anyStateChanged, this, &BreakerModel::refresh,
                                 Qt::QueuedConnection);
        m_connections << connect(registry, &QObject::destroyed, this, [this] {
            beginResetModel();
            m_rows.clear();
            endResetModel();
            m_timer->stop();
        });
        for (CircuitBreaker *breaker : registry->breakers())
            m_rows.append(Row{breaker, breaker->stats()});
        m_timer->start();
    } else {
        m_timer->stop();
    }
    endResetModel();
}

CircuitBreaker *BreakerModel::breaker(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).breaker : nullptr;
}

void BreakerModel::addBreaker(CircuitBreaker *breaker)
{
    if (!m_registry || !breaker)
        return;
    const auto sameBreaker = [breaker](const Row &row) { return row.breaker == breaker; };
    if (std::any_of(m_rows.cbegin(), m_rows.cend(), sameBreaker))
        return; // listed by setRegistry() before this queued signal arrived
    const QString name = breaker->name();
    const auto at =
        std::find_if(m_rows.cbegin(), m_rows.cend(), [&name](const Row &row) { return row.breaker->name() > name; });
    const int row = int(at - m_rows.cbegin());
    beginInsertRows({}, row, row);
    m_rows.insert(row, Row{breaker, breaker->stats()});
    endInsertRows();
}

bool BreakerModel::differs(const CircuitBreakerStats &a, const CircuitBreakerStats &b)
{
    return a.state != b.state || a.failuresInWindow != b.failuresInWindow || a.failureThreshold != b.failureThreshold
        || a.lastError != b.lastError || a.lastStateChangeMs != b.lastStateChangeMs
        || secondsUntilProbe(a) != secondsUntilProbe(b);
}

void BreakerModel::refresh()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        Row &entry = m_rows[row];
        CircuitBreakerStats stats = entry.breaker->stats();
        if (!differs(entry.stats, stats))
            continue;
        entry.stats = std::move(stats);
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

int BreakerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int BreakerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BreakerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CircuitBreakerStats &stats = m_rows.at(index.row()).stats;
    const bool open = stats.state == CircuitBreaker::State::Open;
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case NameColumn:
            return stats.name;
        case StateColumn:
            return stateName(stats.state);
        case FailuresColumn:
            // Failures are counted while closed; an open breaker's window starts empty.
            if (stats.state != CircuitBreaker::State::Closed)
                return QStringLiteral("—");
            return tr("%1 / %2").arg(stats.failuresInWindow).arg(stats.failureThreshold);
        case NextProbeColumn:
            if (open)
                return tr("in %1 s").arg(secondsUntilProbe(stats));
            return stats.state == CircuitBreaker::State::HalfOpen ? tr("probing") : QString();
        case LastErrorColumn:
            // One line in the table; the tooltip has it all.
            return stats.lastError.section(QLatin1Char('\n'), 0, 0);
        case ColumnCount:
            break;
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == StateColumn)
            return m_stateIcons[stateIndex(stats.state)];
        break;
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case StateColumn:
            return tr("%1 since %2")
                .arg(stateName(stats.state),
                     QLocale().toString(stats.lastStateChange.toLocalTime().time(), QLocale::LongFormat));
        case FailuresColumn:
            if (stats.state != CircuitBreaker::State::Closed)
                return tr("Failures are counted again once the breaker is closed");
            return tr("%1 failures within the window; the breaker opens at %2")
                .arg(stats.failuresInWindow)
                .arg(stats.failureThreshold);
        case NextProbeColumn:
            return open ? tr("The breaker lets one trial call through in %1 ms").arg(stats.msUntilProbe) : QVariant();
        case LastErrorColumn:
            return stats.lastError.isEmpty() ? QVariant() : QVariant(stats.lastError);
        default:
            break;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == FailuresColumn || index.column() == NextProbeColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        break;
    default:
        break;
    }
    return {};
}

QVariant BreakerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case NameColumn:
        return tr("Name");
    case StateColumn:
        return tr("State");
    case FailuresColumn:
        return tr("Failures");
    case NextProbeColumn:
        return tr("Next probe");
    case LastErrorColumn:
        return tr("Last error");
    case ColumnCount:
        break;
    }
    return {};
}

QString BreakerModel::stateName(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return tr("closed");
    case CircuitBreaker::State::HalfOpen:
        return tr("half-open");
    case CircuitBreaker::State::Open:
        return tr("open");
    }
    return {};
}

QColor BreakerModel::stateColor(CircuitBreaker::State state)
{
    switch (state) {
    case CircuitBreaker::State::Closed:
        return QColor(0x2e, 0x9d, 0x4f); // green
    case CircuitBreaker::State::HalfOpen:
        return QColor(0xe8, 0xa3, 0x17); // amber
    case CircuitBreaker::State::Open:
        return QColor(0xd3, 0x2f, 0x2f); // red
    }
    return {};
}

} // namespace gw
