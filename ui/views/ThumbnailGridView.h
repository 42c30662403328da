#pragma once

#include <QListView>

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
    models::PagedFileModel *fileModel() const { return m_model; }
    void setTileSize(int logicalPixels);
    int tileSize() const;

signals:
    void tileSizeChanged(int logicalPixels);

protected:
    void wheelEvent(QWheelEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void reportViewportSoon();
    void fetchMoreSoon();
    void reportViewport();

    ThumbnailDelegate *m_delegate;
    models::PagedFileModel *m_model = nullptr;
    QList<QMetaObject::Connection> m_modelConnections;
    bool m_reportPending = false;
};

} // namespace koodrive::ui
