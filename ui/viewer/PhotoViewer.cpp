#include "PhotoViewer.h"

#include "api/ApiError.h"
#include "models/PagedFileModel.h"
#include "thumbnails/OriginalLoader.h"

#include <QKeyEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

namespace koodrive::ui {

using models::PagedFileModel;

namespace {
constexpr int SlideshowMs = 4000;
constexpr qreal ZoomStep = 1.25; // a wheel notch, + or −
constexpr qreal MostZoom = 16.0; // picture pixels to device pixels
constexpr qreal PanStep = 0.1;   // an arrow key: a tenth of the view
} // namespace

PhotoViewer::PhotoViewer(api::KooDriveClient *client, QNetworkAccessManager *network, QWidget *parent)
    : QWidget(parent)
    , m_loader(new thumbnails::OriginalLoader(client, network, this))
{
    setFocusPolicy(Qt::StrongFocus);
    setAccessibleName(tr("Photo viewer"));
    setAutoFillBackground(false);
    m_slideshow.setInterval(SlideshowMs);
    connect(&m_slideshow, &QTimer::timeout, this, [this] {
        const int before = m_row;
        next();
        if (m_row == before) // the end: the slideshow stops there
            m_slideshow.stop();
    });
    connect(m_loader, &thumbnails::OriginalLoader::loaded, this,
            [this](const QString &, const QImage &image, QSize fullSize) {
                const bool first = !m_fullSize.isValid();
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
                        if (from.row() <= m_row && m_row <= to.row())
                            update();
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

void PhotoViewer::step(int delta)
{
    if (!m_model)
        return;
    for (int row = m_row + delta; row >= 0 && row < m_model->rowCount(); row += delta) {
        if (isPicture(row)) {
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
    m_image = QImage();
    m_preview = QImage();
    m_fullSize = QSize();
    m_status.clear();
    update();
}

void PhotoViewer::first()
{
    for (int row = 0; m_model && row < m_model->rowCount(); ++row)
        if (isPicture(row)) {
            showRow(row);
            return;
        }
}

void PhotoViewer::last()
{
    for (int row = m_model ? m_model->rowCount() - 1 : -1; row >= 0; --row)
        if (isPicture(row)) {
            showRow(row);
            return;
        }
}

void PhotoViewer::showRow(int row)
{
    if (!isPicture(row))
        return;
    m_row = row;
    // Each photo opens fitted.
    m_fit = true;
    m_fullSize = QSize();
    m_fullAsked = false;
    m_dragFrom.reset();
    updateCursor();
    m_image = QImage();
    m_preview = m_model->index(row).data(PagedFileModel::ThumbnailRole).value<QImage>();
    m_status = tr("Loading…");
    load();
    update();
}

QSize PhotoViewer::fitBox() const
{
    return (size() * devicePixelRatioF()).expandedTo({64, 64});
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
    return std::min({qreal(width()) / m_fullSize.width(), qreal(height()) / m_fullSize.height(),
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
    return {axis(centre.x(), m_fullSize.width(), width()), axis(centre.y(), m_fullSize.height(), height())};
}

QRectF PhotoViewer::pictureRect() const
{
    const QImage &shown = m_image.isNull() ? m_preview : m_image;
    if (shown.isNull())
        return {};
    if (!m_fullSize.isValid()) {
        // The thumbnail, fitted, until the photo comes.
        const QSizeF size = QSizeF(shown.size()).scaled(QSizeF(this->size()), Qt::KeepAspectRatio);
        return {QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size};
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
    return m_fullSize.width() * m_zoom > width() + 0.5 || m_fullSize.height() * m_zoom > height() + 0.5;
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
    update();
}

void PhotoViewer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(18, 18, 20));
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage &shown = m_image.isNull() ? m_preview : m_image;
    if (const QRectF target = pictureRect(); !shown.isNull() && !target.isEmpty()) {
        // Only the part on screen is scaled: a 12-megapixel original zoomed in costs a screenful.
        const QRectF visible = target.intersected(QRectF(rect()));
        const qreal sx = shown.width() / target.width(), sy = shown.height() / target.height();
        const QRectF source((visible.left() - target.left()) * sx, (visible.top() - target.top()) * sy,
                            visible.width() * sx, visible.height() * sy);
        painter.drawImage(visible, shown, source);
    }
    // A caption: the name, where it is in the folder, and what is happening.
    if (m_model && m_row >= 0) {
        // "of 100+" while the folder is still being read.
        const QString of = m_model->canFetchMore() ? tr("%1+").arg(m_model->rowCount())
                                                   : QString::number(m_model->rowCount());
        QString caption =
            tr("%1   ·   %2 of %3").arg(m_model->index(m_row).data().toString()).arg(m_row + 1).arg(of);
        if (m_model->index(m_row).data(PagedFileModel::FavoriteRole).toBool())
            caption = QStringLiteral("♥  ") + caption; // a favourite (S stars and unstars it)
        if (!m_fit)
            caption +=
                QStringLiteral("   ·   ") +
                tr("%1 %").arg(std::lround(m_zoom * devicePixelRatioF() * 100)); // of the original's pixels
        if (m_slideshow.isActive())
            caption += QStringLiteral("   ·   ") + tr("slideshow");
        if (!m_status.isEmpty())
            caption += QStringLiteral("   ·   ") + m_status;
        const QRect band(0, height() - 34, width(), 34);
        painter.fillRect(band, QColor(0, 0, 0, 150));
        // The keys, right-aligned, each as a key cap followed by what it does.
        const QList<QPair<QString, QString>> keys{{tr("← →"), tr("move")},
                                                  {tr("Home End"), tr("first, last")},
                                                  {QStringLiteral("+ −"), tr("zoom")},
                                                  {QStringLiteral("F"), tr("fit")},
                                                  {QStringLiteral("1"), tr("actual size")},
                                                  {QStringLiteral("F5"), tr("slideshow")},
                                                  {QStringLiteral("F11"), tr("full screen")},
                                                  {QStringLiteral("S"), tr("favourite")},
                                                  {tr("Esc"), tr("back")}};
        const QFontMetrics metrics = fontMetrics();
        int x = band.right() - 14;
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
        painter.drawText(captionRect, Qt::AlignVCenter | Qt::AlignLeft,
                         metrics.elidedText(caption, Qt::ElideMiddle, captionRect.width()));
    }
}

bool PhotoViewer::event(QEvent *event)
{
    // The viewer's keys are its own while it is shown: F5 is the slideshow here, not the window's Refresh.
    if (event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_F5:
        case Qt::Key_F11:
        case Qt::Key_Delete:
        case Qt::Key_Escape:
        case Qt::Key_F:
        case Qt::Key_1:
        case Qt::Key_2:
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Minus: event->accept(); return true;
        default: break;
        }
    }
    return QWidget::event(event);
}

void PhotoViewer::keyPressEvent(QKeyEvent *event)
{
    const QPointF panStep(width() * PanStep, height() * PanStep);
    switch (event->key()) {
    // Zoomed, the arrows move the picture (the view goes the arrow's way); fitted, ←/→ step.
    case Qt::Key_Right: canPan() ? panBy({-panStep.x(), 0}) : next(); break;
    case Qt::Key_Left: canPan() ? panBy({panStep.x(), 0}) : previous(); break;
    case Qt::Key_Down: panBy({0, -panStep.y()}); break;
    case Qt::Key_Up: panBy({0, panStep.y()}); break;
    case Qt::Key_Space:
    case Qt::Key_PageDown: next(); break;
    case Qt::Key_Backspace:
    case Qt::Key_PageUp: previous(); break;
    case Qt::Key_Home: first(); break;
    case Qt::Key_End: last(); break;
    case Qt::Key_F: setFit(true); break;
    case Qt::Key_1: setFit(false); break;
    case Qt::Key_2: zoomAround(viewCentre(), 2.0 / devicePixelRatioF()); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAround(viewCentre(), zoom() * ZoomStep); break;
    case Qt::Key_Minus: zoomAround(viewCentre(), zoom() / ZoomStep); break;
    case Qt::Key_F5: toggleSlideshow(); break;
    case Qt::Key_F11: emit fullScreenWanted(!m_fullScreen); break;
    case Qt::Key_Escape:
        if (m_fullScreen) { // full screen (and the slideshow) first, then the viewer
            m_slideshow.stop();
            emit fullScreenWanted(false);
            break;
        }
        m_slideshow.stop();
        m_loader->cancel();
        emit closed(m_row);
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void PhotoViewer::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Between fitted and 100 %, around the point clicked.
    if (event->button() != Qt::LeftButton)
        return;
    if (m_fit)
        zoomAround(event->position(), 1.0 / devicePixelRatioF());
    else
        setFit(true);
}

void PhotoViewer::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && canPan()) {
        m_dragFrom = event->position();
        updateCursor();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void PhotoViewer::mouseMoveEvent(QMouseEvent *event)
{
    if (!m_dragFrom) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    // The picture follows the pointer: the point grabbed stays under it.
    panBy(event->position() - *m_dragFrom);
    m_dragFrom = event->position();
}

void PhotoViewer::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom && event->button() == Qt::LeftButton) {
        m_dragFrom.reset();
        updateCursor();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void PhotoViewer::wheelEvent(QWheelEvent *event)
{
    // The wheel zooms around the pointer (with Ctrl too, as in the grid); a notch is a step of 1.25.
    const int delta = event->angleDelta().y();
    if (delta == 0 || !m_fullSize.isValid()) {
        event->ignore();
        return;
    }
    zoomAround(event->position(), zoom() * std::pow(ZoomStep, delta / 120.0));
    event->accept();
}

void PhotoViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (!m_fit)
        m_centre = clampedCentre(m_centre, m_zoom);
    updateCursor();
    // A bigger window wants a sharper fit.
    if (m_fit && !m_image.isNull() && !m_fullAsked &&
        (fitBox().width() > m_image.width() * 1.25 || fitBox().height() > m_image.height() * 1.25))
        load();
}

} // namespace koodrive::ui
