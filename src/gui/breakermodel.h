#pragma once

#include "core/circuitbreaker.h"
#include "core/circuitbreakerregistry.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>
#include <QList>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QTimer;
QT_END_NAMESPACE

namespace gw {

// One row per circuit breaker of a registry, in name order: its state, recent failures, when it
// will probe again and its last error. Breakers change state on worker threads, so the model
// samples them (about four times a second, and at once when the registry reports a change)
// instead of holding live references to their counters.
class BreakerModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, StateColumn, FailuresColumn, NextProbeColumn, LastErrorColumn, ColumnCount };
    static constexpr int SampleIntervalMs = 250;

    explicit BreakerModel(QObject *parent = nullptr);
    ~BreakerModel() override;

    // The registry must live on this model's thread; the model forgets it when it is destroyed.
    void setRegistry(CircuitBreakerRegistry *registry);
    CircuitBreakerRegistry *registry() const { return m_registry; }

    CircuitBreaker *breaker(int row) const; // nullptr when out of range

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Samples every breaker now; emits dataChanged for the rows that changed.
    void refresh();

    static QString stateName(CircuitBreaker::State state); // "closed", "half-open", "open"
    static QColor stateColor(CircuitBreaker::State state); // green, amber, red

private:
    struct Row
    {
        CircuitBreaker *breaker = nullptr;
        CircuitBreakerStats stats;
    };
    void addBreaker(CircuitBreaker *breaker);
    static bool differs(const CircuitBreakerStats &a, const CircuitBreakerStats &b);

    QPointer<CircuitBreakerRegistry> m_registry;
    QList<Row> m_rows;
    QList<QMetaObject::Connection> m_connections;
    QTimer *m_timer;
    QIcon m_stateIcons[3];
};

} // namespace gw
