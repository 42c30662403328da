#pragma once

#include "widgets/FileTypeIcons.h"

#include <QIcon>
#include <QStyledItemDelegate>

namespace koodrive::ui {

// A tile of the thumbnail grid: the picture fitted in a square (a placeholder until it arrives, a clear
// "unavailable" mark if it never will), a play badge on videos, folders as folders and other files with
// their type's icon (FileTypeIcons), the name below; a
// heart on a favourite (an outline one on the tile under the pointer: a click on it stars the file). The
// name is edited in place (F2): the delegate hands the new name over (renameRequested), the window asks the
// server, and the row changes when the server agrees.
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
    bool editorEvent(QEvent *event, QAbstractItemModel *model, const QStyleOptionViewItem &option,
                     const QModelIndex &index) override;
    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    // Where a tile's heart is (in the view's coordinates).
    QRect heartRect(const QRect &cell) const;

signals:
    void favoriteClicked(const QModelIndex &index);
    void renameRequested(const QModelIndex &index, const QString &name);

private:
    void paintDuration(QPainter *painter, const QStyleOptionViewItem &option, const QRect &picture,
                       qint64 ms) const;

    int m_tile = 160;
    QIcon m_folder; // the theme's, else the app's
    mutable FileTypeIcons m_types;
    QIcon m_unavailable;
    QIcon m_play;
    QIcon m_heart;
};

} // namespace koodrive::ui
