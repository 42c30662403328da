// MainWindow: what outlives a run (settings, the account) and signing in and out.
#include "MainWindow.h"
#include "account/AccountSettings.h"
#include "account/TokenStore.h"
#include "delegates/AlbumDelegate.h"
#include "dialogs/AlbumDialog.h"
#include "dialogs/SignInDialog.h"
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
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAbstractNetworkCache>
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
#include <QNetworkAccessManager>
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

namespace {
// The place is remembered per server and user: another account has other folders.
QString placeGroup(const ServerConnection &connection)
{
    // The demo library's server listens on a new port at every start: its place is the library's.
    const QString server =
        connection.demoLibrary ? QStringLiteral("demo-library") : connection.server.toString();
    const QByteArray who = (server + QLatin1Char('|') + connection.userId).toUtf8();
    return QStringLiteral("place-") +
           QString::fromLatin1(QCryptographicHash::hash(who, QCryptographicHash::Sha1).toHex().left(16));
}
} // namespace

using models::AlbumContentsModel;
using models::AlbumListModel;
using models::FolderModel;
using models::FolderTreeModel;
using models::PagedFileModel;

// --- settings: the window, the splitter, the tile size and the last place come back on the next start --

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    // Closed with the viewer full screen: the window as it was before, not the screen-filling one.
    settings.setValue(QStringLiteral("geometry"),
                      m_beforeFullScreen ? m_beforeFullScreen->geometry : saveGeometry());
    settings.setValue(QStringLiteral("splitter"),
                      m_beforeFullScreen ? m_beforeFullScreen->splitter : m_splitter->saveState());
    settings.setValue(QStringLiteral("sidebarSplitter"), m_sidebarSplitter->saveState());
    settings.setValue(QStringLiteral("tileSize"), m_grid->tileSize());
    settings.setValue(QStringLiteral("albumOrder"), int(m_myAlbumsProxy->order()));
    settings.beginGroup(placeGroup(m_services.connection));
    settings.setValue(QStringLiteral("kind"), int(m_place));
    settings.setValue(QStringLiteral("album"), m_albumId);
    settings.setValue(QStringLiteral("path"), m_path);
    QStringList ids;
    for (const auto &[container, folder] : m_pathIds)
        ids << container + QLatin1Char('/') + folder;
    settings.setValue(QStringLiteral("pathIds"), ids);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    if (settings.contains(QStringLiteral("geometry")))
        restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    if (settings.contains(QStringLiteral("splitter")))
        m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    if (settings.contains(QStringLiteral("sidebarSplitter")))
        m_sidebarSplitter->restoreState(settings.value(QStringLiteral("sidebarSplitter")).toByteArray());
    m_grid->setTileSize(settings.value(QStringLiteral("tileSize"), m_grid->tileSize()).toInt());
    fitFirstSavedRows();
    setAlbumOrder(qBound(0, settings.value(QStringLiteral("albumOrder"), 0).toInt(), 1));
    settings.beginGroup(placeGroup(m_services.connection));
    const auto place = Place(settings.value(QStringLiteral("kind"), int(Place::Folder)).toInt());
    if (place == Place::Album) {
        m_pendingAlbumId = settings.value(QStringLiteral("album")).toString();
        return;
    }
    if (place == Place::Favorites) {
        showFavorites();
        return;
    }
    const QStringList path = settings.value(QStringLiteral("path")).toStringList();
    const QStringList ids = settings.value(QStringLiteral("pathIds")).toStringList();
    if (place == Place::Folder && !ids.isEmpty() && ids.size() == path.size()) {
        for (const QString &id : ids)
            m_pathIds.append({id.section(QLatin1Char('/'), 0, 0), id.section(QLatin1Char('/'), 1)});
        showFolder(m_pathIds.last().first, m_pathIds.last().second, path);
    }
}

void MainWindow::selectAlbumWhenLoaded()
{
    if (m_pendingAlbumId.isEmpty())
        return;
    const int row = m_albums->rowOfId(m_pendingAlbumId);
    if (row < 0)
        return;
    m_pendingAlbumId.clear();
    const QModelIndex source = m_albums->index(row);
    for (auto [view, proxy] :
         {std::pair{m_myAlbums, m_myAlbumsProxy}, std::pair{m_sharedAlbums, m_sharedAlbumsProxy}}) {
        const QModelIndex shown = proxy->mapFromSource(source);
        if (shown.isValid())
            view->setCurrentIndex(shown);
    }
}

MainWindow::~MainWindow()
{
    closeUploads(); // before the queue goes: the runner writes to it to the end
    // The models (children, deleted after this window's members) write what they hold not yet saved into
    // the catalog before it goes, not into a catalog already deleted.
    closeCatalog();
}

// --- account ---------------------------------------------------------------------------------------------

bool MainWindow::showsDemoMarker() const
{
    return m_demoMarker && !m_demoMarker->isHidden();
}

void MainWindow::showAccount()
{
    const ServerConnection &connection = m_services.connection;
    // A name from the server is plain text; '&' in an action's text would be a mnemonic.
    const QString who = connection.demoLibrary ? tr("Demo library")
                        : connection.accessToken.isEmpty()
                            ? tr("Not signed in")
                            : tr("Signed in as %1").arg(text::displayText(connection.who()));
    m_who->setText(QString(who).replace(QLatin1Char('&'), QLatin1String("&&")));
    m_account->setToolTip(text::toolTip(who));
}

void MainWindow::signIn()
{
    auto *dialog = new SignInDialog(
        m_services.network, m_services.connection.demoLibrary ? QUrl() : m_services.connection.server, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { useAccount(dialog->connection(), dialog->session()); });
    dialog->open();
}

void MainWindow::useAccount(const ServerConnection &connection, const StoredSession &session)
{
    m_services.connection = connection;
    adoptSession(connection, session);
    AccountSettings::remember(connection); // the next start signs in with it (its tokens are in the store)
    m_demoMarker->setVisible(connection.demoLibrary);
    m_signOut->setEnabled(!connection.demoLibrary);
    setWindowTitle(titleFor(connection));
    // Another library: everything is read anew, from the top of its drive.
    m_pathIds.clear();
    m_path.clear();
    m_albumId.clear();
    m_pendingAlbumId.clear();
    m_place = Place::Folder;
    m_grid->setFileModel(nullptr); // until the new drive's top is shown
    setViewerFullScreen(false);
    m_centreStack->setCurrentIndex(0);
    offerAccountActions(true);
    openCatalog(); // this account's: nothing of another account's is shown or saved into it
    m_breadcrumb->clear();
    m_albums->reload();
    m_albums->fetchMore();
    m_treeModel->load();
    showAccount();
    openUploads(); // this account's queue: what it left under way goes on
    m_messages->showNote(
        tr("Signed in as %1 on %2.").arg(text::displayText(connection.who()), connection.server.host()),
        MessageBar::Reach::Window);
}

void MainWindow::clearWindow()
{
    // Nothing of the account stays on screen, nor in memory: its places, albums, tree and pictures. What
    // was read is saved into its catalog first (kept for its next sign-in, unless the person forgets it).
    setViewerFullScreen(false);
    m_centreStack->setCurrentIndex(0);
    m_viewer->clear();
    m_locator->setDrive(QString(), QString()); // where this account's files are is forgotten
    m_pathIds.clear();
    m_path.clear();
    m_albumId.clear();
    m_pendingAlbumId.clear();
    m_place = Place::Folder;
    m_grid->setFileModel(nullptr);
    m_breadcrumb->clear();
    enterPlace(QString());         // no place: its filters and its messages go
    forgetHistory();               // nor where the account went
    m_progress->setVisible(false); // an add under way stops with the album list
    m_cancelAdd->setVisible(false);
    m_folder->clear();
    m_albumContents->clear();
    m_starred->clear();
    m_driveSearch->clear();
    m_undoSteps.clear(); // the account's: nothing of it can be undone from the next one
    updateUndoAction();
    m_albums->clear();
    m_treeModel->clear();
    closeCatalog();
    if (m_services.thumbnails)
        m_services.thumbnails->forgetImages();
    updateCounts();
    updateActions();
}

void MainWindow::signOut()
{
    if (m_services.connection.demoLibrary)
        return;
    const ServerConnection leaving = m_services.connection;
    const int unsent = m_outbox->pendingCount();
    // The session ends on the server (the call carries the token now; its answer changes nothing here).
    m_services.client->signOut(this, [this, leaving](const api::Result<api::Done> &) {
        // A sign-in made meanwhile keeps its own session. (Compared by the window's account: the call may
        // have renewed the token on its way.)
        if (m_services.connection.accessToken.isEmpty()) {
            m_services.client->setConnection({leaving.server, QString(), QString(), false});
            m_services.client->setRefreshToken({});
        }
    });
    // Here it ends at once: the tokens are forgotten, the window cleared.
    if (m_services.tokens)
        m_services.tokens->forgetSession(leaving);
    AccountSettings::forget();
    closeUploads(); // kept for the next sign-in of this account
    clearWindow();
    m_signOut->setEnabled(false);
    m_services.connection.accessToken.clear();
    m_services.connection.userId.clear(); // no place of the account is written back at close
    showAccount();
    showSignedOut();
    m_messages->showNote(tr("Signed out of %1.").arg(leaving.server.host()), // in place of any message
                         MessageBar::Reach::Window);
    askToForget(leaving, unsent);
}

void MainWindow::showSignedOut()
{
    if (!m_signedOutPage) {
        m_signedOutPage = new QWidget(m_centreStack);
        m_signedOutPage->setAccessibleName(tr("Signed out"));
        auto *layout = new QVBoxLayout(m_signedOutPage);
        layout->addStretch(1);
        auto *said =
            new QLabel(tr("You are signed out. Sign in to see your photos and albums."), m_signedOutPage);
        said->setAlignment(Qt::AlignCenter);
        said->setWordWrap(true);
        QFont larger = said->font();
        larger.setPointSizeF(larger.pointSizeF() * 1.25);
        said->setFont(larger);
        layout->addWidget(said);
        auto *signIn = new QPushButton(tr("Sign in…"), m_signedOutPage);
        signIn->setDefault(true);
        connect(signIn, &QPushButton::clicked, this, &MainWindow::signIn);
        layout->addWidget(signIn, 0, Qt::AlignHCenter);
        layout->addStretch(2);
        m_centreStack->addWidget(m_signedOutPage);
    }
    m_centreStack->setCurrentWidget(m_signedOutPage);
    m_breadcrumb->setText(tr("Signed out").toHtmlEscaped());
    offerAccountActions(false);
}

void MainWindow::offerAccountActions(bool signedIn)
{
    m_signedIn = signedIn;
    for (QAction *action :
         {m_newAlbum, m_refresh, m_saveTo, m_openWith, m_copyFiles, m_selectAll, m_zoomIn, m_zoomOut, m_find,
          m_searchDrive, m_showFavorites, m_uploadPhotos, m_uploadFolder})
        action->setEnabled(signedIn &&
                           ((action != m_uploadPhotos && action != m_uploadFolder) || m_uploadQueue));
    for (QWidget *widget : {static_cast<QWidget *>(m_sort), static_cast<QWidget *>(m_typeFilter),
                            static_cast<QWidget *>(m_search), static_cast<QWidget *>(m_zoom),
                            static_cast<QWidget *>(m_recycleBin), static_cast<QWidget *>(m_favoritesButton),
                            static_cast<QWidget *>(m_grid)})
        widget->setEnabled(signedIn);
    if (m_addToAlbumMenu)
        m_addToAlbumMenu->setEnabled(signedIn);
    updateActions(); // the album's own (edit, delete, remove): nothing is shown
}

void MainWindow::askToForget(const ServerConnection &leaving, int unsent)
{
    // What this computer keeps of the account (the catalog of what was read, the thumbnails) lets it open
    // at once and be seen offline; on a shared computer the person forgets it, as browsers offer.
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Signed out"),
                                tr("Signed out of %1. Keep what this computer saved of %2's library?")
                                    .arg(leaving.server.host(), text::displayText(leaving.who())),
                                QMessageBox::NoButton, this);
    ask->setTextFormat(Qt::PlainText); // the name is the server's text
    QString details = tr("The folders, albums and thumbnails seen are saved so that they open at once and "
                         "can be seen offline. Forget them on a computer others use.");
    if (unsent > 0)
        details += QLatin1Char('\n') +
                   tr("%Ln album change(s) made offline and not sent yet would be lost.", nullptr, unsent);
    ask->setInformativeText(details);
    QPushButton *keep = ask->addButton(tr("Keep"), QMessageBox::AcceptRole);
    ask->addButton(tr("Forget"), QMessageBox::DestructiveRole);
    ask->setDefaultButton(keep);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, ask, leaving](QAbstractButton *button) {
        if (ask->buttonRole(button) == QMessageBox::DestructiveRole)
            forgetAccountData(leaving);
        signIn();
    });
    ask->open();
}

void MainWindow::forgetAccountData(const ServerConnection &account)
{
    const bool catalogGone = catalog::Catalog::remove(accountDataPath(account, QStringLiteral("catalog")));
    // The thumbnail cache is one for the app (pictures are found by their object's path): it is emptied.
    if (auto *cache = m_services.network ? m_services.network->cache() : nullptr)
        cache->clear();
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.remove(placeGroup(account));
    m_messages->showNote(
        catalogGone
            ? tr("Signed out of %1; what this computer saved of the account is "
                 "forgotten.")
                  .arg(account.server.host())
            : tr("Signed out of %1, but the saved library could not be deleted.").arg(account.server.host()),
        MessageBar::Reach::Window);
}

void MainWindow::giveSessionToClient(const ServerConnection &connection, const StoredSession &session)
{
    m_services.client->setConnection(connection);
    m_services.client->setRefreshToken(session.refreshToken);
    m_services.client->setAccessExpiry(session.expiresAtMs, session.lifetimeSecs);
}

void MainWindow::adoptSession(const ServerConnection &connection, const StoredSession &session)
{
    giveSessionToClient(connection, session);
    if (m_services.tokens)
        m_services.tokens->keepSession(connection, session); // the keychain, never settings or logs
}

void MainWindow::keepRenewedSession()
{
    // A renewal (before the token ran out, or on a 401) gave a new pair: the keychain keeps it, so the next
    // start uses it and another instance of the app finds it.
    api::KooDriveClient *client = m_services.client;
    if (m_services.connection.userId.isEmpty() || client->connection().userId != m_services.connection.userId)
        return; // signed out (the sign-out call renewed first), or another account since
    m_services.connection.accessToken = client->connection().accessToken;
    if (m_services.tokens)
        m_services.tokens->keepSession(m_services.connection,
                                       StoredSession{client->connection().accessToken, client->refreshToken(),
                                                     client->accessExpiresAtMs(), client->accessLifetimeSecs()});
}

void MainWindow::signInAgain()
{
    if (findChild<SignInDialog *>() || m_readingStoredSession)
        return; // already asking
    if (!m_services.client->sessionEnded() || m_services.connection.userId.isEmpty())
        return; // a session taken since works (a late answer of the old one's: ApiCall ignores those), or
                // the person signed out
    if (!m_services.tokens || m_services.connection.demoLibrary) {
        askToSignInAgain();
        return;
    }
    // Another instance of the app (or a start since) may have renewed the session: the keychain then holds a
    // newer pair, which is taken instead of asking. Once: a pair that is refused too leads to the dialog.
    m_readingStoredSession = true;
    const ServerConnection account = m_services.connection;
    m_services.tokens->readSession(
        account.server, account.userId, account.displayName, account.email,
        [this, account, guard = QPointer<MainWindow>(this)](const std::optional<StoredSession> &stored) {
            if (!guard)
                return;
            m_readingStoredSession = false;
            if (!m_services.client->sessionEnded())
                return; // signed in again meanwhile (Account ▸ Sign in…): that session stays
            const bool sameAccount = m_services.connection.server == account.server &&
                                     m_services.connection.userId == account.userId;
            if (sameAccount && stored && !stored->refreshToken.isEmpty() &&
                stored->accessToken != m_services.client->connection().accessToken) {
                m_services.connection.accessToken = stored->accessToken;
                giveSessionToClient(m_services.connection, *stored); // (the keychain has it already)
                resumeAfterSignIn();
                return;
            }
            if (sameAccount)
                askToSignInAgain();
        });
}

void MainWindow::askToSignInAgain()
{
    if (findChild<SignInDialog *>())
        return;
    auto *dialog = new SignInDialog(m_services.network, m_services.connection.server, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Your KooDrive session has ended"));
    // Why, in the server's own words when it gave some (plain text, bidi-safe), with the trace id to quote.
    const api::ApiError &why = m_services.client->sessionEndReason();
    const QString said = text::displayText(why.serverMessage.isEmpty() ? why.message : why.serverMessage);
    if (!said.isEmpty())
        dialog->setReason(why.traceId.isEmpty()
                              ? tr("The server ended the session: %1").arg(said)
                              : tr("The server ended the session: %1 (trace id %2)").arg(said, why.traceId));
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        ServerConnection connection = dialog->connection();
        connection.demoLibrary = m_services.connection.demoLibrary;
        const ServerConnection before = m_services.connection;
        m_services.connection = connection;
        // The keychain item is named after the account's email or name: renamed, the old item goes.
        if (m_services.tokens && TokenStore::sessionName(before).label != TokenStore::sessionName(connection).label)
            m_services.tokens->forgetSession(before);
        adoptSession(connection, dialog->session());
        AccountSettings::remember(connection); // the next start finds the item by what is remembered
        showAccount();
        m_messages->showNote(tr("Signed in again."), MessageBar::Reach::Window);
        resumeAfterSignIn();
    });
    dialog->open();
}

void MainWindow::resumeAfterSignIn()
{
    m_outbox->replay(); // album edits that waited for the session go now
    // What failed meanwhile is read again; the place, the selection and the scroll position stay.
    if (PagedFileModel *model = m_grid->fileModel())
        model->isComplete() ? void() : model->retry();
    if (!m_albums->isComplete())
        m_albums->retry();
}

} // namespace koodrive::ui
