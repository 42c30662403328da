#pragma once

#include <QPersistentModelIndex>
#include <QTreeView>

namespace koodrive::ui {

// The drive's folder tree in the sidebar. A folder opens when it is clicked (on the release), not when it
// is pressed: a press may begin dragging the folder onto an album, and a dragged folder is not opened (the
// tree goes back to the folder shown). A dragged folder shows as its icon and its name.
class FolderTreeView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderTreeView)

public:
    explicit FolderTreeView(QWidget *parent = nullptr);

    // A press or a drag is under way (or being undone): the current folder does not say what to open.
    bool isHolding() const { return m_holding; }
    // What a drag of `index` shows beside the pointer.
    QPixmap dragPixmap(const QModelIndex &index) const;

signals:
    // A folder was chosen by a press let go without a drag: it is to be opened (it is the current one).
    void clickedToOpen();

protected:
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void selectionChanged(const QItemSelection &selected, const QItemSelection &deselected) override;
    void startDrag(Qt::DropActions supportedActions) override;

private:
    bool m_holding = false;
    bool m_chosenWhileHeld = false; // the press selected a folder (not: a click on an expand arrow)
    QPersistentModelIndex m_before; // the current folder before the press
};

} // namespace koodrive::ui
