#pragma once

#include <QListView>
#include <QPersistentModelIndex>

namespace koodrive::ui {

// A sidebar list of albums that photos can be dropped on. While a drag hovers an album that takes it, that
// album is highlighted (the delegate asks dropTarget()); over one that does not, nothing is highlighted and
// the cursor says no.
class AlbumListView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumListView)

public:
    explicit AlbumListView(QWidget *parent = nullptr);

    QModelIndex dropTarget() const { return m_dropTarget; }
    // The album highlighted as where a drop goes (invalid: none).
    void setDropTarget(const QModelIndex &index);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QPersistentModelIndex m_dropTarget;
};

} // namespace koodrive::ui
