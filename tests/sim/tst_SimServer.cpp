// koodrive-sim as a whole: persistence across restarts, the command line contract, faults.
#include "SimFixture.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using koodrive::test::SimFixture;

class TestSimServer : public QObject
{
    Q_OBJECT

private slots:
    void aLibraryMadeBeforeTheFileOperationsOpens()
    {
        // The app keeps its demo library between runs: one made before recycled_by, sha256 and blob
        // existed gains them, and what was in its bin stays there, listed.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("old.sqlite"));
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
            db.setDatabaseName(path);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(QStringLiteral(
                "CREATE TABLE files(id TEXT PRIMARY KEY, container_id TEXT NOT NULL, owner_id TEXT NOT NULL, "
                "parent_id TEXT, name TEXT NOT NULL COLLATE NOCASE, is_folder INTEGER NOT NULL, file_type "
                "INTEGER "
                "NOT NULL, mime TEXT, suffix TEXT COLLATE NOCASE, size INTEGER NOT NULL DEFAULT 0, "
                "created_ms "
                "INTEGER, edited_ms INTEGER, taken_ms INTEGER, width INTEGER, height INTEGER, recycled "
                "INTEGER NOT "
                "NULL DEFAULT 0, recycled_ms INTEGER NOT NULL DEFAULT 0)")));
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO files(id, container_id, owner_id, parent_id, name, is_folder, "
                               "file_type, recycled, recycled_ms) VALUES('Fold', 'C', 'U', 'R', "
                               "'old.jpg', 0, 15, 1, 5)")));
        }
        QSqlDatabase::removeDatabase(QStringLiteral("old"));
        koodrive::sim::SimStore store(path);
        QString error;
        QVERIFY2(store.open(&error), qPrintable(error));
        QSqlQuery q =
            store.exec(QStringLiteral("SELECT recycled_by, sha256 IS NULL, blob IS NULL FROM files"));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("Fold"));
        QVERIFY(q.value(1).toBool() && q.value(2).toBool());
    }

    void albumsSurviveARestart()
    {
        SimFixture sim(100);
        const auto created = sim.post(QStringLiteral("/koodrive/ose/v1/album/create"),
                                      {{QStringLiteral("name"), QStringLiteral("Kept")},
                                       {QStringLiteral("type"), 2},
                                       {QStringLiteral("albumKind"), 1}});
        QCOMPARE(created.status, 200);
        const QString id = created.json.value(QStringLiteral("albumId")).toString();
        const QString user = sim.userId();
        const auto countsBefore = sim.counts();

        sim.restart();
        QCOMPARE(sim.userId(), user);
        QCOMPARE(sim.counts().files, countsBefore.files); // not seeded again
        const auto list =
            sim.get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=100"));
        QCOMPARE(list.status, 200);
        QStringList names;
        for (const auto &album : list.json.value(QStringLiteral("albumList")).toArray())
            if (album.toObject().value(QStringLiteral("id")).toString() == id)
                names << album.toObject().value(QStringLiteral("name")).toString();
        QCOMPARE(names, QStringList{QStringLiteral("Kept")});
    }

    void commandLinePrintsUrlUserAndToken()
    {
        QTemporaryDir dir;
        QProcess sim;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(
            QStringLiteral("QT_LOGGING_RULES")); // the program's own logging, as a user runs it
        sim.setProcessEnvironment(environment);
        sim.start(QStringLiteral(KOODRIVE_SIM_BINARY),
                  {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--data-dir"), dir.path(),
                   QStringLiteral("--demo"), QStringLiteral("120")});
        QVERIFY(sim.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += sim.readAllStandardOutput(), out.count('\n') >= 3), 15000);
        const QStringList lines = QString::fromUtf8(out).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^url http://127\.0\.0\.1:\d+$)"))
                     .match(lines.at(0))
                     .hasMatch(),
                 qPrintable(lines.at(0)));
        QVERIFY(QRegularExpression(QStringLiteral(R"(^user \d{19}$)")).match(lines.at(1)).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral(R"(^token [A-Za-z0-9_-]{40,}$)"))
                    .match(lines.at(2))
                    .hasMatch());

        // What it printed works.
        QNetworkAccessManager network;
        QNetworkRequest request(
            QUrl(lines.at(0).mid(4) + QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2")));
        request.setRawHeader("Authorization", "Bearer " + lines.at(2).mid(6).toLatin1());
        request.setRawHeader("X-User-Id", lines.at(1).mid(5).toLatin1());
        request.setRawHeader("X-Date", SimFixture::xDate());
        QNetworkReply *reply = network.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        delete reply;
        // Logs go to standard error, never the token.
        sim.terminate();
        QVERIFY(sim.waitForFinished(5000));
        const QByteArray log = sim.readAllStandardError();
        QVERIFY(log.contains("made a library of 120 files"));
        QVERIFY(!log.contains(lines.at(2).mid(6).toLatin1()));
    }

    void badCommandLinesAreRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("named");
        QTest::newRow("fail rate") << QStringList{QStringLiteral("--fail-rate"), QStringLiteral("2")}
                                   << QByteArray("--fail-rate");
        QTest::newRow("object port") << QStringList{QStringLiteral("--object-port"), QStringLiteral("70000")}
                                     << QByteArray("--object-port");
        QTest::newRow("job step") << QStringList{QStringLiteral("--job-step"), QStringLiteral("0:5")}
                                  << QByteArray("--job-step");
        QTest::newRow("job step files")
            << QStringList{QStringLiteral("--job-step"), QStringLiteral("100:x")} << QByteArray("--job-step");
    }
    void badCommandLinesAreRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, named);
        QProcess sim;
        sim.start(QStringLiteral(KOODRIVE_SIM_BINARY), arguments);
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 2);
        QVERIFY(sim.readAllStandardError().contains(named));
    }

    void latencyAndFailRateAreInjected()
    {
        koodrive::sim::SimOptions slow;
        slow.latencyMs = 150;
        SimFixture sim(20, slow);
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(sim.get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2")).status, 200);
        QVERIFY(timer.elapsed() >= 150);

        koodrive::sim::SimOptions failing;
        failing.failRate = 0.5;
        SimFixture flaky(20, failing);
        int failed = 0;
        for (int i = 0; i < 60; ++i) {
            const auto response =
                flaky.get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"));
            QVERIFY(response.status == 200 || response.status == 503);
            if (response.status == 503) {
                ++failed;
                QVERIFY(response.json.contains(QStringLiteral("error")));
            }
        }
        QVERIFY2(failed > 10 && failed < 50, qPrintable(QString::number(failed)));
    }
};

QTEST_GUILESS_MAIN(TestSimServer)
#include "tst_SimServer.moc"
