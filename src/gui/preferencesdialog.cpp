#include "preferencesdialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace gw {

namespace {
QSpinBox *spin(int min, int max, int value, const QString &suffix = {})
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setValue(value);
    box->setSuffix(suffix);
    return box;
}
constexpr qint64 mb = 1024 * 1024;
} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &p, QWidget *parent) : QDialog(parent), m_original(p)
{
    setWindowTitle(tr("Preferences"));
    auto *layout = new QVBoxLayout(this);

    auto *ingest = new QGroupBox(tr("Ingestion"));
    auto *ingestForm = new QFormLayout(ingest);
    m_jobs = spin(0, 256, p.ingest.jobs);
    m_jobs->setSpecialValueText(tr("Automatic (%1, one per core)").arg(QThread::idealThreadCount()));
    ingestForm->addRow(tr("Documents at once:"), m_jobs);
    m_chunkChars = spin(100, 100'000, p.ingest.chunkChars, tr(" characters"));
    ingestForm->addRow(tr("Chunk size:"), m_chunkChars);
    m_chunkOverlap = spin(0, 10'000, p.ingest.chunkOverlap, tr(" characters"));
    ingestForm->addRow(tr("Chunk overlap:"), m_chunkOverlap);
    m_maxFileMb = spin(1, 1'000'000, int(p.ingest.limits.maxFileBytes / mb), tr(" MB"));
    ingestForm->addRow(tr("Largest file:"), m_maxFileMb);
    m_maxUnzippedMb = spin(1, 1'000'000, int(p.ingest.limits.maxDecompressedBytes / mb), tr(" MB"));
    ingestForm->addRow(tr("Largest unpacked container:"), m_maxUnzippedMb);
    m_maxXmlDepth = spin(8, 100'000, p.ingest.limits.maxXmlDepth, tr(" levels"));
    ingestForm->addRow(tr("Deepest XML nesting:"), m_maxXmlDepth);
    m_maxTextMChars = spin(1, 10'000, int(p.ingest.limits.maxTextChars / 1'000'000), tr(" million characters"));
    ingestForm->addRow(tr("Longest text per document:"), m_maxTextMChars);
    m_timeoutS = spin(1, 86'400, int(p.ingest.limits.timeoutMs / 1000), tr(" s"));
    ingestForm->addRow(tr("Time limit per document:"), m_timeoutS);
    layout->addWidget(ingest);

    auto *remote = new QGroupBox(tr("Remote extractor (OpenAI-compatible endpoint)"));
    auto *remoteForm = new QFormLayout(remote);
    m_url = new QLineEdit(p.remoteExtractorUrl);
    m_url->setPlaceholderText(tr("e.g. http://localhost:11434/v1 — empty: built-in extraction only"));
    remoteForm->addRow(tr("URL:"), m_url);
    m_model = new QLineEdit(p.remoteExtractorModel);
    m_model->setPlaceholderText(tr("model name, e.g. llama3"));
    remoteForm->addRow(tr("Model:"), m_model);
    layout->addWidget(remote);

    auto *breaker = new QGroupBox(tr("Circuit breakers"));
    auto *breakerForm = new QFormLayout(breaker);
    m_failureThreshold = spin(1, 1000, p.breaker.failureThreshold, tr(" failures"));
    breakerForm->addRow(tr("Open after:"), m_failureThreshold);
    m_windowS = spin(1, 86'400, int(p.breaker.windowMs / 1000), tr(" s"));
    breakerForm->addRow(tr("Counting failures over:"), m_windowS);
    m_recoveryS = spin(1, 86'400, int(p.breaker.recoveryTimeoutMs / 1000), tr(" s"));
    breakerForm->addRow(tr("Try again after:"), m_recoveryS);
    m_callTimeoutS = new QDoubleSpinBox;
    m_callTimeoutS->setRange(0.1, 3600);
    m_callTimeoutS->setDecimals(1);
    m_callTimeoutS->setValue(p.breaker.callTimeoutMs / 1000.0);
    m_callTimeoutS->setSuffix(tr(" s"));
    breakerForm->addRow(tr("Time limit per call:"), m_callTimeoutS);
    m_retries = spin(0, 20, p.breaker.maxRetries);
    breakerForm->addRow(tr("Retries:"), m_retries);
    layout->addWidget(breaker);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p = m_original;
    p.ingest.jobs = m_jobs->value();
    p.ingest.chunkChars = m_chunkChars->value();
    p.ingest.chunkOverlap = std::min(m_chunkOverlap->value(), m_chunkChars->value() / 2);
    p.ingest.limits.maxFileBytes = m_maxFileMb->value() * mb;
    p.ingest.limits.maxDecompressedBytes = m_maxUnzippedMb->value() * mb;
    p.ingest.limits.maxXmlDepth = m_maxXmlDepth->value();
    p.ingest.limits.maxTextChars = qint64(m_maxTextMChars->value()) * 1'000'000;
    p.ingest.limits.timeoutMs = qint64(m_timeoutS->value()) * 1000;
    p.remoteExtractorUrl = m_url->text().trimmed();
    p.remoteExtractorModel = m_model->text().trimmed();
    p.breaker.failureThreshold = m_failureThreshold->value();
    p.breaker.windowMs = qint64(m_windowS->value()) * 1000;
    p.breaker.recoveryTimeoutMs = qint64(m_recoveryS->value()) * 1000;
    p.breaker.callTimeoutMs = qint64(m_callTimeoutS->value() * 1000);
    p.breaker.maxRetries = m_retries->value();
    return p;
}

} // namespace gw
