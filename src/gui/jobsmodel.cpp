#include "jobsmodel.h"

#include "pipeline/ingestjob.h"

#include <QDir>
#include <QLocale>
#include <QTimer>

#include <algorithm>

namespace gw {

namespace {

constexpr int defaultSampleMs = 100;
constexpr qint64 rateWindowMs = 1500; // long enough to smooth bursts, short enough to follow them

int percentOf(const DocumentSnapshot &row)
{
    if (row.state == DocumentState::Done)
        return 100;
    return int(std::clamp(row.stageProgress, 0.0, 1.0) * 100);
}

// Only what a person can see counts as a change: progress in whole percent, time in seconds.
// Finer differences would repaint every running row at every sample for nothing.
bool visiblyDifferent(const DocumentSnapshot &a, const DocumentSnapshot &b)
{
    return a.state != b.state || percentOf(a) != percentOf(b) || a.elapsedMs / 1000 != b.elapsedMs / 1000
        || a.message != b.message || a.words != b.words || a.chunks != b.chunks || a.sizeBytes != b.sizeBytes;
}

bool hasStarted(const DocumentSnapshot &row)
{
    switch (row.state) {
    case DocumentState::Queued:
    case DocumentState::Skipped:
        return false;
    case DocumentState::Cancelled:
        return row.elapsedMs > 0; // else it never left the queue
    default:
        return true; // done or failed within the millisecond still ran
    }
}

QString fileNameOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? path : path.mid(slash + 1);
}

QString firstLine(const QString &text)
{
    const qsizetype newline = text.indexOf(QLatin1Char('\n'));
    return newline < 0 ? text : text.left(newline) + QStringLiteral(" …");
}

QString formatText(DocumentFormat format)
{
    switch (format) {
    case DocumentFormat::Unknown:
        return JobsModel::tr("Unknown");
    case DocumentFormat::PlainText:
        return JobsModel::tr("Text");
    case DocumentFormat::Markdown:
        return JobsModel::tr("Markdown");
    case DocumentFormat::Html:
        return JobsModel::tr("HTML");
    case DocumentFormat::Pdf:
        return JobsModel::tr("PDF");
    case DocumentFormat::Docx:
        return JobsModel::tr("DOCX");
    case DocumentFormat::Odt:
        return JobsModel::tr("ODT");
    case DocumentFormat::Epub:
        return JobsModel::tr("EPUB");
    case DocumentFormat::Csv:
        return JobsModel::tr("CSV");
    case DocumentFormat::Tsv:
        return JobsModel::tr("TSV");
    case DocumentFormat::Json:
        return JobsModel::tr("JSON");
    }
    return JobsModel::tr("Unknown");
}

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

} // namespace

JobsModel::JobsModel(QObject *parent) : QAbstractTableModel(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(defaultSampleMs);
    connect(m_timer, &QTimer::timeout, this, &JobsModel::refresh);
    m_clock.start();
    updateSummary();
}

JobsModel::~JobsModel() = default;

void JobsModel::setJob(IngestJob *job)
{
    for (const auto &connection : std::as_const(m_connections))
        disconnect(connection);
    m_connections.clear();
    m_job = job;
    m_rateSamples.clear();
    if (job) {
        // Structure comes from the job's signals, values from the sampler.
        m_connections << connect(job, &IngestJob::documentsAdded, this, &JobsModel::refresh)
                      << connect(job, &IngestJob::documentsRemoved, this, &JobsModel::resetFromJob)
                      << connect(job, &IngestJob::idle, this, &JobsModel::refresh)
                      << connect(job, &QObject::destroyed, this, [this] { setJob(nullptr); });
    }
    resetFromJob();
    if (job && m_timer->interval() > 0)
        m_timer->start();
    else
        m_timer->stop();
}

IngestJob *JobsModel::job() const
{
    return m_job;
}

void JobsModel::setSampleInterval(int ms)
{
    m_timer->setInterval(ms);
    if (ms > 0 && m_job)
        m_timer->start();
    else
        m_timer->stop();
}

int JobsModel::sampleInterval() const
{
    return m_timer->interval();
}

void JobsModel::resetFromJob()
{
    beginResetModel();
    // On destroyed(), m_job is already null: the dying job is never sampled.
    m_rows = m_job ? m_job->snapshot() : QList<DocumentSnapshot>{};
    endResetModel();
    m_rateSamples.clear();
    updateSummary();
}

void JobsModel::refresh()
{
    if (!m_job)
        return;
    const QList<DocumentSnapshot> fresh = m_job->snapshot();

    // Rows are only appended between documentsRemoved signals; anything else means the cache
    // missed a structural change, and a reset is the only honest answer.
    bool appendOnly = fresh.size() >= m_rows.size();
    for (qsizetype i = 0; appendOnly && i < m_rows.size(); ++i)
        appendOnly = fresh[i].id == m_rows[i].id;
    if (!appendOnly) {
        resetFromJob();
        return;
    }

    int first = -1;
    const int common = int(m_rows.size());
    for (int row = 0; row <= common; ++row) {
        const bool changed = row < common && visiblyDifferent(m_rows[row], fresh[row]);
        if (changed) {
            m_rows[row] = fresh[row];
            if (first < 0)
                first = row;
        } else if (first >= 0) {
            Q_EMIT dataChanged(index(first, 0), index(row - 1, ColumnCount - 1));
            first = -1;
        }
    }

    if (fresh.size() > m_rows.size()) {
        beginInsertRows({}, int(m_rows.size()), int(fresh.size()) - 1);
        m_rows.append(fresh.mid(m_rows.size()));
        endInsertRows();
    }
    updateSummary();
}

int JobsModel::rowOf(quint64 id) const
{
    const auto it = std::find_if(m_rows.cbegin(), m_rows.cend(), [id](const auto &row) { return row.id == id; });
    return it == m_rows.cend() ? -1 : int(it - m_rows.cbegin());
}

void JobsModel::updateSummary()
{
    const IngestCounts counts = m_job ? m_job->counts() : IngestCounts{};
    QString text;
    if (counts.total == 0) {
        text = tr("No documents");
    } else {
        QStringList parts;
        const auto add = [&parts](int count, const QString &label) {
            if (count > 0)
                parts << label.arg(count);
        };
        add(counts.active, tr("%1 running"));
        add(counts.queued, tr("%1 queued"));
        add(counts.done, tr("%1 done"));
        add(counts.failed, tr("%1 failed"));
        add(counts.skipped, tr("%1 skipped"));
        add(counts.cancelled, tr("%1 cancelled"));
        // "Documents: 12" needs no plural form, unlike "12 document(s)" without a translation.
        text = tr("Documents: %1 · %2").arg(counts.total).arg(parts.join(tr(", ")));

        const qint64 now = m_clock.elapsed();
        if (!m_rateSamples.empty() && counts.bytesRead < m_rateSamples.back().bytes)
            m_rateSamples.clear(); // rows were cleared or retried: the old samples mean nothing now
        m_rateSamples.push_back({now, counts.bytesRead});
        while (m_rateSamples.size() > 2 && now - m_rateSamples.front().ms > rateWindowMs)
            m_rateSamples.pop_front();
        const qint64 spanMs = now - m_rateSamples.front().ms;
        const qint64 bytes = counts.bytesRead - m_rateSamples.front().bytes;
        if (counts.active > 0 && spanMs > 0 && bytes > 0)
            text += tr(" · %1/s").arg(dataSize(bytes * 1000 / spanMs));
    }
    if (text != m_summary) {
        m_summary = text;
        Q_EMIT summaryChanged(m_summary);
    }
}

QString JobsModel::stateText(DocumentState state)
{
    switch (state) {
    case DocumentState::Queued:
        return tr("Queued");
    case DocumentState::Reading:
        return tr("Reading");
    case DocumentState::Parsing:
        return tr("Parsing");
    case DocumentState::Chunking:
        return tr("Chunking");
    case DocumentState::Extracting:
        return tr("Extracting");
    case DocumentState::Storing:
        return tr("Storing");
    case DocumentState::Done:
        return tr("Done");
    case DocumentState::Failed:
        return tr("Failed");
    case DocumentState::Skipped:
        return tr("Skipped");
    case DocumentState::Cancelled:
        return tr("Cancelled");
    }
    return tr("Unknown");
}

QColor JobsModel::stateColor(DocumentState state)
{
    switch (state) {
    case DocumentState::Queued:
        return QColor(0x9e, 0x9e, 0x9e);
    case DocumentState::Reading:
    case DocumentState::Parsing:
    case DocumentState::Chunking:
    case DocumentState::Extracting:
    case DocumentState::Storing:
        return QColor(0x1e, 0x88, 0xe5);
    case DocumentState::Done:
        return QColor(0x43, 0xa0, 0x47);
    case DocumentState::Failed:
        return QColor(0xd3, 0x2f, 0x2f);
    case DocumentState::Skipped:
        return QColor(0xf9, 0xa8, 0x25);
    case DocumentState::Cancelled:
        return QColor(0x61, 0x61, 0x61);
    }
    return {};
}

QString JobsModel::formatElapsed(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    if (seconds >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(seconds / 3600)
            .arg(seconds / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

int JobsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int JobsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant JobsModel::displayData(const DocumentSnapshot &row, int column) const
{
    switch (column) {
    case NameColumn:
        return fileNameOf(row.path);
    case FormatColumn:
        return formatText(row.format);
    case SizeColumn:
        return dataSize(row.sizeBytes);
    case StateColumn:
        return stateText(row.state);
    case ProgressColumn:
        if (!hasStarted(row))
            return QString();
        // "100 %" on a failed row would read as success: name the outcome instead.
        if (row.state == DocumentState::Failed)
            return tr("failed");
        if (row.state == DocumentState::Cancelled)
            return tr("stopped at %1 %").arg(percentOf(row));
        return tr("%1 %").arg(percentOf(row));
    case ElapsedColumn:
        return hasStarted(row) ? formatElapsed(row.elapsedMs) : QString();
    case ActionColumn:
        return actionText(row.state);
    case MessageColumn:
        return firstLine(row.message);
    }
    return {};
}

QString JobsModel::actionText(DocumentState state)
{
    // The button of a row: what can be done with that document now.
    if (state == DocumentState::Failed || state == DocumentState::Cancelled)
        return tr("Retry");
    if (!isFinished(state))
        return tr("Cancel");
    return {};
}

QVariant JobsModel::sortData(const DocumentSnapshot &row, int column) const
{
    switch (column) {
    case NameColumn:
        return fileNameOf(row.path);
    case FormatColumn:
        return formatText(row.format);
    case SizeColumn:
        return row.sizeBytes;
    case StateColumn:
        return int(row.state);
    case ProgressColumn:
        return row.state == DocumentState::Done ? 1.0 : row.stageProgress;
    case ElapsedColumn:
        return row.elapsedMs;
    case ActionColumn:
        return actionText(row.state);
    case MessageColumn:
        return row.message;
    }
    return {};
}

QVariant JobsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DocumentSnapshot &row = m_rows.at(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return displayData(row, column);
    case Qt::ToolTipRole:
        if (column == NameColumn)
            return QDir::toNativeSeparators(row.path);
        if (column == MessageColumn && !row.message.isEmpty())
            return row.message;
        if (column == SizeColumn)
            return tr("%1 bytes").arg(QLocale().toString(row.sizeBytes));
        return {};
    case Qt::DecorationRole:
        return column == StateColumn ? QVariant(stateColor(row.state)) : QVariant();
    case Qt::ForegroundRole:
        // The reason is what a person looks for in a failed row: make it stand out.
        return column == MessageColumn && row.state == DocumentState::Failed ? QVariant(stateColor(row.state))
                                                                             : QVariant();
    case Qt::TextAlignmentRole:
        if (column == SizeColumn || column == ElapsedColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case DocumentIdRole:
        return QVariant::fromValue(row.id);
    case StateRole:
        return int(row.state);
    case ProgressRole:
        return row.state == DocumentState::Done ? 1.0 : std::clamp(row.stageProgress, 0.0, 1.0);
    case SortRole:
        return sortData(row, column);
    }
    return {};
}

QVariant JobsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Name");
    case FormatColumn:
        return tr("Format");
    case SizeColumn:
        return tr("Size");
    case StateColumn:
        return tr("State");
    case ProgressColumn:
        return tr("Stage progress");
    case ElapsedColumn:
        return tr("Elapsed");
    case ActionColumn:
        return QString();
    case MessageColumn:
        return tr("Error / reason");
    }
    return {};
}

} // namespace gw
