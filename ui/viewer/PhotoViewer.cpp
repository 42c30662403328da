#include "PhotoViewer.h"

#include "api/ApiError.h"
#include "models/PagedFileModel.h"
#include "thumbnails/OriginalLoader.h"

#include <QKeyEvent>
#include <QPainter>

namespace koodrive::ui {

using models::PagedFileModel;

namespace {
constexpr int SlideshowMs = 4000;
}

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
            [this](const QString &, const QImage &image) {
                m_image = image;
                m_status.clear();
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
    m_fit = true;
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
                   index.data(PagedFileModel::ContainerRole).toString(), m_fit ? fitBox() : QSize());
}

void PhotoViewer::setFit(bool fit)
{
    if (fit == m_fit)
        return;
    m_fit = fit;
    // 100 % needs every pixel of the original; fitting needs only the screen's.
    if (!fit || m_image.isNull() || m_image.width() > fitBox().width() ||
        m_image.height() > fitBox().height())
        load();
    update();
}

void PhotoViewer::toggleSlideshow()
{
    if (m_slideshow.isActive())
        m_slideshow.stop();
    else
        m_slideshow.start();
    update();
}

void PhotoViewer::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(18, 18, 20));
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage &shown = m_image.isNull() ? m_preview : m_image;
    if (!shown.isNull()) {
        const qreal ratio = devicePixelRatioF();
        QSizeF size = QSizeF(shown.size()) / ratio;
        if (m_fit || m_image.isNull())
            size = QSizeF(shown.size()).scaled(QSizeF(this->size()), Qt::KeepAspectRatio);
        if (m_fit && !m_image.isNull() && QSizeF(shown.size()) / ratio != size &&
            shown.width() / ratio < width() && shown.height() / ratio < height())
            size = QSizeF(shown.size()) / ratio; // small photos are not blown up
        const QRectF target(QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size);
        painter.drawImage(target, shown);
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
            caption += QStringLiteral("   ·   ") + tr("actual size");
        if (m_slideshow.isActive())
            caption += QStringLiteral("   ·   ") + tr("slideshow");
        if (!m_status.isEmpty())
            caption += QStringLiteral("   ·   ") + m_status;
        const QRect band(0, height() - 34, width(), 34);
        painter.fillRect(band, QColor(0, 0, 0, 150));
        // The keys, right-aligned, each as a key cap followed by what it does.
        const QList<QPair<QString, QString>> keys{{tr("← →"), tr("move")},
                                                  {tr("Home End"), tr("first, last")},
                                                  {QStringLiteral("F"), tr("fit")},
                                                  {QStringLiteral("1"), tr("actual size")},
                                                  {QStringLiteral("F5"), tr("slideshow")},
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
        case Qt::Key_Delete:
        case Qt::Key_Escape:
        case Qt::Key_F:
        case Qt::Key_1: event->accept(); return true;
        default: break;
        }
    }
    return QWidget::event(event);
}

void PhotoViewer::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown: next(); break;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp: previous(); break;
    case Qt::Key_Home: first(); break;
    case Qt::Key_End: last(); break;
    case Qt::Key_F: setFit(true); break;
    case Qt::Key_1: setFit(false); break;
    case Qt::Key_F5: toggleSlideshow(); break;
    case Qt::Key_Escape:
        m_slideshow.stop();
        m_loader->cancel();
        emit closed(m_row);
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void PhotoViewer::mouseDoubleClickEvent(QMouseEvent *)
{
    m_slideshow.stop();
    m_loader->cancel();
    emit closed(m_row);
}

void PhotoViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // A bigger window wants a sharper fit.
    if (m_fit && !m_image.isNull() &&
        (fitBox().width() > m_image.width() * 1.25 || fitBox().height() > m_image.height() * 1.25))
        load();
}

} // namespace koodrive::ui
