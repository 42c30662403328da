#include "ThumbnailDelegate.h"

#include "models/PagedFileModel.h"
#include "text/DisplayText.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QApplication>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimer>

namespace koodrive::ui {

using models::PagedFileModel;
using thumbnails::ThumbnailState;

namespace {
constexpr int Margin = 6;
constexpr int TextGap = 4;
} // namespace

ThumbnailDelegate::ThumbnailDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
    , m_folder(FileTypeIcons::themeFolder().isNull() ? QIcon(QStringLiteral(":/icons/folder.svg"))
                                                     : FileTypeIcons::themeFolder())
    , m_unavailable(QStringLiteral(":/icons/unavailable.svg"))
    , m_play(QStringLiteral(":/icons/play.svg"))
    , m_heart(QStringLiteral(":/icons/favourite.svg"))
{}

QRect ThumbnailDelegate::heartRect(const QRect &cell) const
{
    // The tile's top-right corner, where no picture's subject usually is.
    const int side = qBound(18, m_tile / 7, 28);
    const int tileRight = cell.left() + (cell.width() + m_tile) / 2;
    return {tileRight - side - 4, cell.top() + Margin + 4, side, side};
}

bool ThumbnailDelegate::editorEvent(QEvent *event, QAbstractItemModel *model,
                                    const QStyleOptionViewItem &option, const QModelIndex &index)
{
    if (event->type() == QEvent::MouseButtonRelease && !index.data(PagedFileModel::IsFolderRole).toBool()) {
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->button() == Qt::LeftButton && mouse->modifiers() == Qt::NoModifier &&
            heartRect(option.rect).contains(mouse->position().toPoint())) {
            emit favoriteClicked(index);
            return true;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

QWidget *ThumbnailDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &) const
{
    auto *editor = new QLineEdit(parent);
    editor->setFrame(true);
    editor->setAlignment(Qt::AlignHCenter);
    editor->setMaxLength(250); // OPERATIONS.md §4: renameFile's name, at most 250 characters
    editor->setAccessibleName(tr("New name"));
    return editor;
}

void ThumbnailDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *line = static_cast<QLineEdit *>(editor);
    // Once: the view asks again whenever the row changes (its thumbnail arriving), which would put the old
    // name back over what is being typed.
    if (line->property("filled").toBool())
        return;
    line->setProperty("filled", true);
    // The name as the server has it (EditRole), not the one made safe to show: what is renamed is the file.
    const QString name = index.data(Qt::EditRole).toString();
    line->setText(name);
    // Like a file manager: the name without its extension is selected.
    // (After the view has given the editor the keyboard, which selects all of it.)
    const qsizetype dot = index.data(PagedFileModel::IsFolderRole).toBool() ? -1 : name.lastIndexOf(u'.');
    QTimer::singleShot(0, line,
                       [line, end = int(dot > 0 ? dot : name.size())] { line->setSelection(0, end); });
}

void ThumbnailDelegate::setModelData(QWidget *editor, QAbstractItemModel *, const QModelIndex &index) const
{
    const QString name = static_cast<QLineEdit *>(editor)->text();
    if (name != index.data(Qt::EditRole).toString())
        emit const_cast<ThumbnailDelegate *>(this)->renameRequested(index, name);
}

void ThumbnailDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &) const
{
    const int height = editor->sizeHint().height();
    const int top =
        option.rect.top() + Margin + m_tile + TextGap + option.fontMetrics.height() / 2 - height / 2;
    editor->setGeometry(option.rect.left() + 2, top, option.rect.width() - 4, height);
}

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

void ThumbnailDelegate::paintDuration(QPainter *painter, const QStyleOptionViewItem &option,
                                      const QRect &picture, qint64 ms) const
{
    // A video's length in its picture's bottom right corner, white on a dark pill (as photo apps do).
    QFont font = option.font;
    font.setPointSizeF(qMax(7.0, font.pointSizeF() * 0.85));
    font.setBold(true);
    const QFontMetrics metrics(font);
    const QString text = text::durationText(ms);
    const QSize pill(metrics.horizontalAdvance(text) + 10, metrics.height() + 2);
    const QRect badge(picture.right() - pill.width() - 3, picture.bottom() - pill.height() - 3, pill.width(),
                      pill.height());
    painter->setPen(Qt::NoPen);
    painter->setBrush(QColor(0, 0, 0, 170));
    painter->drawRoundedRect(badge, pill.height() / 2.0, pill.height() / 2.0);
    painter->setPen(Qt::white);
    painter->setFont(font);
    painter->drawText(badge, Qt::AlignCenter, text);
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
    const int fileType = index.data(PagedFileModel::FileTypeRole).toInt();
    if (index.data(PagedFileModel::IsFolderRole).toBool()) {
        m_folder.paint(painter, tile.adjusted(m_tile / 8, m_tile / 8, -m_tile / 8, -m_tile / 8));
    } else if (fileType != api::FileType::Image && fileType != api::FileType::Video) {
        // A document, an archive, …: its type's icon (there is no thumbnail of it).
        m_types.paint(painter, tile.adjusted(m_tile / 6, m_tile / 6, -m_tile / 6, -m_tile / 6),
                      index.data(PagedFileModel::MimeTypeRole).toString(),
                      index.data(Qt::EditRole).toString());
    } else {
        QRect picture; // where the picture (or its placeholder) is
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
            picture = target;
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
            picture = target;
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
        if (const qint64 length = index.data(PagedFileModel::DurationRole).toLongLong(); length > 0)
            paintDuration(painter, option, picture, length);
    }

    if (!index.data(PagedFileModel::IsFolderRole).toBool()) {
        const bool favorite = index.data(PagedFileModel::FavoriteRole).toBool();
        if (favorite || option.state.testFlag(QStyle::State_MouseOver)) {
            const QRect heart = heartRect(option.rect);
            painter->setPen(Qt::NoPen);
            QColor under = palette.color(QPalette::Base);
            under.setAlphaF(0.85f);
            painter->setBrush(under);
            painter->drawEllipse(heart.adjusted(-2, -1, 2, 3));
            if (favorite) {
                m_heart.paint(painter, heart);
            } else { // an outline: what a click here does
                painter->setPen(QPen(palette.color(QPalette::PlaceholderText), 1.4));
                painter->setBrush(Qt::NoBrush);
                const QRectF h = QRectF(heart).adjusted(3, 4, -3, -3);
                QPainterPath path;
                path.moveTo(h.center().x(), h.bottom());
                path.cubicTo(h.left(), h.center().y(), h.left(), h.top(), h.center().x(),
                             h.top() + h.height() / 4);
                path.cubicTo(h.right(), h.top(), h.right(), h.center().y(), h.center().x(), h.bottom());
                painter->drawPath(path);
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
