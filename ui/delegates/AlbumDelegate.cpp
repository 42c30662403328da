#include "AlbumDelegate.h"

#include "models/AlbumListModel.h"
#include "views/AlbumListView.h"

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

namespace koodrive::ui {

using models::AlbumListModel;

namespace {
constexpr int Cover = 40;
constexpr int Pad = 6;
} // namespace

AlbumDelegate::AlbumDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_manual(QStringLiteral(":/icons/album-manual.svg"))
    , m_collection(QStringLiteral(":/icons/album-collection.svg"))
{}

QSize AlbumDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const
{
    return {option.rect.width() > 0 ? option.rect.width() : 200,
            qMax(Cover + 2 * Pad, 2 * option.fontMetrics.height() + 2 * Pad)};
}

void AlbumDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const
{
    QStyleOptionViewItem base = option;
    initStyleOption(&base, index);
    base.text.clear();
    base.icon = QIcon();
    // The style paints the background: selection and hover.
    QApplication::style()->drawControl(QStyle::CE_ItemViewItem, &base, painter, option.widget);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    // The album a drag would go into, while it hovers.
    if (const auto *view = qobject_cast<const AlbumListView *>(option.widget);
        view && view->dropTarget() == index) {
        QColor fill = option.palette.color(QPalette::Highlight);
        fill.setAlphaF(0.18f);
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->setBrush(fill);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(2, 1, -2, -1), 6, 6);
    }
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    const bool manual = index.data(AlbumListModel::IsManualRole).toBool();
    const QRect cover(option.rect.left() + Pad, option.rect.center().y() - Cover / 2, Cover, Cover);
    const QImage image = index.data(AlbumListModel::CoverRole).value<QImage>();
    if (!image.isNull()) {
        // Cropped to a square, as photo apps show album covers.
        const QSize side = image.size().scaled(cover.size(), Qt::KeepAspectRatioByExpanding);
        const QRect source((side.width() - Cover) / 2 * image.width() / qMax(1, side.width()),
                           (side.height() - Cover) / 2 * image.height() / qMax(1, side.height()),
                           Cover * image.width() / qMax(1, side.width()),
                           Cover * image.height() / qMax(1, side.height()));
        QPainterPath clip;
        clip.addRoundedRect(cover, 5, 5);
        painter->setClipPath(clip);
        painter->drawImage(cover, image, source);
        painter->setClipping(false);
        const QRect badge(cover.right() - 13, cover.bottom() - 13, 16, 16);
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::Base));
        painter->drawEllipse(badge.adjusted(-1, -1, 1, 1));
        (manual ? m_manual : m_collection).paint(painter, badge);
    } else {
        painter->setPen(Qt::NoPen);
        painter->setBrush(option.palette.color(QPalette::AlternateBase));
        painter->drawRoundedRect(cover, 5, 5);
        (manual ? m_manual : m_collection).paint(painter, cover.adjusted(8, 8, -8, -8));
    }

    // Edits of the album waiting to be sent (made while KooDrive could not be reached): a count on the
    // cover's corner, as mail apps mark what is in the outbox.
    const int pending = index.data(AlbumListModel::PendingRole).toInt();
    if (pending > 0) {
        QFont bold = option.font;
        bold.setBold(true);
        bold.setPointSizeF(bold.pointSizeF() * 0.8);
        const QString number = pending > 99 ? QStringLiteral("99+") : QString::number(pending);
        const int side = QFontMetrics(bold).height() + 2;
        const int width = qMax(side, QFontMetrics(bold).horizontalAdvance(number) + 6);
        const QRect mark(cover.right() + 2 - width, cover.top() - 1, width, side); // inside the row
        painter->setPen(QPen(option.palette.color(QPalette::Base), 1.5));
        painter->setBrush(option.palette.color(QPalette::Link));
        painter->drawRoundedRect(mark, side / 2.0, side / 2.0);
        painter->setPen(option.palette.color(QPalette::HighlightedText));
        painter->setFont(bold);
        painter->drawText(mark, Qt::AlignCenter, number);
        painter->setFont(option.font);
    }

    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const QColor text = option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
    QColor dim = text;
    dim.setAlphaF(0.65f);
    const int left = cover.right() + Pad + 2;
    const QRect nameRect(left, option.rect.top() + Pad, option.rect.right() - left - Pad,
                         option.fontMetrics.height());
    const QRect kindRect = nameRect.translated(0, option.fontMetrics.height());
    painter->setPen(text);
    painter->drawText(
        nameRect, Qt::AlignLeft | Qt::AlignVCenter,
        option.fontMetrics.elidedText(index.data().toString(), Qt::ElideRight, nameRect.width()));
    QFont small = option.font;
    small.setPointSizeF(small.pointSizeF() * 0.9);
    painter->setFont(small);
    painter->setPen(dim);
    const int folders = int(index.data(AlbumListModel::ScopeDirsRole).toStringList().size());
    QString kind = manual ? tr("Album") : tr("Collection of %n folder(s)", nullptr, folders);
    const int count = index.data(AlbumListModel::CountRole).toInt();
    if (count >= 0)
        kind = tr("%1 · %Ln item(s)", nullptr, count).arg(kind);
    if (pending > 0)
        kind = tr("%1 · %Ln change(s) waiting", nullptr, pending).arg(kind);
    painter->drawText(kindRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(small).elidedText(kind, Qt::ElideRight, kindRect.width()));
    // The keyboard's place in the list, while the list has it: a ring plain enough to find at a glance.
    if (option.state.testFlag(QStyle::State_HasFocus) && option.widget && option.widget->hasFocus()) {
        painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(QRectF(option.rect).adjusted(2, 2, -2, -2), 6, 6);
    }
    painter->restore();
}

void AlbumDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    if (editor->property("filled").toBool())
        return;
    editor->setProperty("filled", true);
    QStyledItemDelegate::setEditorData(editor, index);
}

} // namespace koodrive::ui
