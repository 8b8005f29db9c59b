#include "preferencesdialog.h"

#include "extract/endpointpreset.h"
#include "extract/endpointprobe.h"
#include "extract/remoteextractor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

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

QDoubleSpinBox *price(double value)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(0, 1'000'000);
    box->setDecimals(4);
    box->setSingleStep(0.05);
    box->setValue(value);
    box->setSpecialValueText(QCoreApplication::translate("gw::PreferencesDialog", "not set"));
    box->setSuffix(QCoreApplication::translate("gw::PreferencesDialog", " per million tokens"));
    return box;
}
} // namespace

PreferencesDialog::PreferencesDialog(const Preferences &p, QWidget *parent)
    : QDialog(parent), m_original(p), m_probe(new EndpointProbe(this)),
      m_probeTimeoutMs(EndpointProbe::defaultTimeoutMs)
{
    setWindowTitle(tr("Preferences"));
    // Two columns: the local settings on the left, the remote extractor on the right.
    auto *outer = new QVBoxLayout(this);
    auto *columns = new QHBoxLayout;
    outer->addLayout(columns);
    auto *layout = new QVBoxLayout;
    columns->addLayout(layout);

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
    m_preset = new QComboBox;
    m_preset->setObjectName(QStringLiteral("presetCombo"));
    m_preset->addItem(tr("Other server"));
    for (const EndpointPreset &preset : EndpointPreset::all())
        m_preset->addItem(preset.name);
    m_preset->setCurrentIndex(EndpointPreset::indexOf(p.remoteExtractorUrl) + 1);
    m_preset->setToolTip(tr("Fills in the usual address of the server and whether it honours JSON schemas"));
    remoteForm->addRow(tr("Server:"), m_preset);
    m_url = new QLineEdit(p.remoteExtractorUrl);
    m_url->setObjectName(QStringLiteral("urlEdit"));
    m_url->setPlaceholderText(tr("e.g. http://localhost:11434/v1 — empty: built-in extraction only"));
    remoteForm->addRow(tr("URL:"), m_url);
    m_model = new QLineEdit(p.remoteExtractorModel);
    m_model->setObjectName(QStringLiteral("modelEdit"));
    m_model->setPlaceholderText(tr("model name, e.g. llama3"));
    remoteForm->addRow(tr("Model:"), m_model);
    m_apiKey = new QLineEdit(p.remoteApiKey);
    m_apiKey->setObjectName(QStringLiteral("apiKeyEdit"));
    m_apiKey->setEchoMode(QLineEdit::Password);
    m_apiKey->setPlaceholderText(tr("none; kept in the system keyring"));
    remoteForm->addRow(tr("API key:"), m_apiKey);
    if (!qEnvironmentVariable("GRAPHWRIGHT_API_KEY").trimmed().isEmpty()) {
        auto *overridden = new QLabel(tr("%1 is set: its key is used instead.").arg(RemoteExtractor::apiKeyVariable()));
        overridden->setObjectName(QStringLiteral("apiKeyOverriddenLabel"));
        overridden->setWordWrap(true);
        remoteForm->addRow(QString(), overridden);
    }
    m_jsonSchema = new QCheckBox(tr("The server honours JSON schemas (response_format json_schema)"));
    m_jsonSchema->setObjectName(QStringLiteral("jsonSchemaCheck"));
    m_jsonSchema->setChecked(p.remoteHonoursJsonSchema);
    remoteForm->addRow(QString(), m_jsonSchema);
    m_testConnection = new QPushButton(tr("Test connection"));
    m_testConnection->setObjectName(QStringLiteral("testConnectionButton"));
    m_testConnection->setToolTip(tr("Asks the endpoint for its models (GET …/v1/models, or Ollama's /api/tags)"));
    remoteForm->addRow(QString(), m_testConnection);
    m_connectionResult = new QLabel;
    m_connectionResult->setObjectName(QStringLiteral("connectionResultLabel"));
    m_connectionResult->setWordWrap(true);
    m_connectionResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_connectionResult->setMinimumWidth(360);
    remoteForm->addRow(QString(), m_connectionResult);
    m_budgetTokens = spin(0, std::numeric_limits<int>::max(),
                          int(std::min<qint64>(p.remoteBudgetTokens, std::numeric_limits<int>::max())), tr(" tokens"));
    m_budgetTokens->setObjectName(QStringLiteral("budgetSpin"));
    m_budgetTokens->setSpecialValueText(tr("No limit"));
    m_budgetTokens->setGroupSeparatorShown(true);
    m_budgetTokens->setSingleStep(10'000);
    m_budgetTokens->setToolTip(tr("Once the answers have used this many tokens since the project was opened, the "
                                  "built-in extractor does the rest"));
    remoteForm->addRow(tr("Token budget:"), m_budgetTokens);
    m_cacheLimitMb = spin(0, 1'000'000, int(std::max<qint64>(0, p.ingest.remoteCacheMaxBytes) / mb), tr(" MB"));
    m_cacheLimitMb->setObjectName(QStringLiteral("cacheLimitSpin"));
    m_cacheLimitMb->setSpecialValueText(tr("No limit"));
    m_cacheLimitMb->setGroupSeparatorShown(true);
    m_cacheLimitMb->setToolTip(tr("The project keeps the endpoint's answers, so the same text is never paid for "
                                  "twice; past this size the least recently used answers go"));
    remoteForm->addRow(tr("Answer cache limit:"), m_cacheLimitMb);
    m_promptPrice = price(p.remotePricing.promptPerMillion);
    m_promptPrice->setObjectName(QStringLiteral("promptPriceSpin"));
    remoteForm->addRow(tr("Price of prompt tokens:"), m_promptPrice);
    m_completionPrice = price(p.remotePricing.completionPerMillion);
    m_completionPrice->setObjectName(QStringLiteral("completionPriceSpin"));
    remoteForm->addRow(tr("Price of completion tokens:"), m_completionPrice);
    auto *priceNote = new QLabel(tr("In your billing currency; used for estimates and the running cost."));
    priceNote->setWordWrap(true);
    remoteForm->addRow(QString(), priceNote);
    auto *right = new QVBoxLayout;
    right->addWidget(remote);
    right->addStretch(1);
    columns->addLayout(right);

    connect(m_preset, &QComboBox::activated, this, &PreferencesDialog::presetChosen);
    connect(m_url, &QLineEdit::textEdited, this, &PreferencesDialog::urlEdited);
    connect(m_testConnection, &QPushButton::clicked, this, &PreferencesDialog::testConnection);
    connect(m_probe, &EndpointProbe::finished, this, &PreferencesDialog::showConnectionResult);

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
    layout->addStretch(1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    outer->addWidget(buttons);
}

PreferencesDialog::~PreferencesDialog() = default;

void PreferencesDialog::presetChosen(int index)
{
    const QList<EndpointPreset> presets = EndpointPreset::all();
    if (index < 1 || index > presets.size())
        return; // "Other server": the person types the URL
    const EndpointPreset &preset = presets.at(index - 1);
    m_url->setText(preset.url);
    m_jsonSchema->setChecked(preset.honoursJsonSchema);
}

void PreferencesDialog::urlEdited()
{
    m_preset->setCurrentIndex(EndpointPreset::indexOf(m_url->text()) + 1);
}

void PreferencesDialog::testConnection()
{
    RemoteExtractorSettings settings;
    settings.apiKey = m_apiKey->text();
    m_testConnection->setEnabled(false);
    m_connectionResult->setText(tr("Asking %1…").arg(EndpointProbe::modelsUrl(m_url->text()).toDisplayString()));
    m_probe->start(m_url->text(), m_model->text(), RemoteExtractor::effectiveApiKey(settings), m_probeTimeoutMs);
}

void PreferencesDialog::showConnectionResult(const EndpointProbeResult &result)
{
    m_testConnection->setEnabled(true);
    const bool good = result.ok() && (m_model->text().trimmed().isEmpty() || result.modelListed);
    m_connectionResult->setText((good ? QStringLiteral("✔ ") : QStringLiteral("✘ ")) + result.message);
    Q_EMIT connectionTested(result);
}

bool PreferencesDialog::apiKeyChanged() const
{
    return m_apiKey->text().trimmed() != m_original.remoteApiKey.trimmed();
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
    p.remoteApiKey = m_apiKey->text().trimmed();
    p.remoteHonoursJsonSchema = m_jsonSchema->isChecked();
    p.remoteBudgetTokens = m_budgetTokens->value();
    p.ingest.remoteCacheMaxBytes = qint64(m_cacheLimitMb->value()) * mb;
    p.remotePricing.promptPerMillion = m_promptPrice->value();
    p.remotePricing.completionPerMillion = m_completionPrice->value();
    p.breaker.failureThreshold = m_failureThreshold->value();
    p.breaker.windowMs = qint64(m_windowS->value()) * 1000;
    p.breaker.recoveryTimeoutMs = qint64(m_recoveryS->value()) * 1000;
    p.breaker.callTimeoutMs = qint64(m_callTimeoutS->value() * 1000);
    p.breaker.maxRetries = m_retries->value();
    return p;
}

} // namespace gw
