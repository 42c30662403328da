#pragma once

#include <QModelIndex>
#include <QObject>
#include <QStringList>
#include <functional>

class QAbstractItemView;
class QMimeData;

namespace koodrive::ui {

// Drops of local files and folders (text/uri-list, as every file manager and desktop gives them) on an item
// view: the view's viewport takes them where `accepts` says yes for the item under the pointer (an invalid
// index: the empty space), and dropped() says what and where. Drags of the drive's own items are left to
// the view when it takes them (`viewTakesDriveItems`: an album list) and refused otherwise; a drag of
// anything that is not a local file is refused.
class LocalFileDrop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalFileDrop)

public:
    using Accepts = std::function<bool(const QModelIndex &over)>;

    LocalFileDrop(QAbstractItemView *view, Accepts accepts, bool viewTakesDriveItems = false);

    // The local paths of a drag: every URL a local file, or none at all.
    static QStringList localPaths(const QMimeData *mime);

signals:
    void dropped(const QStringList &paths, const QModelIndex &over);
    // The item a drop would go to while the drag hovers (invalid: none, or the empty space).
    void hovering(const QModelIndex &over);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QAbstractItemView *m_view;
    Accepts m_accepts;
    bool m_viewTakesDriveItems;
};

} // namespace koodrive::ui
