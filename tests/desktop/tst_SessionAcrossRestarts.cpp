// Staying signed in, as a person lives it: the app's own program in a real X window (xvfb-run), with a real
// keychain (GNOME Keyring in a private D-Bus session: tests/support/with-keyring.sh). xdotool types into the
// sign-in dialog as a person's hands; secret-tool reads and changes the keyring as another program would; the
// server is koodrive-sim in this process, whose store says what the app asked of it.
//  - Signed in with --server, quit with Ctrl+Q, started again with nothing on the command line: the window
//    opens signed in, with no dialog and no second sign-in. The keyring holds one item, named for the
//    account; the settings file holds no token.
//  - A start after the token ran out (a day later: the server's session and the kept expiry both past) renews
//    it once, before any other call (none is refused), and the keyring keeps the new pair.
//  - A start whose session was ended elsewhere (revoked) shows the sign-in dialog again, titled so.
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"

#include <QDateTime>
#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;

namespace {
const QString Login = QStringLiteral("/koodrive/ose/v1/auth/login");
const QString Refresh = QStringLiteral("/koodrive/ose/v1/auth/refreshToken");

// A helper program's output, given at most `ms` (xdotool --sync waits for as long as it is left to).
QString run(const QString &program, const QStringList &arguments, int ms = 30000, int *exitCode = nullptr,
            const QByteArray &input = {})
{
    QProcess process;
    process.start(program, arguments);
    if (!input.isEmpty()) {
        process.write(input);
        process.closeWriteChannel();
    }
    // The window's event loop runs meanwhile: koodrive-sim, in this process, goes on answering the app.
    const bool done = QTest::qWaitFor([&process] { return process.state() == QProcess::NotRunning; }, ms);
    if (!done) {
        process.kill();
        process.waitForFinished(2000);
    }
    if (exitCode)
        *exitCode = done && process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput()).trimmed();
}

QString xdotool(const QStringList &arguments, int ms = 30000, int *exitCode = nullptr)
{
    return run(QStringLiteral("xdotool"), arguments, ms, exitCode);
}
} // namespace

class TestSessionAcrossRestarts : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::SimFixture> m_sim;
    QTemporaryDir m_home;
    std::unique_ptr<QProcess> m_app;
    TokenStore::Name m_item;  // the account's item in the keyring
    QString m_accountEmail;   // what the server says of the demo account

    void startApp(const QStringList &arguments)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.filePath(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.filePath(QStringLiteral("cache")));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
        m_app = std::make_unique<QProcess>();
        m_app->setProcessEnvironment(env);
        m_app->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_app->start(QStringLiteral(KOODRIVE_APP), arguments);
        QVERIFY(m_app->waitForStarted());
    }
    // The app's visible top-level window whose title contains `title` ("" when none shows within `ms`).
    QString windowOf(const QString &title, int ms)
    {
        return xdotool({QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--sync"),
                        QStringLiteral("--onlyvisible"),
                        QStringLiteral("--pid"), QString::number(m_app->processId()), QStringLiteral("--name"),
                        title},
                       ms)
            .section(QLatin1Char('\n'), 0, 0);
    }
    // The title of a window (to say what showed when it should not have).
    static QString titleOf(const QString &window)
    {
        return window.isEmpty() ? QString() : xdotool({QStringLiteral("getwindowname"), window});
    }
    // The account and password typed into the sign-in dialog (its account field has the focus), then Return.
    static void signInAsAPerson(const QString &dialog)
    {
        xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), dialog});
        xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("15"),
                 QStringLiteral("demo@koodrive.local")});
        xdotool({QStringLiteral("key"), QStringLiteral("Tab")});
        xdotool({QStringLiteral("type"), QStringLiteral("--delay"), QStringLiteral("15"), QStringLiteral("demo")});
        xdotool({QStringLiteral("key"), QStringLiteral("Return")});
    }
    // Ctrl+Q in the window, as a person quits; the app ends by itself.
    void quitApp()
    {
        const QString window = windowOf(QStringLiteral("KooDrive Albums"), 20000);
        QVERIFY(!window.isEmpty());
        xdotool({QStringLiteral("windowfocus"), QStringLiteral("--sync"), window});
        xdotool({QStringLiteral("key"), QStringLiteral("--clearmodifiers"), QStringLiteral("ctrl+q")});
        QVERIFY2(QTest::qWaitFor([this] { return m_app->state() == QProcess::NotRunning; }, 30000),
                 "the app ends on Ctrl+Q");
        QCOMPARE(m_app->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_app->exitCode(), 0);
    }
    int calls(const QString &path) { return m_sim->server().http().callsTo("POST", path); }
    int albumListCalls() { return m_sim->server().http().callsTo("GET", QStringLiteral("/koodrive/ose/v1/album/list")); }
    QString keptSecret()
    {
        return run(QStringLiteral("secret-tool"),
                   {QStringLiteral("lookup"), QStringLiteral("server"), m_item.label, QStringLiteral("user"),
                    m_item.key, QStringLiteral("type"), QStringLiteral("plaintext")});
    }
    int itemsInKeyring()
    {
        // secret-tool lists each item's label on stdout.
        return int(run(QStringLiteral("secret-tool"), {QStringLiteral("search"), QStringLiteral("--all"),
                                                       QStringLiteral("type"), QStringLiteral("plaintext")})
                       .count(QStringLiteral("label = ")));
    }
    // Time passes: the server's sessions run out, and so does the expiry the keychain keeps (rewritten by
    // secret-tool, as another program may).
    void aDayPasses()
    {
        const qint64 past = QDateTime::currentMSecsSinceEpoch() - 3600'000;
        QVERIFY(m_sim->server()
                    .store()
                    .exec(QStringLiteral("UPDATE sessions SET expires_ms = ?"), {past})
                    .isActive());
        QJsonObject secret = QJsonDocument::fromJson(keptSecret().toUtf8()).object();
        QVERIFY(!secret.isEmpty());
        secret.insert(QStringLiteral("expiresAt"), past);
        int exitCode = -1;
        run(QStringLiteral("secret-tool"),
            {QStringLiteral("store"), QStringLiteral("--label"), m_item.label,
             // QtKeychain's schema, so the item is replaced rather than added beside it
             QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain"), QStringLiteral("server"),
             m_item.label, QStringLiteral("user"), m_item.key, QStringLiteral("type"), QStringLiteral("plaintext")},
            20000, &exitCode, QJsonDocument(secret).toJson(QJsonDocument::Compact));
        QCOMPARE(exitCode, 0);
        QCOMPARE(itemsInKeyring(), 1);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("KOODRIVE_TEST_KEYRING_PASSWORD"),
                 "run through tests/support/with-keyring.sh (CTest does)");
        QVERIFY2(!qEnvironmentVariableIsEmpty("DISPLAY"), "run under xvfb-run (CTest does)");
        m_sim = std::make_unique<test::SimFixture>(120);
        // Who the demo account is, as the server says it (the keyring item is named for it).
        QNetworkAccessManager network;
        api::KooDriveClient client(&network);
        client.setConnection({m_sim->server().url(), QString(), QString(), false});
        std::optional<api::Result<api::Session>> signedIn;
        client.signIn(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"), this,
                      [&signedIn](const api::Result<api::Session> &result) { signedIn = result; });
        QTRY_VERIFY(signedIn.has_value());
        QVERIFY(signedIn->ok());
        m_item = TokenStore::sessionName(m_sim->server().url(), signedIn->value().userId,
                                         signedIn->value().displayName, signedIn->value().email);
    }
    void cleanup()
    {
        if (m_app && m_app->state() != QProcess::NotRunning) {
            m_app->kill();
            m_app->waitForFinished(5000);
        }
    }

    void signedInOnceThenOpensSignedInWithNoDialog()
    {
        const int logins = calls(Login);
        startApp({QStringLiteral("--server"), m_sim->server().url().toString()});
        const QString dialog = windowOf(QStringLiteral("Sign in to KooDrive"), 30000);
        QVERIFY2(!dialog.isEmpty(), "the sign-in dialog shows");
        signInAsAPerson(dialog); // the server's address is filled in
        QTRY_COMPARE_WITH_TIMEOUT(calls(Login), logins + 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(albumListCalls() > 0, 30000); // the window reads the account's albums
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring(), 1, 20000);
        const QJsonObject secret = QJsonDocument::fromJson(keptSecret().toUtf8()).object();
        QVERIFY(!secret.value(QStringLiteral("accessToken")).toString().isEmpty());
        QVERIFY(!secret.value(QStringLiteral("refreshToken")).toString().isEmpty());
        quitApp();
        // The settings file says who (the server and the user), never a token.
        QDirIterator files(m_home.filePath(QStringLiteral("config")), QDir::Files, QDirIterator::Subdirectories);
        int settingsFiles = 0;
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            ++settingsFiles;
            QVERIFY2(!text.contains(secret.value(QStringLiteral("accessToken")).toString().toUtf8()) &&
                         !text.contains(secret.value(QStringLiteral("refreshToken")).toString().toUtf8()),
                     "no token in the settings");
        }
        QVERIFY(settingsFiles > 0);

        // Started again: signed in from the keychain.
        const int albumLists = albumListCalls();
        startApp({});
        QTRY_VERIFY_WITH_TIMEOUT(albumListCalls() > albumLists, 30000);
        QVERIFY(!windowOf(QStringLiteral("KooDrive Albums"), 20000).isEmpty());
        const QString asked = windowOf(QStringLiteral("Sign in"), 1500);
        QVERIFY2(asked.isEmpty(), qPrintable(QStringLiteral("no sign-in dialog, but: ") + titleOf(asked)));
        QCOMPARE(calls(Login), logins + 1);
        quitApp();
    }

    void aStartAfterTheTokenRanOutRenewsItOnceBeforeTheFirstCall()
    {
        aDayPasses();
        const QString before =
            QJsonDocument::fromJson(keptSecret().toUtf8()).object().value(QStringLiteral("accessToken")).toString();
        const int refreshes = calls(Refresh);
        const int albumLists = albumListCalls();
        const int refused = m_sim->server().http().answersWith(401);
        startApp({});
        QTRY_VERIFY_WITH_TIMEOUT(albumListCalls() > albumLists, 30000);
        const QString asked = windowOf(QStringLiteral("Sign in"), 1500);
        QVERIFY2(asked.isEmpty(), qPrintable(QStringLiteral("no sign-in dialog, but: ") + titleOf(asked)));
        QCOMPARE(calls(Refresh), refreshes + 1);
        // No call went with the old token: none was refused.
        QCOMPARE(m_sim->server().http().answersWith(401), refused);
        // The new pair is kept, with an expiry ahead.
        QTRY_VERIFY_WITH_TIMEOUT(QJsonDocument::fromJson(keptSecret().toUtf8())
                                         .object()
                                         .value(QStringLiteral("accessToken"))
                                         .toString() != before,
                                 20000);
        const QJsonObject kept = QJsonDocument::fromJson(keptSecret().toUtf8()).object();
        QVERIFY(kept.value(QStringLiteral("expiresAt")).toInteger() > QDateTime::currentMSecsSinceEpoch());
        QCOMPARE(itemsInKeyring(), 1);
        quitApp();
    }

    void aSessionEndedElsewhereAsksToSignInAgain()
    {
        aDayPasses();
        QVERIFY(m_sim->server().store().exec(QStringLiteral("UPDATE sessions SET revoked = 1")).isActive());
        const int logins = calls(Login);
        startApp({});
        const QString dialog = windowOf(QStringLiteral("session has ended"), 30000);
        QVERIFY2(!dialog.isEmpty(), "the dialog says the session has ended");
        signInAsAPerson(dialog);
        QTRY_COMPARE_WITH_TIMEOUT(calls(Login), logins + 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(windowOf(QStringLiteral("session has ended"), 500).isEmpty(), 20000);
        QCOMPARE(itemsInKeyring(), 1);
        quitApp();
    }
};

QTEST_GUILESS_MAIN(TestSessionAcrossRestarts)
#include "tst_SessionAcrossRestarts.moc"
