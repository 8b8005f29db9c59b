#pragma once

#include "preferences.h"

#include <QDialog>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace gw {

// Edits Preferences: parallelism, chunking and limits; the remote extractor; breaker thresholds.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences &preferences, QWidget *parent = nullptr);
    Preferences preferences() const;

private:
    Preferences m_original;
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
