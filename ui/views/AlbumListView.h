#pragma once

#include <QListView>
#include <QPersistentModelIndex>

namespace koodrive::ui {

// A sidebar list of albums that photos can be dropped on. While a drag hovers an album that takes it, that
// album is highlighted (the delegate asks dropTarget()); over one that does not, nothing is highlighted, the
// cursor says no and the window is told (refusedOver), to say why; a drag that leaves from there may have
// been dropped (refusedLeft): a refused drop ends as a leave.
class AlbumListView final : public QListView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumListView)

public:
    explicit AlbumListView(QWidget *parent = nullptr);

    QModelIndex dropTarget() const { return m_dropTarget; }
    // The album highlighted as where a drop goes (invalid: none).
    void setDropTarget(const QModelIndex &index);

signals:
    void refusedOver(const QModelIndex &album);
    void refusedLeft(const QModelIndex &album);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void noteRefusal(const QModelIndex &over, bool takes);

    QPersistentModelIndex m_dropTarget;
    QPersistentModelIndex m_refused; // the album the drag is over, which does not take it
};

} // namespace koodrive::ui
