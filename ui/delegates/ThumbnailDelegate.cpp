#include "ThumbnailDelegate.h"

#include "models/PagedFileModel.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace koodrive::ui {

using models::PagedFileModel;
using thumbnails::ThumbnailState;

namespace {
constexpr int Margin = 6;
constexpr int TextGap = 4;
} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_folder(QStringLiteral(":/icons/folder.svg"))
    , m_unavailable(QStringLiteral(":/icons/unavailable.svg"))
    , m_play(QStringLiteral(":/icons/play.svg"))
{}

void ThumbnailDelegate::setTileSize(int logicalPixels)
{
    m_tile = qBound(64, logicalPixels, 320);
}

QSize ThumbnailDelegate::cellSize(const QFont &font) const
{
    const QFontMetrics metrics(font);
    return {m_tile + 2 * Margin, m_tile + 2 * Margin + TextGap + metrics.height()};
}

QSize ThumbnailDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return cellSize(option.font);
}

void ThumbnailDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const QPalette &palette = option.palette;
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QRect cell = option.rect.adjusted(2, 2, -2, -2);
    if (selected) {
        QColor highlight = palette.color(QPalette::Highlight);
        highlight.setAlphaF(0.28f);
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->setBrush(highlight);
        painter->drawRoundedRect(cell, 6, 6);
    } else if (option.state.testFlag(QStyle::State_MouseOver)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Midlight));
        painter->drawRoundedRect(cell, 6, 6);
    }

    const QRect tile(option.rect.left() + (option.rect.width() - m_tile) / 2, option.rect.top() + Margin,
                     m_tile, m_tile);
    if (index.data(PagedFileModel::IsFolderRole).toBool()) {
        m_folder.paint(painter, tile.adjusted(m_tile / 8, m_tile / 8, -m_tile / 8, -m_tile / 8));
    } else {
        const QImage image = index.data(PagedFileModel::ThumbnailRole).value<QImage>();
        const auto state = ThumbnailState(index.data(PagedFileModel::ThumbnailStateRole).toInt());
        if (!image.isNull()) {
            const QSize fitted = image.size().scaled(tile.size(), Qt::KeepAspectRatio);
            const QRect target(tile.center().x() - fitted.width() / 2 + 1,
                               tile.center().y() - fitted.height() / 2 + 1, fitted.width(), fitted.height());
            QPainterPath clip;
            clip.addRoundedRect(target, 4, 4);
            painter->setClipPath(clip);
            painter->drawImage(target, image);
            painter->setClipping(false);
            if (index.data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Video) {
                const int badge = qMax(20, m_tile / 5);
                m_play.paint(painter,
                             QRect(target.center() - QPoint(badge / 2, badge / 2), QSize(badge, badge)));
            }
        } else {
            // A placeholder the size of the picture to come (the model knows its proportions).
            QSize shape = index.data(PagedFileModel::DimensionsRole).toSize();
            if (!shape.isValid() || shape.isEmpty())
                shape = QSize(4, 3);
            const QSize fitted = shape.scaled(tile.size(), Qt::KeepAspectRatio);
            const QRect target(tile.center().x() - fitted.width() / 2 + 1,
                               tile.center().y() - fitted.height() / 2 + 1, fitted.width(), fitted.height());
            painter->setPen(Qt::NoPen);
            painter->setBrush(palette.color(QPalette::AlternateBase).darker(104));
            painter->drawRoundedRect(target, 4, 4);
            if (state == ThumbnailState::Unavailable) {
                const int mark = qMin(48, m_tile / 3);
                m_unavailable.paint(painter,
                                    QRect(target.center() - QPoint(mark / 2, mark / 2), QSize(mark, mark)));
            } else if (index.data(PagedFileModel::FileTypeRole).toInt() == api::FileType::Video) {
                const int badge = qMax(20, m_tile / 5);
                m_play.paint(painter,
                             QRect(target.center() - QPoint(badge / 2, badge / 2), QSize(badge, badge)));
            }
        }
    }

    const QRect text(option.rect.left() + Margin, tile.bottom() + TextGap, option.rect.width() - 2 * Margin,
                     option.fontMetrics.height());
    painter->setPen(palette.color(QPalette::Text));
    painter->setFont(option.font);
    painter->drawText(text, Qt::AlignHCenter | Qt::AlignVCenter,
                      option.fontMetrics.elidedText(index.data().toString(), Qt::ElideMiddle, text.width()));
    // The keyboard's place in the grid, while the grid has it: a solid ring (a dashed 1 px one was hard to
    // find).
    if (option.state.testFlag(QStyle::State_HasFocus) && option.widget && option.widget->hasFocus()) {
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(cell.adjusted(1, 1, -1, -1), 6, 6);
    }
    painter->restore();
}

} // namespace koodrive::ui
