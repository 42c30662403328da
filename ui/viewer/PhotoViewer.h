#pragma once

#include <QImage>
#include <QPointer>
#include <QStringList>
#include <QTimer>
#include <QWidget>
#include <optional>

class QBuffer;
class QLabel;
class QMovie;
class QNetworkAccessManager;
class QToolButton;

namespace koodrive::api {
class KooDriveClient;
struct ApiError;
} // namespace koodrive::api
namespace koodrive::models {
class FileLocator;
class PagedFileModel;
} // namespace koodrive::models
namespace koodrive::thumbnails {
class OriginalLoader;
}

namespace koodrive::ui {

class InfoPanel;
class VideoPane;

// Where the files the viewer steps through are, for its info panel.
struct ViewerPlace
{
    QStringList folderPath; // a folder's, from the drive's name down: every file shown is there
    QString albumName;      // an album's: the files were opened from it
    QString driveName;      // elsewhere each file's folder is found (FileLocator), under this name
    bool recycleBin = false;
};

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
    // Where the caption is (empty when it is not shown): below the photo in the window, over it in full
    // screen while the pointer moves.
    QRect captionRect() const;
    // Where the photo is shown: the viewer less the caption's band (in the window), or all of it.
    QRect photoArea() const;
    // The original's size as shown (EXIF orientation applied); invalid until the photo has loaded.
    QSize fullSize() const { return m_fullSize; }
    bool isSlideshowRunning() const { return m_slideshow.isActive(); }
    bool isLoaded() const { return !m_image.isNull(); }
    // A file that is no photo or video shows a page of its own: its type's icon, name, size and type, and
    // "Open with…" and "Save to…"; ←/→ pass through such files as through photos (a slideshow skips them).
    bool isDocumentShown() const;
    QWidget *documentPage() const { return m_documentPage; }
    // A video plays in a pane of its own (VideoPane) over the photo's place; Space plays and pauses it,
    // M mutes, Shift+←/→ go back and on 5 s, and ←/→ still step. A slideshow lets it play to its end.
    bool isVideoShown() const;
    VideoPane *videoPane() const { return m_videoPane; }
    QImage image() const { return m_image; }
    // An animated GIF or WebP plays in the viewer (a still photo does not).
    bool isAnimating() const;
    // What is painted: the thumbnail while the photo loads, the photo, or its fitted copy when it is
    // fitted again after the original was fetched for a zoom.
    QImage shownImage() const;
    QString statusText() const { return m_status; }
    // A note of the window's (its message bar is the grid's), in the caption for a few seconds.
    void showNote(const QString &text);
    QString noteText() const { return m_note; }

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

    // The info panel (I, or the caption's button), at the right: the photo keeps the rest of the view.
    void setPlace(const ViewerPlace &place);
    void setFileLocator(models::FileLocator *locator);
    void setInfoShown(bool shown);
    bool isInfoShown() const { return m_infoShown; }
    InfoPanel *infoPanel() const { return m_info; }
    QToolButton *infoButton() const { return m_infoButton; }

signals:
    void closed(int row);
    // F11, a slideshow started, Esc in full screen.
    void fullScreenWanted(bool on);
    // The document page's buttons, for the file shown.
    void openWithRequested(int row);
    void saveToRequested(int row);
    // The info panel's folder: the file shown in its folder.
    void showInFolderRequested(int row);

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
    void hideEvent(QHideEvent *event) override;

private:
    void step(int delta, bool picturesOnly = false);
    void showDocument(const QModelIndex &index);
    void showVideo(const QModelIndex &index);
    bool isVideo(int row) const;
    QRect videoGeometry() const;
    void showRow(int row);
    void load();
    bool isPicture(int row) const;
    bool isFile(int row) const;
    QSize fitBox() const;
    qreal fitZoom() const;
    QPointF viewCentre() const { return QRectF(photoArea()).center(); }
    void showCaptionForAMoment();
    // The original's point shown at the middle, kept where the picture covers the view.
    QPointF clampedCentre(QPointF centre, qreal zoom) const;
    bool canPan() const;
    void panBy(QPointF widgetDelta);
    void fetchOriginalIfNeeded();
    void updateCursor();
    void playAnimation(const QByteArray &bytes);
    void stopAnimation();
    // The document page, the video, the info panel and its button where the view's parts are now.
    void layoutParts();
    int infoWidth() const;
    void updateInfo();
    void locateShownFile();

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
    bool m_captionShown = true;            // full screen: while the pointer moves
    QTimer m_captionRest;
    std::optional<QPointF> m_dragFrom;
    QImage m_image;      // the photo, fitted or full
    QImage m_fittedCopy; // the fitted copy, once the original has taken its place (shown when fitted again)
    QImage m_preview;    // its thumbnail, while the photo loads
    QString m_status;
    QString m_note;
    QTimer m_noteShown;
    QTimer m_slideshow;
    api::KooDriveClient *m_client;
    VideoPane *m_videoPane = nullptr; // made for the first video
    QWidget *m_documentPage = nullptr;
    QLabel *m_documentIcon = nullptr;
    QLabel *m_documentName = nullptr;
    QLabel *m_documentDetails = nullptr;
    QMovie *m_movie = nullptr;       // the animation shown, if it is one
    QBuffer *m_movieBytes = nullptr; // what it plays from
    InfoPanel *m_info = nullptr;
    QToolButton *m_infoButton = nullptr;
    bool m_infoShown = false;
    ViewerPlace m_place;
    QPointer<models::FileLocator> m_locator;
    QTimer m_locateSoon; // a file's folder is looked for once the person rests on it
    quint64 m_locateTurn = 0;
    static constexpr int CaptionHeight = 34;
    static constexpr int SlideshowMs = 4000;
    static constexpr int CaptionRestMs =
        2500;                                // full screen: the caption goes when the pointer rests this long
    static constexpr qreal ZoomStep = 1.25;  // a wheel notch, + or −
    static constexpr qreal MostZoom = 16.0;  // picture pixels to device pixels
    static constexpr qreal PanStep = 0.1;    // an arrow key: a tenth of the view
    static constexpr int LocateRestMs = 150; // resting this long on a file looks for its folder
};

} // namespace koodrive::ui
