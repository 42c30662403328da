#include "FileCursor.h"

#include <QTest>

using koodrive::sim::FileCursor;

class TestFileCursor : public QObject
{
    Q_OBJECT

private slots:
    void roundTripsEveryField_data()
    {
        QTest::addColumn<QVariant>("key");
        QTest::newRow("name") << QVariant(QStringLiteral("IMG_2024 ü, \"quoted\".jpg"));
        QTest::newRow("size") << QVariant(qint64(4'123'456'789));
        QTest::newRow("zero") << QVariant(qint64(0));
    }
    void roundTripsEveryField()
    {
        QFETCH(QVariant, key);
        const FileCursor cursor{QStringLiteral("Ffolder"), 4, true, 1, key, QStringLiteral("Fid_-1")};
        const QString text = cursor.encode();
        // Opaque to the client: URL-safe, no padding, no visible structure.
        QVERIFY(!text.contains(QLatin1Char('=')) && !text.contains(QLatin1Char('/')) &&
                !text.contains(QLatin1Char('+')));
        const auto decoded = FileCursor::decode(text);
        QVERIFY(decoded);
        QCOMPARE(decoded->listing, cursor.listing);
        QCOMPARE(decoded->sortType, 4);
        QCOMPARE(decoded->descending, true);
        QCOMPARE(decoded->phase, 1);
        QCOMPARE(decoded->key.toString(), key.toString());
        QCOMPARE(decoded->id, cursor.id);
    }

    void refusesWhatIsNotACursor_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("not base64") << QStringLiteral("%%%");
        QTest::newRow("not json") << QString::fromLatin1(QByteArray("hello").toBase64());
        QTest::newRow("wrong shape") << QString::fromLatin1(QByteArray("[1,2,3]").toBase64());
        QTest::newRow("bad phase") << QString::fromLatin1(QByteArray(R"([1,"f",1,1,7,"k","id"])").toBase64());
        QTest::newRow("vendor cursor")
            << QStringLiteral("0|[9-1-0,11-0-1][JzIwMjMtMTItMTNUMDM6MzA6NTkuNTU4Wic=]");
    }
    void refusesWhatIsNotACursor()
    {
        QFETCH(QString, text);
        QVERIFY(!FileCursor::decode(text));
    }
};

QTEST_GUILESS_MAIN(TestFileCursor)
#include "tst_FileCursor.moc"
