#pragma once

#include "preferences.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gw {

struct EndpointProbeResult;
class EndpointProbe;

// Edits Preferences: parallelism, chunking and limits; the remote extractor (a preset for the
// common servers, URL, model, API key, JSON-schema support, token budget, prices, and a
// connection test); breaker thresholds. The API key is returned in preferences().remoteApiKey;
// the caller stores it in the keyring (apiKeyChanged()).
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    ~PreferencesDialog() override;
    Preferences preferences() const;
    bool apiKeyChanged() const;

    // The connection test's time limit (EndpointProbe::defaultTimeoutMs unless a test shortens it).
    void setConnectionTestTimeoutMs(int ms) { m_probeTimeoutMs = ms; }

Q_SIGNALS:
    // The connection test ended; its result is also shown in the dialog.
    void connectionTested(const gw::EndpointProbeResult &result);

private:
    void presetChosen(int index);
    void urlEdited();
    void testConnection();
    void showConnectionResult(const EndpointProbeResult &result);

    Preferences m_original;
    EndpointProbe *m_probe = nullptr;
    int m_probeTimeoutMs;
    QComboBox *m_preset = nullptr;
    QLineEdit *m_apiKey = nullptr;
    QCheckBox *m_jsonSchema = nullptr;
    QPushButton *m_testConnection = nullptr;
    QLabel *m_connectionResult = nullptr;
    QSpinBox *m_budgetTokens = nullptr;
    QSpinBox *m_cacheLimitMb = nullptr;
    QDoubleSpinBox *m_promptPrice = nullptr;
    QDoubleSpinBox *m_completionPrice = nullptr;
    QSpinBox *m_jobs = nullptr;
    QSpinBox *m_chunkChars = nullptr;
    QSpinBox *m_chunkOverlap = nullptr;
    QSpinBox *m_maxFileMb = nullptr;
    QSpinBox *m_maxUnzippedMb = nullptr;
    QSpinBox *m_maxXmlDepth = nullptr;
    QSpinBox *m_maxTextMChars = nullptr;
    QSpinBox *m_timeoutS = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_model = nullptr;
    QSpinBox *m_failureThreshold = nullptr;
    QSpinBox *m_windowS = nullptr;
    QSpinBox *m_recoveryS = nullptr;
    QDoubleSpinBox *m_callTimeoutS = nullptr;
    QSpinBox *m_retries = nullptr;
};

} // namespace gw
