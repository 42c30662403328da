// The window's history of places: Back and Forward (Alt+Left and Alt+Right, the mouse's side buttons, the
// toolbar's arrows) go through the folders, albums and the recycle bin shown, as a file manager's do.
#include "MainWindow.h"
#include "models/AlbumListFilter.h"
#include "models/AlbumListModel.h"
#include "models/FolderTreeModel.h"
#include "models/SearchModel.h"

#include <QAction>
#include <QApplication>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListView>
#include <QMouseEvent>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QStyle>
#include <QTreeView>

namespace koodrive::ui {

namespace {
constexpr qsizetype MaxVisits = 100; // each way
} // namespace

void MainWindow::makeHistoryActions()
{
    m_back = new QAction(style()->standardIcon(QStyle::SP_ArrowBack), tr("&Back"), this);
    m_back->setShortcuts(QKeySequence::Back); // Alt+Left
    m_back->setToolTip(tr("Back to the place shown before (Alt+Left)"));
    connect(m_back, &QAction::triggered, this, &MainWindow::goBack);
    m_forward = new QAction(style()->standardIcon(QStyle::SP_ArrowForward), tr("&Forward"), this);
    m_forward->setShortcuts(QKeySequence::Forward); // Alt+Right
    m_forward->setToolTip(tr("Forward to the place shown after (Alt+Right)"));
    connect(m_forward, &QAction::triggered, this, &MainWindow::goForward);
    updateHistoryActions();
    // The mouse's back and forward buttons, wherever the pointer is in the window (a view would take the
    // press as a click of its own).
    qApp->installEventFilter(this);
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseButtonPress && watched->isWidgetType() &&
        static_cast<QWidget *>(watched)->window() == this) {
        const Qt::MouseButton button = static_cast<QMouseEvent *>(event)->button();
        if (button == Qt::BackButton || button == Qt::ForwardButton) {
            (button == Qt::BackButton ? m_back : m_forward)->trigger();
            return true;
        }
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::leavePlaceForHistory()
{
    if (m_travelling || m_here.key.isEmpty())
        return;
    m_backVisits.append(m_here);
    if (m_backVisits.size() > MaxVisits)
        m_backVisits.removeFirst();
    m_forwardVisits.clear();
}

void MainWindow::noteHereForHistory()
{
    m_here = {m_placeKey, m_place, m_pathIds, m_path, m_albumId, m_driveSearch->keyWord()};
    updateHistoryActions();
}

void MainWindow::forgetHistory()
{
    m_backVisits.clear();
    m_forwardVisits.clear();
    m_here = {};
    updateHistoryActions();
}

void MainWindow::updateHistoryActions()
{
    if (!m_back)
        return;
    m_back->setEnabled(!m_backVisits.isEmpty());
    m_forward->setEnabled(!m_forwardVisits.isEmpty());
}

void MainWindow::goBack()
{
    if (m_backVisits.isEmpty())
        return;
    m_forwardVisits.append(m_here);
    travelTo(m_backVisits.takeLast());
}

void MainWindow::goForward()
{
    if (m_forwardVisits.isEmpty())
        return;
    m_backVisits.append(m_here);
    travelTo(m_forwardVisits.takeLast());
}

void MainWindow::travelTo(const Visit &visit)
{
    QScopedValueRollback travelling(m_travelling, true);
    switch (visit.place) {
    case Place::Folder: {
        if (visit.pathIds.isEmpty())
            break;
        // Through the tree where it knows the folder (it follows what is shown), else directly.
        const QModelIndex inTree = m_treeModel->indexOfId(visit.pathIds.last().second);
        if (inTree.isValid() && m_tree->currentIndex() != inTree) {
            m_tree->setCurrentIndex(inTree);
        } else if (inTree.isValid() && !m_tree->selectionModel()->isSelected(inTree)) {
            // Current still (an album was shown since), but no longer selected.
            m_tree->selectionModel()->select(inTree, QItemSelectionModel::ClearAndSelect);
        } else {
            m_pathIds = visit.pathIds;
            showFolder(visit.pathIds.last().first, visit.pathIds.last().second, visit.path);
        }
        break;
    }
    case Place::Album: {
        const int row = m_albums->rowOfId(visit.albumId);
        if (row < 0)
            break; // deleted meanwhile: the window stays where it is
        bool shown = false;
        for (auto [view, proxy] :
             {std::pair{m_myAlbums, m_myAlbumsProxy}, std::pair{m_sharedAlbums, m_sharedAlbumsProxy}}) {
            const QModelIndex inList = proxy->mapFromSource(m_albums->index(row));
            if (!inList.isValid())
                continue;
            view->setCurrentIndex(inList);
            view->selectionModel()->select(inList, QItemSelectionModel::ClearAndSelect);
            shown = m_albumId == visit.albumId;
        }
        if (!shown)
            showAlbum(m_albums->index(row));
        break;
    }
    case Place::RecycleBin: showRecycleBin(); break;
    case Place::Favorites: showFavorites(); break;
    case Place::DriveSearch:
        m_search->setText(visit.search);
        searchWholeDrive();
        break;
    }
    updateHistoryActions(); // the place shown noted itself (or, gone meanwhile, the window stayed put)
}

} // namespace koodrive::ui
