#pragma once

#include <QListView>
#include <functional>

class QLabel;
class QPushButton;

namespace koodrive::models {
class PagedFileModel;
}

namespace koodrive::ui {

class ThumbnailDelegate;

// The grid of a folder's or an album's files: uniform tiles (64–320 px, Ctrl+wheel to zoom), names below,
// multi-selection and drags. It tells its model which rows are on screen, so that only their thumbnails
// load (at the painted size times the screen's device pixel ratio), and asks for more rows near the end.
class ThumbnailGridView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailGridView)

public:
    static constexpr int MinTile = 64;
    static constexpr int MaxTile = 320;

    explicit ThumbnailGridView(QWidget *parent = nullptr);

    void setFileModel(models::PagedFileModel *model);
    // Drags to other applications carry the dragged files themselves: given the dragged rows when the
    // drag starts, `copies` returns what fetches their local copies when a drop asks for them (see
    // OutgoingFilesMime). Without it, drive items only.
    using LocalCopies = std::function<std::function<QStringList()>(const QModelIndexList &rows)>;
    void setLocalCopies(LocalCopies copies) { m_localCopies = std::move(copies); }
    models::PagedFileModel *fileModel() const { return m_model; }
    ThumbnailDelegate *tileDelegate() const { return m_delegate; }
    void setTileSize(int logicalPixels);
    int tileSize() const;
    // Before the window is first shown (the view is laid out only then): the rows its first screen may
    // hold in `area` (the room the window leaves it), and their thumbnails asked for. {0, -1} when there
    // are none.
    QPair<int, int> askForFirstScreen(QSize area);
    // The number of selected files, counted from the selection's ranges (no index list is built).
    int selectedCount() const;
    // While true, rows that arrive are selected too: Ctrl+A in a folder that is still loading selects
    // the whole folder, as it comes. Any other change of the selection ends it.
    bool isSelectingAll() const { return m_selectingAll; }
    // What the place says when it has been read and holds nothing ("This album is empty."), and the one
    // thing to do about it (e.g. "Clear the filters"), shown in the middle of the grid. Empty: nothing said.
    void setEmptyState(const QString &text, const QString &actionLabel = {},
                       std::function<void()> action = {});
    // What is said now: empty unless the place is read, holds nothing and has something to say.
    QString shownEmptyText() const;
    QPushButton *emptyStateAction() const { return m_emptyAction; } // null until first shown

public slots:
    // Selects every file of the folder or album, including the pages not read yet (they are fetched).
    void selectAll() override;

signals:
    void tileSizeChanged(int logicalPixels);
    // A context menu is wanted at `pos` (viewport coordinates): under the mouse, or for the Menu key and
    // Shift+F10 over the current tile.
    void menuRequested(const QPoint &pos);
    void selectingAllChanged(bool selectingAll);
    // Once per folder or album shown: every tile on screen has been painted with its picture (folders with
    // their icon). The time a person waits for a full screen.
    void screenFilled();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    QRegion visualRegionForSelection(const QItemSelection &selection) const override;
    void startDrag(Qt::DropActions supportedActions) override;
    void selectionChanged(const QItemSelection &selected, const QItemSelection &deselected) override;
    QModelIndex moveCursor(CursorAction cursorAction, Qt::KeyboardModifiers modifiers) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    // The tile size, keeping the tile at `at` (viewport coordinates) where it is.
    void zoomAround(int logicalPixels, QPoint at);
    void updateEmptyState();
    void placeEmptyState();
    void reportViewportSoon();
    void fetchFirstPageSoon();
    void fetchMoreSoon();
    void reportViewport();
    QPair<int, int> rowsOnScreen() const;
    void selectArrivedRows(int first, int last);
    void setSelectingAll(bool selectingAll);
    void goToEnd();
    QPixmap dragPixmap(const QModelIndexList &indexes) const;

    ThumbnailDelegate *m_delegate;
    models::PagedFileModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    bool m_reportPending = false;
    bool m_selectingAll = false;
    // End was pressed while the place was still being read: the last item is shown once it is in.
    bool m_toEndWhenRead = false;
    LocalCopies m_localCopies;
    bool m_watchFill = true;
    bool m_ownSelectionChange = false;
    // The empty place's note (made when first shown): its words, and its one action.
    QString m_emptyWords;
    QString m_emptyActionLabel;
    QWidget *m_empty = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyAction = nullptr;
    std::function<void()> m_emptyDo;
};

} // namespace koodrive::ui
