#pragma once

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>

class QNetworkAccessManager;

namespace koodrive::api {
class KooDriveClient;
struct ApiError;
} // namespace koodrive::api
namespace koodrive::models {
class PagedFileModel;
}
namespace koodrive::thumbnails {
class OriginalLoader;
}

namespace koodrive::ui {

// The photo viewer over the grid: the photo at full quality (from its download link), fitted to the
// window or zoomed; ←/→ for the previous and next photo, Home/End for the first and last, F5 for a
// slideshow (full screen), F11 for full screen, Esc to leave full screen and then to go back to the grid
// where the user left it. The thumbnail stands in while the photo
// loads.
//
// Zoom: the wheel (with or without Ctrl) zooms around the pointer, + and − around the middle, F fits, 1 is
// 100 % and 2 is 200 % (a picture pixel to a device pixel), a double-click goes between fitted and 100 %
// around the pointer. Zoomed, a drag pans (the hand cursor) and the arrows pan; fitted, ←/→ step. Where it
// is is kept in the original's pixels, so the original, fetched when the zoom goes past the fitted copy's
// resolution, takes its place without a jump.
class PhotoViewer final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhotoViewer)

public:
    PhotoViewer(api::KooDriveClient *client, QNetworkAccessManager *network, QWidget *parent = nullptr);
    ~PhotoViewer() override;

    void open(models::PagedFileModel *model, int row);
    int currentRow() const { return m_row; }
    bool isFitting() const { return m_fit; }
    // Widget pixels to one pixel of the original (fitted: what fitting makes it).
    qreal zoom() const;
    // Where the picture is painted, in the widget's coordinates (empty while nothing is shown).
    QRectF pictureRect() const;
    // The original's size as shown (EXIF orientation applied); invalid until the photo has loaded.
    QSize fullSize() const { return m_fullSize; }
    bool isSlideshowRunning() const { return m_slideshow.isActive(); }
    bool isLoaded() const { return !m_image.isNull(); }
    QImage image() const { return m_image; }
    QString statusText() const { return m_status; }

    void next() { step(+1); }
    void previous() { step(-1); }
    void first();
    void last();
    void setFit(bool fit);
    // Zooms to `to` (widget pixels per original pixel) keeping the picture's point under `anchor` there.
    void zoomAround(QPointF anchor, qreal to);
    void toggleSlideshow();
    // The window shows the viewer alone, full screen (its owner does that, on fullScreenWanted): Esc then
    // leaves full screen first.
    void setFullScreenShown(bool shown);
    bool isFullScreenShown() const { return m_fullScreen; }
    // Shows nothing and holds nothing of the place any more (signing out).
    void clear();

signals:
    void closed(int row);
    // F11, a slideshow started, Esc in full screen.
    void fullScreenWanted(bool on);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void step(int delta);
    void showRow(int row);
    void load();
    bool isPicture(int row) const;
    QSize fitBox() const;
    qreal fitZoom() const;
    QPointF viewCentre() const { return QPointF(width() / 2.0, height() / 2.0); }
    // The original's point shown at the middle, kept where the picture covers the view.
    QPointF clampedCentre(QPointF centre, qreal zoom) const;
    bool canPan() const;
    void panBy(QPointF widgetDelta);
    void fetchOriginalIfNeeded();
    void updateCursor();

    thumbnails::OriginalLoader *m_loader;
    QPointer<models::PagedFileModel> m_model;
    int m_row = -1;
    bool m_fit = true;
    qreal m_zoom = 1; // zoomed (not fitting): widget pixels per original pixel
    QPointF m_centre; // zoomed: the original's point at the middle of the view
    QSize m_fullSize; // the original's size as shown, once loaded
    bool m_fullAsked = false;
    bool m_fullScreen = false;
    bool m_fullScreenForSlideshow = false; // F5 entered it: F5 again leaves it
    std::optional<QPointF> m_dragFrom;
    QImage m_image;   // the photo, fitted or full
    QImage m_preview; // its thumbnail, while the photo loads
    QString m_status;
    QTimer m_slideshow;
};

} // namespace koodrive::ui
