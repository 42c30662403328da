// Adding many files to a manual album: calls of at most 100, a true report, progress and cancel.
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "api/AlbumAddBatch.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace koodrive::api;
using koodrive::test::SimFixture;
using Outcome = AlbumAddBatch::Outcome;

class TestAlbumAddBatch : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;
    QVector<KooDriveClient::FileRef> m_files;

    QString newAlbum(const QString &name)
    {
        std::optional<Result<QString>> id;
        m_client->createAlbum({AlbumType::Manual, AlbumKind::Personal, name}, this,
                              [&id](const Result<QString> &r) { id = r; });
        if (!QTest::qWaitFor([&id] { return id.has_value(); }, 10000) || !id->ok())
            return {};
        return id->value();
    }
    static QStringList idsWith(const AlbumAddBatch &batch, Outcome outcome)
    {
        QStringList ids;
        for (const auto &report : batch.report())
            if (report.outcome == outcome)
                ids << report.file.fileId;
        ids.sort();
        return ids;
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>(50);
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_files.clear();
        for (const QString &id : m_sim->childIds(m_sim->addFolder(QStringLiteral("Batch"), 1050)))
            m_files.append({id, m_sim->userId()});
    }

    void aThousandAndFiftyFilesTakeElevenCalls()
    {
        const QString album = newAlbum(QStringLiteral("Big"));
        AlbumAddBatch batch(m_client.get(), album, m_files);
        QSignalSpy progress(&batch, &AlbumAddBatch::progress);
        QSignalSpy finished(&batch, &AlbumAddBatch::finished);
        batch.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(batch.callsSent(), 11);
        QCOMPARE(batch.count(Outcome::Added), 1050);
        QCOMPARE(m_sim->albumItems(album).size(), 1050);
        // Progress only grows, and ends at the total.
        int last = -1;
        for (const auto &args : progress) {
            QVERIFY(args.at(0).toInt() >= last);
            last = args.at(0).toInt();
            QCOMPARE(args.at(1).toInt(), 1050);
        }
        QCOMPARE(last, 1050);
        QCOMPARE(finished.count(), 1);
    }

    void filesAlreadyInTheAlbumAreReportedSo()
    {
        const QString album = newAlbum(QStringLiteral("Half full"));
        AlbumAddBatch first(m_client.get(), album, m_files.mid(0, 30));
        QSignalSpy firstDone(&first, &AlbumAddBatch::finished);
        first.start();
        QVERIFY(firstDone.wait(10000));
        AlbumAddBatch second(m_client.get(), album,
                             m_files.mid(0, 100) + m_files.mid(0, 5)); // and duplicates
        QSignalSpy secondDone(&second, &AlbumAddBatch::finished);
        second.start();
        QVERIFY(secondDone.wait(10000));
        QCOMPARE(second.report().size(), 100);
        QCOMPARE(second.count(Outcome::AlreadyThere), 30);
        QCOMPARE(second.count(Outcome::Added), 70);
        QCOMPARE(second.callsSent(), 1);
        QCOMPARE(m_sim->albumItems(album).size(), 100);
    }

    void oneBadFileFailsAloneWithItsReason()
    {
        const QString album = newAlbum(QStringLiteral("With a ghost"));
        QVector<KooDriveClient::FileRef> files = m_files;
        files.insert(250, {QStringLiteral("Fdeletedmeanwhile"), m_sim->userId()});
        AlbumAddBatch batch(m_client.get(), album, files);
        QSignalSpy finished(&batch, &AlbumAddBatch::finished);
        batch.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(batch.count(Outcome::Added), 1050);
        QCOMPARE(batch.count(Outcome::Failed), 1);
        const auto failed = std::find_if(batch.report().cbegin(), batch.report().cend(),
                                         [](const auto &r) { return r.outcome == Outcome::Failed; });
        QCOMPARE(failed->file.fileId, QStringLiteral("Fdeletedmeanwhile"));
        QCOMPARE(failed->error.code, QStringLiteral("13000309"));
        QCOMPARE(batch.callsSent(), 12); // the refused call, sent again without the ghost
        QCOMPARE(m_sim->albumItems(album).size(), 1050);
    }

    void aFailedCallFailsExactlyItsFiles()
    {
        const QString album = newAlbum(QStringLiteral("Flaky"));
        koodrive::sim::SimHttpServer::Faults faults;
        faults.failCalls = {4}; // the contents read is call 1; the third add call fails
        m_sim->server().http().setFaults(faults);
        AlbumAddBatch batch(m_client.get(), album, m_files);
        QSignalSpy finished(&batch, &AlbumAddBatch::finished);
        batch.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(batch.count(Outcome::Failed), 100);
        QCOMPARE(batch.count(Outcome::Added), 950);
        QCOMPARE(batch.callsSent(), 11); // a failed mutation is not replayed blindly
        for (const auto &report : batch.report())
            if (report.outcome == Outcome::Failed)
                QCOMPARE(report.error.kind, ApiError::Kind::Server);
        // What the report says was added is exactly what the album holds.
        QCOMPARE(idsWith(batch, Outcome::Added), m_sim->albumItems(album));
    }

    void cancelStopsWhatIsLeft()
    {
        koodrive::sim::SimOptions slow;
        slow.latencyMs = 100;
        m_sim = std::make_unique<SimFixture>(20, slow);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        QVector<KooDriveClient::FileRef> files;
        for (const QString &id : m_sim->childIds(m_sim->addFolder(QStringLiteral("Batch"), 600)))
            files.append({id, m_sim->userId()});
        const QString album = newAlbum(QStringLiteral("Interrupted"));
        AlbumAddBatch batch(m_client.get(), album, files);
        batch.setConcurrency(1);
        QSignalSpy finished(&batch, &AlbumAddBatch::finished);
        connect(&batch, &AlbumAddBatch::progress, &batch, [&batch](int done, int) {
            if (done >= 200)
                batch.cancel();
        });
        batch.start();
        QTRY_VERIFY_WITH_TIMEOUT(batch.isFinished(), 20000);
        QCOMPARE(finished.count(), 1);
        QVERIFY(batch.count(Outcome::Cancelled) >= 300);
        QCOMPARE(batch.count(Outcome::Added) + batch.count(Outcome::Cancelled), 600);
        QTest::qWait(400); // nothing arrives after the cancel
        QCOMPARE(finished.count(), 1);
        QCOMPARE(idsWith(batch, Outcome::Added), m_sim->albumItems(album));
    }
};

QTEST_GUILESS_MAIN(TestAlbumAddBatch)
#include "tst_AlbumAddBatch.moc"
