// edits::DriveEdits against a scripted server (what the window's favourites, recycle bin and Undo rely
// on): stars go in calls of at most 100; an answer that names files not asked about, or one twice, changes
// nothing for them; a job's files count as done only by their own result or the job's "all succeeded".
#include "RecordingServer.h"
#include "api/KooDriveClient.h"
#include "edits/DriveEdits.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace koodrive;
using api::KooDriveClient;
using edits::DriveEdits;

class TestDriveEdits : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    static DriveEdits::Outcome waitFor(const std::function<void(DriveEdits::Done)> &start)
    {
        std::optional<DriveEdits::Outcome> outcome;
        start([&outcome](const DriveEdits::Outcome &ended) { outcome = ended; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 20000); }();
        return outcome.value_or(DriveEdits::Outcome{});
    }

    static QByteArray starAnswer(int status, const QList<QPair<QString, QString>> &files)
    {
        QJsonArray list;
        for (const auto &[id, code] : files)
            list.append(QJsonObject{{QStringLiteral("fileId"), id}, {QStringLiteral("code"), code}});
        return QJsonDocument(
                   QJsonObject{{QStringLiteral("status"), status}, {QStringLiteral("subResponseList"), list}})
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void starsGoInCallsOf100AndOnlyTheFilesAskedCount()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        DriveEdits edits(&client);
        QVector<KooDriveClient::StarRef> files;
        for (int i = 0; i < 150; ++i)
            files.append({QStringLiteral("c"), QStringLiteral("F%1").arg(i)});
        // The first call's answer names F1 twice (the second time refused) where F2 should be; the second
        // names a file nobody asked about where F149 should be. (An answer naming more files than were
        // asked about is refused whole by the client: KooDriveClient's checks.)
        QList<QPair<QString, QString>> first, second;
        for (int i = 0; i < 100; ++i)
            first.append({QStringLiteral("F%1").arg(i == 2 ? 1 : i),
                          i == 2 ? QStringLiteral("13000302") : QStringLiteral("0")});
        for (int i = 100; i < 150; ++i)
            second.append(
                {i == 149 ? QStringLiteral("EVIL") : QStringLiteral("F%1").arg(i), QStringLiteral("0")});
        server.enqueue({200, starAnswer(1, first)});
        server.enqueue({200, starAnswer(1, second)});

        const auto outcome = waitFor([&](DriveEdits::Done done) { edits.star(files, true, done); });
        QCOMPARE(server.requests().size(), 2);
        for (int call = 0; call < 2; ++call) {
            const QJsonObject body = QJsonDocument::fromJson(server.requests().at(call).body).object();
            QCOMPARE(body.value(QStringLiteral("subRequestList")).toArray().size(), call == 0 ? 100 : 50);
            QCOMPARE(body.value(QStringLiteral("starred")).toBool(), true);
        }
        QCOMPARE(outcome.done.size(), 148);
        QVERIFY(!outcome.done.contains(QStringLiteral("EVIL")));
        QCOMPARE(outcome.done.count(QStringLiteral("F1")), 1); // its first result counts, once
        QVERIFY(!outcome.done.contains(QStringLiteral("F2")));
        QVERIFY(!outcome.done.contains(QStringLiteral("F149")));
        QCOMPARE(outcome.failed, 2);
        QVERIFY(outcome.error.has_value());
    }

    // An edit cut short (the window closed while a call is out) leaves nothing behind: what it held is freed
    // once that call's answer comes to nobody (its steps held themselves, and leaked).
    void anEditCutShortLeavesNothingBehind()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        auto sentinel = std::make_shared<int>(0);
        const std::weak_ptr<int> held = sentinel;
        bool called = false;
        {
            DriveEdits edits(&client);
            edits.star({{QStringLiteral("c"), QStringLiteral("F1")}}, true,
                       [sentinel, &called](const DriveEdits::Outcome &) { called = true; });
            edits.runJob(KooDriveClient::JobAction::ToRecycleBin, QStringLiteral("c"),
                         {{QStringLiteral("F2"), QString()}},
                         [sentinel, &called](const DriveEdits::Outcome &) { called = true; });
            sentinel.reset();
        } // closed before the answers
        QTRY_VERIFY_WITH_TIMEOUT(held.expired(), 5000);
        QVERIFY(!called);
    }

    void aJobCountsOnlyItsOwnFiles()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        DriveEdits edits(&client);
        edits.setPollIntervalMs(50, 100);
        server.enqueue({200, R"({"code":0,"data":"4242"})"});
        // Done with "some failed": F1 succeeded, F2 is not named (so it did not happen), and a file of
        // another job (F9) is named as done.
        server.enqueue({200, R"({"code":0,"data":{"jobInfo":{"taskId":"4242","status":2,"progress":100,)"
                             R"("taskResultCode":2},"taskInfos":[{"fileId":"F1","status":"1"},)"
                             R"({"fileId":"F9","status":"1"}]}})"});
        QSignalSpy progress(&edits, &DriveEdits::jobProgress);
        const auto outcome = waitFor([&](DriveEdits::Done done) {
            edits.runJob(KooDriveClient::JobAction::ToRecycleBin, QStringLiteral("c"),
                         {{QStringLiteral("F1"), QStringLiteral("/r/F1")},
                          {QStringLiteral("F2"), QStringLiteral("/r/F2")}},
                         done);
        });
        QCOMPARE(outcome.done, QStringList{QStringLiteral("F1")});
        QCOMPARE(outcome.failed, 1);
        QVERIFY(!edits.jobsRunning());
        // The progress ends at nothing asked (the bar goes).
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(1).toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestDriveEdits)
#include "tst_DriveEdits.moc"
