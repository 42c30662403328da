#include "MainWindow.h"

#include "account/AccountSettings.h"
#include "account/TokenStore.h"
#include "delegates/AlbumDelegate.h"
#include "dialogs/AlbumDialog.h"
#include "dialogs/SignInDialog.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::AlbumContentsModel;
using models::AlbumListModel;
using models::FolderModel;
using models::FolderTreeModel;
using models::PagedFileModel;

namespace {
QLabel *sectionHeader(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    label->setContentsMargins(8, 10, 8, 2);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}
} // namespace

MainWindow::MainWindow(const Services &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_albums(new AlbumListModel(services.client, services.thumbnails, this))
    , m_treeModel(new FolderTreeModel(services.client, this))
    , m_folder(new FolderModel(services.client, services.thumbnails, this))
    , m_albumContents(new AlbumContentsModel(services.client, services.thumbnails, this))
    , m_myAlbumsProxy(new QSortFilterProxyModel(this))
    , m_sharedAlbumsProxy(new QSortFilterProxyModel(this))
{
    setWindowTitle(services.connection.demoLibrary ? tr("KooDrive Albums — Demo library")
                                                   : tr("KooDrive Albums"));
    for (auto [proxy, kind] : {std::pair{m_myAlbumsProxy, api::AlbumKind::Personal},
                               std::pair{m_sharedAlbumsProxy, api::AlbumKind::Shared}}) {
        proxy->setSourceModel(m_albums);
        proxy->setFilterRole(AlbumListModel::KindRole);
        proxy->setFilterFixedString(QString::number(int(kind)));
    }

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(makeSidebar());
    m_splitter->addWidget(makeCentre());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({270, 930});
    setCentralWidget(m_splitter);
    makeToolBar();
    makeStatusBar();
    resize(1200, 780);
    // The grid has the keyboard first (an album list given focus would make its first album current).
    m_grid->setFocus();
    restoreSettings();

    // Errors go to the message bar, each with what "Retry" does for it.
    connect(m_albums, &AlbumListModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_albums->fetchMore(); }); });
    connect(m_folder, &PagedFileModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_folder->retry(); }); });
    connect(m_albumContents, &PagedFileModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_albumContents->retry(); }); });
    connect(m_treeModel, &FolderTreeModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_treeModel->load(); }); });
    connect(m_albums, &AlbumListModel::addStarted, this, &MainWindow::trackAdd);
    // The session ended and could not be renewed: sign in again over the window, which keeps its place.
    connect(m_services.client, &api::KooDriveClient::sessionExpired, this, &MainWindow::signInAgain,
            Qt::QueuedConnection);
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_folder), static_cast<PagedFileModel *>(m_albumContents)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
        connect(model, &PagedFileModel::loadingChanged, this, &MainWindow::updateCounts);
    }

    // The drive opens at its top, as soon as the server says where that is.
    connect(m_treeModel, &FolderTreeModel::loaded, this, [this] {
        const QModelIndex drive = m_treeModel->index(0, 0);
        if (!drive.isValid())
            return;
        m_tree->expand(drive);
        const bool placeRestored =
            !m_pathIds.isEmpty() || m_place != Place::Folder || !m_pendingAlbumId.isEmpty();
        if (!placeRestored)
            m_tree->setCurrentIndex(drive);
    });
    // Albums are few: all four lists are read at once, a page after the other, so that "Shared albums"
    // fills even while "My albums" is not scrolled to its end.
    connect(m_albums, &AlbumListModel::loadingChanged, this, [this](bool loading) {
        if (!loading && m_albums->canFetchMore())
            QTimer::singleShot(0, m_albums, [this] { m_albums->fetchMore(); });
    });
    connect(m_albums, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectAlbumWhenLoaded);
    m_treeModel->load();
    m_albums->fetchMore();
}

QListView *MainWindow::makeAlbumList(QSortFilterProxyModel *proxy, const QString &name)
{
    auto *view = new QListView;
    view->setModel(proxy);
    view->setItemDelegate(new AlbumDelegate(view));
    view->setAccessibleName(name);
    view->setFrameShape(QFrame::NoFrame);
    view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    // Drops of photos and folders: the model says which albums take them (manual ones), and the view shows
    // a refusal over the others while the drag hovers.
    view->setDragDropMode(QAbstractItemView::DropOnly);
    view->setDefaultDropAction(Qt::CopyAction);
    view->setDropIndicatorShown(true);
    view->setAcceptDrops(true);
    connect(view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this, proxy](const QModelIndex &current) {
                if (current.isValid())
                    showAlbum(proxy->mapToSource(current));
            });
    return view;
}

QWidget *MainWindow::makeSidebar()
{
    auto *sidebar = new QWidget;
    sidebar->setAutoFillBackground(true);
    sidebar->setBackgroundRole(QPalette::Base);
    auto *layout = new QVBoxLayout(sidebar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    m_myAlbums = makeAlbumList(m_myAlbumsProxy, tr("My albums"));
    m_sharedAlbums = makeAlbumList(m_sharedAlbumsProxy, tr("Shared albums"));
    m_tree = new QTreeView;
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setAccessibleName(tr("Folders"));
    m_tree->setDragEnabled(true);
    m_tree->setDragDropMode(QAbstractItemView::DragOnly);
    m_tree->setDefaultDropAction(Qt::CopyAction);
    m_tree->setUniformRowHeights(true);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                QStringList path;
                QList<QPair<QString, QString>> ids;
                for (QModelIndex at = current; at.isValid(); at = at.parent()) {
                    path.prepend(at.data().toString());
                    ids.prepend({at.data(FolderTreeModel::ContainerRole).toString(),
                                 at.data(FolderTreeModel::IdRole).toString()});
                }
                m_pathIds = ids;
                showFolder(ids.last().first, ids.last().second, path);
            });

    auto *bin = new QPushButton(QIcon(QStringLiteral(":/icons/recycle-bin.svg")), tr("Recycle bin"));
    bin->setFlat(true);
    bin->setStyleSheet(QStringLiteral("text-align: left; padding: 6px 10px; color: palette(text);"));
    connect(bin, &QPushButton::clicked, this, &MainWindow::showRecycleBin);

    layout->addWidget(sectionHeader(tr("My albums"), sidebar));
    layout->addWidget(m_myAlbums, 3);
    layout->addWidget(sectionHeader(tr("Shared albums"), sidebar));
    layout->addWidget(m_sharedAlbums, 1);
    layout->addWidget(sectionHeader(tr("Folders"), sidebar));
    layout->addWidget(m_tree, 4);
    layout->addWidget(bin);
    return sidebar;
}

QWidget *MainWindow::makeCentre()
{
    auto *centre = new QWidget;
    auto *layout = new QVBoxLayout(centre);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_breadcrumb = new QLabel(centre);
    m_breadcrumb->setContentsMargins(12, 8, 12, 8);
    QFont font = m_breadcrumb->font();
    font.setPointSizeF(font.pointSizeF() * 1.15);
    font.setBold(true);
    m_breadcrumb->setFont(font);
    m_breadcrumb->setAccessibleName(tr("Location"));
    m_breadcrumb->setTextFormat(Qt::RichText);
    m_breadcrumb->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    connect(m_breadcrumb, &QLabel::linkActivated, this, [this](const QString &link) {
        const int level = link.toInt();
        if (level < 0 || level >= m_pathIds.size())
            return;
        const QModelIndex inTree = m_treeModel->indexOfId(m_pathIds[level].second);
        if (inTree.isValid()) {
            m_tree->setCurrentIndex(inTree);
            return;
        }
        m_pathIds = m_pathIds.mid(0, level + 1);
        showFolder(m_pathIds.last().first, m_pathIds.last().second, m_path.mid(0, level + 1));
    });
    m_grid = new ThumbnailGridView(centre);
    m_grid->setFrameShape(QFrame::NoFrame);
    m_grid->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_grid, &QAbstractItemView::activated, this, &MainWindow::openGridItem);
    connect(m_grid, &QWidget::customContextMenuRequested, this, &MainWindow::showGridMenu);
    m_messages = new MessageBar(centre);
    m_viewer = new PhotoViewer(m_services.client, m_services.network, centre);
    connect(m_viewer, &PhotoViewer::closed, this, &MainWindow::closeViewer);
    auto *gridPage = new QWidget(centre);
    auto *gridLayout = new QVBoxLayout(gridPage);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->setSpacing(0);
    gridLayout->addWidget(m_messages);
    gridLayout->addWidget(m_grid, 1);
    m_centreStack = new QStackedWidget(centre);
    m_centreStack->addWidget(gridPage);
    m_centreStack->addWidget(m_viewer);
    layout->addWidget(m_breadcrumb);
    layout->addWidget(m_centreStack, 1);
    return centre;
}

void MainWindow::makeToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_newAlbum = bar->addAction(QIcon(QStringLiteral(":/icons/album-manual.svg")), tr("New album…"));
    m_newAlbum->setShortcut(QKeySequence::New);
    m_newAlbum->setToolTip(tr("Make a new album or collection (Ctrl+N)"));
    connect(m_newAlbum, &QAction::triggered, this, &MainWindow::newAlbum);
    m_editAlbum = bar->addAction(tr("Edit album…"));
    m_editAlbum->setShortcut(Qt::Key_F2);
    m_editAlbum->setToolTip(tr("Rename the album, or change a collection's folders (F2)"));
    connect(m_editAlbum, &QAction::triggered, this, &MainWindow::editAlbum);
    m_deleteAlbum = bar->addAction(tr("Delete album"));
    m_deleteAlbum->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_deleteAlbum->setToolTip(tr("Delete the album; its photos stay in your drive (Shift+Del)"));
    connect(m_deleteAlbum, &QAction::triggered, this, &MainWindow::deleteAlbum);
    auto *account = new QToolButton(bar);
    account->setText(tr("Account"));
    account->setPopupMode(QToolButton::InstantPopup);
    auto *accountMenu = new QMenu(account);
    QAction *signInAction = accountMenu->addAction(tr("Sign in…"), this, &MainWindow::signIn);
    signInAction->setToolTip(tr("Sign in to a KooDrive server"));
    m_signOut = accountMenu->addAction(tr("Sign out"), this, &MainWindow::signOut);
    m_signOut->setEnabled(!m_services.connection.demoLibrary);
    account->setMenu(accountMenu);
    account->setAccessibleName(tr("Account"));
    m_removeFromAlbum = bar->addAction(tr("Remove from album"));
    m_removeFromAlbum->setShortcut(QKeySequence::Delete);
    m_removeFromAlbum->setToolTip(
        tr("Take the selected photos out of this album; they stay in your drive (Del)"));
    connect(m_removeFromAlbum, &QAction::triggered, this, &MainWindow::removeFromAlbum);
    bar->addSeparator();
    QAction *refresh = bar->addAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Read the shown folder or album again (F5)"));
    connect(refresh, &QAction::triggered, this, [this] {
        if (auto *model = m_grid->fileModel())
            model->refresh();
    });
    bar->addSeparator();

    m_sort = new QComboBox(bar);
    m_sort->setAccessibleName(tr("Sort order"));
    m_sort->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &MainWindow::applySort);
    bar->addWidget(m_sort);
    m_typeFilter = new QComboBox(bar);
    m_typeFilter->setAccessibleName(tr("Show"));
    m_typeFilter->addItem(tr("All files"), int(FolderModel::TypeFilter::All));
    m_typeFilter->addItem(tr("Photos"), int(FolderModel::TypeFilter::Images));
    m_typeFilter->addItem(tr("Videos"), int(FolderModel::TypeFilter::Videos));
    m_typeFilter->addItem(tr("Folders"), int(FolderModel::TypeFilter::Folders));
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    bar->addWidget(m_typeFilter);

    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search this folder"));
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(80); // files-list.txt: fileName at most 80 characters
    m_search->setMaximumWidth(260);
    auto *searchDelay = new QTimer(this);
    searchDelay->setSingleShot(true);
    searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, searchDelay, qOverload<>(&QTimer::start));
    connect(searchDelay, &QTimer::timeout, this, &MainWindow::applyFilter);
    QAction *find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QWidget::setFocus));
    addAction(find);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
    bar->addSeparator();

    m_zoom = new QSlider(Qt::Horizontal, bar);
    m_zoom->setRange(ThumbnailGridView::MinTile, ThumbnailGridView::MaxTile);
    m_zoom->setValue(m_grid->tileSize());
    m_zoom->setMaximumWidth(140);
    m_zoom->setAccessibleName(tr("Thumbnail size"));
    m_zoom->setToolTip(tr("Thumbnail size (Ctrl+wheel, Ctrl++ and Ctrl+-)"));
    connect(m_zoom, &QSlider::valueChanged, m_grid, &ThumbnailGridView::setTileSize);
    connect(m_grid, &ThumbnailGridView::tileSizeChanged, m_zoom, &QSlider::setValue);
    bar->addWidget(m_zoom);
    bar->addSeparator();
    bar->addWidget(account);
    QAction *zoomIn = new QAction(tr("Larger thumbnails"), this);
    zoomIn->setShortcuts(QKeySequence::ZoomIn);
    connect(zoomIn, &QAction::triggered, this, [this] { m_grid->setTileSize(m_grid->tileSize() + 16); });
    QAction *zoomOut = new QAction(tr("Smaller thumbnails"), this);
    zoomOut->setShortcuts(QKeySequence::ZoomOut);
    connect(zoomOut, &QAction::triggered, this, [this] { m_grid->setTileSize(m_grid->tileSize() - 16); });
    addActions({zoomIn, zoomOut});
}

void MainWindow::makeStatusBar()
{
    m_counts = new QLabel(this);
    statusBar()->addWidget(m_counts, 1);
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->setVisible(false);
    m_progress->setAccessibleName(tr("Adding to the album"));
    statusBar()->addPermanentWidget(m_progress);
    m_cancelAdd = new QToolButton(this);
    m_cancelAdd->setText(tr("Stop"));
    m_cancelAdd->setToolTip(tr("Stop adding: what is already in the album stays"));
    m_cancelAdd->setVisible(false);
    statusBar()->addPermanentWidget(m_cancelAdd);
    m_demoMarker = new QLabel(tr("Demo library"), this);
    m_demoMarker->setToolTip(
        tr("A local library made up for trying the app: %1").arg(m_services.connection.describe()));
    m_demoMarker->setStyleSheet(
        QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text);"
                       " border-radius: 8px; padding: 1px 8px; }"));
    m_demoMarker->setVisible(m_services.connection.demoLibrary);
    statusBar()->addPermanentWidget(m_demoMarker);
}

void MainWindow::showFolder(const QString &containerId, const QString &folderId, const QStringList &path)
{
    m_place = Place::Folder;
    m_albumId.clear();
    m_pendingAlbumId.clear();
    m_path = path;
    // Each folder above this one is a link back to it.
    QStringList crumbs;
    for (int i = 0; i < path.size(); ++i)
        crumbs << (i + 1 < path.size() && i < m_pathIds.size()
                       ? QStringLiteral(
                             "<a href=\"%1\" style=\"text-decoration:none; color:palette(text)\">%2</a>")
                             .arg(i)
                             .arg(path[i].toHtmlEscaped())
                       : path[i].toHtmlEscaped());
    m_breadcrumb->setText(crumbs.join(QStringLiteral("&nbsp;&nbsp;›&nbsp;&nbsp;")));
    m_myAlbums->clearSelection();
    m_sharedAlbums->clearSelection();
    m_grid->setFileModel(m_folder);
    watchSelection();
    m_folder->setLocation({containerId, folderId, false});
    m_sort->blockSignals(true);
    m_sort->clear();
    m_sort->addItem(tr("Name A–Z"), QVariantList{int(FolderModel::SortField::Name), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Name Z–A"),
                    QVariantList{int(FolderModel::SortField::Name), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Newest first"),
                    QVariantList{int(FolderModel::SortField::Modified), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Oldest first"),
                    QVariantList{int(FolderModel::SortField::Modified), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Recently created"),
                    QVariantList{int(FolderModel::SortField::Created), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Largest first"),
                    QVariantList{int(FolderModel::SortField::Size), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Smallest first"),
                    QVariantList{int(FolderModel::SortField::Size), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("By format"),
                    QVariantList{int(FolderModel::SortField::Format), int(Qt::AscendingOrder)});
    for (int i = 0; i < m_sort->count(); ++i) {
        const QVariantList sort = m_sort->itemData(i).toList();
        if (sort.value(0).toInt() == int(m_folder->sortField()) &&
            sort.value(1).toInt() == int(m_folder->sortOrder()))
            m_sort->setCurrentIndex(i);
    }
    m_sort->blockSignals(false);
    m_typeFilter->setEnabled(true);
    m_search->setEnabled(true);
    updateCounts();
}

void MainWindow::showRecycleBin()
{
    const QModelIndex drive = m_treeModel->index(0, 0);
    m_tree->clearSelection();
    m_myAlbums->clearSelection();
    m_sharedAlbums->clearSelection();
    m_place = Place::RecycleBin;
    m_albumId.clear();
    m_path = {tr("Recycle bin")};
    m_pathIds.clear();
    m_breadcrumb->setText(m_path.constFirst().toHtmlEscaped());
    m_grid->setFileModel(m_folder);
    watchSelection();
    m_folder->setLocation({drive.data(FolderTreeModel::ContainerRole).toString(), QString(), true});
    updateCounts();
}

void MainWindow::showAlbum(const QModelIndex &albumIndex)
{
    const api::Album album = m_albums->albumAt(albumIndex.row());
    if (album.id.isEmpty())
        return;
    m_place = Place::Album;
    m_albumId = album.id;
    m_tree->clearSelection();
    (album.kind == api::AlbumKind::Personal ? m_sharedAlbums : m_myAlbums)->clearSelection();
    m_breadcrumb->setText(album.name.toHtmlEscaped());
    m_grid->setFileModel(m_albumContents);
    watchSelection();
    m_albumContents->setAlbum(album.id);
    m_sort->blockSignals(true);
    m_sort->clear();
    m_sort->addItem(tr("Newest photos first"),
                    QVariantList{int(AlbumContentsModel::SortField::Taken), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Oldest photos first"),
                    QVariantList{int(AlbumContentsModel::SortField::Taken), int(Qt::AscendingOrder)});
    m_sort->addItem(tr("Recently added"),
                    QVariantList{int(AlbumContentsModel::SortField::Created), int(Qt::DescendingOrder)});
    m_sort->addItem(tr("Recently changed"),
                    QVariantList{int(AlbumContentsModel::SortField::Updated), int(Qt::DescendingOrder)});
    for (int i = 0; i < m_sort->count(); ++i) {
        const QVariantList sort = m_sort->itemData(i).toList();
        if (sort.value(0).toInt() == int(m_albumContents->sortField()) &&
            sort.value(1).toInt() == int(m_albumContents->sortOrder()))
            m_sort->setCurrentIndex(i);
    }
    m_sort->blockSignals(false);
    m_typeFilter->setEnabled(false); // the album contents call has no filter
    m_search->setEnabled(false);
    updateCounts();
}

void MainWindow::openGridItem(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    if (!index.data(PagedFileModel::IsFolderRole).toBool()) {
        // A photo: the viewer, over the grid, which keeps its scroll position and selection meanwhile.
        m_centreStack->setCurrentWidget(m_viewer);
        m_viewer->open(m_grid->fileModel(), index.row());
        return;
    }
    if (m_grid->fileModel() != m_folder)
        return;
    // Into a folder: the tree follows when it has that folder loaded.
    const QString id = index.data(PagedFileModel::IdRole).toString();
    const QModelIndex inTree = m_treeModel->indexOfId(id);
    if (inTree.isValid()) {
        m_tree->expand(inTree.parent());
        m_tree->setCurrentIndex(inTree);
        return;
    }
    m_pathIds.append({index.data(PagedFileModel::ContainerRole).toString(), id});
    showFolder(m_pathIds.last().first, id, m_path + QStringList{index.data().toString()});
}

void MainWindow::closeViewer(int row)
{
    m_centreStack->setCurrentIndex(0);
    // Back where the user was; if they moved on in the viewer, the grid shows and selects that photo.
    const QModelIndex index = m_grid->model() ? m_grid->model()->index(row, 0) : QModelIndex();
    if (index.isValid() && index != m_grid->currentIndex()) {
        m_grid->setCurrentIndex(index);
        m_grid->scrollTo(index);
    }
    m_grid->setFocus();
}

void MainWindow::applySort()
{
    const QVariantList sort = m_sort->currentData().toList();
    if (sort.size() != 2)
        return;
    const auto order = Qt::SortOrder(sort.at(1).toInt());
    if (m_grid->fileModel() == m_folder)
        m_folder->setSortOrder(FolderModel::SortField(sort.at(0).toInt()), order);
    else
        m_albumContents->setSortOrder(AlbumContentsModel::SortField(sort.at(0).toInt()), order);
}

void MainWindow::applyFilter()
{
    if (m_grid->fileModel() != m_folder)
        return;
    m_folder->setTypeFilter(FolderModel::TypeFilter(m_typeFilter->currentData().toInt()));
    m_folder->setNameFilter(m_search->text());
}

void MainWindow::watchSelection()
{
    if (m_grid->selectionModel())
        connect(m_grid->selectionModel(), &QItemSelectionModel::selectionChanged, this,
                &MainWindow::updateCounts, Qt::UniqueConnection);
}

void MainWindow::updateActions()
{
    const api::Album album =
        m_place == Place::Album ? m_albums->albumAt(m_albums->rowOfId(m_albumId)) : api::Album();
    m_editAlbum->setEnabled(!album.id.isEmpty());
    m_deleteAlbum->setEnabled(!album.id.isEmpty());
    const bool selection = m_grid->selectionModel() && m_grid->selectionModel()->hasSelection();
    m_removeFromAlbum->setEnabled(!album.id.isEmpty() && album.isManual() && selection);
}

void MainWindow::updateCounts()
{
    updateActions();
    PagedFileModel *model = m_grid->fileModel();
    if (!model) {
        m_counts->clear();
        return;
    }
    const int rows = model->rowCount();
    QString text;
    if (model == m_albumContents && m_albumContents->total() >= 0)
        text = tr("%n item(s)", nullptr, m_albumContents->total());
    else if (model->isComplete())
        text = tr("%n item(s)", nullptr, rows);
    else
        text = tr("%n item(s) so far", nullptr, rows);
    if (model->isLoading())
        text += QStringLiteral(" · ") + tr("loading…");
    const int selected =
        m_grid->selectionModel() ? int(m_grid->selectionModel()->selectedIndexes().size()) : 0;
    if (selected > 0)
        text += QStringLiteral(" · ") + tr("%n selected", nullptr, selected);
    m_counts->setText(text);
}

void MainWindow::showError(const api::ApiError &error, std::function<void()> retry)
{
    m_messages->showError(error, std::move(retry));
}

} // namespace koodrive::ui
