#include "ThumbnailGridView.h"

#include "OutgoingFilesMime.h"
#include "api/ApiTypes.h"
#include "delegates/ThumbnailDelegate.h"
#include "models/PagedFileModel.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QTimer>
#include <QWheelEvent>

namespace koodrive::ui {

using thumbnails::ThumbnailState;

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
    // A name is edited only through Rename (F2, the menu): a double click opens the file.
    setEditTriggers(QAbstractItemView::NoEditTriggers);
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
    m_watchFill = true;
    setSelectingAll(false);
    setModel(model);
    if (model) {
        model->setThumbnailSize(m_delegate->tileSize(), devicePixelRatioF());
        m_modelConnections = {
            connect(model, &QAbstractItemModel::rowsInserted, this, &ThumbnailGridView::reportViewportSoon),
            connect(model, &QAbstractItemModel::modelReset, this, &ThumbnailGridView::reportViewportSoon),
            // A new folder, order or filter: its first page is wanted at once (QListView asks only on
            // scrolling).
            connect(model, &QAbstractItemModel::modelReset, this, &ThumbnailGridView::fetchFirstPageSoon),
            connect(model, &models::PagedFileModel::completed, this,
                    [this] {
                        if (std::exchange(m_toEndWhenRead, false))
                            goToEnd();
                    }),
            connect(model, &QAbstractItemModel::modelReset, this,
                    [this] {
                        setSelectingAll(false);
                        m_toEndWhenRead = false;
                        m_watchFill = true;
                    }),
            connect(model, &QAbstractItemModel::rowsInserted, this,
                    [this](const QModelIndex &, int first, int last) { selectArrivedRows(first, last); }),
            connect(model, &QAbstractItemModel::rowsInserted, this, &ThumbnailGridView::updateEmptyState),
            connect(model, &QAbstractItemModel::rowsRemoved, this, &ThumbnailGridView::updateEmptyState),
            connect(model, &QAbstractItemModel::modelReset, this, &ThumbnailGridView::updateEmptyState),
            connect(model, &models::PagedFileModel::loadingChanged, this,
                    &ThumbnailGridView::updateEmptyState),
            connect(model, &models::PagedFileModel::stateChanged, this, &ThumbnailGridView::updateEmptyState),
            connect(model, &models::PagedFileModel::completed, this, &ThumbnailGridView::updateEmptyState),
        };
    }
    reportViewportSoon();
    fetchFirstPageSoon();
    updateEmptyState();
}

void ThumbnailGridView::fetchFirstPageSoon()
{
    QTimer::singleShot(0, this, [this] {
        // A place opened from the catalog shows its saved rows and is read again by itself: the rest of
        // them, read from the catalog meanwhile, go in when they are there, after the first screen (or at
        // once when wanted: the bottom, End, Ctrl+A).
        if (m_model && !m_model->showsSaved() && m_model->canFetchMore())
            m_model->fetchMore();
    });
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
    zoomAround(logicalPixels, viewport()->rect().center());
}

void ThumbnailGridView::zoomAround(int logicalPixels, QPoint at)
{
    const int size = qBound(MinTile, logicalPixels, MaxTile);
    if (size == m_delegate->tileSize() && gridSize().isValid())
        return;
    // The tile at `at` (the pointer, or the middle of the grid) stays at that height, at the same place
    // within it: the person keeps their place (the columns change, so it may move sideways).
    QPersistentModelIndex anchor;
    double within = 0;
    if (m_model && m_model->rowCount() > 0 && gridSize().isValid() && isVisible()) {
        anchor = indexAt(at);
        if (!anchor.isValid())
            anchor = m_model->index(qMin(rowsOnScreen().first, m_model->rowCount() - 1), 0);
        const QRect was = visualRect(anchor);
        within = was.height() > 0 ? double(at.y() - was.top()) / was.height() : 0;
    }
    m_delegate->setTileSize(size);
    setGridSize(m_delegate->cellSize(font()));
    if (m_model)
        m_model->setThumbnailSize(size, devicePixelRatioF());
    if (anchor.isValid()) {
        doItemsLayout(); // the new places now, not on the next turn (a uniform grid: a few ms for 100 000)
        const QRect now = visualRect(anchor);
        QScrollBar *bar = verticalScrollBar();
        bar->setValue(bar->value() + now.top() + int(within * now.height()) - at.y());
    }
    emit tileSizeChanged(size);
    reportViewportSoon();
}

void ThumbnailGridView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers().testFlag(Qt::ControlModifier)) {
        const int steps = event->angleDelta().y() / 120;
        if (steps != 0)
            zoomAround(tileSize() + steps * 16, event->position().toPoint());
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
    placeEmptyState();
}

void ThumbnailGridView::showEvent(QShowEvent *event)
{
    QListView::showEvent(event);
    reportViewportSoon(); // nothing is reported while hidden
}

void ThumbnailGridView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        setGridSize(m_delegate->cellSize(font()));
}

int ThumbnailGridView::selectedCount() const
{
    if (!selectionModel())
        return 0;
    int count = 0;
    for (const QItemSelectionRange &range : selectionModel()->selection())
        count += range.height();
    return count;
}

void ThumbnailGridView::selectAll()
{
    if (!m_model || !selectionModel() || m_model->rowCount() == 0)
        return;
    // One range, not one index per row: selecting 100 000 rows stays a single cheap selection.
    m_ownSelectionChange = true;
    selectionModel()->select(QItemSelection(m_model->index(0, 0), m_model->index(m_model->rowCount() - 1, 0)),
                             QItemSelectionModel::ClearAndSelect);
    m_ownSelectionChange = false;
    setSelectingAll(!m_model->isComplete());
    if (m_selectingAll && m_model->canFetchMore())
        m_model->fetchMore();
}

void ThumbnailGridView::selectArrivedRows(int first, int last)
{
    if (!m_selectingAll || !selectionModel())
        return;
    m_ownSelectionChange = true;
    selectionModel()->select(QItemSelection(m_model->index(first, 0), m_model->index(last, 0)),
                             QItemSelectionModel::Select);
    m_ownSelectionChange = false;
    if (m_model->isComplete())
        setSelectingAll(false);
    else
        fetchMoreSoon(); // the rest of the folder, page after page, while the selection holds
}

void ThumbnailGridView::selectionChanged(const QItemSelection &selected, const QItemSelection &deselected)
{
    QListView::selectionChanged(selected, deselected);
    if (!m_ownSelectionChange)
        setSelectingAll(false); // the person chose something else
}

void ThumbnailGridView::setSelectingAll(bool selectingAll)
{
    if (selectingAll == m_selectingAll)
        return;
    m_selectingAll = selectingAll;
    emit selectingAllChanged(selectingAll);
}

QModelIndex ThumbnailGridView::moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers)
{
    // End on a place still being read goes to the last item now, and again to the true last once the
    // place is read (a few hundred milliseconds for 10 000 files); any other move ends that.
    // The last rows of a saved place still being read from the catalog (just after it opened) come now.
    if (cursorAction == MoveEnd && m_model && m_model->showsSaved() && m_model->canFetchMore())
        m_model->fetchMore();
    m_toEndWhenRead = cursorAction == MoveEnd && m_model && m_model->isReading();
    // QListView moves only among the rows it has laid out: just after a place opened (rows from the
    // catalog, many at once), End would find none.
    executeDelayedItemsLayout();
    // With no current item yet, QListView answers every move with the first row: End means the last.
    if (cursorAction == MoveEnd && !currentIndex().isValid() && m_model && m_model->rowCount() > 0)
        return m_model->index(m_model->rowCount() - 1, 0);
    return QListView::moveCursor(cursorAction, modifiers);
}

void ThumbnailGridView::mousePressEvent(QMouseEvent *event)
{
    m_toEndWhenRead = false;
    QListView::mousePressEvent(event);
}

void ThumbnailGridView::goToEnd()
{
    if (!m_model || m_model->rowCount() == 0 || !selectionModel())
        return;
    const QModelIndex last = m_model->index(m_model->rowCount() - 1, 0);
    setCurrentIndex(last);
    scrollTo(last, PositionAtBottom);
}

void ThumbnailGridView::contextMenuEvent(QContextMenuEvent *event)
{
    QPoint pos = event->pos();
    if (event->reason() == QContextMenuEvent::Keyboard) {
        const QRect current = visualRect(currentIndex());
        pos = current.isValid() && viewport()->rect().intersects(current) ? current.center()
                                                                          : viewport()->rect().center();
    }
    emit menuRequested(pos);
    event->accept();
}

void ThumbnailGridView::startDrag(Qt::DropActions supportedActions)
{
    QModelIndexList indexes = selectionModel() ? selectionModel()->selectedIndexes() : QModelIndexList();
    if (indexes.isEmpty() || !m_model)
        return;
    std::sort(indexes.begin(), indexes.end());
    QMimeData *mime = m_model->mimeData(indexes);
    if (!mime)
        return;
    if (m_localCopies) {
        // For other applications: the files themselves, and the picture of a single photo.
        const bool onePhoto =
            indexes.size() == 1 &&
            indexes.first().data(models::PagedFileModel::FileTypeRole).toInt() == api::FileType::Image;
        auto *outgoing = new OutgoingFilesMime(m_localCopies(indexes), onePhoto);
        for (const QString &format : mime->formats())
            outgoing->setData(format, mime->data(format));
        delete mime;
        mime = outgoing;
    }
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    // A small stack of the dragged photos beside the pointer, with their number: the album under the
    // pointer stays visible (the default would be every selected tile at full size).
    const QPixmap pixmap = dragPixmap(indexes);
    drag->setPixmap(pixmap);
    drag->setHotSpot(QPoint(-12, -12));
    drag->exec(supportedActions, Qt::CopyAction);
}

QPixmap ThumbnailGridView::dragPixmap(const QModelIndexList &indexes) const
{
    constexpr int Card = 72;
    constexpr int Step = 6;
    const int cards = int(qMin<qsizetype>(3, indexes.size()));
    const qreal dpr = devicePixelRatioF();
    const QSize logical(Card + Step * (cards - 1) + 14, Card + Step * (cards - 1) + 14);
    QPixmap pixmap(logical * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // The current tile on top, when it is one of them.
    QModelIndexList shown = indexes.mid(0, cards);
    if (indexes.contains(currentIndex()) && !shown.contains(currentIndex()))
        shown.last() = currentIndex();
    for (int i = cards - 1; i >= 0; --i) {
        const QRectF card(Step * i, Step * (cards - 1 - i) + 14, Card, Card);
        painter.setPen(QPen(palette().color(QPalette::Base), 2));
        painter.setBrush(palette().color(QPalette::AlternateBase));
        painter.drawRoundedRect(card, 5, 5);
        const QImage image = shown[i].data(models::PagedFileModel::ThumbnailRole).value<QImage>();
        if (!image.isNull()) {
            const QSizeF side = QSizeF(image.size()).scaled(card.size(), Qt::KeepAspectRatioByExpanding);
            QPainterPath clip;
            clip.addRoundedRect(card.adjusted(1, 1, -1, -1), 4, 4);
            painter.save();
            painter.setClipPath(clip);
            painter.drawImage(QRectF(card.center().x() - side.width() / 2,
                                     card.center().y() - side.height() / 2, side.width(), side.height()),
                              image);
            painter.restore();
        }
    }
    if (indexes.size() > 1) {
        // The number of files, as a badge on the top right corner.
        QFont font = this->font();
        font.setBold(true);
        painter.setFont(font);
        const QString count = QLocale().toString(indexes.size());
        const int width = qMax(24, QFontMetrics(font).horizontalAdvance(count) + 12);
        const QRectF badge(logical.width() - width, 0, width, 24);
        painter.setPen(Qt::NoPen);
        painter.setBrush(palette().color(QPalette::Highlight));
        painter.drawRoundedRect(badge, 12, 12);
        painter.setPen(palette().color(QPalette::HighlightedText));
        painter.drawText(badge, Qt::AlignCenter, count);
    }
    return pixmap;
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

QPair<int, int> ThumbnailGridView::rowsOnScreen() const
{
    // The grid is uniform: the rows on screen follow from the scroll position and the cell size.
    const QSize cell = gridSize();
    const int columns = qMax(1, viewport()->width() / qMax(1, cell.width()));
    const int top = verticalScrollBar()->value();
    const int firstLine = top / qMax(1, cell.height());
    const int lastLine = (top + viewport()->height()) / qMax(1, cell.height());
    return {firstLine * columns, qMin(m_model->rowCount() - 1, (lastLine + 1) * columns - 1)};
}

QPair<int, int> ThumbnailGridView::askForFirstScreen(QSize area)
{
    if (!m_model || m_model->rowCount() == 0)
        return {0, -1};
    const QSize cell = gridSize();
    const int columns = qMax(1, area.width() / qMax(1, cell.width()));
    const int lines = area.height() / qMax(1, cell.height()) + 1;
    const int last = qMin(m_model->rowCount() - 1, columns * lines - 1);
    m_model->setViewport(0, last);
    return {0, last};
}

void ThumbnailGridView::reportViewport()
{
    // Hidden, the view has no screen (and its viewport no size yet, before the window is first shown): what
    // askForFirstScreen() asked for stays asked for. Shown, its size comes and is reported (resizeEvent).
    if (!m_model || m_model->rowCount() == 0 || !isVisible())
        return;
    const auto [first, last] = rowsOnScreen();
    if (first < m_model->rowCount())
        m_model->setViewport(first, last);
}

QRegion ThumbnailGridView::visualRegionForSelection(const QItemSelection &selection) const
{
    // Only the tiles on screen need repainting; QListView would ask for the rectangle of every selected
    // row (100 000 after Ctrl+A in a big folder).
    if (!m_model || m_model->rowCount() == 0)
        return {};
    const auto [first, last] = rowsOnScreen();
    QRegion region;
    for (const QItemSelectionRange &range : selection) {
        const int top = qMax(range.top(), first);
        const int bottom = qMin(range.bottom(), last);
        for (int row = top; row <= bottom; ++row)
            region += visualRect(m_model->index(row, 0));
    }
    return region;
}

void ThumbnailGridView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!m_watchFill || !m_model || m_model->rowCount() == 0)
        return;
    const auto [first, last] = rowsOnScreen();
    for (int row = first; row <= last; ++row) {
        const QModelIndex index = m_model->index(row, 0);
        const bool painted = index.data(models::PagedFileModel::IsFolderRole).toBool() ||
                             ThumbnailState(index.data(models::PagedFileModel::ThumbnailStateRole).toInt()) ==
                                 ThumbnailState::Unavailable ||
                             !index.data(models::PagedFileModel::ThumbnailRole).value<QImage>().isNull();
        if (!painted)
            return;
    }
    m_watchFill = false;
    emit screenFilled();
}

} // namespace koodrive::ui
