// The session in a real keychain: GNOME Keyring, a Secret Service of the test's own (tests/support/
// with-keyring.sh: a private D-Bus session, the login keyring unlocked with a test password), reached the way
// the app reaches it (QtKeychain, which loads libsecret). What the app stored is read back by a second
// program, secret-tool, as a person's keyring manager (Seahorse) would list it. Its unlock prompt cannot be
// shown here (no display: GNOME Keyring's prompter fails, as a prompt the person cancels does).
#include "account/TokenStore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace koodrive;

namespace {

// What secret-tool lists of the app's items (QtKeychain's attributes: "server" is the label it gave).
struct Item
{
    QString label;
    QString secret;
};

QList<Item> itemsInKeyring()
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--unlock"),
                QStringLiteral("type"), QStringLiteral("plaintext")});
    if (!tool.waitForFinished(20000))
        return {};
    // secret-tool prints each item's label, secret and times on stdout (its attributes go to stderr).
    QList<Item> items;
    const QStringList lines = QString::fromUtf8(tool.readAllStandardOutput()).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        const qsizetype equals = line.indexOf(QStringLiteral(" = "));
        if (equals < 0)
            continue;
        const QString field = line.left(equals);
        const QString value = line.mid(equals + 3);
        if (field == QLatin1String("label"))
            items.append({value, {}});
        else if (!items.isEmpty() && field == QLatin1String("secret"))
            items.last().secret = value;
    }
    return items;
}

// The secret found by the item's attributes, as QtKeychain sets them: "server" is the label it was given,
// "user" the key (a person's keyring manager searches the same way).
QString lookUp(const TokenStore::Name &name)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), name.label, QStringLiteral("user"), name.key,
                QStringLiteral("type"), QStringLiteral("plaintext")});
    return tool.waitForFinished(20000) ? QString::fromUtf8(tool.readAllStandardOutput()) : QString();
}

ServerConnection account(const QString &server, const QString &userId, const QString &email,
                         const QString &name = QString())
{
    ServerConnection connection{QUrl(server), userId, QStringLiteral("AT-") + userId, false};
    connection.email = email;
    connection.displayName = name;
    return connection;
}

std::optional<StoredSession> readBack(TokenStore &store, const ServerConnection &who)
{
    auto found = std::make_shared<std::optional<std::optional<StoredSession>>>();
    store.readSession(who.server, who.userId, who.displayName, who.email,
                      [found](const std::optional<StoredSession> &session) { *found = session; });
    if (!QTest::qWaitFor([found] { return found->has_value(); }, 20000))
        return std::nullopt;
    return **found;
}

bool written(TokenStore &store, const TokenStore::Name &name, const QString &secret)
{
    auto ok = std::make_shared<std::optional<bool>>();
    store.write(name, secret, [ok](bool done, const QString &) { *ok = done; });
    return QTest::qWaitFor([ok] { return ok->has_value(); }, 20000) && **ok;
}

bool sameSession(const std::optional<StoredSession> &a, const StoredSession &b)
{
    return a && a->accessToken == b.accessToken && a->refreshToken == b.refreshToken &&
           a->expiresAtMs == b.expiresAtMs && a->lifetimeSecs == b.lifetimeSecs;
}

QDBusMessage callSecretService(const QString &method, const QVariantList &arguments)
{
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), method);
    call.setArguments(arguments);
    return QDBusConnection::sessionBus().call(call, QDBus::Block, 20000);
}

} // namespace

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("KOODRIVE_TEST_KEYRING_PASSWORD"),
                 "run through tests/support/with-keyring.sh (CTest does)");
        QVERIFY(QDBusConnection::sessionBus().isConnected());
        QVERIFY(QDBusConnection::sessionBus().interface()->isServiceRegistered(
            QStringLiteral("org.freedesktop.secrets")));
    }

    // Signed in: the session is one item, named so a person recognises it, holding the pair and its expiry;
    // the next run (another store) reads it back whole.
    void aSessionIsKeptWholeUnderTheAccountsName()
    {
        const ServerConnection alice =
            account(QStringLiteral("https://drive.example.com"), QStringLiteral("1001"),
                    QStringLiteral("alice@example.com"));
        const StoredSession session = StoredSession::answeredNow(alice.accessToken, QStringLiteral("RT-1001"), 1800);
        {
            KeychainTokenStore store;
            store.keepSession(alice, session);
            QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 1, 20000);
            QVERIFY(store.keepsAcrossRuns());
            QVERIFY(store.problem().isEmpty());
        }
        const Item item = itemsInKeyring().constFirst();
        QCOMPARE(item.label, QStringLiteral("KooDrive Albums — alice@example.com"));
        QCOMPARE(lookUp({item.label, QStringLiteral("https://drive.example.com|1001|session")}), item.secret);
        const QJsonObject secret = QJsonDocument::fromJson(item.secret.toUtf8()).object();
        QCOMPARE(secret.value(QStringLiteral("accessToken")).toString(), alice.accessToken);
        QCOMPARE(secret.value(QStringLiteral("refreshToken")).toString(), QStringLiteral("RT-1001"));
        QCOMPARE(secret.value(QStringLiteral("expiresIn")).toInteger(), 1800);

        KeychainTokenStore nextRun;
        QVERIFY(sameSession(readBack(nextRun, alice), session));
    }

    // A renewal replaces the pair: still one item, holding the newest.
    void aRenewedPairReplacesTheOldOne()
    {
        const ServerConnection alice =
            account(QStringLiteral("https://drive.example.com"), QStringLiteral("1001"),
                    QStringLiteral("alice@example.com"));
        const StoredSession renewed = StoredSession::answeredNow(QStringLiteral("AT-renewed"), QStringLiteral("RT-2"), 900);
        KeychainTokenStore store;
        store.keepSession(alice, renewed);
        QTRY_VERIFY_WITH_TIMEOUT(sameSession(readBack(store, alice), renewed), 20000);
        const QList<Item> items = itemsInKeyring();
        QCOMPARE(items.size(), 1);
        QVERIFY(items.constFirst().secret.contains(QLatin1String("AT-renewed")));
        KeychainTokenStore nextRun;
        QVERIFY(sameSession(readBack(nextRun, alice), renewed));
    }

    // Accounts apart: another user of the same server, the same email at another server, a person with no
    // email (named with their name at the host). Signing one out removes its item only.
    void eachAccountIsKeptApartAndSignOutRemovesOnlyItsOwn()
    {
        const ServerConnection alice =
            account(QStringLiteral("https://drive.example.com"), QStringLiteral("1001"),
                    QStringLiteral("alice@example.com"));
        const ServerConnection bob = account(QStringLiteral("https://drive.example.com"), QStringLiteral("1002"),
                                             QString(), QStringLiteral("Bob Li"));
        const ServerConnection aliceElsewhere =
            account(QStringLiteral("https://other.example.org"), QStringLiteral("77"),
                    QStringLiteral("alice@example.com"));
        KeychainTokenStore store;
        const StoredSession bobs = StoredSession::answeredNow(bob.accessToken, QStringLiteral("RT-bob"), 1800);
        const StoredSession elsewhere =
            StoredSession::answeredNow(aliceElsewhere.accessToken, QStringLiteral("RT-other"), 1800);
        store.keepSession(bob, bobs);
        store.keepSession(aliceElsewhere, elsewhere);
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 3, 20000);
        QStringList labels;
        for (const Item &item : itemsInKeyring())
            labels << item.label;
        QVERIFY2(labels.contains(QStringLiteral("KooDrive Albums — Bob Li@drive.example.com")),
                 qPrintable(labels.join(QLatin1String(", "))));
        QCOMPARE(labels.count(QStringLiteral("KooDrive Albums — alice@example.com")), 2);
        QVERIFY(sameSession(readBack(store, bob), bobs));
        QVERIFY(sameSession(readBack(store, aliceElsewhere), elsewhere));
        const std::optional<StoredSession> alices = readBack(store, alice);
        QVERIFY(alices && alices->refreshToken == QLatin1String("RT-2"));

        store.forgetSession(alice);
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 2, 20000);
        KeychainTokenStore nextRun;
        QVERIFY(!readBack(nextRun, alice));
        QVERIFY(sameSession(readBack(nextRun, bob), bobs));
        QVERIFY(sameSession(readBack(nextRun, aliceElsewhere), elsewhere));
        nextRun.forgetSession(bob);
        nextRun.forgetSession(aliceElsewhere);
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 0, 20000);
    }

    // A session kept the old way (two items, "…|access" and "…|refresh", under the app's name) is read,
    // moved into one item and the old ones removed.
    void theOldTwoEntriesBecomeOne()
    {
        const ServerConnection carol = account(QStringLiteral("https://drive.example.com"),
                                               QStringLiteral("1003"), QStringLiteral("carol@example.com"));
        KeychainTokenStore store;
        const QString prefix = QStringLiteral("https://drive.example.com|1003|");
        QVERIFY(written(store, {QStringLiteral("KooDrive Albums"), prefix + QStringLiteral("access")},
                        QStringLiteral("AT-old")));
        QVERIFY(written(store, {QStringLiteral("KooDrive Albums"), prefix + QStringLiteral("refresh")},
                        QStringLiteral("RT-old")));
        QCOMPARE(itemsInKeyring().size(), 2);
        const std::optional<StoredSession> moved = readBack(store, carol);
        QVERIFY(moved && moved->accessToken == QLatin1String("AT-old") &&
                moved->refreshToken == QLatin1String("RT-old"));
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 1, 20000);
        QCOMPARE(itemsInKeyring().constFirst().label, QStringLiteral("KooDrive Albums — carol@example.com"));
        store.forgetSession(carol);
        QTRY_COMPARE_WITH_TIMEOUT(itemsInKeyring().size(), 0, 20000);
    }

    // The keyring locked, and its unlock prompt not answered (cancelled; here it cannot be shown): the store
    // says so once, in words, and keeps the session for this run; the next run finds nothing (and asks to
    // sign in). Nothing waits for long.
    void aLockedKeyringIsSaidAndTheSessionLastsTheRun()
    {
        const QDBusMessage locked = callSecretService(
            QStringLiteral("Lock"),
            {QVariant::fromValue(QList<QDBusObjectPath>{
                QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))})});
        QVERIFY2(locked.type() == QDBusMessage::ReplyMessage, qPrintable(locked.errorMessage()));
        const ServerConnection dan = account(QStringLiteral("https://drive.example.com"), QStringLiteral("1004"),
                                             QStringLiteral("dan@example.com"));
        const StoredSession session = StoredSession::answeredNow(dan.accessToken, QStringLiteral("RT-dan"), 1800);
        KeychainTokenStore store;
        QSignalSpy notKept(&store, &TokenStore::notKept);
        QElapsedTimer took;
        took.start();
        store.keepSession(dan, session);
        QTRY_COMPARE_WITH_TIMEOUT(notKept.count(), 1, 20000);
        QVERIFY2(took.elapsed() < 10000, qPrintable(QString::number(took.elapsed())));
        QVERIFY(!notKept.constFirst().constFirst().toString().isEmpty());
        QVERIFY(!store.keepsAcrossRuns());
        QVERIFY(sameSession(readBack(store, dan), session)); // this run goes on with it
        store.keepSession(dan, session);                     // a renewal: said once a run, not again
        QTest::qWait(500);
        QCOMPARE(notKept.count(), 1);
        KeychainTokenStore nextRun;
        QVERIFY(!readBack(nextRun, dan));
    }

    // The keyring's daemon stops while the app runs: what the app asks next is answered (by a daemon D-Bus
    // starts again, whose keyring is locked) or refused, in bounded time, and nothing crashes.
    void aKeyringThatGoesAwayNeitherHangsNorCrashes()
    {
        QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
        const QDBusReply<uint> pid = bus->servicePid(QStringLiteral("org.freedesktop.secrets"));
        QVERIFY(pid.isValid() && pid.value() > 1);
        QCOMPARE(::kill(pid_t(pid.value()), SIGTERM), 0);
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid.value()), 0) != 0, 10000);

        const ServerConnection erin = account(QStringLiteral("https://drive.example.com"),
                                              QStringLiteral("1005"), QStringLiteral("erin@example.com"));
        const StoredSession session = StoredSession::answeredNow(erin.accessToken, QStringLiteral("RT-erin"), 1800);
        KeychainTokenStore store;
        QSignalSpy notKept(&store, &TokenStore::notKept);
        QElapsedTimer took;
        took.start();
        store.keepSession(erin, session);
        // Either a daemon took it, or the store said it could not.
        QTRY_VERIFY_WITH_TIMEOUT(notKept.count() == 1 || itemsInKeyring().size() == 1, 30000);
        QVERIFY2(took.elapsed() < 30000, qPrintable(QString::number(took.elapsed())));
        QVERIFY(sameSession(readBack(store, erin), session));
        store.forgetSession(erin);
        KeychainTokenStore nextRun;
        QVERIFY(!readBack(nextRun, erin));
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_Keychain.moc"
