#pragma once

#include <QImage>
#include <QPointer>
#include <QTimer>
#include <QWidget>

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
// window or at 100 %; ←/→ for the previous and next photo, Home/End for the first and last, F5 for a
// slideshow, Esc (or a double-click) to go back to the grid where the user left it. The thumbnail stands
// in while the photo loads.
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
    bool isSlideshowRunning() const { return m_slideshow.isActive(); }
    bool isLoaded() const { return !m_image.isNull(); }
    QImage image() const { return m_image; }
    QString statusText() const { return m_status; }

    void next() { step(+1); }
    void previous() { step(-1); }
    void first();
    void last();
    void setFit(bool fit);
    void toggleSlideshow();
    // Shows nothing and holds nothing of the place any more (signing out).
    void clear();

signals:
    void closed(int row);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void step(int delta);
    void showRow(int row);
    void load();
    bool isPicture(int row) const;
    QSize fitBox() const;

    thumbnails::OriginalLoader *m_loader;
    QPointer<models::PagedFileModel> m_model;
    int m_row = -1;
    bool m_fit = true;
    QImage m_image;   // the photo, fitted or full
    QImage m_preview; // its thumbnail, while the photo loads
    QString m_status;
    QTimer m_slideshow;
};

} // namespace koodrive::ui
