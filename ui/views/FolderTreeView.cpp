#include "FolderTreeView.h"

#include <QApplication>
#include <QDrag>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScopedValueRollback>
#include <QStyle>

namespace koodrive::ui {

FolderTreeView::FolderTreeView(QWidget *parent)
    : QTreeView(parent)
{
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
}

void FolderTreeView::mousePressEvent(QMouseEvent *event)
{
    m_before = currentIndex();
    m_holding = event->button() == Qt::LeftButton;
    m_chosenWhileHeld = false;
    QTreeView::mousePressEvent(event);
}

void FolderTreeView::mouseReleaseEvent(QMouseEvent *event)
{
    const bool chosen = std::exchange(m_holding, false) && m_chosenWhileHeld;
    QTreeView::mouseReleaseEvent(event);
    if (chosen && currentIndex().isValid())
        emit clickedToOpen();
}

void FolderTreeView::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QTreeView::selectionChanged(selected, deselected);
    if (m_holding && !selected.isEmpty())
        m_chosenWhileHeld = true;
}

void FolderTreeView::startDrag(Qt::DropActions supportedActions)
{
    const QModelIndex dragged = currentIndex();
    QMimeData *mime = dragged.isValid() ? model()->mimeData({dragged}) : nullptr;
    if (mime) {
        auto *drag = new QDrag(this);
        drag->setMimeData(mime);
        drag->setPixmap(dragPixmap(dragged));
        drag->setHotSpot(QPoint(-12, -12));
        drag->exec(supportedActions, Qt::CopyAction);
    }
    // The release ended the drag, not a click: the tree shows the folder shown again, without opening it.
    QScopedValueRollback holding(m_holding, true);
    if (m_before.isValid())
        setCurrentIndex(m_before);
    else
        clearSelection();
}

QPixmap FolderTreeView::dragPixmap(const QModelIndex &index) const
{
    // A card with the folder's icon and name (elided), in the palette's colours.
    const QString name = index.data(Qt::DisplayRole).toString();
    const QFontMetrics metrics(font());
    const int icon = style()->pixelMetric(QStyle::PM_LargeIconSize, nullptr, this);
    const int textWidth = qMin(metrics.horizontalAdvance(name), 220);
    const QSize logical(icon + textWidth + 30, qMax(icon, metrics.height()) + 16);
    const qreal dpr = devicePixelRatioF();
    QPixmap pixmap(logical * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPainterPath card;
    card.addRoundedRect(QRectF(QPointF(0.5, 0.5), QSizeF(logical) - QSizeF(1, 1)), 6, 6);
    painter.fillPath(card, palette().color(QPalette::Base));
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawPath(card);
    const QIcon folder = index.data(Qt::DecorationRole).value<QIcon>();
    (folder.isNull() ? style()->standardIcon(QStyle::SP_DirIcon) : folder)
        .paint(&painter, QRect(8, (logical.height() - icon) / 2, icon, icon));
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(icon + 16, 0, textWidth + 6, logical.height()), Qt::AlignVCenter | Qt::AlignLeft,
                     metrics.elidedText(name, Qt::ElideMiddle, textWidth));
    return pixmap;
}

} // namespace koodrive::ui
