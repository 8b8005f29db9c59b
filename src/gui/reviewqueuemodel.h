#pragma once
// The review queue's rows: likely duplicates (MergeSuggestions), each a pair of the graph's
// nodes named by their entity ids, so a row stays true while the graph is made again.
#include "graph/knowledgegraph.h"
#include "graph/mergesuggestions.h"

#include <QAbstractTableModel>
#include <QList>

namespace gw {

struct ReviewPair
{
    struct Side
    {
        QString id, name, type;
        qint64 mentions = 0;
        QStringList mergedIds; // GraphNode::aliasIds: its evidence lives there too
    };
    Side keep;  // the one with more mentions: its name and type stay
    Side merge; // the one that would become its alias
    QString reason;

    QString key() const { return MergeSuggestions::pairKey(keep.id, merge.id); }
};

class ReviewQueueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { MergeColumn, KeepColumn, ReasonColumn, ColumnCount };

    explicit ReviewQueueModel(QObject *parent = nullptr);

    // The suggestions of `graph` (their node indices resolved here), best first.
    void setSuggestions(const KnowledgeGraph &graph, const QList<MergeSuggestion> &suggestions);
    const ReviewPair &pair(int row) const { return m_pairs.at(row); }
    int rowOf(const QString &key) const;
    // Takes a decided pair out at once (the graph shows the decision a moment later).
    void removePair(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<ReviewPair> m_pairs;
};

} // namespace gw
