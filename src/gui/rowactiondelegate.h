#pragma once

#include <QStyledItemDelegate>

namespace gw {

// Draws a cell's text as a push button and reports a click on it: the Cancel / Retry button on
// each row of the jobs list. A cell with no text has no button.
class RowActionDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit RowActionDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;

    static QRect buttonRect(const QRect &cell);

Q_SIGNALS:
    void clicked(const QModelIndex &index);

private:
    QPersistentModelIndex m_pressed;
};

} // namespace gw
