#include "AlbumListView.h"

#include <QDragMoveEvent>
#include <QProxyStyle>

namespace koodrive::ui {

namespace {
// The style's drop indicator (a plain frame) is left out: the delegate highlights the album instead.
// QAbstractItemView only accepts drops on items while its indicator is on, so it stays on, unpainted.
class NoDropIndicatorStyle final : public QProxyStyle
{
public:
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element == PE_IndicatorItemViewItemDrop)
            return;
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }
};
} // namespace

AlbumListView::AlbumListView(QWidget *parent)
    : QListView(parent)
{
    setFrameShape(QFrame::NoFrame);
    // Drops of photos and folders: the model says which albums take them (manual ones).
    setDragDropMode(QAbstractItemView::DropOnly);
    setDefaultDropAction(Qt::CopyAction);
    setDropIndicatorShown(true);
    setAcceptDrops(true);
    auto *style = new NoDropIndicatorStyle;
    style->setParent(this);
    setStyle(style);
}

void AlbumListView::dragEnterEvent(QDragEnterEvent *event)
{
    QListView::dragEnterEvent(event);
    setDropTarget(event->isAccepted() ? indexAt(event->position().toPoint()) : QModelIndex());
    m_refused = QModelIndex();
}

void AlbumListView::dragMoveEvent(QDragMoveEvent *event)
{
    QListView::dragMoveEvent(event);
    const QModelIndex over = indexAt(event->position().toPoint());
    const bool takes = event->isAccepted() && over.isValid() &&
                       model()->canDropMimeData(event->mimeData(), event->dropAction(), -1, -1, over);
    setDropTarget(takes ? over : QModelIndex());
    noteRefusal(over, takes);
}

void AlbumListView::dragLeaveEvent(QDragLeaveEvent *event)
{
    QListView::dragLeaveEvent(event);
    setDropTarget({});
    if (const QModelIndex refused = std::exchange(m_refused, {}); refused.isValid())
        emit refusedLeft(refused);
}

void AlbumListView::dropEvent(QDropEvent *event)
{
    QListView::dropEvent(event);
    setDropTarget({});
    m_refused = QModelIndex();
}

void AlbumListView::noteRefusal(const QModelIndex &over, bool takes)
{
    const QModelIndex refused = takes || !over.isValid() ? QModelIndex() : over;
    if (refused == m_refused)
        return;
    m_refused = refused;
    if (refused.isValid())
        emit refusedOver(refused);
}

void AlbumListView::setDropTarget(const QModelIndex &index)
{
    if (index == m_dropTarget)
        return;
    if (m_dropTarget.isValid())
        update(m_dropTarget);
    m_dropTarget = index;
    if (index.isValid())
        update(index);
}

} // namespace koodrive::ui
