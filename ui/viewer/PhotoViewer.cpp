#include "PhotoViewer.h"

#include "InfoPanel.h"
#include "VideoPane.h"
#include "api/ApiError.h"
#include "models/FileLocator.h"
#include "models/PagedFileModel.h"
#include "text/DisplayText.h"
#include "thumbnails/OriginalLoader.h"
#include "widgets/FileTypeIcons.h"

#include <QBuffer>
#include <QHBoxLayout>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QMovie>
#include <QPainter>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <cmath>

namespace koodrive::ui {

using models::PagedFileModel;

PhotoViewer::PhotoViewer(api::KooDriveClient *client, QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_loader(new thumbnails::OriginalLoader(client, network, this))
    , m_client(client)
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Photo viewer"));
    setAutoFillBackground(false);
    m_slideshow.setInterval(SlideshowMs);
    // The page of a file that is no photo: what it is, and what can be done with it here.
    m_documentPage = new QWidget(this);
    m_documentPage->setAccessibleName(tr("File"));
    m_documentPage->hide();
    auto *page = new QVBoxLayout(m_documentPage);
    page->addStretch(1);
    m_documentIcon = new QLabel(m_documentPage);
    m_documentIcon->setAlignment(Qt::AlignCenter);
    page->addWidget(m_documentIcon);
    m_documentName = new QLabel(m_documentPage);
    m_documentName->setTextFormat(Qt::PlainText); // the server's name, never markup
    m_documentName->setAlignment(Qt::AlignCenter);
    m_documentName->setWordWrap(true);
    QFont larger = m_documentName->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.4);
    larger.setBold(true);
    m_documentName->setFont(larger);
    page->addWidget(m_documentName);
    m_documentDetails = new QLabel(m_documentPage);
    m_documentDetails->setTextFormat(Qt::PlainText);
    m_documentDetails->setAlignment(Qt::AlignCenter);
    page->addWidget(m_documentDetails);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    auto *openWith =
        new QPushButton(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open with…"), m_documentPage);
    auto *saveTo =
        new QPushButton(QIcon::fromTheme(QStringLiteral("document-save-as")), tr("Save to…"), m_documentPage);
    for (QPushButton *button : {openWith, saveTo}) {
        button->setFocusPolicy(Qt::TabFocus); // the arrows stay the viewer's
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    page->addLayout(buttons);
    page->addStretch(1);
    m_documentPage->setStyleSheet(QStringLiteral("QLabel { color: #e6e6e6; }"));
    connect(openWith, &QPushButton::clicked, this, [this] {
        setFocus();
        emit openWithRequested(m_row);
    });
    connect(saveTo, &QPushButton::clicked, this, [this] {
        setFocus();
        emit saveToRequested(m_row);
    });
    m_info = new InfoPanel(this);
    m_info->hide();
    connect(m_info, &InfoPanel::closeRequested, this, [this] {
        setInfoShown(false);
        setFocus();
    });
    connect(m_info, &InfoPanel::showInFolderRequested, this, [this] { emit showInFolderRequested(m_row); });
    m_infoButton = new QToolButton(this);
    m_infoButton->setObjectName(QStringLiteral("infoButton"));
    m_infoButton->setText(QStringLiteral("i"));
    m_infoButton->setCheckable(true);
    m_infoButton->setFocusPolicy(Qt::NoFocus);
    m_infoButton->setToolTip(tr("Info (I)"));
    m_infoButton->setAccessibleName(tr("Info"));
    m_infoButton->setStyleSheet(
        QStringLiteral("#infoButton { color: white; font-weight: bold; font-style: italic; border: 1px solid "
                       "#8a8a90; border-radius: 11px; background: transparent; }"
                       "#infoButton:checked { background: #3d6fd6; border-color: #3d6fd6; }"
                       "#infoButton:hover { border-color: white; }"));
    m_infoButton->hide();
    connect(m_infoButton, &QToolButton::toggled, this, [this](bool on) {
        setInfoShown(on);
        setFocus();
    });
    m_noteShown.setSingleShot(true);
    m_noteShown.setInterval(8000);
    connect(&m_noteShown, &QTimer::timeout, this, [this] {
        m_note.clear();
        update(captionRect());
    });
    m_locateSoon.setSingleShot(true);
    m_locateSoon.setInterval(LocateRestMs);
    connect(&m_locateSoon, &QTimer::timeout, this, &PhotoViewer::locateShownFile);
    m_captionRest.setSingleShot(true);
    m_captionRest.setInterval(CaptionRestMs);
    connect(&m_captionRest, &QTimer::timeout, this, [this] {
        if (!m_fullScreen || !m_captionShown)
            return;
        const QRect band = captionRect();
        m_captionShown = false;
        if (m_videoPane)
            m_videoPane->setControlsShown(false);
        m_infoButton->hide();
        update(band);
    });
    connect(&m_slideshow, &QTimer::timeout, this, [this] {
        // A video plays to its end first (VideoPane::ended steps on).
        if (isVideoShown() && !m_videoPane->hasEnded() && !m_videoPane->hasFailed())
            return;
        const int before = m_row;
        step(+1, true);
        if (m_row == before) // the end: the slideshow stops there
            m_slideshow.stop();
    });
    connect(m_loader, &thumbnails::OriginalLoader::loaded, this,
            [this](const QString &, const QImage &image, QSize fullSize) {
                const bool first = !m_fullSize.isValid();
                // The fitted copy stays for when the photo is fitted again: the original scaled down at
                // paint time would be aliased (and slower).
                if (!m_image.isNull() && m_image.width() < image.width())
                    m_fittedCopy = m_image;
                m_image = image;
                m_fullSize = fullSize;
                m_status.clear();
                if (first &&
                    !m_fit) { // zoomed before it came: around its middle, or fitted if that is closer
                    m_centre = QPointF(fullSize.width() / 2.0, fullSize.height() / 2.0);
                    m_fit = m_zoom <= fitZoom() * 1.001;
                }
                fetchOriginalIfNeeded();
                updateCursor();
                update();
            });
    connect(m_loader, &thumbnails::OriginalLoader::animationFound, this,
            [this](const QString &, const QByteArray &bytes) { playAnimation(bytes); });
    connect(m_loader, &thumbnails::OriginalLoader::failed, this,
            [this](const QString &, const api::ApiError &error) {
                m_status = error.traceId.isEmpty() ? error.message
                                                   : tr("%1 (trace id %2)").arg(error.message, error.traceId);
                update();
            });
}

PhotoViewer::~PhotoViewer() = default;

void PhotoViewer::open(PagedFileModel *model, int row)
{
    if (m_model != model) {
        if (m_model)
            disconnect(m_model, &QAbstractItemModel::dataChanged, this, nullptr);
        // The photo's heart (starred with S, or elsewhere) shows as soon as it changes.
        if (model)
            connect(model, &QAbstractItemModel::dataChanged, this,
                    [this](const QModelIndex &from, const QModelIndex &to) {
                        if (from.row() <= m_row && m_row <= to.row()) {
                            update();
                            updateInfo();
                        }
                    });
    }
    m_model = model;
    showRow(row);
    setFocus();
}

bool PhotoViewer::isPicture(int row) const
{
    if (!m_model || row < 0 || row >= m_model->rowCount())
        return false;
    return !m_model->index(row).data(PagedFileModel::IsFolderRole).toBool() &&
           (m_model->index(row).data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Image ||
            m_model->index(row).data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Video);
}

bool PhotoViewer::isFile(int row) const
{
    return m_model && row >= 0 && row < m_model->rowCount() &&
           !m_model->index(row).data(PagedFileModel::IsFolderRole).toBool();
}

bool PhotoViewer::isVideo(int row) const
{
    return isFile(row) &&
           m_model->index(row).data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Video;
}

bool PhotoViewer::isVideoShown() const
{
    return m_videoPane && m_videoPane->isVisible() && m_row >= 0 && isVideo(m_row);
}

QRect PhotoViewer::videoGeometry() const
{
    // Full screen the caption keeps its band below the video (the pane would cover it otherwise).
    return m_fullScreen ? rect().adjusted(0, 0, -infoWidth(), -qMin(CaptionHeight, height() / 2))
                        : photoArea();
}

void PhotoViewer::showVideo(const QModelIndex &index)
{
    if (!m_videoPane) {
        m_videoPane = new VideoPane(m_client, this);
        m_videoPane->setOverlaid(m_fullScreen);
        connect(m_videoPane, &VideoPane::ended, this, [this] {
            if (!m_slideshow.isActive())
                return;
            const int before = m_row;
            step(+1, true);
            if (m_row == before)
                m_slideshow.stop();
            else
                m_slideshow.start(); // the next one has its full time
            update();
        });
        connect(m_videoPane, &VideoPane::fullScreenToggleWanted, this,
                [this] { emit fullScreenWanted(!m_fullScreen); });
        connect(m_videoPane, &VideoPane::pointerMoved, this, &PhotoViewer::showCaptionForAMoment);
    }
    m_videoPane->setGeometry(videoGeometry());
    m_videoPane->setControlsShown(!m_fullScreen || m_captionShown);
    m_videoPane->show();
    m_videoPane->open(index.data(PagedFileModel::IdRole).toString(),
                      index.data(PagedFileModel::ContainerRole).toString(),
                      index.data(PagedFileModel::ThumbnailRole).value<QImage>(),
                      index.data(PagedFileModel::DurationRole).toLongLong());
}

bool PhotoViewer::isDocumentShown() const
{
    return m_model && m_row >= 0 && !isPicture(m_row) && isFile(m_row);
}

void PhotoViewer::step(int delta, bool picturesOnly)
{
    if (!m_model)
        return;
    for (int row = m_row + delta; row >= 0 && row < m_model->rowCount(); row += delta) {
        if (picturesOnly ? isPicture(row) : isFile(row)) {
            showRow(row);
            return;
        }
    }
    // Past the last loaded row: more may come; the next press finds them.
    if (delta > 0 && m_model->canFetchMore())
        m_model->fetchMore();
}

void PhotoViewer::clear()
{
    m_loader->cancel(); // a photo on its way is not taken in
    m_slideshow.stop();
    m_model = nullptr;
    m_row = -1;
    stopAnimation();
    m_image = QImage();
    m_fittedCopy = QImage();
    m_preview = QImage();
    m_fullSize = QSize();
    m_status.clear();
    m_documentPage->hide();
    if (m_videoPane) {
        m_videoPane->stop();
        m_videoPane->hide();
    }
    m_place = {};
    ++m_locateTurn; // a folder on its way is not shown
    m_locateSoon.stop();
    m_infoButton->hide();
    update();
}

void PhotoViewer::first()
{
    for (int row = 0; m_model && row < m_model->rowCount(); ++row)
        if (isFile(row)) {
            showRow(row);
            return;
        }
}

void PhotoViewer::last()
{
    for (int row = m_model ? m_model->rowCount() - 1 : -1; row >= 0; --row)
        if (isFile(row)) {
            showRow(row);
            return;
        }
}

void PhotoViewer::showRow(int row)
{
    if (!isFile(row))
        return;
    m_row = row;
    // Each photo opens fitted.
    m_fit = true;
    m_fullSize = QSize();
    m_fullAsked = false;
    m_dragFrom.reset();
    updateCursor();
    stopAnimation();
    m_image = QImage();
    m_fittedCopy = QImage();
    m_preview = QImage();
    updateInfo();
    layoutParts();
    if (m_videoPane && !isVideo(row)) {
        m_videoPane->stop();
        m_videoPane->hide();
    }
    if (isVideo(row)) {
        m_loader->cancel();
        m_status.clear();
        m_documentPage->hide();
        showVideo(m_model->index(row));
        update();
        return;
    }
    if (!isPicture(row)) {
        m_loader->cancel();
        m_status.clear();
        showDocument(m_model->index(row));
        update();
        return;
    }
    m_documentPage->hide();
    m_preview = m_model->index(row).data(PagedFileModel::ThumbnailRole).value<QImage>();
    m_status = tr("Loading…");
    load();
    update();
}

void PhotoViewer::showDocument(const QModelIndex &index)
{
    // Its type's icon from the desktop's theme (by MIME type, then its generic kind), its name, size and
    // type; the server's MIME type first, then what the name says.
    const QMimeType type = FileTypeIcons::mimeTypeOf(index.data(PagedFileModel::MimeTypeRole).toString(),
                                                     index.data(Qt::EditRole).toString());
    m_documentIcon->setPixmap(FileTypeIcons().pixmap(96, devicePixelRatioF(),
                                                     index.data(PagedFileModel::MimeTypeRole).toString(),
                                                     index.data(Qt::EditRole).toString()));
    m_documentName->setText(index.data().toString());
    QStringList details;
    if (const qint64 size = index.data(PagedFileModel::SizeRole).toLongLong(); size > 0)
        details << QLocale().formattedDataSize(size);
    details << (type.isDefault() ? tr("File") : type.comment());
    m_documentDetails->setText(details.join(QStringLiteral("  ·  ")));
    m_documentPage->setGeometry(photoArea());
    m_documentPage->show();
}

QRect PhotoViewer::photoArea() const
{
    // In the window the caption has a band of its own below the photo; full screen, the photo has the
    // screen and the caption shows over it only while the pointer moves.
    // The info panel, when shown, has the right of the view.
    return rect().adjusted(0, 0, -infoWidth(), m_fullScreen ? 0 : -qMin(CaptionHeight, height() / 2));
}

QRect PhotoViewer::captionRect() const
{
    if (!m_model || m_row < 0 || (m_fullScreen && !m_captionShown))
        return {};
    return {0, height() - CaptionHeight, width(), CaptionHeight};
}

QSize PhotoViewer::fitBox() const
{
    return (photoArea().size() * devicePixelRatioF()).expandedTo({64, 64});
}

void PhotoViewer::load()
{
    if (!m_model || m_row < 0)
        return;
    const QModelIndex index = m_model->index(m_row);
    m_loader->load(index.data(PagedFileModel::IdRole).toString(),
                   index.data(PagedFileModel::ContainerRole).toString(), m_fullAsked ? QSize() : fitBox());
}

void PhotoViewer::setFit(bool fit)
{
    if (!fit) {
        zoomAround(viewCentre(), 1.0 / devicePixelRatioF()); // 100 %
        return;
    }
    if (m_fit)
        return;
    m_fit = true;
    m_dragFrom.reset();
    updateCursor();
    update();
}

qreal PhotoViewer::fitZoom() const
{
    if (!m_fullSize.isValid() || m_fullSize.isEmpty())
        return 1.0 / devicePixelRatioF();
    // Small photos are not blown up: at most 100 %.
    const QRect area = photoArea();
    return std::min({qreal(area.width()) / m_fullSize.width(), qreal(area.height()) / m_fullSize.height(),
                     1.0 / devicePixelRatioF()});
}

qreal PhotoViewer::zoom() const
{
    return m_fit ? fitZoom() : m_zoom;
}

QPointF PhotoViewer::clampedCentre(QPointF centre, qreal zoom) const
{
    // An axis the picture does not fill stays centred; one it overfills keeps the view inside it.
    const auto axis = [zoom](qreal at, int full, int view) {
        const qreal half = view / 2.0 / zoom;
        return full * zoom <= view ? full / 2.0 : std::clamp(at, half, full - half);
    };
    const QRect area = photoArea();
    return {axis(centre.x(), m_fullSize.width(), area.width()),
            axis(centre.y(), m_fullSize.height(), area.height())};
}

QRectF PhotoViewer::pictureRect() const
{
    const QImage &shown = m_image.isNull() ? m_preview : m_image;
    if (shown.isNull())
        return {};
    if (!m_fullSize.isValid()) {
        // The thumbnail, fitted, until the photo comes.
        const QSizeF size = QSizeF(shown.size()).scaled(QSizeF(photoArea().size()), Qt::KeepAspectRatio);
        return {viewCentre() - QPointF(size.width() / 2, size.height() / 2), size};
    }
    const qreal scale = zoom();
    const QPointF centre =
        m_fit ? QPointF(m_fullSize.width() / 2.0, m_fullSize.height() / 2.0) : clampedCentre(m_centre, scale);
    return {viewCentre() - centre * scale, QSizeF(m_fullSize) * scale};
}

void PhotoViewer::zoomAround(QPointF anchor, qreal to)
{
    to = std::min(to, MostZoom / devicePixelRatioF());
    if (!m_fullSize.isValid()) {
        // Not loaded yet: zoomed around the middle once it is (fitted if that is no closer).
        m_fit = false;
        m_zoom = to;
        update();
        return;
    }
    if (to <= fitZoom() * 1.001) {
        setFit(true);
        return;
    }
    // The original's point under the anchor stays under it.
    const QPointF point = (anchor - pictureRect().topLeft()) / zoom();
    m_zoom = to;
    m_fit = false;
    m_centre = clampedCentre(point - (anchor - viewCentre()) / to, to);
    fetchOriginalIfNeeded();
    updateCursor();
    update();
}

bool PhotoViewer::canPan() const
{
    if (m_fit || !m_fullSize.isValid())
        return false;
    const QRect area = photoArea();
    return m_fullSize.width() * m_zoom > area.width() + 0.5 ||
           m_fullSize.height() * m_zoom > area.height() + 0.5;
}

void PhotoViewer::panBy(QPointF widgetDelta)
{
    if (!canPan())
        return;
    m_centre = clampedCentre(clampedCentre(m_centre, m_zoom) - widgetDelta / m_zoom, m_zoom);
    update();
}

void PhotoViewer::fetchOriginalIfNeeded()
{
    // Zoomed past what the fitted copy has: the original, once, swapped in where it is.
    if (m_fit || m_fullAsked || m_image.isNull() || !m_fullSize.isValid() ||
        m_image.width() >= m_fullSize.width())
        return;
    if (m_fullSize.width() * m_zoom * devicePixelRatioF() <= m_image.width() * 1.01)
        return;
    m_fullAsked = true;
    const QModelIndex index = m_model ? m_model->index(m_row) : QModelIndex();
    if (index.isValid())
        m_loader->load(index.data(PagedFileModel::IdRole).toString(),
                       index.data(PagedFileModel::ContainerRole).toString(), QSize());
}

void PhotoViewer::updateCursor()
{
    if (m_dragFrom)
        setCursor(Qt::ClosedHandCursor);
    else if (canPan())
        setCursor(Qt::OpenHandCursor);
    else
        unsetCursor();
}

void PhotoViewer::toggleSlideshow()
{
    if (m_slideshow.isActive()) {
        m_slideshow.stop();
        if (std::exchange(m_fullScreenForSlideshow, false))
            emit fullScreenWanted(false); // back as it was before the slideshow
    } else {
        m_slideshow.start();
        m_fullScreenForSlideshow = !m_fullScreen;
        emit fullScreenWanted(true); // a slideshow is watched full screen
    }
    update();
}

void PhotoViewer::setFullScreenShown(bool shown)
{
    m_fullScreen = shown;
    if (!shown)
        m_fullScreenForSlideshow = false;
    setMouseTracking(shown); // the caption shows while the pointer moves
    m_captionShown = true;   // for a moment at first, full screen
    layoutParts();
    if (m_videoPane) {
        m_videoPane->setOverlaid(shown);
        m_videoPane->setControlsShown(true);
    }
    if (shown)
        m_captionRest.start();
    if (!m_fit)
        m_centre = clampedCentre(m_centre, m_zoom);
    update();
}

void PhotoViewer::showNote(const QString &text)
{
    m_note = text::elided(text, 160); // the whole text stays in the grid's message bar
    m_noteShown.start();
    showCaptionForAMoment();
    update(captionRect());
}

bool PhotoViewer::isAnimating() const
{
    return m_movie && m_movie->state() == QMovie::Running;
}

void PhotoViewer::playAnimation(const QByteArray &bytes)
{
    // Its frames at full size replace the still picture as they come (the first is the one shown).
    stopAnimation();
    m_movieBytes = new QBuffer(this);
    m_movieBytes->setData(bytes);
    m_movieBytes->open(QIODevice::ReadOnly);
    m_movie = new QMovie(m_movieBytes, QByteArray(), this);
    m_movie->setCacheMode(QMovie::CacheNone); // a frame at a time in memory
    connect(m_movie, &QMovie::frameChanged, this, [this] {
        const QImage frame = m_movie->currentImage();
        if (frame.isNull() || frame.size() != m_fullSize)
            return;
        m_image = frame;
        m_fittedCopy = QImage(); // the frames are the picture now
        update(photoArea());
    });
    m_movie->start();
}

void PhotoViewer::stopAnimation()
{
    if (!m_movie)
        return;
    m_movie->stop();
    m_movie->deleteLater();
    m_movieBytes->deleteLater();
    m_movie = nullptr;
    m_movieBytes = nullptr;
}

QImage PhotoViewer::shownImage() const
{
    if (m_image.isNull())
        return m_preview;
    // Fitted again after a zoom: the fitted copy, when it is sharp enough for the view.
    if (m_fit && !m_fittedCopy.isNull() &&
        m_fittedCopy.width() >= pictureRect().width() * devicePixelRatioF() - 1)
        return m_fittedCopy;
    return m_image;
}

void PhotoViewer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(18, 18, 20));
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage shown = shownImage();
    if (const QRectF target = pictureRect(); !shown.isNull() && !target.isEmpty()) {
        // Only the part on screen is scaled: a 12-megapixel original zoomed in costs a screenful.
        painter.setClipRect(photoArea());
        const QRectF visible = target.intersected(QRectF(photoArea()));
        const qreal sx = shown.width() / target.width(), sy = shown.height() / target.height();
        const QRectF source((visible.left() - target.left()) * sx, (visible.top() - target.top()) * sy,
                            visible.width() * sx, visible.height() * sy);
        painter.drawImage(visible, shown, source);
    }
    painter.setClipping(false);
    // A caption: the name, where it is in the folder, and what is happening.
    if (const QRect band = captionRect(); !band.isEmpty()) {
        // "of 100+" while the folder is still being read.
        const QString of = m_model->canFetchMore() ? tr("%1+").arg(m_model->rowCount())
                                                   : QString::number(m_model->rowCount());
        const QString name = m_model->index(m_row).data().toString();
        // The caption with `shownName` for the name; the rest (where it is, the zoom, what is happening)
        // is kept whole when the caption is too long: the name is elided first.
        const auto captionWith = [&](const QString &shownName) {
            QString caption = tr("%1   ·   %2 of %3").arg(shownName).arg(m_row + 1).arg(of);
            if (m_model->index(m_row).data(PagedFileModel::FavoriteRole).toBool())
                caption = QStringLiteral("♥  ") + caption; // a favourite (S stars and unstars it)
            if (!m_fit)
                caption += QStringLiteral("   ·   ") +
                           tr("%1 %").arg(
                               std::lround(m_zoom * devicePixelRatioF() * 100)); // of the original's pixels
            if (m_slideshow.isActive())
                caption += QStringLiteral("   ·   ") + tr("slideshow");
            if (!m_status.isEmpty())
                caption += QStringLiteral("   ·   ") + m_status;
            if (!m_note.isEmpty())
                caption += QStringLiteral("   ·   ") + m_note;
            return caption;
        };
        painter.fillRect(band, m_fullScreen ? QColor(0, 0, 0, 150) : QColor(0, 0, 0));
        // The keys, right-aligned, each as a key cap followed by what it does.
        QList<QPair<QString, QString>> keys{{tr("← →"), tr("move")}, {tr("Home End"), tr("first, last")}};
        if (isVideoShown())
            keys << QPair(tr("Space"), tr("play, pause")) << QPair(QStringLiteral("M"), tr("mute"));
        else
            keys << QPair(QStringLiteral("+ −"), tr("zoom")) << QPair(QStringLiteral("F"), tr("fit"))
                 << QPair(QStringLiteral("1"), tr("actual size"));
        keys << QPair(QStringLiteral("I"), tr("info")) << QPair(QStringLiteral("F5"), tr("slideshow"))
             << QPair(QStringLiteral("F11"), tr("full screen")) << QPair(QStringLiteral("S"), tr("favourite"))
             << QPair(tr("Esc"), tr("back"));
        const QFontMetrics metrics = fontMetrics();
        int x = m_infoButton->isVisible() ? m_infoButton->x() - 12 : band.right() - 14;
        for (auto it = keys.crbegin(); it != keys.crend(); ++it) {
            const int labelWidth = metrics.horizontalAdvance(it->second);
            const int capWidth = metrics.horizontalAdvance(it->first) + 10;
            if (x - labelWidth - capWidth - 6 < band.width() / 2)
                break; // narrow: the name goes first
            x -= labelWidth;
            painter.setPen(QColor(220, 220, 220));
            painter.drawText(QRect(x, band.top(), labelWidth, band.height()), Qt::AlignVCenter, it->second);
            x -= capWidth + 5;
            const QRect cap(x, band.center().y() - metrics.height() / 2 - 2, capWidth, metrics.height() + 4);
            painter.setPen(QColor(150, 150, 150));
            painter.setBrush(QColor(255, 255, 255, 30));
            painter.drawRoundedRect(cap, 4, 4);
            painter.setPen(Qt::white);
            painter.drawText(cap, Qt::AlignCenter, it->first);
            x -= 16;
        }
        painter.setPen(Qt::white);
        const QRect captionRect(band.left() + 14, band.top(), x - band.left() - 14, band.height());
        const int nameRoom = captionRect.width() - metrics.horizontalAdvance(captionWith(QString()));
        const QString caption = captionWith(
            metrics.elidedText(name, Qt::ElideMiddle, std::max(nameRoom, metrics.averageCharWidth() * 6)));
        painter.drawText(captionRect, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(caption, Qt::ElideRight, captionRect.width()));
    }
}

} // namespace koodrive::ui
