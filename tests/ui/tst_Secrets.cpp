// The access and refresh tokens never leave the keychain and the wire: with every logging category at
// debug level (the app's, the sim's and Qt's network), a session that signs in, browses with thumbnails,
// renews itself, meets an error and signs out leaves no token in the logs (what a test run prints), the
// settings file, the thumbnail disk cache or the error details a person copies.
#include "MainWindowTesting.h"
#include "account/AccountSettings.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "widgets/MessageBar.h"

#include <QDirIterator>
#include <QFile>
#include <QLoggingCategory>
#include <QMutex>
#include <QTemporaryDir>

using namespace koodrive;

namespace {
QMutex logMutex;
QByteArray capturedLog;
void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&logMutex);
    capturedLog += QByteArray(context.category ? context.category : "") + ": " + message.toUtf8() + '\n';
}
} // namespace

class TestSecrets : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { useScratchSettings("tst_Secrets"); }
    void cleanup() { closeAll(); }

    void noTokenIsWrittenAnywhere()
    {
        QTemporaryDir cacheDir;
        m_network.setCache(new thumbnails::ThumbnailDiskCache(cacheDir.path()));
        QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));
        const QtMessageHandler previous = qInstallMessageHandler(capture);
        auto restore = qScopeGuard([previous] {
            qInstallMessageHandler(previous);
            QLoggingCategory::setFilterRules(QString());
        });

        openFreshWindow();
        // A real session, from the sign-in call: an access token and a refresh token.
        std::optional<api::Result<api::Session>> signedIn;
        m_client->signIn(QStringLiteral("demo@koodrive.local"), QStringLiteral("demo"), this,
                         [&signedIn](const api::Result<api::Session> &result) { signedIn = result; });
        QTRY_VERIFY(signedIn.has_value());
        QVERIFY(signedIn->ok());
        QStringList secrets{signedIn->value().accessToken, signedIn->value().refreshToken,
                            m_sim->server().accessToken()};
        m_client->setConnection(
            {m_sim->server().url(), signedIn->value().userId, signedIn->value().accessToken, false});
        m_client->setRefreshToken(signedIn->value().refreshToken);
        AccountSettings::remember(m_client->connection());
        m_tokenStore->keepSession(m_client->connection(),
                                  StoredSession::answeredNow(signedIn->value().accessToken,
                                                             signedIn->value().refreshToken,
                                                             signedIn->value().expiresInSecs));

        // Browse: folders, thumbnails (signed URLs), albums.
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0), 10000);
        // The session renews itself: a new pair of tokens.
        std::optional<api::Result<api::Session>> renewed;
        m_client->refreshSession(this,
                                 [&renewed](const api::Result<api::Session> &result) { renewed = result; });
        QTRY_VERIFY(renewed.has_value());
        QVERIFY(renewed->ok());
        secrets << renewed->value().accessToken << renewed->value().refreshToken;
        // An error a person would copy the details of.
        m_client->setRetryPolicy({1, 10, 10, 10});
        m_sim->server().http().scriptFaults({{sim::SimHttpServer::FaultStep::Kind::Status, 503, 1, 0, 1,
                                              QStringLiteral("/koodrive/ose/v1/files/")}});
        m_window->grid()->fileModel()->refresh();
        QTRY_VERIFY(m_window->messages()->isVisible());
        const QString details = m_window->messages()->details();
        QVERIFY(!details.isEmpty());
        m_window->close(); // the settings are written
        QSettings().sync();

        // Where a token could have gone.
        QList<QPair<QString, QByteArray>> places{{QStringLiteral("the log"), capturedLog},
                                                 {QStringLiteral("the error details"), details.toUtf8()}};
        QFile settings(QSettings().fileName());
        QVERIFY(settings.open(QIODevice::ReadOnly));
        places.append({QStringLiteral("the settings file"), settings.readAll()});
        for (QDirIterator it(cacheDir.path(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
            QFile entry(it.next());
            QVERIFY(entry.open(QIODevice::ReadOnly));
            places.append({QStringLiteral("the disk cache"), entry.readAll()});
        }
        QVERIFY2(capturedLog.size() > 10000, "the log is there to scan (debug level everywhere)");
        QVERIFY(places.size() > 10); // the disk cache has thumbnails
        for (const auto &[where, bytes] : std::as_const(places))
            for (const QString &secret : std::as_const(secrets)) {
                QVERIFY(secret.size() >= 20);
                // (Never QCOMPARE a token: the failure message would print it.)
                if (bytes.contains(secret.toUtf8())) {
                    // Say where, with the token itself masked.
                    QByteArray line =
                        bytes.mid(qMax<qsizetype>(0, bytes.indexOf(secret.toUtf8()) - 160), 320);
                    line.replace(secret.toUtf8(), "<TOKEN>");
                    QFAIL(qPrintable(
                        QStringLiteral("a token is in %1: …%2…").arg(where, QString::fromUtf8(line))));
                }
                QVERIFY2(!bytes.contains(QUrl::toPercentEncoding(secret)),
                         qPrintable(QStringLiteral("a token is in %1, encoded").arg(where)));
            }
    }
};

QTEST_MAIN(TestSecrets)
#include "tst_Secrets.moc"
