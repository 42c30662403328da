// koodrive-sim under sustained load (wrk on loopback, bounded time): every files-list page answers 200,
// and meanwhile the app's FolderModel lists a 1 300-file folder exactly as the server orders it.
// The figures (requests/s, latency) are printed for the notes; they are not asserted beyond "no errors"
// and "real load" (at least 200 requests).
#include "PagedModelTesting.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "models/FolderModel.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;

using koodrive::test::wait;

class TestUnderLoad : public QObject
{
    Q_OBJECT

private slots:
    void foldersListCorrectlyWhileTheServerIsUnderLoad()
    {
        const QString wrk = QStandardPaths::findExecutable(QStringLiteral("wrk"));
        QVERIFY2(!wrk.isEmpty(), "wrk is missing: packaging/setup-debian.sh installs it");
        QTemporaryDir data;
        QProcess sim;
        sim.start(QStringLiteral(KOODRIVE_SIM_BINARY), {QStringLiteral("--data-dir"), data.path(),
                                                        QStringLiteral("--demo"), QStringLiteral("3000")});
        QByteArray out;
        while (out.count('\n') < 3 && sim.waitForReadyRead(60000))
            out += sim.readAllStandardOutput();
        const QList<QByteArray> lines = out.split('\n');
        QVERIFY(lines.size() >= 3);
        const QUrl url(QString::fromLatin1(lines[0].mid(4)));
        const QString user = QString::fromLatin1(lines[1].mid(5));
        const QString token = QString::fromLatin1(lines[2].mid(6));

        QNetworkAccessManager network;
        api::KooDriveClient client(&network);
        client.setConnection({url, user, token, true});
        const QString container =
            wait<api::SpaceInfo>([&](QObject *c, auto d) { return client.spaceInfo(c, d); })
                .value()
                .containerId;
        api::KooDriveClient::FileListQuery query;
        query.containerId = container;
        QString camera;
        const auto top =
            wait<api::FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
        QVERIFY(top.ok());
        for (const auto &file : top.value().files)
            if (file.name == QLatin1String("Camera"))
                camera = file.id;
        QVERIFY(!camera.isEmpty());
        // The server's own order, newest first, walked before the load.
        QStringList expected;
        query.parentFileId = camera;
        query.sortType = 4;
        query.sortDirection = 2;
        do {
            const auto page =
                wait<api::FilePage>([&](QObject *c, auto d) { return client.listFiles(query, c, d); });
            QVERIFY(page.ok());
            for (const auto &file : page.value().files)
                expected << file.id;
            query.cursor = page.value().nextCursor;
        } while (!query.cursor.isEmpty());
        QVERIFY(expected.size() > 1000);

        // wrk: pages of 100 with thumbnail URLs, 8 connections, 6 s; any status but 200 is written out.
        QTemporaryDir scratch;
        QFile script(scratch.filePath(QStringLiteral("post.lua")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        const QByteArray body =
            "{\"containerId\":\"" + container.toLatin1() + "\",\"parentFileId\":\"" + camera.toLatin1() +
            "\",\"pageInfo\":{\"pageSize\":100},\"sortInfo\":{\"sortType\":4,\"sortDirection\":2},"
            "\"imageProcess\":\"image/resize,m_lfit,h_256,w_256\"}";
        script.write(
            "wrk.method = \"POST\"\nwrk.body = '" + body + "'\n" +
            "wrk.headers[\"Authorization\"] = \"Bearer " + token.toLatin1() +
            "\"\nwrk.headers[\"X-User-Id\"] = \"" + user.toLatin1() + "\"\nwrk.headers[\"X-Date\"] = \"" +
            QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1() +
            "\"\nwrk.headers[\"Content-Type\"] = \"application/json\"\n"
            "function response(status, headers, body)\n"
            "  if status ~= 200 then io.stderr:write(\"status \" .. status .. \"\\n\") end\nend\n");
        script.close();
        QProcess load;
        load.start(wrk, {QStringLiteral("-t2"), QStringLiteral("-c8"), QStringLiteral("-d6s"),
                         QStringLiteral("--latency"), QStringLiteral("-s"), script.fileName(),
                         url.toString() + QStringLiteral("/koodrive/ose/v1/files/0")});
        QVERIFY(load.waitForStarted());
        QTest::qWait(500); // the load is on

        // Meanwhile, the app lists the folder: every file once, in the server's order.
        int listed = 0;
        while (load.state() == QProcess::Running) {
            models::FolderModel folder(&client, nullptr);
            folder.setSortOrder(models::FolderModel::SortField::Modified, Qt::DescendingOrder);
            folder.setLocation({container, camera, false});
            QVERIFY(koodrive::test::loadAll(folder, 60000));
            QCOMPARE(koodrive::test::rowIds(folder), expected);
            ++listed;
            if (listed >= 3)
                break;
        }
        QVERIFY(load.state() == QProcess::NotRunning || load.waitForFinished(30000));
        const QString report = QString::fromUtf8(load.readAllStandardOutput());
        const QString errors = QString::fromUtf8(load.readAllStandardError());
        qInfo().noquote() << "wrk while the models listed:\n" << report;
        QVERIFY2(listed >= 1, "the folder was listed while the load ran");
        QVERIFY2(errors.isEmpty(), qPrintable(errors.left(500)));
        QVERIFY2(!report.contains(QLatin1String("Non-2xx")), qPrintable(report));
        QVERIFY2(!report.contains(QLatin1String("Socket errors")), qPrintable(report));
        const QRegularExpressionMatch requests =
            QRegularExpression(QStringLiteral("(\\d+) requests in")).match(report);
        QVERIFY(requests.hasMatch());
        QVERIFY2(requests.captured(1).toInt() >= 200, qPrintable(report));
        sim.terminate();
        sim.waitForFinished(5000);
    }
};

QTEST_GUILESS_MAIN(TestUnderLoad)
#include "tst_UnderLoad.moc"
