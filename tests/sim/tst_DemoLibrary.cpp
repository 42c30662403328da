// The demo library: deterministic, shaped like a real phone-and-camera drive, albums of every kind.
#include "DemoLibrary.h"
#include "SimStore.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive::sim;

class TestDemoLibrary : public QObject
{
    Q_OBJECT

private:
    static QStringList column(SimStore &store, const QString &sql)
    {
        QSqlQuery q = store.exec(sql);
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }

private slots:
    void sameSeedSameLibrary()
    {
        QTemporaryDir a, b, c;
        SimStore first(a.filePath(QStringLiteral("a.sqlite"))),
            second(b.filePath(QStringLiteral("b.sqlite"))), third(c.filePath(QStringLiteral("c.sqlite")));
        QVERIFY(first.open(nullptr) && second.open(nullptr) && third.open(nullptr));
        DemoLibrary(800, 7).seed(first);
        DemoLibrary(800, 7).seed(second);
        DemoLibrary(800, 8).seed(third);
        const QString sql = QStringLiteral("SELECT id || name || size || taken_ms FROM files ORDER BY id");
        QCOMPARE(column(first, sql), column(second, sql));
        QVERIFY(column(first, sql) != column(third, sql));
    }

    void looksLikeAPhonesDrive()
    {
        QTemporaryDir dir;
        SimStore store(dir.filePath(QStringLiteral("d.sqlite")));
        QVERIFY(store.open(nullptr));
        const DemoLibrary::Summary summary = DemoLibrary(2000, 20251101).seed(store);
        QCOMPARE(summary.files, 2000);
        const QString root =
            column(store, QStringLiteral("SELECT root_id FROM users WHERE account = 'demo@koodrive.local'"))
                .value(0);
        QStringList top = column(
            store, QStringLiteral("SELECT name FROM files WHERE parent_id = '%1' ORDER BY name").arg(root));
        QCOMPARE(top, (QStringList{QStringLiteral("Camera"), QStringLiteral("Documents"),
                                   QStringLiteral("Pictures"), QStringLiteral("Screenshots"),
                                   QStringLiteral("Trips"), QStringLiteral("Videos")}));
        // The camera folder holds the bulk, named as phones name them.
        const QStringList camera =
            column(store, QStringLiteral("SELECT f.name FROM files f JOIN files c ON f.parent_id = c.id "
                                         "WHERE c.name = 'Camera'"));
        QVERIFY(camera.size() >= 800);
        static const QRegularExpression phoneName(
            QStringLiteral(R"(^(IMG|VID)_\d{8}_\d{6}(_\d+)?\.(jpg|mp4)$)"));
        for (const QString &name : camera)
            QVERIFY2(phoneName.match(name).hasMatch(), qPrintable(name));
        // Years and months under Pictures, trips, a recycle bin, videos and documents.
        QVERIFY(column(store, QStringLiteral(
                                  "SELECT name FROM files WHERE name GLOB '20[0-9][0-9]' AND is_folder = 1"))
                    .size() >= 4);
        QVERIFY(column(store, QStringLiteral("SELECT id FROM files WHERE recycled = 1")).size() >= 20);
        QVERIFY(column(store, QStringLiteral("SELECT id FROM files WHERE file_type = 20")).size() >= 50);
        QVERIFY(
            column(store, QStringLiteral("SELECT id FROM files WHERE file_type IN (26, 27, 28, 30, 35, 45)"))
                .size() >= 10);
        QVERIFY(column(store, QStringLiteral("SELECT id FROM files WHERE width >= 4000 AND file_type = 15"))
                    .size() >= 1000);
        // Albums of every kind and type.
        for (const char *kindType : {"1,1", "1,2", "2,1", "2,2"})
            QVERIFY2(!column(store, QStringLiteral("SELECT id FROM albums WHERE kind || ',' || type = '%1'")
                                        .arg(QLatin1String(kindType)))
                          .isEmpty(),
                     kindType);
        QVERIFY(column(store, QStringLiteral("SELECT COUNT(*) FROM album_items")).value(0).toInt() > 50);
    }

    void anEmptyLibraryStillHasItsUsers()
    {
        QTemporaryDir dir;
        SimStore store(dir.filePath(QStringLiteral("e.sqlite")));
        QVERIFY(store.open(nullptr));
        const DemoLibrary::Summary summary = DemoLibrary(0, 1).seed(store);
        QCOMPARE(summary.files, 0);
        QVERIFY(store.userByAccount(QString::fromLatin1(DemoLibrary::DemoAccount)));
        QCOMPARE(store.counts().files, 0);
    }
};

QTEST_GUILESS_MAIN(TestDemoLibrary)
#include "tst_DemoLibrary.moc"
