#include "progressdelegate.h"

#include "jobsmodel.h"

#include <QApplication>
#include <QPainter>
#include <QStyleOptionProgressBar>

namespace gw {

ProgressDelegate::ProgressDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QVariant stateValue = index.data(JobsModel::StateRole);
    const QString text = index.data(Qt::DisplayRole).toString();
    if (!stateValue.isValid() || text.isEmpty()) {
        // Not a document row, or one that never started: the plain cell (selection, empty text).
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    const auto state = DocumentState(stateValue.toInt());
    const double progress = index.data(JobsModel::ProgressRole).toDouble();

    QStyleOptionViewItem item = option;
    initStyleOption(&item, index);
    item.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &item, painter, widget); // selection

    QStyleOptionProgressBar bar;
    if (widget)
        bar.initFrom(widget);
    bar.state = option.state & ~(QStyle::State_Selected | QStyle::State_HasFocus | QStyle::State_MouseOver);
    bar.direction = option.direction;
    bar.fontMetrics = option.fontMetrics;
    bar.palette = option.palette;
    // Inset a little, so neighbouring rows' bars do not merge into one block.
    bar.rect = option.rect.adjusted(2, 2, -2, -2);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = state == DocumentState::Done ? 1000 : qRound(progress * 1000);
    bar.text = text;
    bar.textVisible = true;
    bar.textAlignment = Qt::AlignCenter;
    bar.state |= QStyle::State_Horizontal;

    const QColor colour = JobsModel::stateColor(state);
    switch (state) {
    case DocumentState::Failed:
        bar.progress = bar.maximum; // a full red bar reads as "over, badly" at a glance
        bar.palette.setColor(QPalette::Highlight, colour.lighter(130));
        bar.palette.setColor(QPalette::Text, colour.darker(120));
        bar.palette.setColor(QPalette::WindowText, colour.darker(120));
        break;
    case DocumentState::Done:
        bar.palette.setColor(QPalette::Highlight, colour);
        break;
    case DocumentState::Cancelled:
    case DocumentState::Skipped:
        bar.state &= ~QStyle::State_Enabled; // it will not move again: grey it out
        break;
    default:
        bar.palette.setColor(QPalette::Highlight, colour);
        break;
    }
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(std::max(size.width(), option.fontMetrics.horizontalAdvance(QStringLiteral("100 %")) * 3));
    return size;
}

} // namespace gw
