#pragma once

#include <QIcon>
#include <QStyledItemDelegate>

namespace koodrive::ui {

// A row of the album sidebar: the cover (or the album kind's icon until there is one), the name, and what
// kind of album it is. Manual and collection albums have distinct icons.
class AlbumDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumDelegate)

public:
    explicit AlbumDelegate(QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The name being typed in place is filled in once: the view asks again whenever the row changes (the
    // lists read again after a move to the recycle bin, a cover arriving), which would put the old name
    // back over what is being typed.
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;

private:
    QIcon m_manual;
    QIcon m_collection;
};

} // namespace koodrive::ui
