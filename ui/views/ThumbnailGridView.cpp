#include "ThumbnailGridView.h"

#include "delegates/ThumbnailDelegate.h"
#include "models/PagedFileModel.h"

#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace koodrive::ui {

ThumbnailGridView::ThumbnailGridView(QWidget *parent)
    : QListView(parent)
    , m_delegate(new ThumbnailDelegate(this))
{
    setItemDelegate(m_delegate);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(true);
    setResizeMode(QListView::Adjust);
    setMovement(QListView::Static);
    setUniformItemSizes(true); // 36 ms instead of 450 ms for 100 000 rows (../shared/PERFORMANCE-FACTS.md)
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setSelectionRectVisible(true);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::CopyAction);
    setMouseTracking(true);
    setAttribute(Qt::WA_Hover);
    setAccessibleName(tr("Photos"));
    setTileSize(160);
}

void ThumbnailGridView::setFileModel(models::PagedFileModel *model)
{
    if (model == m_model)
        return;
    // Only our own connections go: the view's own ones to the model must stay.
    for (const QMetaObject::Connection &connection : std::as_const(m_modelConnections))
        disconnect(connection);
    m_modelConnections.clear();
    m_model = model;
    setModel(model);
    if (model) {
        model->setThumbnailSize(m_delegate->tileSize(), devicePixelRatioF());
        m_modelConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &ThumbnailGridView::reportViewportSoon),
            connect(model, &QAbstractItemModel::modelReset, this, &ThumbnailGridView::reportViewportSoon),
            // A new folder, order or filter: its first page is wanted at once (QListView asks only on
            // scrolling).
            connect(model, &QAbstractItemModel::modelReset, this, &ThumbnailGridView::fetchMoreSoon),
        };
    }
    reportViewportSoon();
    fetchMoreSoon();
}

void ThumbnailGridView::fetchMoreSoon()
{
    QTimer::singleShot(0, this, [this] {
        if (m_model && m_model->canFetchMore())
            m_model->fetchMore();
    });
}

int ThumbnailGridView::tileSize() const
{
    return m_delegate->tileSize();
}

void ThumbnailGridView::setTileSize(int logicalPixels)
{
    const int size = qBound(MinTile, logicalPixels, MaxTile);
    if (size == m_delegate->tileSize() && gridSize().isValid())
        return;
    m_delegate->setTileSize(size);
    setGridSize(m_delegate->cellSize(font()));
    if (m_model)
        m_model->setThumbnailSize(size, devicePixelRatioF());
    emit tileSizeChanged(size);
    reportViewportSoon();
}

void ThumbnailGridView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            setTileSize(tileSize() + steps * 16);
        event->accept();
        return;
    }
    QListView::wheelEvent(event);
}

void ThumbnailGridView::scrollContentsBy(int dx, int dy)
{
    QListView::scrollContentsBy(dx, dy);
    reportViewportSoon();
}

void ThumbnailGridView::resizeEvent(QResizeEvent *event)
{
    QListView::resizeEvent(event);
    reportViewportSoon();
}

void ThumbnailGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        setGridSize(m_delegate->cellSize(font()));
}

void ThumbnailGridView::reportViewportSoon()
{
    if (m_reportPending)
        return;
    m_reportPending = true;
    QTimer::singleShot(0, this, [this] {
        m_reportPending = false;
        reportViewport();
    });
}

void ThumbnailGridView::reportViewport()
{
    if (!m_model || m_model->rowCount() == 0)
        return;
    // The grid is uniform: the rows on screen follow from the scroll position and the cell size.
    const QSize cell = gridSize();
    const int columns = qMax(1, viewport()->width() / qMax(1, cell.width()));
    const int top = verticalScrollBar()->value();
    const int firstLine = top / qMax(1, cell.height());
    const int lastLine = (top + viewport()->height()) / qMax(1, cell.height());
    const int first = firstLine * columns;
    const int last = qMin(m_model->rowCount() - 1, (lastLine + 1) * columns - 1);
    if (first < m_model->rowCount())
        m_model->setViewport(first, last);
}

} // namespace koodrive::ui
