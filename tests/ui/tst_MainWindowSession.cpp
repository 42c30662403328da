// The main window when things go wrong and when the account changes: an error with its trace id and Retry,
// being offline and recovering by itself, an ended session signed in again without losing the view, and
// signing in and out switching the library.
#include "MainWindowTesting.h"
#include "Waiting.h"
#include "account/AccountSettings.h"
#include "dialogs/SignInDialog.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "widgets/MessageBar.h"

#include <QAbstractNetworkCache>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPointer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpServer>
#include <QToolButton>

using namespace koodrive;
using koodrive::ServerConnection;
using koodrive::TokenStore;
using koodrive::test::SimFixture;

class TestMainWindowSession : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    QStringList catalogFiles() const
    {
        return QDir(m_scratch->path()).entryList({QStringLiteral("catalog-*.sqlite")}, QDir::Files);
    }

    // A window signed in to the library as its demo account (a session of its own, with a refresh token,
    // kept in the token store as a sign-in keeps it). Returns the sign-in's session.
    api::Session openSignedInWindow(std::unique_ptr<TokenStore> store = {})
    {
        closeAll();
        makeLibrary();
        if (store)
            m_tokenStore = std::move(store);
        m_server = m_sim->server().url();
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection({m_server, QString(), QString(), false});
        std::optional<api::Result<api::Session>> signedIn;
        m_client->signIn(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"), this,
                         [&signedIn](const api::Result<api::Session> &result) { signedIn = result; });
        if (!QTest::qWaitFor([&signedIn] { return signedIn.has_value(); }, 10000) || !signedIn->ok())
            return {};
        const api::Session first = signedIn->value();
        ServerConnection account{m_server, first.userId, first.accessToken, false};
        account.displayName = first.displayName;
        account.email = first.email;
        m_client->setConnection(account);
        m_client->setRefreshToken(first.refreshToken);
        m_tokenStore->keepSession(account, StoredSession::answeredNow(first.accessToken, first.refreshToken,
                                                                      first.expiresInSecs));
        m_windowAccount = account;
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow();
        m_window->resize(1200, 800);
        return first;
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowSession"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeAll(); }

    void anErrorShowsItsTraceIdAndRetryRecovers()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_client->setRetryPolicy({1, 10, 10, 10}); // the failure reaches the window at once
        // The next files-list call answers 503 (the window's other calls, covers and counts, go on).
        m_sim->server().http().setFaults({0, 0.0, {1}, QStringLiteral("/koodrive/ose/v1/files/")});
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->messages()->isVisible());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("Trace id: ")),
                 qPrintable(m_window->messages()->text()));
        QVERIFY(m_window->messages()->details().contains(QLatin1String("503")) ||
                m_window->messages()->details().contains(QLatin1String("trace")));
        QVERIFY(m_window->messages()->canRetry());
        QCOMPARE(m_window->grid()->model()->rowCount(), 0);
        m_window->messages()->retry();
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 100);
        QVERIFY(!m_window->messages()->isVisible());
    }

    void anEndedSessionAsksToSignInAgainAndKeepsTheView()
    {
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        // The session ends on the server side (signed out elsewhere); there is no refresh token.
        QVERIFY(m_sim->server().store().exec(QStringLiteral("UPDATE sessions SET revoked = 1")).isActive());
        m_window->grid()->fileModel()->refresh();
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->setAccount(QStringLiteral("demo@koodrive.local"), QStringLiteral("wrong password"));
        dialog->submit();
        QTRY_VERIFY(!dialog->isBusy());
        QVERIFY2(dialog->problem().contains(QLatin1String("trace id")), qPrintable(dialog->problem()));
        // Said as what it is: a wrong password, not an ended session.
        QVERIFY2(dialog->problem().contains(QLatin1String("password is wrong")),
                 qPrintable(dialog->problem()));
        QVERIFY(dialog->isVisible()); // refused: it stays, with what was typed
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->setAccount(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        dialog->submit();
        QTRY_VERIFY(!guard);
        QVERIFY2(m_client->connection().accessToken != m_sim->server().accessToken(),
                 "a new token is in use");
        QCOMPARE(m_window->folder()->location().folderId, camera); // the same place
        m_window->grid()->fileModel()->refresh();
        QTRY_VERIFY(!m_window->folder()->isRefreshing());
        QVERIFY(m_window->grid()->model()->rowCount() >= 100);
        QVERIFY(m_window->messages()->text().contains(QLatin1String("Signed in again")));
        // The new token is kept in the token store, never in the settings file.
        const std::optional<StoredSession> stored = storedSession(m_client->connection());
        // (Compared without QCOMPARE: a failure must not print a token.)
        QVERIFY2(stored && stored->accessToken == m_client->connection().accessToken &&
                     stored->refreshToken == m_client->refreshToken() && !stored->refreshToken.isEmpty(),
                 "the new session is stored");
        m_window->close(); // settings are written
        QSettings settings;
        settings.sync();
        QFile file(settings.fileName());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray written = file.readAll();
        QVERIFY(!written.isEmpty());
        QVERIFY(!written.contains(m_client->connection().accessToken.toUtf8()));
        QVERIFY(!written.contains(m_sim->server().accessToken().toUtf8()));
    }

    // Two instances of the app on one account share the keychain. When one renews the session, the other's
    // next renewal is refused (its access token is no longer the session's): it takes the pair the keychain
    // now holds, without asking. When the session is revoked, there is nothing newer: the dialog asks, with
    // the server's reason and trace id, and the window keeps its place.
    void aPairRenewedByAnotherInstanceIsTakenElseTheReasonIsShown()
    {
        const api::Session first = openSignedInWindow();
        QVERIFY(!first.refreshToken.isEmpty());
        ServerConnection account = m_client->connection();
        openCamera();
        const QString camera = m_window->folder()->location().folderId;

        // The other instance renews, and keeps its pair in the keychain (done here in one step, as the server
        // does a renewal: no answer of this window's can come in between).
        const QString theirs = sim::SimServer::newToken();
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        m_sim->server().store().renewSession(first.refreshToken, theirs, now, now + 1800'000);
        m_tokenStore->keepSession(account, StoredSession{theirs, first.refreshToken, now + 1800'000, 1800});
        // This one's token is due: its renewal is refused, and it takes theirs.
        m_client->setAccessExpiry(QDateTime::currentMSecsSinceEpoch() - 1000, 1800);
        m_window->grid()->fileModel()->refresh();
        QTRY_VERIFY(m_client->connection().accessToken == theirs); // (no QCOMPARE: it would print a token)
        QTRY_VERIFY(!m_window->folder()->isRefreshing());
        QTest::qWait(300);
        QVERIFY(!m_window->findChild<ui::SignInDialog *>());
        QVERIFY(m_window->grid()->model()->rowCount() >= 100);

        // Revoked: nothing newer in the keychain. The dialog says why; the place stays.
        QVERIFY(m_sim->server().store().exec(QStringLiteral("UPDATE sessions SET revoked = 1")).isActive());
        m_client->setAccessExpiry(QDateTime::currentMSecsSinceEpoch() - 1000, 1800);
        m_window->grid()->fileModel()->refresh();
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Your KooDrive session has ended"));
        QVERIFY2(dialog->problem().startsWith(QLatin1String("The server ended the session: ")) &&
                     dialog->problem().contains(QLatin1String("trace id")),
                 qPrintable(dialog->problem()));
        QCOMPARE(m_window->folder()->location().folderId, camera);
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->setAccount(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        dialog->submit();
        QTRY_VERIFY(!guard);
        const std::optional<StoredSession> kept = storedSession(m_client->connection());
        QVERIFY(kept && kept->accessToken == m_client->connection().accessToken && kept->expiresAtMs > 0);
        QCOMPARE(m_window->folder()->location().folderId, camera);
    }

    // The keychain refuses the session (a locked keyring whose prompt was cancelled): a renewal's pair is
    // not kept. The window says so once, in words, and goes on signed in.
    void aSessionTheKeychainRefusesIsSaidAndTheRunGoesOn()
    {
        class RefusingStore final : public TokenStore
        {
        public:
            void write(const Name &name, const QString &secret, Done done) override
            {
                m_memory.write(name, secret, std::move(done));
                reportNotKept(QStringLiteral("the keyring stayed locked"));
            }
            void read(const Name &name, Done done) override { m_memory.read(name, std::move(done)); }
            void remove(const Name &name, Done done) override { m_memory.remove(name, std::move(done)); }
            bool keepsAcrossRuns() const override { return false; }

        private:
            MemoryTokenStore m_memory;
        };
        const api::Session first = openSignedInWindow(std::make_unique<RefusingStore>());
        QVERIFY(!first.refreshToken.isEmpty());
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->messages()->text().contains(QLatin1String("cannot be remembered this time")), 10000);
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("the keyring stayed locked")),
                 qPrintable(m_window->messages()->text()));
        // Renewed meanwhile: still signed in, and not said again.
        std::optional<api::Result<api::Session>> renewed;
        m_client->refreshSession(this, [&renewed](const api::Result<api::Session> &result) { renewed = result; });
        QTRY_VERIFY(renewed.has_value() && renewed->ok());
        m_window->grid()->fileModel()->refresh();
        QTRY_VERIFY(!m_window->folder()->isRefreshing());
        QVERIFY(m_window->grid()->model()->rowCount() >= 100);
        QVERIFY(!m_window->findChild<ui::SignInDialog *>());
    }

    void signingInAndOutSwitchesTheLibrary()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        QVERIFY(m_window->showsDemoMarker());
        m_window->signInWithDialog(); // Account ▸ Sign in…
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->setServer(m_sim->server().url().toString());
        dialog->setAccount(QStringLiteral("mei@koodrive.local"), QStringLiteral("mei"));
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->submit();
        QTRY_VERIFY(!guard);
        const QString mei = m_client->connection().userId;
        QVERIFY(mei != m_sim->userId());
        // The Account menu names the person (userInfo), not the numeric user id.
        QString who;
        for (const QToolButton *button : m_window->findChildren<QToolButton *>())
            if (button->accessibleName() == QLatin1String("Account"))
                who = button->toolTip();
        QVERIFY2(who.contains(QLatin1String("mei@koodrive.local")) && !who.contains(mei), qPrintable(who));
        QVERIFY(!m_window->showsDemoMarker());
        // Mei's drive and albums, read anew.
        QTRY_VERIFY(m_window->folderTree()->model()->rowCount() > 0 &&
                    m_window->folderTree()->currentIndex().isValid());
        QVERIFY(m_window->folderTree()
                    ->model()
                    ->index(0, 0)
                    .data(models::FolderTreeModel::OwnerRole)
                    .toString() == mei);
        QCOMPARE(m_window->grid()->fileModel(), m_window->folder());
        QVERIFY(m_window->folder()->location().containerId != m_sim->containerId()); // Mei's own drive
        QTRY_VERIFY(m_window->folder()->isComplete()); // read (Mei keeps her photos in the shared space)
        QTRY_VERIFY(!m_window->albums()->canFetchMore());
        for (int row = 0; row < m_window->albums()->rowCount(); ++row) {
            const auto album = m_window->albums()->albumAt(row);
            QVERIFY(album.kind == api::AlbumKind::Shared || album.ownerId == mei);
        }
        const ServerConnection meisAccount = m_client->connection();
        QVERIFY(storedSession(meisAccount).has_value());
        // The next start signs in as Mei: the server and user are remembered (the token is not in settings).
        const auto remembered = koodrive::AccountSettings::remembered();
        QVERIFY(remembered && remembered->userId == mei && remembered->server == m_sim->server().url());

        // Sign out: the session ends on the server, its tokens are forgotten, what was saved is kept (the
        // person's answer), and sign-in is offered.
        const QString token = m_client->connection().accessToken;
        m_window->signOutOfServer();
        QVERIFY(answerForgetQuestion(QStringLiteral("Keep")));
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        QVERIFY(!storedSession(meisAccount).has_value());
        QVERIFY(!koodrive::AccountSettings::remembered()); // the next start opens the demo library
        // The server's end of the session follows the call made in the background (under ASan and load, after
        // the dialog shows): the old token is refused from then on.
        QTRY_COMPARE_WITH_TIMEOUT(
            m_sim
                ->send("GET",
                       QStringLiteral(
                           "/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=10&pageNum=1"),
                       {},
                       {{"Authorization", "Bearer " + token.toUtf8()},
                        {"X-User-Id", mei.toUtf8()},
                        {"X-Date", SimFixture::xDate()}})
                .status,
            401, 10000);
        dialog->reject();
    }

    void beingOfflineIsSaidAndRecoversByItself()
    {
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_window->messages()->setOfflineRetryDelaysMs({300});
        m_client->setRetryPolicy({1, 10, 10, 10});
        // Unreachable: a port where nothing listens any more.
        QTcpServer gone;
        QVERIFY(gone.listen(QHostAddress::LocalHost));
        const quint16 port = gone.serverPort();
        gone.close();
        const ServerConnection real = m_client->connection();
        m_client->setConnection(
            {QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), real.userId, real.accessToken, true});
        m_window->folderTree()->setCurrentIndex(treeFolder(QStringLiteral("Camera")));
        QTRY_VERIFY(m_window->messages()->isOffline());
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("offline")),
                 qPrintable(m_window->messages()->text()));
        QTest::qWait(800); // it tries again by itself, and is still offline
        QVERIFY(m_window->messages()->isOffline());
        QCOMPARE(m_window->grid()->model()->rowCount(), 0);
        m_client->setConnection(real); // the network is back
        QTRY_VERIFY_WITH_TIMEOUT(m_window->grid()->model()->rowCount() >= 100, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->messages()->isOffline(), 10000);
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("reached again")),
                 qPrintable(m_window->messages()->text()));
    }

    void signingOutClearsEveryViewAndTheNextAccountSeesNothingOfTheFirst()
    {
        // Alex signs in (the demo library's owner, with an account this time) and looks at Camera; its
        // thumbnails are kept on disk, as the app keeps them.
        m_network.setCache(
            new thumbnails::ThumbnailDiskCache(m_scratch->filePath(QStringLiteral("thumbnails"))));
        QTRY_VERIFY(treeFolder(QStringLiteral("Camera")).isValid());
        m_window->signInWithDialog();
        signInAs(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"));
        const QString alex = m_client->connection().userId;
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        const QString camera = m_window->folder()->location().folderId;
        const QString alexSpace = m_window->folder()->location().containerId;
        QTRY_VERIFY(!m_window->albums()->canFetchMore() && m_window->albums()->rowCount() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->folder()
                                      ->index(0)
                                      .data(models::PagedFileModel::ThumbnailRole)
                                      .value<QImage>()
                                      .isNull(),
                                 20000);
        QVERIFY(m_thumbnails->memoryUsedBytes() > 0);
        QTRY_VERIFY(m_network.cache()->cacheSize() > 0);
        const QStringList alexCatalog = catalogFiles();
        QCOMPARE(alexCatalog.size(), 1);

        // Signed out: at once, before any answer, nothing of Alex's is on screen or held in memory.
        m_window->signOutOfServer();
        QVERIFY(!m_window->grid()->model() || m_window->grid()->model()->rowCount() == 0);
        QCOMPARE(m_window->folder()->rowCount(), 0);
        QCOMPARE(m_window->albums()->rowCount(), 0);
        QCOMPARE(m_window->folderTree()->model()->rowCount(), 0);
        QCOMPARE(m_thumbnails->memoryUsedBytes(), 0); // no picture of Alex's held
        QVERIFY(!m_window->folder()->canFetchMore() && !m_window->albums()->canFetchMore());
        // Asked whether to keep what was saved; "Forget" deletes the account's catalog and the thumbnails.
        QVERIFY(answerForgetQuestion(QStringLiteral("Forget")));
        QVERIFY(catalogFiles().isEmpty());
        QCOMPARE(m_network.cache()->cacheSize(), 0);

        // Mei signs in on the same window: her drive, her albums, her catalog; nothing of Alex's.
        signInAs(QStringLiteral("mei@koodrive.local"), QStringLiteral("mei"));
        const QString mei = m_client->connection().userId;
        QVERIFY(mei != alex);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->folder()->isComplete() && m_window->folderTree()->model()->rowCount() > 0, 20000);
        QTRY_VERIFY(!m_window->albums()->canFetchMore());
        QVERIFY(m_window->folder()->location().containerId != alexSpace);
        for (int row = 0; row < m_window->albums()->rowCount(); ++row) {
            const auto album = m_window->albums()->albumAt(row);
            QVERIFY(album.kind == api::AlbumKind::Shared || album.ownerId == mei);
        }
        for (int row = 0; row < m_window->folder()->rowCount(); ++row)
            QVERIFY(m_window->folder()->itemAt(row).containerId != alexSpace);
        QCOMPARE(catalogFiles().size(), 1); // Mei's own
        QVERIFY(catalogFiles() != alexCatalog);
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(QDir(m_scratch->path()).filePath(catalogFiles().first()));
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
        QVERIFY(db.open());
        {
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("SELECT key FROM places")));
            while (query.next())
                QVERIFY2(!query.value(0).toString().contains(alexSpace) &&
                             !query.value(0).toString().contains(camera),
                         qPrintable(query.value(0).toString()));
        }
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    }
};

QTEST_MAIN(TestMainWindowSession)
#include "tst_MainWindowSession.moc"
