// jobs::JobWatcher and the batch-job calls (OPERATIONS.md §5) end to end against an in-process koodrive-sim:
// a photo to the recycle bin and back (its folder and its album see it go and return), a cancel while a
// job runs, files that fail on their own, emptying the bin; and, against a recording server, how often the
// watcher asks and that it stops asking.
#include "RecordingServer.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "jobs/JobWatcher.h"

#include <QSignalSpy>
#include <QTest>

using namespace koodrive;
using api::ApiError;
using api::JobDetail;
using api::KooDriveClient;
using jobs::JobWatcher;
using test::SimFixture;

class TestJobWatcher : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;
    QString m_container;
    QString m_root;

    void startSim(int demoFiles, sim::SimOptions options = {})
    {
        m_sim = std::make_unique<SimFixture>(demoFiles, options);
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        const auto space =
            test::wait<api::SpaceInfo>([&](QObject *c, auto d) { return m_client->spaceInfo(c, d); });
        QVERIFY(space.ok());
        m_container = space.value().containerId;
        m_root = space.value().rootFolderId;
    }
    // OPERATIONS.md §5: filePath is the file's full id path (what a client knows from where it listed it).
    KooDriveClient::JobFile inFolder(const QString &folderId, const QString &fileId) const
    {
        return {fileId, QStringLiteral("/%1/%2/%3").arg(m_root, folderId, fileId)};
    }
    api::Result<JobDetail> run(const KooDriveClient::NewJob &job, JobWatcher::Options options = {})
    {
        const auto id =
            test::wait<QString>([&](QObject *c, auto d) { return m_client->createJob(job, c, d); });
        if (!id.ok())
            return id.error();
        JobWatcher watcher(m_client.get(), id.value(), options);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        watcher.start();
        if (!finished.wait(30000))
            return ApiError::invalidInput(QStringLiteral("test"), QStringLiteral("no end in 30 s"));
        return watcher.result();
    }
    QStringList listed(const QString &folderId, bool recycleBin = false)
    {
        KooDriveClient::FileListQuery query{recycleBin, m_container, folderId};
        QStringList ids;
        do {
            const auto page = test::wait<api::FilePage>(
                [&](QObject *c, auto d) { return m_client->listFiles(query, c, d); });
            if (!page.ok())
                return {QStringLiteral("error")};
            for (const api::DriveFile &file : page.value().files)
                ids << file.id;
            query.cursor = page.value().nextCursor;
        } while (!query.cursor.isEmpty());
        return ids;
    }
    QStringList inAlbum(const QString &albumId)
    {
        const auto page = test::wait<api::AlbumContentsPage>(
            [&](QObject *c, auto d) { return m_client->listAlbumContents({albumId}, c, d); });
        QStringList ids;
        for (const api::DriveFile &item : page.value().items)
            ids << item.id;
        return ids;
    }
    // The photos of a folder to the recycle bin: the job's id, empty when it was refused.
    QString startRecycling(const QString &folderId, const QStringList &photos)
    {
        KooDriveClient::NewJob job{KooDriveClient::JobAction::ToRecycleBin, {}, m_container};
        for (const QString &photo : photos)
            job.files.append(inFolder(folderId, photo));
        const auto id =
            test::wait<QString>([&](QObject *c, auto d) { return m_client->createJob(job, c, d); });
        return id.ok() ? id.value() : QString();
    }
    static QString details(const api::Result<JobDetail> &result)
    {
        return result.ok() ? QString() : result.error().details();
    }

private slots:
    void aPhotoGoesToTheRecycleBinAndComesBack()
    {
        startSim(300);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QString photo = m_sim->childIds(camera, 15).at(0);
        const auto album = test::wait<QString>([&](QObject *c, auto d) {
            return m_client->createAlbum(
                {api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Keep")}, c, d);
        });
        QVERIFY(album.ok());
        QVERIFY((test::wait<api::Done>([&](QObject *c, auto d) {
                    return m_client->addToAlbum(album.value(), {{photo, m_sim->userId()}}, c, d);
                })).ok());
        QVERIFY(inAlbum(album.value()).contains(photo));

        // To the recycle bin (2 / 201, with the file's id path).
        const auto recycled =
            run({KooDriveClient::JobAction::ToRecycleBin, {inFolder(camera, photo)}, m_container});
        QVERIFY2(recycled.ok(), qPrintable(details(recycled)));
        QCOMPARE(recycled.value().job.status, api::JobStatus::Done);
        QCOMPARE(recycled.value().job.resultCode, 1);
        QCOMPARE(recycled.value().files.size(), 1);
        QVERIFY(recycled.value().files.at(0).succeeded());
        QVERIFY(listed(QStringLiteral("root"), true).contains(photo)); // files/1
        QVERIFY(!listed(camera).contains(photo));
        QVERIFY(!inAlbum(album.value()).contains(photo));

        // Restored (4): back in its folder and its album, and out of the bin.
        const auto restored = run({KooDriveClient::JobAction::Restore, {{photo, {}}}, m_container});
        QVERIFY2(restored.ok(), qPrintable(details(restored)));
        QCOMPARE(restored.value().job.status, api::JobStatus::Done);
        QVERIFY(listed(camera).contains(photo));
        QVERIFY(inAlbum(album.value()).contains(photo));
        QVERIFY(!listed(QStringLiteral("root"), true).contains(photo));
    }

    void eachFileHasItsOwnResult()
    {
        // A wrong id path fails that file alone; the job ends with "some failed" (taskResultCode 2).
        startSim(300);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QStringList photos = m_sim->childIds(camera, 15).mid(0, 2);
        KooDriveClient::JobFile wrong = inFolder(camera, photos.at(1));
        wrong.filePath = QStringLiteral("/%1/%2").arg(m_root, photos.at(1)); // not where it is
        const auto result = run(
            {KooDriveClient::JobAction::ToRecycleBin, {inFolder(camera, photos.at(0)), wrong}, m_container});
        QVERIFY2(result.ok(), qPrintable(details(result)));
        QCOMPARE(result.value().job.resultCode, 2);
        QCOMPARE(result.value().job.failed, 1);
        const auto &files = result.value().files;
        QCOMPARE(files.size(), 2);
        QVERIFY(files.at(0).succeeded());
        QVERIFY(!files.at(1).succeeded());
        QCOMPARE(files.at(1).fileId, photos.at(1));
        QCOMPARE(files.at(1).errorCode, QStringLiteral("13000102"));
        QVERIFY(listed(camera).contains(photos.at(1)));
    }

    void pollingStopsWhenTheJobEnds()
    {
        startSim(300);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QStringList photos = m_sim->childIds(camera, 15).mid(0, 12);
        const QString id = startRecycling(camera, photos);
        QVERIFY(!id.isEmpty());
        JobWatcher watcher(m_client.get(), id);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QSignalSpy progressed(&watcher, &JobWatcher::progressed);
        watcher.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(watcher.result().value().job.status, api::JobStatus::Done);
        QCOMPARE(watcher.result().value().job.succeeded, 12);
        QVERIFY(progressed.size() >= 1);
        const qint64 served = m_sim->server().http().requestsServed();
        QTest::qWait(2500); // longer than the longest interval
        QCOMPARE(m_sim->server().http().requestsServed(), served);
        QCOMPARE(finished.size(), 1);
    }

    void aRunningJobIsCancelled()
    {
        // Jobs step every 300 ms, one file a step: there is time to cancel.
        sim::SimOptions slow;
        slow.jobStepMs = 300;
        slow.jobFilesPerStep = 1;
        startSim(300, slow);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QStringList photos = m_sim->childIds(camera, 15).mid(0, 10);
        const QString id = startRecycling(camera, photos);
        QVERIFY(!id.isEmpty());
        JobWatcher watcher(m_client.get(), id);
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        connect(&watcher, &JobWatcher::progressed, &watcher, [&watcher](const api::JobInfo &info) {
            if (info.status == api::JobStatus::Running)
                watcher.cancel();
        });
        watcher.start();
        QVERIFY(finished.wait(30000));
        QVERIFY2(watcher.result().ok(), qPrintable(details(watcher.result())));
        const JobDetail &detail = watcher.result().value();
        QCOMPARE(detail.job.status, api::JobStatus::Cancelled);
        QVERIFY(detail.job.succeeded < 10);
        int cancelled = 0;
        for (const api::JobFileResult &file : detail.files)
            if (file.status == 3) {
                ++cancelled;
                QVERIFY(listed(camera).contains(file.fileId)); // left where it was
            }
        QVERIFY(cancelled > 0);
        QCOMPARE(cancelled + detail.job.succeeded, 10);
    }

    void theBinIsEmptied()
    {
        startSim(300);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QString photo = m_sim->childIds(camera, 15).at(0);
        QVERIFY(run({KooDriveClient::JobAction::ToRecycleBin, {inFolder(camera, photo)}, m_container}).ok());
        QVERIFY(!listed(QStringLiteral("root"), true).isEmpty());
        const auto id = test::wait<QString>(
            [&](QObject *c, auto d) { return m_client->emptyRecycleBin({m_container}, c, d); });
        QVERIFY2(id.ok() && !id.value().isEmpty(), qPrintable(id.ok() ? QString() : id.error().details()));
        JobWatcher watcher(m_client.get(), id.value());
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        watcher.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(watcher.result().value().job.status, api::JobStatus::Done);
        QVERIFY(listed(QStringLiteral("root"), true).isEmpty());
        // It is in the job list, newest first.
        const auto jobs = test::wait<api::JobPage>([&](QObject *c, auto d) {
            return m_client->listJobs({0, 10}, c, d);
        });
        QVERIFY(jobs.ok());
        QCOMPARE(jobs.value().jobs.at(0).jobId, id.value());
        QCOMPARE(jobs.value().total, 2);
        // An ended job cannot be cancelled.
        const auto late =
            test::wait<api::Done>([&](QObject *c, auto d) { return m_client->cancelJob(id.value(), c, d); });
        QCOMPARE(late.error().code, QStringLiteral("13000102"));
    }

    void aWatcherThatIsGoneAsksNothingMore()
    {
        sim::SimOptions slow;
        slow.jobStepMs = 10'000;
        startSim(300, slow);
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QString photo = m_sim->childIds(camera, 15).at(0);
        const auto id = test::wait<QString>([&](QObject *c, auto d) {
            return m_client->createJob(
                {KooDriveClient::JobAction::ToRecycleBin, {inFolder(camera, photo)}, m_container}, c, d);
        });
        QVERIFY(id.ok());
        auto watcher = std::make_unique<JobWatcher>(m_client.get(), id.value());
        watcher->start();
        QTRY_VERIFY_WITH_TIMEOUT(watcher->polls() >= 2, 5000);
        watcher.reset();
        QTest::qWait(300); // a look already on the wire may still arrive
        const qint64 served = m_sim->server().http().requestsServed();
        QTest::qWait(2500);
        QCOMPARE(m_sim->server().http().requestsServed(), served);

        // And one that waited long enough gives up, saying so.
        JobWatcher patient(m_client.get(), id.value(), {50, 100, 400});
        QSignalSpy finished(&patient, &JobWatcher::finished);
        patient.start();
        QVERIFY(finished.wait(5000));
        QCOMPARE(patient.result().error().kind, ApiError::Kind::Timeout);
        const qint64 after = m_sim->server().http().requestsServed();
        QTest::qWait(300);
        QCOMPARE(m_sim->server().http().requestsServed(), after);
    }

    void theIntervalGrowsTo2SecondsAndThePollingEnds()
    {
        // A recording server: the job runs for five looks, then is done.
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        const QByteArray running =
            R"({"code":0,"data":{"jobInfo":{"taskId":"42","status":1,"progress":50},"taskInfos":[]}})";
        for (int i = 0; i < 5; ++i)
            server.enqueue({200, running});
        server.enqueue({200, R"({"code":0,"data":{"jobInfo":{"taskId":"42","status":2,"progress":100,)"
                             R"("taskResultCode":1},"taskInfos":[{"fileId":"F1","status":"1"}]}})"});
        JobWatcher watcher(&client, QStringLiteral("42"));
        QSignalSpy finished(&watcher, &JobWatcher::finished);
        QElapsedTimer clock;
        clock.start();
        watcher.start();
        QVERIFY(finished.wait(20000));
        QVERIFY2(watcher.result().ok(), qPrintable(details(watcher.result())));
        QCOMPARE(watcher.result().value().files.at(0).fileId, QStringLiteral("F1"));
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 6);
        QCOMPARE(requests.at(0).path(), QStringLiteral("/koodrive/ose/v1/42")); // GET /{jobId}
        // 250 ms, then 500, 1000, 2000, 2000, 2000: waits grow to their ceiling and stay there (Qt's coarse
        // timers may fire 5 % early).
        const qint64 planned[] = {500, 1000, 2000, 2000, 2000};
        for (int i = 1; i < requests.size(); ++i) {
            const qint64 waited = requests.at(i).receivedMs - requests.at(i - 1).receivedMs;
            QVERIFY2(waited >= planned[i - 1] * 9 / 10 && waited < planned[i - 1] + 1500,
                     qPrintable(QStringLiteral("wait %1: %2 ms").arg(i).arg(waited)));
        }
        QTest::qWait(2500);
        QCOMPARE(server.requests().size(), 6);
    }
};

QTEST_GUILESS_MAIN(TestJobWatcher)
#include "tst_JobWatcher.moc"
