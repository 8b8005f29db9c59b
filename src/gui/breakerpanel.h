#pragma once

#include "core/health.h"
#include "core/latestonly.h"

#include <QCoroTask>

#include <QWidget>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QTimer;
class QTreeWidget;
QT_END_NAMESPACE

namespace gw {

class BreakerModel;
class CircuitBreaker;
class CircuitBreakerRegistry;
class HealthMonitor;

// The circuit breakers and the health report, side by side (stacked when the panel is taller
// than wide), for a dock. Reset and Trip act on the selected breaker, as an operator would.
class BreakerPanel : public QWidget
{
    Q_OBJECT
public:
    static constexpr int HealthIntervalMs = 2000;

    explicit BreakerPanel(QWidget *parent = nullptr);
    ~BreakerPanel() override;

    void setRegistry(CircuitBreakerRegistry *registry);
    // The monitor must outlive the panel, or be unset first. Its checks run off the GUI thread.
    void setHealthMonitor(HealthMonitor *monitor);

    BreakerModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    CircuitBreaker *selectedBreaker() const;

    // Starts a health check round now unless one is still running (then returns false).
    bool refreshHealth();
    bool isCheckingHealth() const { return m_healthRounds.isRunning(); }

Q_SIGNALS:
    // A round of health checks finished and is shown.
    void healthReportShown(const gw::HealthReport &report);

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateButtons();
    void resetSelected();
    void tripSelected();
    void showHealth(const HealthReport &report);
    QCoro::Task<> checkHealth(HealthMonitor *monitor);

    BreakerModel *m_model;
    QTableView *m_view;
    QPushButton *m_resetButton;
    QPushButton *m_tripButton;
    QLabel *m_healthSummary;
    QTreeWidget *m_healthList;
    QSplitter *m_splitter;
    QTimer *m_healthTimer;
    HealthMonitor *m_monitor = nullptr;
    LatestOnly m_healthRounds; // one round of health checks at a time
};

} // namespace gw
