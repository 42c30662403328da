#pragma once

#include "account/ServerConnection.h"
#include "api/KooDriveClient.h"    // StarRef and JobFile in signatures
#include "catalog/Catalog.h"       // held by unique_ptr
#include "models/AlbumOutbox.h"    // its Report in a signature
#include "models/DriveItemsMime.h" // DriveItem
#include "transfers/UploadQueue.h" // held by unique_ptr

#include <QElapsedTimer>
#include <QMainWindow>
#include <QPersistentModelIndex>
#include <QPointer>
#include <QSet>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QComboBox;
class QDockWidget;
class QNetworkAccessManager;
class QStackedWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QMessageBox;
class QInputDialog;
class QListView;
class QProgressBar;
class QPushButton;
class QSlider;
class QSplitter;
class QSortFilterProxyModel;
class QTreeView;
class QTimer;
class QToolButton;
class QAbstractItemView;

namespace koodrive::api {
class KooDriveClient;
struct Album;
struct DriveFile;
struct ApiError;
} // namespace koodrive::api
namespace koodrive::thumbnails {
class ThumbnailScheduler;
}
namespace koodrive::edits {
class DriveEdits;
}
namespace koodrive::models {
class AlbumAddJob;
class AlbumContentsModel;
class AlbumListFilter;
class AlbumListModel;
class AlbumOutbox;
class FileLocator;
class FolderModel;
class FolderTreeModel;
class PagedFileModel;
class SearchModel;
class StarredModel;
} // namespace koodrive::models

namespace koodrive {
class TokenStore;
struct StoredSession;
}
namespace koodrive::transfers {
class UploadListModel;
class UploadQueue;
class UploadRunner;
class DownloadRunner;
struct UploadTarget;
} // namespace koodrive::transfers

namespace koodrive::ui {

class MessageBar;
class PhotoViewer;
struct ViewerPlace;
class ThumbnailGridView;
class TransfersPanel;

// The app's window: albums (mine and shared) and the drive's folders in the sidebar, the thumbnail grid
// of the selected folder or album in the centre. Photos dragged from the grid or folders from the tree
// onto a manual album are added to it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    struct Services
    {
        ServerConnection connection;
        api::KooDriveClient *client = nullptr;
        thumbnails::ThumbnailScheduler *thumbnails = nullptr;
        // The one the client uses (the viewer loads originals on it).
        QNetworkAccessManager *network = nullptr;
        // Where a renewed session is kept (none: for this session only).
        TokenStore *tokens = nullptr;
        // Where the upload queue is kept; empty: the app's data location.
        QString dataDir{};
        // How long after the catalog opens every page of it is checked, in the background (tests shorten it).
        int catalogCheckDelayMs = 15'000;
    };

    explicit MainWindow(const Services &services, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The app's name in the person's language, as the desktop shows it (main() makes it the application's
    // display name, which Qt adds to a window title that does not already end with it).
    static QString displayName();
    // The window's title for a library: what is shown, then the app's name (GNOME's and KDE's order).
    static QString titleFor(const ServerConnection &connection);

    QToolButton *earlierProblemsButton() const { return m_earlierProblems; }
    // Shown while no account is signed in (after signing out): says so, with a Sign in button.
    QWidget *signedOutPage() const { return m_signedOutPage; }
    // An account (or the demo library) is shown: false after signing out, until the next sign-in.
    bool isSignedIn() const { return m_signedIn; }
    // For tests: the views a person drags between.
    ThumbnailGridView *grid() const { return m_grid; }
    QListView *myAlbumsView() const { return m_myAlbums; }
    QListView *sharedAlbumsView() const { return m_sharedAlbums; }
    QTreeView *folderTree() const { return m_tree; }
    models::AlbumListModel *albums() const { return m_albums; }
    models::FolderModel *folder() const { return m_folder; }
    models::AlbumContentsModel *albumContents() const { return m_albumContents; }
    QAction *newAlbumAction() const { return m_newAlbum; }
    QAction *editAlbumAction() const { return m_editAlbum; }
    QAction *deleteAlbumAction() const { return m_deleteAlbum; }
    QAction *removeFromAlbumAction() const { return m_removeFromAlbum; }
    QAction *favoriteAction() const { return m_favorite; }
    QAction *toRecycleBinAction() const { return m_toRecycleBin; }
    QAction *restoreAction() const { return m_restore; }
    QAction *deleteForGoodAction() const { return m_deleteForGood; }
    QAction *emptyRecycleBinAction() const { return m_emptyBin; }
    QAction *renameAction() const { return m_rename; }
    QAction *newFolderAction() const { return m_newFolder; }
    QAction *undoAction() const { return m_undo; }
    int undoSteps() const { return int(m_undoSteps.size()); }
    QAction *searchDriveAction() const { return m_searchDrive; }
    QPushButton *favoritesButton() const { return m_favoritesButton; }
    QPushButton *recycleBinButton() const { return m_recycleBin; }
    QLineEdit *albumFilterBox() const { return m_albumFilter; }
    QToolButton *albumOrderButton() const { return m_albumOrder; }
    models::StarredModel *starred() const { return m_starred; }
    models::SearchModel *driveSearch() const { return m_driveSearch; }
    edits::DriveEdits *driveEdits() const { return m_edits; }
    // For tests: answers "Delete for good?" instead of the person (given the question, as it would show).
    void setConfirmForGood(std::function<bool(QMessageBox *)> answer)
    {
        m_confirmForGood = std::move(answer);
    }
    // For tests: types the folder's new name into "Rename folder" instead of the person.
    void setAnswerRename(std::function<QString(QInputDialog *)> answer)
    {
        m_answerRename = std::move(answer);
    }
    MessageBar *messages() const { return m_messages; }
    bool showsDemoMarker() const;
    void signInWithDialog() { signIn(); }
    void signOutOfServer() { signOut(); }
    PhotoViewer *viewer() const { return m_viewer; }
    QProgressBar *addProgress() const { return m_progress; }
    // Another account in this window: everything is read anew (the demo marker goes).
    void useAccount(const ServerConnection &connection, const StoredSession &session);
    // "Add to album…" for the grid's selection (the context menu and keyboard path to what a drop does).
    void addSelectionToAlbum(const QString &albumId);
    // The uploads (null when no queue could be kept: the message bar said why).
    transfers::UploadQueue *uploadQueue() const { return m_uploadQueue.get(); }
    transfers::UploadRunner *uploadRunner() const { return m_uploadRunner; }
    TransfersPanel *transfersPanel() const { return m_transfers; }
    QDockWidget *transfersDock() const { return m_transfersDock; }
    QAction *uploadPhotosAction() const { return m_uploadPhotos; }
    QAction *uploadFolderAction() const { return m_uploadFolder; }
    // Uploads local files and folders into what is shown (a folder of the drive, or a manual album), as
    // File ▸ Upload photos… does after its dialog. False when what is shown takes no uploads.
    bool uploadToShownPlace(const QStringList &paths);
    // Where files dropped on this manual album go from now on (the folder chooser's answer): remembered for
    // the account; `ids` not yet begun that were going into `fromFolderId` go there too. How many moved.
    int setAlbumUploadFolder(const QString &albumId, const QString &folderId, const QString &path,
                             const QList<qint64> &ids = {}, const QString &fromFolderId = QString());
    // Save to… (File menu, Ctrl+S, the grid's menu), as after its dialog: the selection, else the album or
    // the folder shown (its photos and videos, into a sub-folder named after it), into `localFolder`.
    // False when nothing can be saved from what is shown.
    bool saveTo(const QString &localFolder);
    QAction *saveToAction() const { return m_saveTo; }
    QAction *openWithAction() const { return m_openWith; }
    QAction *copyFilesAction() const { return m_copyFiles; }
    transfers::DownloadRunner *downloadRunner() const { return m_downloadRunner; }
    // Where Open with, Copy and drags out of the grid fetch originals (a cache folder of the app's).
    QString fileCacheDir() const;
    // Local copies of these files, fetched now with the event loop running (a drop to another app asks
    // for them this way); empty when they could not be had within two minutes.
    QStringList localCopiesNow(const QVector<api::DriveFile> &files);
    // Opens a folder of the drive by its path of names ("Pictures/2024"), as soon as the tree has read it;
    // an unknown name is said in the message bar.
    void openPath(const QString &path);
    // Before the window is first shown: lays it out and waits, at most `waitMs`, for the first screen's
    // thumbnails kept on disk (a place shown from the catalog), so that its first frame holds them. Each
    // frame after the first costs 25-35 ms on X here (the first one's copy to the server), which the
    // first screen of thumbnails waited for.
    void prepareFirstFrame(int waitMs = 80);
    // Files and folders named on the command line ("Send to" from a file manager): uploaded as if dropped,
    // on the manual album named `albumName`, else into the folder openPath() opens (`intoOpenedFolder`),
    // else into the drive's top, once the window has read where that is.
    void uploadAtStart(const QStringList &paths, const QString &albumName, bool intoOpenedFolder);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void saveSettings() const;
    void restoreSettings();
    // The rows a saved place opens with on the window's thread: a screen of tiles at the grid's tile size.
    void fitFirstSavedRows();
    void selectAlbumWhenLoaded();
    QWidget *makeSidebar();
    QWidget *makeCentre();
    void makeActions();
    void makeMenuBar();
    void makeToolBar();
    void fillAddToAlbumMenu(QMenu *menu);
    void showShortcuts();
    void makeStatusBar();
    QListView *makeAlbumList(QSortFilterProxyModel *proxy, const QString &name);

    // The window shows the place of this key (see m_placeKey): true when it is another one than before.
    bool enterPlace(const QString &key);
    // What the grid says when the place shown holds nothing, and what to do about it.
    void updateEmptyPlaceNote();
    // The end of showing a place: its counts, its empty note, and the history's "here".
    void placeShown();
    // Why a drop on this album (of the album list) is refused, in the person's words.
    QString refusalReason(const QModelIndex &album) const;
    // The search box and "Show" back to everything, without reading the place again (applyFilter does).
    void clearFilterBoxes();
    // The history of places (MainWindowHistory.cpp).
    void makeHistoryActions();
    void leavePlaceForHistory(); // another place is about to be shown
    void noteHereForHistory();   // the place is shown
    void forgetHistory();
    void updateHistoryActions();
    void goBack();
    void goForward();
    // The folder above the folder shown, as its breadcrumb link opens it.
    void openParentFolder();
    void openPathLevel(int level);
    // Signed out: the signed-out page in the middle, and nothing offered that needs an account.
    void showSignedOut();
    // What needs an account, offered (signed in) or not.
    void offerAccountActions(bool signedIn);
    // Favourites, the recycle bin, rename, new folder, undo (MainWindowEdits.cpp).
    void makeEditActions();
    QList<models::PagedFileModel *> fileModels() const; // every model the grid shows
    void updateEditActions();
    int pushUndo(const QString &what, std::function<void()> undo); // its id
    void undoStep(int id);
    void updateUndoAction();
    // A note saying what was done, with an Undo button for the step `undoId` (0: none).
    void showDone(const QString &text, int undoId = 0);
    void toggleFavorite(QModelIndexList rows = {});
    void setFavorite(const QVector<api::KooDriveClient::StarRef> &files, bool starred, bool undoable);
    void showFavorites();
    QString idPathOf(const QModelIndex &index) const;
    void moveToRecycleBin();
    void restoreSelection();
    void restoreFiles(const QString &containerId, const QVector<api::KooDriveClient::JobFile> &files);
    bool confirmForGood(const QString &question);
    void deleteForGood();
    void emptyRecycleBin();
    void renameSelected();
    void renameFile(const QModelIndex &index, const QString &name, bool undoable = true);
    void renameById(const QString &id, const QString &container, const QString &was, const QString &name,
                    bool folder, bool undoable);
    void newFolder();
    void renameWhenShown();
    // Shows the folder a file is in (read up from the file), with the file selected: "Show in folder".
    void showInFolder(const QString &fileId, const QString &containerId);
    void selectWhenShown();
    // The sidebar's context menus (MainWindowMenus.cpp).
    void makeSidebarMenus();
    void selectAlbumInList(QListView *view, const QModelIndex &album);
    void showAlbumMenu(QListView *view, const QModelIndex &album, const QPoint &globalPos);
    void startSlideshowWhenLoaded(const QString &albumId);
    void showFolderMenu(const QModelIndex &folder, const QPoint &globalPos);
    void renameTreeFolder(const QPersistentModelIndex &folder);
    void treeFolderToRecycleBin(const QPersistentModelIndex &folder);
    // "Search all of My drive": the search box's text, through the service's search of every folder.
    void searchWholeDrive();
    void showFolder(const QString &containerId, const QString &folderId, const QStringList &path);
    void showRecycleBin();
    void showAlbum(const QModelIndex &albumIndex);
    void openGridItem(const QModelIndex &index);
    void closeViewer(int row);
    // The viewer alone on the screen (menus, toolbars, sidebar and status bar hidden), and back exactly as
    // the window was: its state, geometry and splitters.
    void setViewerFullScreen(bool on);
    void signInAgain();
    void askToSignInAgain();
    void resumeAfterSignIn();
    void giveSessionToClient(const ServerConnection &connection, const StoredSession &session);
    // The client's session and the keychain's copy.
    void adoptSession(const ServerConnection &connection, const StoredSession &session);
    void keepRenewedSession();
    void signIn();
    void showAccount(); // the Account menu's first line and the button's tooltip
    void signOut();
    void clearWindow();
    void askToForget(const ServerConnection &leaving, int unsent);
    void forgetAccountData(const ServerConnection &account);
    // keepPlaces: the same account's catalog is begun again; the places shown go into the new one.
    void closeCatalog(bool keepPlaces = false);
    QString accountDataPath(const ServerConnection &account, const QString &prefix) const;
    void applySort();
    void showCurrentSort(int field, Qt::SortOrder order);
    void applyFilter();
    void updateCounts();
    void trackAdd(models::AlbumAddJob *job);
    void showError(const api::ApiError &error, std::function<void()> retry = {});
    void showGridMenu(const QPoint &pos);
    void makeDownloadActions();
    QVector<api::DriveFile> selectedFiles() const;
    QVector<api::DriveFile> filesAt(QModelIndexList rows) const;
    void chooseFolderToSaveTo();
    void onDownloadEnded(qint64 id);
    // Fetches the selected files into the cache (through the queue, with progress in the Transfers panel)
    // and then does `then` with their local paths: Open with, Copy.
    // `then` gets an empty list when a file could not be had (the Transfers panel says why).
    void withLocalCopies(const QVector<api::DriveFile> &files,
                         const std::function<void(const QStringList &)> &then);
    void openWithDefaultApp();
    void copyAsFiles();
    void newAlbum();
    void editAlbum();
    void deleteAlbum();
    void removeFromAlbum();
    void updateActions();
    void watchSelection();
    void openAlbumDialog(const api::Album *editing);
    void continueOpenPath();

    // Uploads (MainWindowUploads.cpp).
    void makeUploadActions();
    void makeTransfersPanel();
    void makeDropTargets();
    void openUploads();
    // This account's catalog, given to the file models (MainWindowCatalog.cpp).
    void openCatalog(bool keepPlaces = false);
    // Every page of the open catalog looked at off the window's thread; a damaged one is begun again.
    void checkCatalog();
    QString placeStateText(const models::PagedFileModel *model) const;
    // MainWindowOutbox.cpp: album edits waiting for the server.
    void makeOutbox();
    void updateOutboxState();
    void reportOutbox(const QVector<models::AlbumOutbox::Report> &reports);
    QLabel *m_outboxState = nullptr;
    void closeUploads();
    QModelIndex shownSpace() const;
    ViewerPlace viewerPlace(); // where the files the viewer opens on are, for its info panel
    QModelIndex ownDrive() const; // the user's own drive in the tree; invalid until the server said
    bool personalFolderShown() const;
    bool manualAlbumShown() const;
    bool takesUploadsAt(QAbstractItemView *view, const QModelIndex &over) const;
    void dropped(QAbstractItemView *view, const QStringList &paths, const QModelIndex &over);
    void uploadToFolder(const QStringList &paths, const QString &containerId, const QString &folderId,
                        const QString &name, qint64 shareFolderId = 0);
    void uploadToAlbum(const QStringList &paths, const QString &albumId);
    void plan(const QStringList &paths, const transfers::UploadTarget &target, const QString &where,
              const QString &intoPath = QString(), const QString &fallbackPath = QString());
    // Asks where uploads to this album go (the summary's "Change folder…", Album ▸ Where uploads go…);
    // the files of `ids` not yet begun that were going into `fromFolderId` go there too.
    void chooseAlbumUploadFolder(const QString &albumId, const QList<qint64> &ids = {},
                                 const QString &fromFolderId = QString());
    void onUploadEnded(qint64 id);
    void updateUploadStatus();
    void chooseFilesToUpload(bool folder);
    void takeStartUploads();

    Services m_services;
    models::AlbumListModel *m_albums;
    models::FolderTreeModel *m_treeModel;
    models::FileLocator *m_locator; // where a file is (Show in folder, the viewer's info)
    models::FolderModel *m_folder;
    models::AlbumContentsModel *m_albumContents;
    models::AlbumOutbox *m_outbox;
    models::AlbumListFilter *m_myAlbumsProxy;
    models::AlbumListFilter *m_sharedAlbumsProxy;
    QLineEdit *m_albumFilter = nullptr;
    QToolButton *m_albumOrder = nullptr;
    void setAlbumOrder(int order); // an AlbumListFilter::Order, for both lists

    QListView *m_myAlbums = nullptr;
    QListView *m_sharedAlbums = nullptr;
    QTreeView *m_tree = nullptr;
    ThumbnailGridView *m_grid = nullptr;
    QLabel *m_breadcrumb = nullptr;
    QComboBox *m_sort = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QLineEdit *m_search = nullptr;
    QSlider *m_zoom = nullptr;
    QLabel *m_counts = nullptr;
    QLabel *m_demoMarker = nullptr;
    QAction *m_signOut = nullptr;
    bool m_readingStoredSession = false; // signInAgain looks in the keychain for a newer session first
    QAction *m_newAlbum = nullptr;
    QAction *m_editAlbum = nullptr;
    QAction *m_deleteAlbum = nullptr;
    QAction *m_removeFromAlbum = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_parentFolder = nullptr;
    QAction *m_selectAll = nullptr;
    QAction *m_zoomIn = nullptr;
    QAction *m_zoomOut = nullptr;
    QAction *m_find = nullptr;
    QAction *m_signInAction = nullptr;
    QMenu *m_addToAlbumMenu = nullptr;
    QToolButton *m_account = nullptr;
    QAction *m_who = nullptr;
    QPushButton *m_recycleBin = nullptr;
    QSplitter *m_sidebarSplitter = nullptr;
    QProgressBar *m_progress = nullptr;
    QToolButton *m_cancelAdd = nullptr;
    QToolButton *m_earlierProblems = nullptr; // the errors of places left, to show again
    QTimer *m_searchDelay = nullptr;          // the search waits for the typing to pause
    QWidget *m_signedOutPage = nullptr;       // made at the first sign-out
    QString m_placeKey;                       // what is shown: "folder:…", "album:…", "recycle-bin"
    MessageBar *m_messages = nullptr;
    QStackedWidget *m_centreStack = nullptr;
    PhotoViewer *m_viewer = nullptr;
    QSplitter *m_splitter = nullptr;
    struct BeforeFullScreen
    {
        Qt::WindowStates state;
        QByteArray geometry;
        QByteArray splitter;
        QList<QPointer<QWidget>> hidden; // what full screen hid (what was hidden already stays so)
    };
    std::optional<BeforeFullScreen> m_beforeFullScreen; // set while the viewer is full screen
    enum class Place
    {
        Folder,
        Album,
        RecycleBin,
        Favorites,
        DriveSearch
    };
    Place m_place = Place::Folder;
    QString m_albumId;                        // the shown album
    QString m_pendingAlbumId;                 // restored: shown once the album list has it
    QStringList m_path;                       // names from the drive down to the shown folder
    QList<QPair<QString, QString>> m_pathIds; // (containerId, folderId) per path element
    // A place shown, as the history keeps it.
    struct Visit
    {
        QString key;
        Place place = Place::Folder;
        QList<QPair<QString, QString>> pathIds;
        QStringList path;
        QString albumId;
        QString search{}; // the words of a search of the whole drive
    };
    Visit m_here;
    QList<Visit> m_backVisits;
    QList<Visit> m_forwardVisits;
    bool m_travelling = false; // going back or forward: the history is not written
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    void travelTo(const Visit &visit);
    QStringList m_openPath;     // names still to walk down for openPath()
    QStringList m_startUploads; // uploadAtStart(): still to hand over
    QString m_startAlbum;
    bool m_startIntoOpened = false;
    std::unique_ptr<transfers::UploadQueue> m_uploadQueue;
    std::unique_ptr<catalog::Catalog> m_catalog;
    transfers::UploadRunner *m_uploadRunner = nullptr;
    transfers::DownloadRunner *m_downloadRunner = nullptr;
    QAction *m_saveTo = nullptr;
    QAction *m_albumUploadFolder = nullptr;
    QAction *m_openWith = nullptr;
    QAction *m_copyFiles = nullptr;
    // Open with / Copy waiting for their files: the queue ids still to arrive, and what to do then.
    struct LocalCopies
    {
        QSet<qint64> waiting;
        QHash<qint64, int> order; // queue id → position in the selection
        QStringList paths;
        std::function<void(const QStringList &)> then;
    };
    QList<std::shared_ptr<LocalCopies>> m_localCopies;
    transfers::UploadListModel *m_uploadList = nullptr;
    TransfersPanel *m_transfers = nullptr;
    QDockWidget *m_transfersDock = nullptr;
    QToolButton *m_uploadStatus = nullptr;
    QProgressBar *m_uploadProgress = nullptr;
    QAction *m_uploadPhotos = nullptr;
    QAction *m_uploadFolder = nullptr;
    QTimer *m_refreshAfterUpload = nullptr;
    bool m_refreshFolderAfterUpload = false;
    bool m_refreshAlbumAfterUpload = false;
    QPersistentModelIndex m_openPathAt; // the tree node reached so far

    // MainWindowEdits.cpp
    edits::DriveEdits *m_edits = nullptr;
    models::StarredModel *m_starred = nullptr;
    models::SearchModel *m_driveSearch = nullptr;
    QAction *m_favorite = nullptr;
    QAction *m_toRecycleBin = nullptr;
    QAction *m_restore = nullptr;
    QAction *m_deleteForGood = nullptr;
    QAction *m_emptyBin = nullptr;
    QAction *m_rename = nullptr;
    QAction *m_newFolder = nullptr;
    QAction *m_undo = nullptr;
    QAction *m_searchDrive = nullptr;
    QAction *m_showFavorites = nullptr;
    QPushButton *m_favoritesButton = nullptr;
    struct UndoStep
    {
        int id = 0;
        QString what;
        std::function<void()> undo;
    };
    QList<UndoStep> m_undoSteps;
    int m_lastUndoId = 0;
    QVector<models::DriveItem> m_itemsForNewAlbum; // "New album from selection": added once it is made
    QString m_renameWhenShown;
    QString m_selectWhenShown; // a file to select once its folder holds it (Show in folder)
    bool m_signedIn = true;
    bool m_addIsUndo = false; // an add to an album that Undo started
    // Takes these files out of the album again (undoing an add).
    void
    takeOutOfAlbum(const QString &albumId,
                   const QStringList &fileIds); // a new folder's id: its name is edited once its row is there
    std::function<bool(QMessageBox *)> m_confirmForGood;
    std::function<QString(QInputDialog *)> m_answerRename;
};

} // namespace koodrive::ui
