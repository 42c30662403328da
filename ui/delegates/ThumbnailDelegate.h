#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace koodrive::ui {

// A tile of the thumbnail grid: the picture fitted in a square (a placeholder until it arrives, a clear
// "unavailable" mark if it never will), a play badge on videos, folders as folders, the name below.
// Painting reads only what the model already holds (../shared/PERFORMANCE-FACTS.md: a repaint of a
// screen must stay far under a frame).
class ThumbnailDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailDelegate)

public:
    explicit ThumbnailDelegate(QObject *parent = nullptr);

    void setTileSize(int logicalPixels);
    int tileSize() const { return m_tile; }
    QSize cellSize(const QFont &font) const;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    int m_tile = 160;
    QIcon m_folder;
    QIcon m_unavailable;
    QIcon m_play;
};

} // namespace koodrive::ui
