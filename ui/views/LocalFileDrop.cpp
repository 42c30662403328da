#include "LocalFileDrop.h"

#include "models/DriveItemsMime.h"

#include <QAbstractItemView>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QUrl>

namespace koodrive::ui {

LocalFileDrop::LocalFileDrop(QAbstractItemView *view, Accepts accepts, bool viewTakesDriveItems)
    : QObject(view)
    , m_view(view)
    , m_accepts(std::move(accepts))
    , m_viewTakesDriveItems(viewTakesDriveItems)
{
    view->setAcceptDrops(true);
    view->viewport()->setAcceptDrops(true);
    view->viewport()->installEventFilter(this);
}

QStringList LocalFileDrop::localPaths(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || models::DriveItemsMime::has(mime))
        return {};
    QStringList paths;
    for (const QUrl &url : mime->urls()) {
        if (!url.isLocalFile() || url.toLocalFile().isEmpty())
            return {}; // a web address or a remote share: not something to upload from here
        paths << url.toLocalFile();
    }
    return paths;
}

bool LocalFileDrop::eventFilter(QObject *watched, QEvent *event)
{
    Q_UNUSED(watched)
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto *move = static_cast<QDragMoveEvent *>(event);
        if (models::DriveItemsMime::has(move->mimeData())) {
            if (m_viewTakesDriveItems)
                return false; // the drive's own items: the view's business
            move->ignore();
            return true;
        }
        const QModelIndex over = m_view->indexAt(move->position().toPoint());
        const bool takes = !localPaths(move->mimeData()).isEmpty() && m_accepts(over);
        if (takes && (move->possibleActions() & Qt::CopyAction)) {
            move->setDropAction(Qt::CopyAction);
            move->accept();
            emit hovering(over);
        } else {
            // Entering is taken all the same, so that moving on to a place that takes it is heard.
            if (event->type() == QEvent::DragEnter && move->mimeData()->hasUrls())
                move->accept();
            else
                move->ignore();
            if (event->type() == QEvent::DragMove)
                move->ignore();
            emit hovering({});
        }
        return true;
    }
    case QEvent::DragLeave: emit hovering({}); return false;
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        if (models::DriveItemsMime::has(drop->mimeData())) {
            if (m_viewTakesDriveItems)
                return false;
            drop->ignore();
            return true;
        }
        emit hovering({});
        const QModelIndex over = m_view->indexAt(drop->position().toPoint());
        const QStringList paths = localPaths(drop->mimeData());
        if (paths.isEmpty() || !m_accepts(over)) {
            drop->ignore();
            return true;
        }
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        emit dropped(paths, over);
        return true;
    }
    default: return false;
    }
}

} // namespace koodrive::ui
