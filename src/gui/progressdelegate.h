#pragma once

#include <QStyledItemDelegate>

namespace gw {

// Paints JobsModel's progress column as a progress bar in the view's own style, coloured by the
// row's state: running rows show their stage progress, done rows a full bar, failed rows a red
// one stopped where the failure hit, cancelled and skipped rows a greyed one, queued rows none.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit ProgressDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace gw
