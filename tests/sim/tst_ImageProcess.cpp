#include "ImageProcess.h"

#include <QTest>

using koodrive::sim::ImageProcess;

class TestImageProcess : public QObject
{
    Q_OBJECT

private slots:
    void placesEachResizeMode_data()
    {
        QTest::addColumn<QString>("process");
        QTest::addColumn<QSize>("original");
        QTest::addColumn<QSize>("canvas");
        QTest::addColumn<QRectF>("picture");
        const QSize photo(4000, 3000);
        QTest::newRow("lfit (the pages' covers)")
            << "image/resize,m_lfit,h_128,w_128" << photo << QSize(128, 96) << QRectF(0, 0, 128, 96);
        QTest::newRow("lfit portrait") << "image/resize,m_lfit,h_128,w_128" << QSize(3000, 4000)
                                       << QSize(96, 128) << QRectF(0, 0, 96, 128);
        QTest::newRow("lfit width only")
            << "image/resize,w_400" << photo << QSize(400, 300) << QRectF(0, 0, 400, 300);
        QTest::newRow("mfit covers") << "image/resize,m_mfit,h_200,w_200" << photo << QSize(267, 200)
                                     << QRectF(0, 0, 267, 200);
        QTest::newRow("fill crops to the box") << "image/resize,m_fill,h_200,w_200" << photo
                                               << QSize(200, 200) << QRectF(-100.0 / 3, 0, 800.0 / 3, 200);
        QTest::newRow("pad fits in the box")
            << "image/resize,m_pad,h_200,w_200" << photo << QSize(200, 200) << QRectF(0, 25, 200, 150);
        QTest::newRow("fixed stretches")
            << "image/resize,m_fixed,h_100,w_300" << photo << QSize(300, 100) << QRectF(0, 0, 300, 100);
        QTest::newRow("no upscaling") << "image/resize,m_lfit,h_9000,w_9000" << QSize(1080, 2400)
                                      << QSize(1080, 2400) << QRectF(0, 0, 1080, 2400);
        QTest::newRow("limit_0 upscales") << "image/resize,m_lfit,h_4800,w_4800,limit_0" << QSize(1080, 2400)
                                          << QSize(2160, 4800) << QRectF(0, 0, 2160, 4800);
    }
    void placesEachResizeMode()
    {
        QFETCH(QString, process);
        QFETCH(QSize, original);
        QFETCH(QSize, canvas);
        QFETCH(QRectF, picture);
        const auto parsed = ImageProcess::parse(process);
        QVERIFY(parsed);
        const ImageProcess::Placement placement = parsed->place(original);
        QCOMPARE(placement.canvas, canvas);
        QVERIFY2(qAbs(placement.picture.left() - picture.left()) < 0.01 &&
                     qAbs(placement.picture.top() - picture.top()) < 0.01 &&
                     qAbs(placement.picture.width() - picture.width()) < 1 &&
                     qAbs(placement.picture.height() - picture.height()) < 1,
                 qPrintable(QStringLiteral("picture at %1,%2 %3x%4")
                                .arg(placement.picture.left())
                                .arg(placement.picture.top())
                                .arg(placement.picture.width())
                                .arg(placement.picture.height())));
    }

    void readsQualityFormatAndCanonicalForm()
    {
        const auto parsed =
            ImageProcess::parse(QStringLiteral("image/resize,w_128,h_128,m_lfit/quality,q_70/format,webp"));
        QVERIFY(parsed);
        QCOMPARE(parsed->quality(), 70);
        QCOMPARE(parsed->format(), QByteArray("webp"));
        QCOMPARE(parsed->canonical(),
                 QStringLiteral("image/resize,m_lfit,h_128,w_128/quality,q_70/format,webp"));
    }

    void refusesMalformedChains_data()
    {
        QTest::addColumn<QString>("process");
        QTest::newRow("no image/") << "resize,w_10";
        QTest::newRow("unknown mode") << "image/resize,m_zoom,w_10";
        QTest::newRow("width 0") << "image/resize,w_0";
        QTest::newRow("width 10000") << "image/resize,w_10000";
        QTest::newRow("no size") << "image/resize,m_lfit";
        QTest::newRow("quality 101") << "image/quality,q_101";
        QTest::newRow("format gif") << "image/format,gif";
        QTest::newRow("unknown op") << "image/blur,r_3";
        QTest::newRow("letters") << "image/resize,w_abc";
    }
    void refusesMalformedChains()
    {
        QFETCH(QString, process);
        QString error;
        QVERIFY(!ImageProcess::parse(process, &error));
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestImageProcess)
#include "tst_ImageProcess.moc"
