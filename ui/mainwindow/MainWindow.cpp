#include "MainWindow.h"

#include "account/AccountSettings.h"
#include "account/TokenStore.h"
#include "delegates/AlbumDelegate.h"
#include "dialogs/AlbumDialog.h"
#include "dialogs/SignInDialog.h"
#include "edits/DriveEdits.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListFilter.h"
#include "models/AlbumListModel.h"
#include "models/FileLocator.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "models/SearchModel.h"
#include "models/StarredModel.h"
#include "text/DisplayText.h"
#include "viewer/PhotoViewer.h"
#include "views/AlbumListView.h"
#include "views/FolderTreeView.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
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
    , m_outbox(new models::AlbumOutbox(services.client, this))

    , m_myAlbumsProxy(new models::AlbumListFilter(int(api::AlbumKind::Personal), this))
    , m_sharedAlbumsProxy(new models::AlbumListFilter(int(api::AlbumKind::Shared), this))
{
    m_edits = new edits::DriveEdits(services.client, this);
    m_locator = new models::FileLocator(services.client, this);
    m_starred = new models::StarredModel(services.client, services.thumbnails, this);
    m_driveSearch = new models::SearchModel(services.client, services.thumbnails, this);
    setWindowTitle(titleFor(services.connection));
    m_myAlbumsProxy->setSourceModel(m_albums);
    m_sharedAlbumsProxy->setSourceModel(m_albums);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->addWidget(makeSidebar());
    m_splitter->addWidget(makeCentre());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({270, 930});
    setCentralWidget(m_splitter);
    makeActions();
    makeEditActions();
    makeHistoryActions();
    makeUploadActions();
    makeDownloadActions();
    makeStatusBar();
    makeTransfersPanel();
    makeMenuBar();
    makeToolBar();
    makeDropTargets();
    makeSidebarMenus();
    // Tab goes around the window in reading order: the sidebar from the top, the grid, then the toolbar.
    const QList<QWidget *> tabOrder{
        m_albumFilter, m_myAlbums, m_sharedAlbums, m_favoritesButton, m_tree, m_recycleBin, m_breadcrumb,
        m_grid,        m_sort,     m_typeFilter,   m_search,          m_zoom, m_account};
    for (qsizetype i = 1; i < tabOrder.size(); ++i)
        setTabOrder(tabOrder[i - 1], tabOrder[i]);
    // 1200×780 where there is room; on a small screen (or at 2× on 1280×800) nine tenths of the available
    // area, so that the window and its frame fit. restoreGeometry() fits a saved size to the screen itself.
    if (const QScreen *screen = this->screen())
        resize(QSize(1200, 780).boundedTo(screen->availableGeometry().size() * 0.9));
    else
        resize(1200, 780);
    // The grid has the keyboard first (an album list given focus would make its first album current).
    m_grid->setFocus();
    makeOutbox();
    openCatalog();
    restoreSettings();
    showAccount();
    openUploads();
    updateActions(); // nothing about an album is offered before an album is shown

    // Errors go to the message bar, each with what "Retry" does for it.
    connect(m_albums, &AlbumListModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_albums->retry(); }); });
    connect(m_folder, &PagedFileModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_folder->retry(); }); });
    connect(m_albumContents, &PagedFileModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_albumContents->retry(); }); });
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_starred), static_cast<PagedFileModel *>(m_driveSearch)})
        connect(model, &PagedFileModel::errorOccurred, this,
                [this, model](const api::ApiError &error) { showError(error, [model] { model->retry(); }); });
    connect(m_treeModel, &FolderTreeModel::errorOccurred, this,
            [this](const api::ApiError &error) { showError(error, [this] { m_treeModel->load(); }); });
    connect(m_albums, &AlbumListModel::addStarted, this, &MainWindow::trackAdd);
    // The album shown, renamed (here, by a replayed edit or on the server): its header says the new name.
    connect(m_albums, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                const int row = m_albums->rowOfId(m_albumId);
                if (m_place != Place::Album || row < topLeft.row() || row > bottomRight.row() ||
                    !(roles.isEmpty() || roles.contains(Qt::DisplayRole)))
                    return;
                m_breadcrumb->setText(text::displayText(m_albums->albumAt(row).name).toHtmlEscaped());
            });
    // Items taken out of the album shown: the status bar counts what is left.
    connect(m_albumContents, &AlbumContentsModel::totalChanged, this, &MainWindow::updateCounts);
    // The session ended and could not be renewed: sign in again over the window, which keeps its place.
    connect(m_services.client, &api::KooDriveClient::sessionExpired, this, &MainWindow::signInAgain,
            Qt::QueuedConnection);
    connect(m_services.client, &api::KooDriveClient::sessionRenewed, this, &MainWindow::keepRenewedSession);
    // A session the keychain would not keep (no keychain, a locked keyring whose prompt was cancelled, its
    // daemon gone): this run goes on signed in, and the person learns the next start will ask again.
    if (m_services.tokens) {
        const auto sayNotKept = [this](const QString &reason) {
            if (!m_services.connection.demoLibrary)
                m_messages->queueNote(tr("Your session cannot be remembered this time (%1): you stay signed in "
                                         "until you quit, and the next start will ask you to sign in.")
                                          .arg(reason));
        };
        connect(m_services.tokens, &TokenStore::notKept, this, sayNotKept);
        if (!m_services.tokens->problem().isEmpty())
            sayNotKept(m_services.tokens->problem());
    }
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_folder), static_cast<PagedFileModel *>(m_albumContents)}) {
        connect(model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateCounts);
        connect(model, &QAbstractItemModel::modelReset, this, &MainWindow::updateCounts);
        connect(model, &PagedFileModel::loadingChanged, this, &MainWindow::updateCounts);
        connect(model, &PagedFileModel::stateChanged, this, &MainWindow::updateCounts);
        connect(model, &PagedFileModel::stateChanged, this, [this, model] {
            // The server answers again: what else is shown as saved is read again too.
            if (model->isUnreachable() || model->showsSaved())
                return;
            if (m_albums->hasFailed() || m_albums->showsSaved())
                m_albums->retry();
            if (m_treeModel->showsSaved())
                m_treeModel->refresh();
            m_outbox->replay(); // the edits that wait go now, not at their next try
        });
        // The whole place is read in the background: its total is known, End reaches its end.
        model->setReadToEnd(true);
    }

    // The drive opens at its top, as soon as the server says where that is.
    connect(m_treeModel, &FolderTreeModel::loaded, this, [this] {
        const QModelIndex drive = m_treeModel->index(0, 0);
        if (!drive.isValid())
            return;
        m_tree->expand(drive);
        const bool placeRestored =
            !m_pathIds.isEmpty() || m_place != Place::Folder || !m_pendingAlbumId.isEmpty();
        if (!placeRestored && m_openPath.isEmpty())
            m_tree->setCurrentIndex(drive);
        continueOpenPath();
        takeStartUploads();
    });
    connect(m_treeModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under) {
        if (!m_openPath.isEmpty() && under == m_openPathAt)
            continueOpenPath();
    });
    // Albums are few: all four lists are read at once, a page after the other, so that "Shared albums"
    // fills even while "My albums" is not scrolled to its end.
    connect(m_albums, &AlbumListModel::loadingChanged, this, [this](bool loading) {
        // Looked at once the page that ended is in the list (it is merged after this signal).
        if (!loading)
            QTimer::singleShot(0, m_albums, [this] {
                if (m_albums->canFetchMore())
                    m_albums->fetchMore();
                else
                    takeStartUploads();
            });
    });
    connect(m_albums, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectAlbumWhenLoaded);
    connect(m_albums, &QAbstractItemModel::modelReset, this, &MainWindow::selectAlbumWhenLoaded);
    // The tree and the album lists as last read come at once (from the catalog), then the server's.
    m_treeModel->load();
    m_albums->reload();
    m_albums->fetchMore();
}

QString MainWindow::displayName()
{
    return tr("KooDrive Albums");
}

QString MainWindow::titleFor(const ServerConnection &connection)
{
    // Ending with the display name, the title is shown as it is; "Demo library — KooDrive Albums" was
    // "KooDrive Albums — Demo library — KooDrive Albums" on the desktop.
    return connection.demoLibrary ? tr("%1 — %2", "window title: the library, then the app's name")
                                        .arg(tr("Demo library"), displayName())
                                  : displayName();
}

QString MainWindow::refusalReason(const QModelIndex &album) const
{
    const api::Album refused = m_albums->albumAt(album.row());
    if (!refused.isManual())
        return tr("“%1” is a collection: it gathers the photos and videos of its folders by itself. Drop "
                  "them "
                  "on a manual album, or add their folder to the collection (Edit album).")
            .arg(text::displayText(refused.name));
    return tr("“%1” does not take these items.").arg(text::displayText(refused.name));
}

QListView *MainWindow::makeAlbumList(QSortFilterProxyModel *proxy, const QString &name)
{
    auto *view = new AlbumListView;
    view->setModel(proxy);
    // A drop an album does not take: why, while the drag is over it and once it left (or was let go) there.
    connect(view, &AlbumListView::refusedOver, this, [this, proxy](const QModelIndex &album) {
        statusBar()->showMessage(refusalReason(proxy->mapToSource(album)), 5000);
    });
    connect(view, &AlbumListView::refusedLeft, this, [this, proxy](const QModelIndex &album) {
        statusBar()->clearMessage();
        m_messages->showNote(refusalReason(proxy->mapToSource(album)));
    });
    view->setItemDelegate(new AlbumDelegate(view));
    // A long name is cut short, never scrolled to sideways.
    view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view->setAccessibleName(name);
    view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    // The selection, not the current item, says what is shown: Tab into the list makes an item current
    // without showing it, and a click on the album that is already current after a folder shows it again.
    connect(view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this, view, proxy] {
        const QModelIndexList selected = view->selectionModel()->selectedIndexes();
        if (!selected.isEmpty())
            showAlbum(proxy->mapToSource(selected.first()));
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
    auto *tree = new FolderTreeView;
    m_tree = tree;
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_tree->setAccessibleName(tr("Folders"));
    m_tree->setUniformRowHeights(true);
    m_tree->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // a long name is cut short instead
    m_tree->setTextElideMode(Qt::ElideRight);
    // The folder selected is shown: by the keyboard at once, by the mouse once clicked (a press may be a
    // drag).
    const auto openSelected = [this, tree] {
        if (tree->isHolding())
            return;
        const QModelIndexList selected = m_tree->selectionModel()->selectedIndexes();
        if (selected.isEmpty())
            return;
        const QModelIndex current = selected.first();
        QStringList path;
        QList<QPair<QString, QString>> ids;
        for (QModelIndex at = current; at.isValid(); at = at.parent()) {
            path.prepend(at.data().toString());
            ids.prepend({at.data(FolderTreeModel::ContainerRole).toString(),
                         at.data(FolderTreeModel::IdRole).toString()});
        }
        m_pathIds = ids;
        showFolder(ids.last().first, ids.last().second, path);
    };
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, openSelected);
    connect(tree, &FolderTreeView::clickedToOpen, this, openSelected);

    m_favoritesButton = new QPushButton(QIcon(QStringLiteral(":/icons/favourite.svg")), tr("Favourites"));
    m_favoritesButton->setToolTip(tr("The photos and files you starred"));
    connect(m_favoritesButton, &QPushButton::clicked, this, &MainWindow::showFavorites);
    m_recycleBin = new QPushButton(QIcon(QStringLiteral(":/icons/recycle-bin.svg")), tr("Recycle bin"));
    m_recycleBin->setToolTip(tr("Files deleted from the drive, kept for a while"));
    connect(m_recycleBin, &QPushButton::clicked, this, &MainWindow::showRecycleBin);
    // The starred files above the folders, the recycle bin below them (as file managers place them).
    for (QPushButton *button : {m_favoritesButton, m_recycleBin}) {
        button->setFlat(true);
        button->setStyleSheet(QStringLiteral("text-align: left; padding: 6px 10px; color: palette(text);"));
    }

    // Three sections, each a header over its list; the person sets how much room each one gets.
    auto section = [sidebar](const QString &title, QWidget *list, QWidget *footer = nullptr,
                             QWidget *above = nullptr) {
        auto *box = new QWidget(sidebar);
        auto *boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(0);
        boxLayout->addWidget(sectionHeader(title, box));
        if (above)
            boxLayout->addWidget(above);
        boxLayout->addWidget(list, 1);
        if (footer)
            boxLayout->addWidget(footer);
        return box;
    };
    // For many albums: a filter by name, and their order (newest first, as the service lists them, or by
    // name), for both lists.
    auto *albumTools = new QWidget(sidebar);
    auto *toolsLayout = new QHBoxLayout(albumTools);
    toolsLayout->setContentsMargins(6, 6, 6, 0);
    toolsLayout->setSpacing(4);
    m_albumFilter = new QLineEdit(albumTools);
    m_albumFilter->setPlaceholderText(tr("Filter albums"));
    m_albumFilter->setAccessibleName(tr("Filter albums"));
    m_albumFilter->setClearButtonEnabled(true);
    connect(m_albumFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_myAlbumsProxy->setNameFilter(text);
        m_sharedAlbumsProxy->setNameFilter(text);
    });
    m_albumOrder = new QToolButton(albumTools);
    m_albumOrder->setText(tr("Sort"));
    m_albumOrder->setAccessibleName(tr("Sort albums"));
    m_albumOrder->setToolTip(tr("Sort albums"));
    m_albumOrder->setPopupMode(QToolButton::InstantPopup);
    auto *orderMenu = new QMenu(m_albumOrder);
    auto *orderGroup = new QActionGroup(orderMenu);
    for (const auto &[order, label] : {std::pair{models::AlbumListFilter::Order::Newest, tr("Newest first")},
                                       std::pair{models::AlbumListFilter::Order::Name, tr("By name")}}) {
        QAction *choice =
            orderMenu->addAction(label, this, [this, order = order] { setAlbumOrder(int(order)); });
        choice->setCheckable(true);
        choice->setData(int(order));
        choice->setChecked(order == models::AlbumListFilter::Order::Newest);
        orderGroup->addAction(choice);
    }
    m_albumOrder->setMenu(orderMenu);
    toolsLayout->addWidget(m_albumFilter, 1);
    toolsLayout->addWidget(m_albumOrder);
    layout->addWidget(albumTools);

    m_sidebarSplitter = new QSplitter(Qt::Vertical, sidebar);
    m_sidebarSplitter->setObjectName(QStringLiteral("sidebarSplitter"));
    m_sidebarSplitter->setChildrenCollapsible(false);
    m_sidebarSplitter->setHandleWidth(5);
    m_sidebarSplitter->addWidget(section(tr("My albums"), m_myAlbums));
    m_sidebarSplitter->addWidget(section(tr("Shared albums"), m_sharedAlbums));
    m_sidebarSplitter->addWidget(section(tr("Folders"), m_tree, m_recycleBin, m_favoritesButton));
    m_sidebarSplitter->setSizes({330, 160, 250});
    layout->addWidget(m_sidebarSplitter);
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
    // Out of the Tab chain (the tree's next stop is the grid, past the recycle bin): clicked, its links take
    // Tab; Alt+Up goes to the parent folder from anywhere.
    m_breadcrumb->setFocusPolicy(Qt::ClickFocus);
    connect(m_breadcrumb, &QLabel::linkActivated, this,
            [this](const QString &link) { openPathLevel(link.toInt()); });
    m_grid = new ThumbnailGridView(centre);
    m_grid->setFrameShape(QFrame::NoFrame);
    connect(m_grid, &QAbstractItemView::activated, this, &MainWindow::openGridItem);
    connect(m_grid, &ThumbnailGridView::menuRequested, this, &MainWindow::showGridMenu);
    connect(m_grid, &ThumbnailGridView::selectingAllChanged, this, &MainWindow::updateCounts);
    m_messages = new MessageBar(centre);
    m_viewer = new PhotoViewer(m_services.client, m_services.network, centre);
    connect(m_viewer, &PhotoViewer::closed, this, &MainWindow::closeViewer);
    connect(m_viewer, &PhotoViewer::fullScreenWanted, this, &MainWindow::setViewerFullScreen);
    m_viewer->setFileLocator(m_locator);
    // The info panel's folder: back to the grid, in the folder that holds the file, with it selected.
    connect(m_viewer, &PhotoViewer::showInFolderRequested, this, [this](int row) {
        const QModelIndex index = m_grid->model() ? m_grid->model()->index(row, 0) : QModelIndex();
        closeViewer(row);
        if (index.isValid() && m_place != Place::Folder)
            showInFolder(index.data(PagedFileModel::IdRole).toString(),
                         index.data(PagedFileModel::ContainerRole).toString());
    });
    // A document's page: Open with… and Save to… act on that file, selected in the grid under the viewer.
    const auto selectInGrid = [this](int row) {
        const QModelIndex index = m_grid->model() ? m_grid->model()->index(row, 0) : QModelIndex();
        if (!index.isValid())
            return false;
        m_grid->setCurrentIndex(index);
        m_grid->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
        return true;
    };
    connect(m_viewer, &PhotoViewer::openWithRequested, this, [this, selectInGrid](int row) {
        if (selectInGrid(row))
            openWithDefaultApp();
    });
    connect(m_viewer, &PhotoViewer::saveToRequested, this, [this, selectInGrid](int row) {
        if (selectInGrid(row))
            chooseFolderToSaveTo();
    });
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
    // The message bar is the grid's; while the viewer is shown, what it says shows in the viewer's caption
    // too ("No application opens …" after Open with…), without moving the photo.
    connect(m_messages, &MessageBar::messageShown, this, [this](const QString &text) {
        if (m_centreStack->currentWidget() == m_viewer)
            m_viewer->showNote(text);
    });
    return centre;
}

void MainWindow::makeStatusBar()
{
    // The window's frame resizes it (as on every Linux desktop). Qt shows a size grip only once the window
    // is on screen, which laid the whole window out again (17-26 ms) before its first thumbnails.
    statusBar()->setSizeGripEnabled(false);
    m_counts = new QLabel(this);
    m_counts->setAccessibleName(tr("Items"));
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
    // The problems of places left behind: listed here, each shown again on demand.
    m_earlierProblems = new QToolButton(this);
    m_earlierProblems->setAutoRaise(true);
    m_earlierProblems->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_earlierProblems->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_earlierProblems->setPopupMode(QToolButton::InstantPopup);
    m_earlierProblems->setAccessibleName(tr("Earlier problems"));
    m_earlierProblems->setToolTip(tr("Problems of places you left: choose one to see it again"));
    m_earlierProblems->setVisible(false);
    auto *problems = new QMenu(m_earlierProblems);
    m_earlierProblems->setMenu(problems);
    connect(problems, &QMenu::aboutToShow, this, [this, problems] {
        problems->clear();
        const QList<MessageBar::Problem> &earlier = m_messages->earlierProblems();
        for (qsizetype i = 0; i < earlier.size(); ++i) {
            // Its first line (the message itself; the trace id follows it), shortened for a menu.
            const QString line = earlier[i].text.section(QLatin1Char('\n'), 0, 0);
            QAction *entry =
                problems->addAction(text::elided(line, 90).replace(QLatin1Char('&'), QStringLiteral("&&")));
            connect(entry, &QAction::triggered, this, [this, i] { m_messages->showEarlierProblem(i); });
        }
        problems->addSeparator();
        connect(problems->addAction(tr("Clear this list")), &QAction::triggered, m_messages,
                &MessageBar::clearEarlierProblems);
    });
    connect(m_messages, &MessageBar::earlierProblemsChanged, this, [this](qsizetype count) {
        m_earlierProblems->setText(tr("%Ln earlier problem(s)", nullptr, int(count)));
        m_earlierProblems->setVisible(count > 0);
    });
    statusBar()->addPermanentWidget(m_earlierProblems);
    m_demoMarker = new QLabel(tr("Demo library"), this);
    m_demoMarker->setToolTip(
        tr("A local library made up for trying the app: %1").arg(m_services.connection.describe()));
    m_demoMarker->setStyleSheet(
        QStringLiteral("QLabel { background: palette(highlight); color: palette(highlighted-text);"
                       " border-radius: 8px; padding: 1px 8px; }"));
    m_demoMarker->setVisible(m_services.connection.demoLibrary);
    statusBar()->addPermanentWidget(m_demoMarker);
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
    m_albumUploadFolder->setEnabled(album.isManual() && m_uploadQueue != nullptr);
    const bool selection = m_grid->selectionModel() && m_grid->selectionModel()->hasSelection();
    m_removeFromAlbum->setEnabled(!album.id.isEmpty() && album.isManual() && selection);
    if (m_favorite)
        updateEditActions();
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
        text = tr("%Ln item(s)", nullptr, m_albumContents->total());
    else if (model->isComplete())
        text = tr("%Ln item(s)", nullptr, rows);
    else
        text = tr("%Ln item(s) so far", nullptr, rows);
    if (const QString state = placeStateText(model); !state.isEmpty())
        text = model->isUnreachable() ? state + QStringLiteral(" · ") + text
                                      : text + QStringLiteral(" · ") + state;
    else if (model->isLoading())
        text += QStringLiteral(" · ") + tr("loading…");
    const int selected = m_grid->selectedCount();
    if (selected > 0)
        text += QStringLiteral(" · ") + (m_grid->isSelectingAll()
                                             ? tr("%Ln selected, and the rest as it loads", nullptr, selected)
                                             : tr("%Ln selected", nullptr, selected));
    m_counts->setText(text);
}

void MainWindow::showError(const api::ApiError &error, std::function<void()> retry)
{
    m_messages->showError(error, std::move(retry));
}

} // namespace koodrive::ui
