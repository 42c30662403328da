// The thumbnail loader against a recording server: one transfer per picture, newest first, cancel, expired
// URLs, broken pictures, the memory bound and the disk cache across a restart.
#include "RecordingServer.h"
#include "TestPhotos.h"
#include "thumbnails/OriginalLoader.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "thumbnails/ThumbnailScheduler.h"

#include <QBuffer>
#include <QImageWriter>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using koodrive::test::RecordingServer;
using namespace koodrive::thumbnails;
using Priority = ThumbnailScheduler::Priority;

namespace {
QByteArray jpeg(QSize size, QImageIOHandler::Transformations turn = QImageIOHandler::TransformationNone)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(QColor(40, 120, 200));
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpg");
    writer.setTransformation(turn);
    writer.write(image);
    return bytes;
}
RecordingServer::Reply picture(QSize size = {96, 64})
{
    return {200, jpeg(size), {{"Content-Type", "image/jpeg"}, {"Cache-Control", "private, max-age=86400"}}};
}
} // namespace

class TestThumbnailScheduler : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RecordingServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ThumbnailScheduler> m_scheduler;
    QObject m_owner;
    QObject m_otherOwner;

    QByteArray url(const QString &path, const QByteArray &signature = "1") const
    {
        return m_server->url().toEncoded() + path.toLatin1() +
               "?x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128&X-Amz-Date=20261123T000000Z"
               "&X-Amz-Expires=3600&X-Amz-Signature=" +
               signature;
    }
    void ask(const QString &path, Priority priority = Priority::Visible, QObject *owner = nullptr)
    {
        m_scheduler->request(owner ? owner : &m_owner, path.toLatin1(), url(path), {128, 128}, priority);
    }
    bool settle() // until nothing is queued, moving or decoding
    {
        return QTest::qWaitFor([this] { return m_scheduler->pendingJobs() == 0; }, 10000);
    }
    QByteArrayList servedPaths() const
    {
        QByteArrayList paths;
        for (const auto &request : m_server->requests())
            paths << request.path().toLatin1();
        return paths;
    }

private slots:
    void init()
    {
        m_server = std::make_unique<RecordingServer>();
        m_server->setDefaultReply(picture());
        m_network = std::make_unique<QNetworkAccessManager>();
        m_scheduler = std::make_unique<ThumbnailScheduler>(m_network.get());
    }
    void cleanup()
    {
        m_scheduler.reset();
        m_network.reset();
        m_server.reset();
    }

    void identicalRequestsShareOneTransfer()
    {
        QSignalSpy ready(m_scheduler.get(), &ThumbnailScheduler::ready);
        ask(QStringLiteral("/obs/a"));
        ask(QStringLiteral("/obs/a"), Priority::Prefetch, &m_otherOwner);
        QVERIFY(settle());
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/a")), 1);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(m_scheduler->image("/obs/a").size(), QSize(96, 64));
        QCOMPARE(m_scheduler->state("/obs/a"), ThumbnailState::Ready);
        ask(QStringLiteral("/obs/a")); // in memory: nothing goes out
        QVERIFY(settle());
        QTest::qWait(20);
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/a")), 1);
    }

    void theNewestRequestIsServedFirstAndTheScreenBeforePrefetch()
    {
        m_scheduler->setMaxConcurrent(1);
        ask(QStringLiteral("/obs/p1"), Priority::Prefetch);
        for (int i = 1; i <= 4; ++i)
            ask(QStringLiteral("/obs/v%1").arg(i));
        ask(QStringLiteral("/obs/p2"), Priority::Prefetch);
        QVERIFY(settle());
        QCOMPARE(servedPaths(),
                 (QByteArrayList{"/obs/v4", "/obs/v3", "/obs/v2", "/obs/v1", "/obs/p2", "/obs/p1"}));
    }

    void whatScrolledAwayIsNeverFetched()
    {
        m_scheduler->setMaxConcurrent(1);
        for (int i = 0; i < 5; ++i)
            ask(QStringLiteral("/obs/s%1").arg(i));
        ask(QStringLiteral("/obs/kept"), Priority::Visible, &m_otherOwner);
        m_scheduler->retainOnly(&m_owner, {"/obs/s0"});
        QVERIFY(settle());
        QCOMPARE(servedPaths(), (QByteArrayList{"/obs/kept", "/obs/s0"}));
        QCOMPARE(m_scheduler->stats().dropped, 4);
        QCOMPARE(m_scheduler->state("/obs/s3"), ThumbnailState::None);
    }

    void anExpiredUrlIsReportedOnceThenTheTileIsUnavailable()
    {
        m_server->setReplyFor(QStringLiteral("/obs/old"), {403, "expired", {}});
        QSignalSpy expired(m_scheduler.get(), &ThumbnailScheduler::expired);
        QSignalSpy unavailable(m_scheduler.get(), &ThumbnailScheduler::unavailable);
        ask(QStringLiteral("/obs/old"));
        QVERIFY(settle());
        QCOMPARE(expired.count(), 1);
        QCOMPARE(unavailable.count(), 0);
        ask(QStringLiteral("/obs/old")); // the owner asks again with a fresh URL: refused again
        QVERIFY(settle());
        QCOMPARE(expired.count(), 1);
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(m_scheduler->state("/obs/old"), ThumbnailState::Unavailable);
        ask(QStringLiteral("/obs/old")); // and no loop
        QVERIFY(settle());
        QTest::qWait(20);
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/old")), 2);
    }

    void aBrokenPictureIsUnavailableAndNotAskedForAgain()
    {
        m_server->setReplyFor(QStringLiteral("/obs/broken"),
                              {200, "this is not a picture", {{"Content-Type", "image/jpeg"}}});
        QSignalSpy unavailable(m_scheduler.get(), &ThumbnailScheduler::unavailable);
        ask(QStringLiteral("/obs/broken"));
        QVERIFY(settle());
        QCOMPARE(unavailable.count(), 1);
        QCOMPARE(m_scheduler->state("/obs/broken"), ThumbnailState::Unavailable);
        for (int i = 0; i < 3; ++i)
            ask(QStringLiteral("/obs/broken"));
        QVERIFY(settle());
        QTest::qWait(20);
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/broken")), 1);
    }

    void aServerErrorIsHeldForAWhileThenMayBeRetried()
    {
        m_scheduler->setRetryAfterFailureMs(300);
        m_server->setReplyFor(QStringLiteral("/obs/busy"), {503, "busy", {}});
        ask(QStringLiteral("/obs/busy"));
        QVERIFY(settle());
        QCOMPARE(m_scheduler->state("/obs/busy"), ThumbnailState::Unavailable);
        ask(QStringLiteral("/obs/busy"));
        QVERIFY(settle());
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/busy")), 1);
        QTest::qWait(350);
        m_server->setReplyFor(QStringLiteral("/obs/busy"), picture());
        ask(QStringLiteral("/obs/busy"));
        QVERIFY(settle());
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/busy")), 2);
        QCOMPARE(m_scheduler->state("/obs/busy"), ThumbnailState::Ready);
    }

    void memoryStaysUnderTheBound()
    {
        const qint64 oneImage = QImage(96, 64, QImage::Format_RGB32).sizeInBytes();
        m_scheduler->setMemoryLimitBytes(3 * oneImage);
        for (int i = 0; i < 12; ++i) {
            ask(QStringLiteral("/obs/m%1").arg(i));
            QVERIFY(settle());
            QVERIFY(m_scheduler->memoryUsedBytes() <= 3 * oneImage);
        }
        QCOMPARE(m_scheduler->memoryUsedBytes(), 3 * oneImage);
        QVERIFY(!m_scheduler->image("/obs/m11").isNull()); // the newest stays
        QVERIFY(m_scheduler->image("/obs/m0").isNull());
    }

    void theDiskCacheAnswersAfterARestartWhateverTheSignature()
    {
        QTemporaryDir cacheDir;
        m_network->setCache(new ThumbnailDiskCache(cacheDir.path()));
        ask(QStringLiteral("/obs/d1"));
        QVERIFY(settle());
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/d1")), 1);

        // A new start: new network, new loader, same cache directory, and a URL signed anew.
        m_scheduler.reset();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setCache(new ThumbnailDiskCache(cacheDir.path()));
        m_scheduler = std::make_unique<ThumbnailScheduler>(m_network.get());
        m_scheduler->request(&m_owner, "/obs/d1", url(QStringLiteral("/obs/d1"), "2"), {128, 128},
                             Priority::Visible);
        QVERIFY(settle());
        QCOMPARE(m_scheduler->state("/obs/d1"), ThumbnailState::Ready);
        QCOMPARE(m_scheduler->stats().fromDiskCache, 1);
        QCOMPARE(m_server->requestsFor(QStringLiteral("/obs/d1")), 1);
    }

    void aCachedOnlyRequestReadsTheDiskAndNeverTheNetwork()
    {
        QTemporaryDir cacheDir;
        m_network->setCache(new ThumbnailDiskCache(cacheDir.path()));
        ask(QStringLiteral("/obs/c1"));
        QVERIFY(settle());
        QCOMPARE(m_server->requests().size(), 1);

        // A new start with the server unknown: the stored path and process find the picture on disk.
        m_scheduler.reset();
        m_network = std::make_unique<QNetworkAccessManager>();
        m_network->setCache(new ThumbnailDiskCache(cacheDir.path()));
        m_scheduler = std::make_unique<ThumbnailScheduler>(m_network.get());
        QSignalSpy notCached(m_scheduler.get(), &ThumbnailScheduler::notCached);
        const QByteArray process = "?x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128";
        m_scheduler->requestCached(&m_owner, "c1", "https://thumbnails.invalid/obs/c1" + process, {128, 128},
                                   Priority::Visible);
        m_scheduler->requestCached(&m_owner, "c2", "https://thumbnails.invalid/obs/c2" + process, {128, 128},
                                   Priority::Visible);
        QVERIFY(settle());
        QCOMPARE(m_scheduler->state("c1"), ThumbnailState::Ready);
        QCOMPARE(m_scheduler->image("c1").size(), QSize(96, 64));
        // Not on disk: said, and free to be asked for from the network (not held as unavailable).
        QCOMPARE(notCached.size(), 1);
        QCOMPARE(notCached.first().first().toByteArray(), QByteArray("c2"));
        QCOMPARE(m_scheduler->state("c2"), ThumbnailState::None);
        QCOMPARE(m_scheduler->stats().started, 0);
        QCOMPARE(m_server->requests().size(), 1); // nothing went to the network
        m_scheduler->request(&m_owner, "c2", url(QStringLiteral("/obs/c2")), {128, 128}, Priority::Visible);
        QVERIFY(settle());
        QCOMPARE(m_scheduler->state("c2"), ThumbnailState::Ready);
    }

    void cacheUrlsIgnoreSignatureAndHostButNotTheSize()
    {
        const QUrl a(QStringLiteral("http://127.0.0.1:1111/obs/F1?x-image-process=image%2Fresize%2Cw_128"
                                    "&X-Amz-Date=20261123T000000Z&X-Amz-Signature=aa"));
        const QUrl b(QStringLiteral("http://127.0.0.1:2222/obs/F1?x-image-process=image%2Fresize%2Cw_128"
                                    "&X-Amz-Date=20261124T000000Z&X-Amz-Signature=bb"));
        const QUrl c(QStringLiteral("http://127.0.0.1:1111/obs/F1?x-image-process=image%2Fresize%2Cw_256"
                                    "&X-Amz-Signature=aa"));
        QCOMPARE(ThumbnailDiskCache::cacheUrl(a), ThumbnailDiskCache::cacheUrl(b));
        QVERIFY(ThumbnailDiskCache::cacheUrl(a) != ThumbnailDiskCache::cacheUrl(c));
        QVERIFY(!ThumbnailDiskCache::cacheUrl(a).toString().contains(QLatin1String("Signature")));
    }

    void decodingFitsTheBoxAndFollowsTheExifOrientation()
    {
        const QImage plain = ThumbnailScheduler::decode(jpeg({400, 200}), {100, 100});
        QCOMPARE(plain.size(), QSize(100, 50));
        // Stored 400x200 and marked "turn 90°": shown 200x400, fitted into the box as 50x100.
        const QImage turned =
            ThumbnailScheduler::decode(jpeg({400, 200}, QImageIOHandler::TransformationRotate90), {100, 100});
        QCOMPARE(turned.size(), QSize(50, 100));
        QCOMPARE(ThumbnailScheduler::decode(jpeg({60, 40}), {100, 100}).size(),
                 QSize(60, 40)); // never enlarged
        QVERIFY(ThumbnailScheduler::decode("garbage", {100, 100}).isNull());
    }

    // What phones and screenshots make, as the viewer decodes an original (OriginalLoader: the same decode,
    // and its full size from the header): PNG, GIF (its first frame), WebP (qt6-image-formats-plugins, a
    // dependency of the .deb and of setup-debian.sh: missing, this fails) and a JPEG turned by its EXIF.
    void theViewersFormatsDecodeUpright_data()
    {
        QTest::addColumn<QByteArray>("format");
        QTest::addColumn<bool>("turned");
        QTest::newRow("png") << QByteArray("png") << false;
        QTest::newRow("gif") << QByteArray("gif") << false;
        QTest::newRow("webp") << QByteArray("webp") << false;
        QTest::newRow("jpeg, EXIF turn 90°") << QByteArray("jpeg") << true;
    }
    void theViewersFormatsDecodeUpright()
    {
        QFETCH(QByteArray, format);
        QFETCH(bool, turned);
        // 300x200, its left third red: upright, the red is at the left (or, turned 90° clockwise, at the
        // top).
        QImage picture(300, 200, QImage::Format_RGB32);
        picture.fill(Qt::white);
        for (int y = 0; y < 200; ++y)
            for (int x = 0; x < 100; ++x)
                picture.setPixel(x, y, qRgb(220, 0, 0));
        QByteArray bytes;
        if (format == "gif") {
            bytes = koodrive::test::gif({picture});
        } else {
            QVERIFY2(QImageWriter::supportedImageFormats().contains(format), format.constData());
            QBuffer buffer(&bytes);
            buffer.open(QIODevice::WriteOnly);
            QImageWriter writer(&buffer, format);
            if (turned)
                writer.setTransformation(QImageIOHandler::TransformationRotate90);
            writer.setQuality(95);
            QVERIFY2(writer.write(picture), qPrintable(writer.errorString()));
        }
        const QSize shown = turned ? QSize(200, 300) : QSize(300, 200);
        QCOMPARE(koodrive::thumbnails::OriginalLoader::fullSizeOf(bytes), shown);
        const QImage decoded = ThumbnailScheduler::decode(bytes, {1000, 1000}, 256);
        QCOMPARE(decoded.size(), shown);
        const QPoint red = turned ? QPoint(100, 30) : QPoint(30, 100);
        const QPoint white = turned ? QPoint(100, 270) : QPoint(270, 100);
        QVERIFY(qRed(decoded.pixel(red)) > 180 && qGreen(decoded.pixel(red)) < 60);
        QVERIFY(qGreen(decoded.pixel(white)) > 200);
    }

    void boxesAreRoundedUpToSteps()
    {
        QCOMPARE(ThumbnailScheduler::boxFor(100), 128);
        QCOMPARE(ThumbnailScheduler::boxFor(128), 128);
        QCOMPARE(ThumbnailScheduler::boxFor(129), 192);
        QCOMPARE(ThumbnailScheduler::boxFor(5000), 1024);
        QCOMPARE(ThumbnailScheduler::imageProcess(256), QStringLiteral("image/resize,m_lfit,h_256,w_256"));
    }
};

QTEST_MAIN(TestThumbnailScheduler)
#include "tst_ThumbnailScheduler.moc"
