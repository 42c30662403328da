// Signed object URLs: originals and x-image-process thumbnails, expiry, tampering, ETag and 304.
#include "FileStore.h"
#include "SimClock.h"
#include "SimFixture.h"
#include "UrlSigner.h"

#include <QImage>
#include <QSqlQuery>
#include <QTest>

using koodrive::test::SimFixture;

class TestMediaRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    koodrive::sim::FileRow m_photo;      // 4000 x 3000 or thereabouts
    koodrive::sim::FileRow m_screenshot; // a PNG
    koodrive::sim::FileRow m_video;

    QUrl url(const koodrive::sim::FileRow &file, const QString &process, qint64 signedAt = 0,
             qint64 lifetime = 3600)
    {
        return QUrl(QString::fromLatin1(m_sim->server().signer().sign(
            m_sim->server().objectStorageUrl().toString().toLatin1(), file.id, process, file.name,
            signedAt ? signedAt : m_sim->server().clock().nowSecs(), lifetime)));
    }
    koodrive::sim::FileRow firstIn(const QString &folder, int type)
    {
        return *m_sim->server().files().file(m_sim->childIds(m_sim->folderNamed(folder), type).value(0));
    }
    static QRgb meanColour(const QImage &image)
    {
        const QImage tiny = image.scaled(8, 8, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        qint64 r = 0, g = 0, b = 0;
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) {
                r += qRed(tiny.pixel(x, y));
                g += qGreen(tiny.pixel(x, y));
                b += qBlue(tiny.pixel(x, y));
            }
        return qRgb(int(r / 64), int(g / 64), int(b / 64));
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(300);
        QSqlQuery landscape = m_sim->server().store().exec(QStringLiteral(
            "SELECT id FROM files WHERE file_type = 15 AND width = 4000 AND height = 3000 LIMIT 1"));
        QVERIFY(landscape.next());
        m_photo = *m_sim->server().files().file(landscape.value(0).toString());
        m_screenshot = firstIn(QStringLiteral("Screenshots"), 15);
        m_video = firstIn(QStringLiteral("Videos"), 20);
        QCOMPARE(QSize(m_photo.width, m_photo.height), QSize(4000, 3000));
    }

    void thumbnailsHaveTheAskedGeometry_data()
    {
        QTest::addColumn<QString>("process");
        QTest::addColumn<QSize>("expected"); // of the 4000 x 3000 original
        QTest::newRow("lfit 128") << "image/resize,m_lfit,h_128,w_128" << QSize(128, 96);
        QTest::newRow("mfit 128") << "image/resize,m_mfit,h_128,w_128" << QSize(171, 128);
        QTest::newRow("fill 200") << "image/resize,m_fill,h_200,w_200" << QSize(200, 200);
        QTest::newRow("pad 300x100") << "image/resize,m_pad,h_100,w_300" << QSize(300, 100);
        QTest::newRow("fixed 50x70") << "image/resize,m_fixed,h_70,w_50" << QSize(50, 70);
    }
    void thumbnailsHaveTheAskedGeometry()
    {
        QFETCH(QString, process);
        QFETCH(QSize, expected);
        const auto response = m_sim->fetch(url(m_photo, process));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(QImage::fromData(response.body).size(), expected);
    }

    void aThumbnailIsThePictureScaled()
    {
        const QImage small = QImage::fromData(
            m_sim->fetch(url(m_photo, QStringLiteral("image/resize,m_lfit,h_64,w_64"))).body);
        const QImage large = QImage::fromData(
            m_sim->fetch(url(m_photo, QStringLiteral("image/resize,m_lfit,h_512,w_512"))).body);
        const QRgb a = meanColour(small);
        const QRgb b = meanColour(large);
        QVERIFY2(qAbs(qRed(a) - qRed(b)) + qAbs(qGreen(a) - qGreen(b)) + qAbs(qBlue(a) - qBlue(b)) < 30,
                 qPrintable(QStringLiteral("%1 vs %2").arg(a, 0, 16).arg(b, 0, 16)));
        // ...and different photos look different.
        const koodrive::sim::FileRow other = *m_sim->server().files().file(
            m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(1));
        QVERIFY(QImage::fromData(
                    m_sim->fetch(url(other, QStringLiteral("image/resize,m_lfit,h_64,w_64"))).body) != small);
    }

    void formatAndQualityAreHonoured()
    {
        const QString size = QStringLiteral("image/resize,m_lfit,h_256,w_256");
        const auto png = m_sim->fetch(url(m_photo, size + QStringLiteral("/format,png")));
        QCOMPARE(png.header("Content-Type"), QByteArray("image/png"));
        QVERIFY(png.body.startsWith("\x89PNG"));
        const auto webp = m_sim->fetch(url(m_photo, size + QStringLiteral("/format,webp")));
        QCOMPARE(webp.header("Content-Type"), QByteArray("image/webp"));
        QCOMPARE(QImage::fromData(webp.body).width(), 256);
        const auto low = m_sim->fetch(url(m_photo, size + QStringLiteral("/quality,q_5")));
        const auto high = m_sim->fetch(url(m_photo, size + QStringLiteral("/quality,q_95")));
        QVERIFY(low.body.size() * 2 < high.body.size());
        // A screenshot keeps its PNG unless asked otherwise.
        QCOMPARE(m_sim->fetch(url(m_screenshot, size)).header("Content-Type"), QByteArray("image/png"));
    }

    void anExpiredUrlIsRefused()
    {
        const qint64 twoHoursAgo = m_sim->server().clock().nowSecs() - 7200;
        const auto expired =
            m_sim->fetch(url(m_photo, QStringLiteral("image/resize,w_64"), twoHoursAgo, 3600));
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.errorParam(), QStringLiteral("X-Amz-Expires"));
        QVERIFY(expired.errorDescription().contains(QLatin1String("expired")));
        QCOMPARE(
            m_sim->fetch(url(m_photo, QStringLiteral("image/resize,w_64"), twoHoursAgo, 3 * 3600)).status,
            200);
    }

    void aTamperedUrlIsRefused_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::newRow("bigger size") << "w_64"
                                     << "w_4000";
        QTest::newRow("longer life") << "X-Amz-Expires=3600"
                                     << "X-Amz-Expires=86400";
        QTest::newRow("no signature") << "X-Amz-Signature="
                                      << "X-Amz-Nothing=";
    }
    void aTamperedUrlIsRefused()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QString text = url(m_photo, QStringLiteral("image/resize,w_64")).toString(QUrl::FullyEncoded);
        QVERIFY(text.contains(from));
        text.replace(from, to);
        const auto response = m_sim->fetch(QUrl(text));
        QCOMPARE(response.status, 403);
        QCOMPARE(
            response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
            403);
        // Another file's signature does not open this one.
        QString swapped = url(m_photo, QString()).toString(QUrl::FullyEncoded);
        swapped.replace(m_photo.id, m_video.id);
        QCOMPARE(m_sim->fetch(QUrl(swapped)).status, 403);
    }

    void revalidationAnswers304()
    {
        const QUrl thumbnail = url(m_photo, QStringLiteral("image/resize,m_lfit,h_128,w_128"));
        const auto first = m_sim->fetch(thumbnail);
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(etag.startsWith('"') && etag.endsWith('"'));
        QVERIFY(first.header("Cache-Control").contains("max-age="));
        const auto again = m_sim->fetch(thumbnail, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        // A re-signed URL of the same picture has the same ETag; another size has another.
        QCOMPARE(m_sim
                     ->fetch(url(m_photo, QStringLiteral("image/resize,m_lfit,h_128,w_128"),
                                 m_sim->server().clock().nowSecs() - 10),
                             {{"If-None-Match", etag}})
                     .status,
                 304);
        const auto other = m_sim->fetch(url(m_photo, QStringLiteral("image/resize,m_lfit,h_64,w_64")),
                                        {{"If-None-Match", etag}});
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("ETag") != etag);
    }

    void originalsAreFullSize()
    {
        const auto original = m_sim->fetch(url(m_photo, QString()));
        QCOMPARE(original.status, 200);
        QCOMPARE(original.header("Content-Type"), QByteArray("image/jpeg"));
        QCOMPARE(QImage::fromData(original.body).size(), QSize(m_photo.width, m_photo.height));
        const auto video = m_sim->fetch(url(m_video, QString()));
        QCOMPARE(video.status, 200);
        QCOMPARE(video.header("Content-Type"), QByteArray("video/mp4"));
        QCOMPARE(qint64(video.body.size()), qMin<qint64>(m_video.size, 8 * 1024 * 1024));
        // A video's thumbnail is a picture.
        const auto poster = m_sim->fetch(url(m_video, QStringLiteral("image/resize,m_lfit,h_128,w_128")));
        QCOMPARE(QImage::fromData(poster.body).width(), 128);
    }

    void originalsAreServedInRanges()
    {
        // What a resumed Save to… asks for: the rest of the file from a byte, for the same version only.
        const QUrl original = url(m_video, QString());
        const auto whole = m_sim->fetch(original);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.header("Accept-Ranges"), QByteArray("bytes"));
        const qint64 size = whole.body.size();
        const QByteArray etag = whole.header("ETag");
        const auto rest = m_sim->fetch(original, {{"Range", "bytes=1000-"}, {"If-Range", etag}});
        QCOMPARE(rest.status, 206);
        QCOMPARE(rest.header("Content-Range"), "bytes 1000-" + QByteArray::number(size - 1) + '/' +
                                                   QByteArray::number(size));
        QCOMPARE(rest.body, whole.body.mid(1000));
        const auto middle = m_sim->fetch(original, {{"Range", "bytes=10-19"}});
        QCOMPARE(middle.status, 206);
        QCOMPARE(middle.body, whole.body.mid(10, 10));
        // Another version (If-Range does not match): the whole file, from the start.
        const auto changed = m_sim->fetch(original, {{"Range", "bytes=1000-"}, {"If-Range", "\"other\""}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body.size(), size);
        // Past the end: 416 with the size.
        const auto past = m_sim->fetch(original, {{"Range", "bytes=" + QByteArray::number(size) + '-'}});
        QCOMPARE(past.status, 416);
        QCOMPARE(past.header("Content-Range"), "bytes */" + QByteArray::number(size));
        // A form it does not take (several ranges): the whole file, as RFC 9110 allows.
        QCOMPARE(m_sim->fetch(original, {{"Range", "bytes=0-1,5-6"}}).status, 200);
    }

    void aSignedUrlOfAFileThatIsGoneIsNotFound()
    {
        koodrive::sim::FileRow ghost = m_photo;
        ghost.id = QStringLiteral("Fgone");
        const auto response = m_sim->fetch(url(ghost, QString()));
        QCOMPARE(response.status, 404);
        QVERIFY(response.json.contains(QStringLiteral("error")));
    }
};

QTEST_GUILESS_MAIN(TestMediaRoutes)
#include "tst_MediaRoutes.moc"
