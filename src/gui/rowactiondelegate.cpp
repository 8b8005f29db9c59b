#include "rowactiondelegate.h"

#include <QApplication>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>

namespace gw {

RowActionDelegate::RowActionDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

QRect RowActionDelegate::buttonRect(const QRect &cell)
{
    return cell.adjusted(3, 2, -3, -2);
}

void RowActionDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString text = index.data(Qt::DisplayRole).toString();
    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget); // row background
    if (text.isEmpty())
        return;
    QStyleOptionButton button;
    button.rect = buttonRect(option.rect);
    button.text = text;
    button.state = QStyle::State_Enabled | QStyle::State_Raised;
    if (m_pressed == index)
        button.state |= QStyle::State_Sunken;
    button.fontMetrics = option.fontMetrics;
    button.palette = option.palette;
    style->drawControl(QStyle::CE_PushButton, &button, painter, widget);
}

QSize RowActionDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QSize text = option.fontMetrics.size(Qt::TextSingleLine, index.data(Qt::DisplayRole).toString());
    return {text.width() + 24, text.height() + 8};
}

bool RowActionDelegate::editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                                    const QModelIndex &index)
{
    if (index.data(Qt::DisplayRole).toString().isEmpty())
        return QStyledItemDelegate::editorEvent(event, model, option, index);
    const auto inButton = [&](QEvent *e) {
        return buttonRect(option.rect).contains(static_cast<QMouseEvent *>(e)->position().toPoint());
    };
    switch (event->type()) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonDblClick:
        if (inButton(event)) {
            m_pressed = index;
            return true; // the click is the button's, not a row selection
        }
        break;
    case QEvent::MouseButtonRelease: {
        const bool wasPressed = m_pressed == index;
        m_pressed = QPersistentModelIndex();
        if (wasPressed && inButton(event)) {
            Q_EMIT clicked(index);
            return true;
        }
        break;
    }
    default:
        break;
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

} // namespace gw
