// The client against a hostile server (tests/support/HostileServer): what it sends where, how much it
// reads, how long it waits, how often it asks again. Each case is something a hotel network, a captive
// portal or a malicious server did to the app before app/core/net existed (issue 11's findings).
#include "HostileServer.h"
#include "ProcessMemory.h"
#include "SimFixture.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "media/PlaybackLink.h"
#include "thumbnails/OriginalLoader.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

using namespace koodrive;
using koodrive::api::ApiError;
using koodrive::test::HostileServer;
using koodrive::test::ProcessMemory;

namespace {
constexpr qint64 MemoryBudget = koodrive::test::HostileAnswerMemoryBudget;
constexpr qint64 GiB = 1LL << 30;

// A files-list answer's opening and closing, apart: moc's lexer loses its way in a raw string whose
// brackets do not balance.
QByteArray filesOpening()
{
    return QByteArrayLiteral("{\"files\":\x5b");
}
QByteArray filesClosing()
{
    return QByteArrayLiteral("\x5d,\"code\":0}");
}

// A download-links answer (README: `downloads[{fileId, fileName, url, code, msg}]`) giving V1 `url`.
QByteArray downloadAnswer(const QString &url)
{
    const QJsonObject link{{QStringLiteral("fileId"), QStringLiteral("V1")},
                           {QStringLiteral("fileName"), QStringLiteral("v.mp4")},
                           {QStringLiteral("url"), url},
                           {QStringLiteral("code"), QStringLiteral("0")},
                           {QStringLiteral("msg"), QString()}};
    return QJsonDocument(QJsonObject{{QStringLiteral("batchCode"), 1},
                                     {QStringLiteral("downloads"), QJsonArray{link}},
                                     {QStringLiteral("code"), 0}})
        .toJson(QJsonDocument::Compact);
}

QByteArray png(QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}
} // namespace

class TestHostileServer : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<test::SimFixture> m_sim;
    std::unique_ptr<HostileServer> m_hostile;
    std::unique_ptr<HostileServer> m_elsewhere; // another origin: 127.0.0.2
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    const QString m_password = QStringLiteral("demo");

    QString path(const char *rest) const { return QStringLiteral("/koodrive/ose/v1/") + QLatin1String(rest); }
    api::Result<api::AlbumPage> listAlbums()
    {
        return test::wait<api::AlbumPage>(
            [&](QObject *c, auto done) { return m_client->listAlbums({}, c, done); });
    }
    api::Result<api::FilePage> listFiles(int pageSize = 100)
    {
        api::KooDriveClient::FileListQuery query;
        query.containerId = m_sim->containerId();
        query.pageSize = pageSize;
        return test::wait<api::FilePage>(
            [&](QObject *c, auto done) { return m_client->listFiles(query, c, done); });
    }
    // Nothing the other origin received carries the session, the user or the password.
    void verifyNoSecretsReached(const HostileServer &server)
    {
        for (const auto &request : server.requests()) {
            QVERIFY2(request.header("Authorization").isEmpty(), "a token reached another origin");
            QVERIFY2(request.header("X-User-Id").isEmpty(), "the user id reached another origin");
            QVERIFY2(!request.body.contains(m_password.toUtf8()), "the password reached another origin");
            QVERIFY2(!request.target.contains(m_sim->server().accessToken().toUtf8()), "a token in a URL");
        }
    }

private slots:
    void initTestCase() { m_sim = std::make_unique<test::SimFixture>(300); }

    void init()
    {
        m_hostile = std::make_unique<HostileServer>();
        m_hostile->forwardTo(m_sim->server().url());
        m_elsewhere = std::make_unique<HostileServer>(QHostAddress(QStringLiteral("127.0.0.2")));
        m_elsewhere->forwardTo(m_sim->server().url()); // it would answer like KooDrive if asked
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection({m_hostile->url(), m_sim->userId(), m_sim->server().accessToken(), false});
        m_client->setRetryPolicy({4, 20, 100, 3000});
    }

    void aRedirectToAnotherOriginTakesNoCredentials_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("call");
        for (int status : {301, 302, 303, 307, 308})
            for (const char *call : {"album list (GET)", "files list (POST)", "sign-in (POST, password)"})
                QTest::addRow("%d %s", status, call) << status << QString::fromLatin1(call);
    }
    void aRedirectToAnotherOriginTakesNoCredentials()
    {
        QFETCH(int, status);
        QFETCH(QString, call);
        for (const char *rest : {"album/list", "files/0", "auth/login"})
            m_hostile->on(path(rest), HostileServer::redirectTo(status, m_elsewhere->url()));
        std::optional<ApiError> error;
        if (call.startsWith(QLatin1String("album"))) {
            const auto result = listAlbums();
            QVERIFY(!result.ok());
            error = result.error();
        } else if (call.startsWith(QLatin1String("files"))) {
            const auto result = listFiles();
            QVERIFY(!result.ok());
            error = result.error();
        } else {
            const auto result = test::wait<api::Session>([&](QObject *c, auto done) {
                return m_client->signIn(QStringLiteral("demo@koodrive.local"), m_password, c, done);
            });
            QVERIFY(!result.ok());
            error = result.error();
        }
        QCOMPARE(error->kind, ApiError::Kind::Insecure);
        QVERIFY2(error->message.contains(QLatin1String("127.0.0.2")), qPrintable(error->message));
        QVERIFY(!error->traceId.isEmpty());
        QCOMPARE(m_hostile->requestCount(), 1); // asked once: a redirect away is not retried
        verifyNoSecretsReached(*m_elsewhere);
        QCOMPARE(m_elsewhere->requestCount(), 0);
    }

    void aRedirectOnTheSameOriginIsFollowed()
    {
        // Moved within the server: the same call, one more query item.
        const QUrl origin = m_hostile->url();
        m_hostile->on(
            path("album/list"),
            [origin](const HostileServer::Request &request, QTcpSocket *socket) {
                HostileServer::redirect(307, QUrl::fromEncoded(origin.toEncoded() + request.target +
                                                               "&moved=1"))(request, socket);
            },
            1);
        const auto result = listAlbums();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().details()));
        QVERIFY(!result.value().albums.isEmpty());
        QVERIFY(std::any_of(m_hostile->requests().cbegin(), m_hostile->requests().cend(),
                            [](const HostileServer::Request &r) { return r.target.endsWith("&moved=1"); }));
    }

    void aBodyNeverFollowsARedirectToAnotherOrigin_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {301, 302, 303, 307, 308})
            QTest::addRow("%d", status) << status;
    }
    void aBodyNeverFollowsARedirectToAnotherOrigin()
    {
        // A request's body (a person's bytes) is not sent on to another origin, whatever the redirect, even
        // under a policy that carries no credentials. (Upload parts go through net::PartSender:
        // tst_PartSender.)
        QFETCH(int, status);
        m_hostile->on(QStringLiteral("/bucket/"), HostileServer::redirectTo(status, m_elsewhere->url()));
        const QByteArray body(256 * 1024, 'p');
        QNetworkRequest request(QUrl(m_hostile->url().toString() + QStringLiteral("/bucket/part1")));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        QObject owner;
        net::Transfer *transfer =
            net::Transfer::start(&m_network, request, "PUT", body, net::TransferPolicy::thumbnail(), &owner);
        QSignalSpy finished(transfer, &net::Transfer::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(transfer->failure(), net::Transfer::Failure::CrossOriginRedirect);
        QCOMPARE(m_elsewhere->requestCount(), 0);
        QCOMPARE(m_hostile->requests().at(0).header("Content-Length"), QByteArray::number(256 * 1024));
    }

    void everyHopIsJudged()
    {
        net::TransferPolicy api = net::TransferPolicy::api();
        const QUrl https(QStringLiteral("https://drive.example.com/a"));
        QVERIFY(net::Transfer::allowedHop(https, QUrl(QStringLiteral("https://drive.example.com/b")), api));
        QVERIFY(!net::Transfer::allowedHop(https, QUrl(QStringLiteral("http://drive.example.com/b")), api));
        QVERIFY(!net::Transfer::allowedHop(QUrl(QStringLiteral("http://127.0.0.1/a")),
                                           QUrl(QStringLiteral("http://drive.example.com/b")), api));
        QVERIFY(!net::Transfer::allowedHop(https, QUrl(QStringLiteral("file:///etc/passwd")), api));
        const net::TransferPolicy image = net::TransferPolicy::thumbnail();
        QVERIFY(!net::Transfer::allowedHop(https, QUrl(QStringLiteral("http://cdn.example.com/b")), image));
        QVERIFY(net::Transfer::allowedHop(https, QUrl(QStringLiteral("https://cdn.example.com/b")), image));
        QVERIFY(!net::Transfer::sameOrigin(QUrl(QStringLiteral("http://127.0.0.1:80/")),
                                           QUrl(QStringLiteral("http://127.0.0.1:81/"))));
        QVERIFY(net::Transfer::sameOrigin(QUrl(QStringLiteral("https://a.example/")),
                                          QUrl(QStringLiteral("https://A.example:443/x"))));
    }

    void imagesFollowRedirectsWithoutKooDriveHeaders()
    {
        m_elsewhere->on(QStringLiteral("/object.png"),
                        HostileServer::reply(200, png({64, 48}), {}, "image/png"));
        m_hostile->on(QStringLiteral("/object.png"),
                      HostileServer::redirect(
                          302, QUrl(m_elsewhere->url().toString() + QStringLiteral("/object.png"))));
        thumbnails::ThumbnailScheduler scheduler(&m_network);
        QSignalSpy ready(&scheduler, &thumbnails::ThumbnailScheduler::ready);
        scheduler.request(this, "k", (m_hostile->url().toString() + QStringLiteral("/object.png")).toLatin1(),
                          {128, 128}, thumbnails::ThumbnailScheduler::Priority::Visible);
        QTRY_COMPARE(ready.count(), 1);
        QCOMPARE(scheduler.image("k").size(), QSize(64, 48));
        QCOMPARE(m_elsewhere->requestCount(), 1);
        verifyNoSecretsReached(*m_elsewhere);
    }

    void aRedirectLoopEndsWithItsOwnMessage()
    {
        m_hostile->on(path("album/list"), HostileServer::redirectTo(302, m_hostile->url()));
        QElapsedTimer timer;
        timer.start();
        const auto result = listAlbums();
        QVERIFY(!result.ok());
        QVERIFY2(result.error().message.contains(QLatin1String("redirect loop")),
                 qPrintable(result.error().message));
        QVERIFY(!result.error().retryable);
        // Seen as a loop at the first hop back to an address already asked (at most the first request
        // and three hops); a loop is not retried.
        QVERIFY2(m_hostile->requestCount() <= 4, qPrintable(QString::number(m_hostile->requestCount())));
        QVERIFY(timer.elapsed() < 5000);
    }

    void answersAreCutAtTheirBudget_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("endless body, no length") << "endless";
        QTest::newRow("1 GiB announced") << "announced";
        QTest::newRow("1 GiB, no length") << "unannounced";
        QTest::newRow("gzip bomb (1 GiB inflated)") << "gzip";
    }
    void answersAreCutAtTheirBudget()
    {
        QFETCH(QString, kind);
        if (kind == QLatin1String("endless"))
            m_hostile->on(
                path("files/0"),
                m_hostile->endless(filesOpening(),
                                   QByteArray(R"({"id":"1","fileName":"x","fileType":15},)").repeated(1000)));
        else if (kind == QLatin1String("gzip"))
            m_hostile->on(path("files/0"), HostileServer::gzipBomb(GiB));
        else
            m_hostile->on(path("files/0"),
                          m_hostile->huge("application/json", GiB, kind == QLatin1String("announced")));
        ProcessMemory::resetPeak();
        const qint64 before = ProcessMemory::residentBytes();
        QElapsedTimer timer;
        timer.start();
        const auto result = listFiles();
        const qint64 growth = ProcessMemory::peakResidentBytes() - before;
        qInfo("%s: peak memory growth %lld MiB, gave up after %lld ms, %d request(s)", qPrintable(kind),
              growth >> 20, timer.elapsed(), m_hostile->requestCount());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(
            result.error().message.contains(QLatin1String("larger than any KooDrive answer")) ||
                (kind == QLatin1String("gzip") && result.error().message.contains(QLatin1String("unpacked"))),
            qPrintable(result.error().message));
        QVERIFY(!result.error().traceId.isEmpty());
        QCOMPARE(m_hostile->requestCount(), 1); // what cannot succeed is not asked again
        QVERIFY2(growth < MemoryBudget, qPrintable(QString::number(growth >> 20)));
        QVERIFY(timer.elapsed() < 10000);
    }

    void aPageWithMoreRowsThanAskedIsABadAnswer()
    {
        QJsonArray files;
        for (int i = 0; i < 150; ++i)
            files.append(QJsonObject{{QStringLiteral("id"), QString::number(i)},
                                     {QStringLiteral("fileName"), QStringLiteral("f%1.jpg").arg(i)},
                                     {QStringLiteral("fileType"), 15}});
        m_hostile->on(path("files/0"),
                      HostileServer::reply(200, QJsonDocument(QJsonObject{{QStringLiteral("files"), files},
                                                                          {QStringLiteral("code"), 0}})
                                                    .toJson(QJsonDocument::Compact)));
        const auto result = listFiles(100);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(result.error().message.contains(QLatin1String("150")) &&
                     result.error().message.contains(QLatin1String("100")),
                 qPrintable(result.error().message));
    }

    void aTrickleEndsAtTheDeadline()
    {
        net::TransferPolicy policy = net::TransferPolicy::api();
        policy.deadlineMs = 2000; // the real one is 30 s: the same rule, a shorter wait
        m_client->setTransferPolicy(policy);
        m_hostile->on(path("album/list"),
                      m_hostile->trickle(R"({"albumList":[],"code":0,"msg":"a slow answer"})", 300));
        QElapsedTimer timer;
        timer.start();
        const auto result = listAlbums();
        const qint64 took = timer.elapsed();
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Timeout);
        QVERIFY2(result.error().message.contains(QLatin1String("2 s")), qPrintable(result.error().message));
        QVERIFY2(took >= 1900 && took < 4000, qPrintable(QString::number(took)));
        QCOMPARE(m_hostile->requestCount(), 1);
        QVERIFY(net::TransferPolicy::api().deadlineMs > 0 && net::TransferPolicy::api().deadlineMs <= 60000);
    }

    void bigImagesAndBombsAreRefused_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<bool>("original");
        for (bool original : {false, true}) {
            const char *what = original ? "original" : "thumbnail";
            QTest::addRow("%s: 500 MB announced", what) << "announced" << original;
            QTest::addRow("%s: 500 MB, no length", what) << "unannounced" << original;
            QTest::addRow("%s: PNG bomb 40000x40000", what) << "bomb" << original;
        }
    }
    void bigImagesAndBombsAreRefused()
    {
        QFETCH(QString, kind);
        QFETCH(bool, original);
        const qint64 size = 500LL * 1000 * 1000;
        if (kind == QLatin1String("bomb"))
            m_hostile->on(QStringLiteral("/big"),
                          HostileServer::reply(200, HostileServer::pngBomb(40000, 40000), {}, "image/png"));
        else
            m_hostile->on(QStringLiteral("/big"),
                          m_hostile->huge("image/jpeg", size, kind == QLatin1String("announced")));
        const QByteArray url = (m_hostile->url().toString() + QStringLiteral("/big")).toLatin1();
        ProcessMemory::resetPeak();
        const qint64 before = ProcessMemory::residentBytes();
        QElapsedTimer timer;
        timer.start();
        if (original) {
            m_hostile->on(
                path("files/download"),
                HostileServer::reply(
                    200, R"({"batchCode":1,"downloads":[{"fileId":"F1","fileName":"x.jpg","url":")" + url +
                             R"(","code":"0","msg":""}],"code":0})"));
            thumbnails::OriginalLoader loader(m_client.get(), &m_network);
            QSignalSpy failed(&loader, &thumbnails::OriginalLoader::failed);
            QSignalSpy loaded(&loader, &thumbnails::OriginalLoader::loaded);
            loader.load(QStringLiteral("F1"), m_sim->containerId(), {});
            QTRY_VERIFY_WITH_TIMEOUT(failed.count() + loaded.count() > 0, 20000);
            QCOMPARE(loaded.count(), 0);
            const auto error = failed.at(0).at(1).value<ApiError>();
            qInfo("original %s: %s", qPrintable(kind), qPrintable(error.message));
            QVERIFY(!error.message.isEmpty());
        } else {
            thumbnails::ThumbnailScheduler scheduler(&m_network);
            QSignalSpy unavailable(&scheduler, &thumbnails::ThumbnailScheduler::unavailable);
            scheduler.request(this, "big", url, {256, 256},
                              thumbnails::ThumbnailScheduler::Priority::Visible);
            QTRY_VERIFY_WITH_TIMEOUT(unavailable.count() == 1, 20000);
            QCOMPARE(scheduler.state("big"), thumbnails::ThumbnailState::Unavailable);
        }
        const qint64 growth = ProcessMemory::peakResidentBytes() - before;
        qInfo("%s %s: peak memory growth %lld MiB in %lld ms, %lld MB offered",
              original ? "original" : "thumbnail", qPrintable(kind), growth >> 20, timer.elapsed(),
              m_hostile->bytesOffered() / 1000000);
        // An original may take its budget (128 MiB) before it is refused; a thumbnail its 8 MiB.
        QVERIFY2(growth < MemoryBudget + (original ? 128LL << 20 : 0),
                 qPrintable(QString::number(growth >> 20)));
        QVERIFY(m_hostile->bytesOffered() < size); // the transfer was stopped, not read to its end
    }

    // A picture in a format the app cannot read (a phone's HEIC, where no plugin decodes it) is shown as
    // the server's JPEG of it (the detail call's image process, README "Thumbnails"), fitted to the box and
    // with the original's size; a rendition that cannot be read either is the error, after one ask.
    void aPictureTheAppCannotReadIsShownAsTheServersJpeg_data()
    {
        QTest::addColumn<bool>("renditionReadable");
        QTest::newRow("the server's JPEG") << true;
        QTest::newRow("unreadable too") << false;
    }
    void aPictureTheAppCannotReadIsShownAsTheServersJpeg()
    {
        QFETCH(bool, renditionReadable);
        // A real photo of the library, whose original arrives as bytes no reader knows.
        const QString fileId = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(0);
        QVERIFY(!fileId.isEmpty());
        const QByteArray heic = QByteArray("\0\0\0\x18"
                                           "ftypheic\0\0\0\0mif1heic",
                                           24) +
                                QByteArray(4096, 'x');
        m_hostile->on(QStringLiteral("/heic"), HostileServer::reply(200, heic, {}, "image/heic"));
        const QByteArray url = (m_hostile->url().toString() + QStringLiteral("/heic")).toLatin1();
        m_hostile->on(path("files/download"),
                      HostileServer::reply(200, R"({"batchCode":1,"downloads":[{"fileId":")" +
                                                    fileId.toLatin1() + R"(","fileName":"x.heic","url":")" +
                                                    url + R"(","code":"0","msg":""}],"code":0})"));
        if (!renditionReadable)
            m_hostile->on(
                path("files/") + fileId + QStringLiteral("/detail"),
                HostileServer::reply(200, R"({"code":0,"id":")" + fileId.toLatin1() +
                                              R"(","fileName":"x.heic","fileType":15,"thumbnailUrl":")" +
                                              url + R"("})"));
        thumbnails::OriginalLoader loader(m_client.get(), &m_network);
        QSignalSpy failed(&loader, &thumbnails::OriginalLoader::failed);
        QSignalSpy loaded(&loader, &thumbnails::OriginalLoader::loaded);
        loader.load(fileId, m_sim->containerId(), {400, 400});
        QTRY_VERIFY_WITH_TIMEOUT(failed.count() + loaded.count() > 0, 20000);
        QTest::qWait(200); // nothing more comes
        QCOMPARE(failed.count() + loaded.count(), 1);
        int details = 0;
        for (const auto &request : m_hostile->requests())
            if (request.path().endsWith(QStringLiteral("/detail"))) {
                ++details;
                QVERIFY2(request.body.contains("format,jpg"), request.body.constData());
            }
        QCOMPARE(details, 1);
        if (!renditionReadable) {
            QCOMPARE(failed.at(0).at(1).value<ApiError>().message,
                     QStringLiteral("This file is not a picture the app can show."));
            return;
        }
        QCOMPARE(loaded.count(), 1);
        const auto image = loaded.at(0).at(1).value<QImage>();
        const auto full = loaded.at(0).at(2).value<QSize>();
        // The server's dimensions for the original, and the picture fitted to the box in their shape.
        const api::DriveFile file =
            test::wait<api::DriveFile>([&](QObject *c, auto done) {
                return m_client->fileDetail(fileId, m_sim->containerId(), {}, c, done);
            }).value();
        QCOMPARE(full, file.dimensions);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() <= 400 && image.height() <= 400);
        QVERIFY(image.width() == 400 || image.height() == 400);
        QVERIFY(qAbs(double(image.width()) / image.height() - double(full.width()) / full.height()) < 0.02);
    }

    // A video's download link goes to a media player, which fetches it itself: only https, or plain http to
    // this computer, and never a scheme a player would open something else with (a file, a device, a pipe).
    void aVideoIsStreamedOnlyFromHttpsOrLoopback_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("played");
        QTest::newRow("https") << "https://objects.example/obs/F1?X-Amz-Signature=ab" << true;
        QTest::newRow("http on loopback") << "http://127.0.0.1:9/obs/F1" << true;
        QTest::newRow("http elsewhere") << "http://203.0.113.5/obs/F1" << false;
        QTest::newRow("a local file") << "file:///etc/passwd" << false;
        QTest::newRow("rtsp") << "rtsp://127.0.0.1/stream" << false;
        QTest::newRow("a GStreamer fd") << "fd://0" << false;
        QTest::newRow("credentials in the URL") << "https://me:secret@objects.example/obs/F1" << false;
        QTest::newRow("no host") << "https:///obs/F1" << false;
    }
    void aVideoIsStreamedOnlyFromHttpsOrLoopback()
    {
        QFETCH(QString, url);
        QFETCH(bool, played);
        m_hostile->on(path("files/download"), HostileServer::reply(200, downloadAnswer(url)));
        media::PlaybackLink link(m_client.get());
        QSignalSpy ready(&link, &media::PlaybackLink::ready);
        QSignalSpy failed(&link, &media::PlaybackLink::failed);
        link.request(QStringLiteral("V1"), m_sim->containerId());
        QTRY_VERIFY(ready.count() + failed.count() == 1);
        QCOMPARE(ready.count(), played ? 1 : 0);
        if (played) {
            QCOMPARE(ready.at(0).at(0).toUrl(), QUrl(url));
        } else {
            const auto error = failed.at(0).at(0).value<ApiError>();
            QCOMPARE(error.kind, ApiError::Kind::Insecure);
            QVERIFY(!error.message.contains(url)); // the address is not repeated to the person
        }
    }

    // A link the player keeps finding refused is asked for again a few times, never in a loop.
    void aVideoLinkIsRenewedAFewTimesAtMost()
    {
        m_hostile->on(
            path("files/download"),
            HostileServer::reply(200, downloadAnswer(QStringLiteral("https://objects.example/obs/V1"))));
        media::PlaybackLink link(m_client.get());
        QSignalSpy ready(&link, &media::PlaybackLink::ready);
        link.request(QStringLiteral("V1"), m_sim->containerId());
        QTRY_COMPARE(ready.count(), 1);
        for (int renewal = 1; renewal <= media::PlaybackLink::MaxRenewals; ++renewal) {
            // A player reports one failure as several errors: one renewal answers them all.
            QVERIFY(link.renew());
            QVERIFY(link.renew());
            QVERIFY(link.isRenewing());
            QTRY_COMPARE(ready.count(), 1 + renewal);
            QVERIFY(ready.last().at(1).toBool()); // said to be a renewal
            QVERIFY(!link.isRenewing());
        }
        QVERIFY(!link.renew());
        QList<qint64> asked; // when the server received each ask
        for (const HostileServer::Request &request : m_hostile->requests())
            if (request.path() == path("files/download"))
                asked << request.receivedMs;
        QCOMPARE(asked.size(), 1 + media::PlaybackLink::MaxRenewals);
        // The renewals, each a while after the one before however soon it was asked for (the first renewal
        // may follow the first link at once).
        for (qsizetype i = 2; i < asked.size(); ++i)
            QVERIFY2(asked[i] - asked[i - 1] >= media::PlaybackLink::MinRenewalGapMs - 100,
                     qPrintable(QStringLiteral("%1 ms").arg(asked[i] - asked[i - 1])));
    }

    void unauthorizedForeverStopsAfterTheRenewalFails()
    {
        m_hostile->on(path(""), HostileServer::reply(
                                    401, R"({"error":{"code":401,"description":"no","errorDetail":[]}})"));
        m_client->setRefreshToken(QStringLiteral("a refresh token"));
        QSignalSpy ended(m_client.get(), &api::KooDriveClient::sessionExpired);
        const auto first = listAlbums();
        QCOMPARE(first.error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(ended.count(), 1);
        const int atFailure = m_hostile->requestCount();
        QCOMPARE(atFailure, 2); // the call and one renewal
        for (int i = 0; i < 20; ++i) {
            const auto again = listAlbums();
            QCOMPARE(again.error().kind, ApiError::Kind::Unauthorized);
        }
        QCOMPARE(m_hostile->requestCount(), atFailure); // nothing more until the person signs in again
        QCOMPARE(ended.count(), 1);
        // Signing in again (a new connection) lets calls go again.
        m_hostile->clearBehaviours();
        m_client->setConnection({m_hostile->url(), m_sim->userId(), m_sim->server().accessToken(), false});
        QVERIFY(listAlbums().ok());
    }

    void invalidUtf8CostsOnlyThatName()
    {
        // One name carries bytes that are not UTF-8 (0xFF 0xFE).
        const QByteArray page = filesOpening() + "{\"id\":\"1\",\"fileName\":\"good.jpg\",\"fileType\":15}," +
                                "{\"id\":\"2\",\"fileName\":\"bad\xff\xfe.jpg\",\"fileType\":15}," +
                                "{\"id\":\"3\",\"fileName\":\"also good.jpg\",\"fileType\":15}" +
                                filesClosing();
        m_hostile->on(path("files/0"), HostileServer::reply(200, page));
        const auto result = listFiles();
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().details()));
        QCOMPARE(result.value().files.size(), 3);
        QCOMPARE(result.value().files.at(0).name, QStringLiteral("good.jpg"));
        QVERIFY(result.value().files.at(1).name.contains(QChar::ReplacementCharacter));
        QCOMPARE(result.value().files.at(2).name, QStringLiteral("also good.jpg"));
    }
};

QTEST_MAIN(TestHostileServer)
#include "tst_HostileServer.moc"
