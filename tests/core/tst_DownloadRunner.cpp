// transfers::DownloadRunner (Save to…) over the durable queue, against an in-process koodrive-sim: originals
// saved byte for byte under their names with their times, name clashes numbered, hostile names kept inside
// the chosen folder, a transfer cut short taken up at its byte (HTTP range), and a process killed for real
// in the middle of a save started again without fetching again what it had.
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "transfers/DownloadRunner.h"
#include "transfers/FileUpload.h"
#include "transfers/UploadQueue.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace koodrive;
using api::KooDriveClient;
using test::SimFixture;
using transfers::DownloadRunner;
using transfers::FileUpload;
using transfers::QueuedUpload;
using transfers::UploadQueue;
using State = QueuedUpload::State;
using Fault = sim::SimHttpServer::FaultStep;

namespace {
constexpr qint64 MiB = 1024 * 1024;

QByteArray contents(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}
} // namespace

class TestDownloadRunner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;
    std::unique_ptr<UploadQueue> m_queue;
    QString m_out; // the folder chosen in Save to…, inside m_dir/<test>/

    // A file with these bytes in the drive (uploaded through the app's own upload): its id.
    QString driveFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = test::writeTestFile(m_dir.filePath(QStringLiteral("up-") + name), bytes);
        FileUpload job(m_client.get(), {path, name, m_sim->rootId()});
        QSignalSpy finished(&job, &FileUpload::finished);
        job.start();
        if (!finished.wait(60000) || !job.result().ok())
            qFatal("upload of %s failed", qPrintable(name));
        return job.result().value().fileId;
    }
    QueuedUpload entry(const QString &fileId, const QString &name, qint64 size, qint64 timeMs = 0) const
    {
        QueuedUpload download;
        download.direction = QueuedUpload::Direction::Download;
        download.driveFileId = fileId;
        download.resume.containerId = m_sim->containerId();
        download.fileName = name;
        download.localFolder = m_out;
        download.size = size;
        download.timeMs = timeMs;
        return download;
    }
    // Runs a runner over the queue until it is idle.
    bool runAll(int timeoutMs = 60000)
    {
        DownloadRunner runner(m_client.get(), &m_network, m_queue.get());
        runner.setRetryDelaysMs({50, 100, 200});
        QSignalSpy idle(&runner, &DownloadRunner::idle);
        runner.start();
        return !idle.isEmpty() || idle.wait(timeoutMs);
    }
    QStringList savedNames() const
    {
        QStringList names = QDir(m_out).entryList(QDir::Files | QDir::Hidden | QDir::System);
        names.sort();
        return names;
    }
    QStringList everythingUnder(const QString &folder) const
    {
        QStringList paths;
        QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            paths << QDir(folder).relativeFilePath(it.next());
        paths.sort();
        return paths;
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>(10);
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        const QString test = QString::fromLatin1(QTest::currentTestFunction());
        m_queue = UploadQueue::open(m_dir.filePath(test + QStringLiteral(".sqlite")));
        QVERIFY(m_queue);
        m_out = m_dir.filePath(test + QStringLiteral("/Saved"));
        QVERIFY(QDir().mkpath(m_out));
    }

    void originalsAreSavedByteForByteWithTheirNamesAndTimes()
    {
        const QByteArray big = test::jpegWithExif(640, 480, 3 * MiB + 17, 7);
        const QByteArray small = test::jpegWithExif(64, 48, 0, 8);
        const QByteArray text("a note, not a photo\n");
        const qint64 taken =
            QDateTime(QDate(2019, 7, 14), QTime(18, 30, 5), QTimeZone::utc()).toMSecsSinceEpoch();
        const QString beach = driveFile(QStringLiteral("beach.jpg"), big);
        const QString dunes = driveFile(QStringLiteral("dunes.jpg"), small);
        const QString notes = driveFile(QStringLiteral("notes.txt"), text);
        const int requestsBefore = int(m_sim->server().objects().objectRequestsServed());
        m_queue->add({entry(beach, QStringLiteral("beach.jpg"), big.size(), taken),
                      entry(dunes, QStringLiteral("dunes.jpg"), small.size()),
                      entry(notes, QStringLiteral("notes.txt"), text.size())});
        QVERIFY(runAll());
        for (const QueuedUpload &download : m_queue->all())
            QVERIFY2(download.state == State::Done, qPrintable(download.fileName + u' ' + download.error));
        QCOMPARE(savedNames(), (QStringList{QStringLiteral("beach.jpg"), QStringLiteral("dunes.jpg"),
                                            QStringLiteral("notes.txt")})); // and no part file left
        QVERIFY(contents(m_out + QStringLiteral("/beach.jpg")) == big);
        QVERIFY(contents(m_out + QStringLiteral("/dunes.jpg")) == small);
        QCOMPARE(contents(m_out + QStringLiteral("/notes.txt")), text);
        QCOMPARE(QFileInfo(m_out + QStringLiteral("/beach.jpg")).lastModified().toMSecsSinceEpoch(), taken);
        // One call for the links of all three (README.md: up to 100 per call), then the three objects.
        QCOMPARE(m_sim->server().objects().objectRequestsServed() - requestsBefore, 3);
    }

    void nameClashesAreNumberedAndNothingIsOverwritten()
    {
        const QByteArray first = test::jpegWithExif(64, 48, 0, 1);
        const QByteArray second = test::jpegWithExif(64, 48, 0, 2);
        test::writeTestFile(m_out + QStringLiteral("/IMG_1.jpg"), "already here");
        m_queue->add(
            {entry(driveFile(QStringLiteral("IMG_1.jpg"), first), QStringLiteral("IMG_1.jpg"), first.size()),
             entry(driveFile(QStringLiteral("IMG_1b.jpg"), second), QStringLiteral("IMG_1.jpg"),
                   second.size())});
        QVERIFY(runAll());
        QCOMPARE(savedNames(), (QStringList{QStringLiteral("IMG_1 (1).jpg"), QStringLiteral("IMG_1 (2).jpg"),
                                            QStringLiteral("IMG_1.jpg")}));
        QCOMPARE(contents(m_out + QStringLiteral("/IMG_1.jpg")), QByteArray("already here"));
        const QByteArray one = contents(m_out + QStringLiteral("/IMG_1 (1).jpg"));
        const QByteArray two = contents(m_out + QStringLiteral("/IMG_1 (2).jpg"));
        QVERIFY((one == first && two == second) || (one == second && two == first));
    }

    void hostileNamesStayInsideTheChosenFolder()
    {
        // Names as a hostile server could send them (the drive's own rules would refuse most; the store is
        // changed behind its back).
        const QStringList hostile{
            QStringLiteral("../../escaped.jpg"), QStringLiteral("/etc/passwd"),
            QStringLiteral("a/../../b.jpg"),     QStringLiteral(".."),
            QStringLiteral(".bashrc"),           QStringLiteral("CON.jpg"),
            QStringLiteral("evil\u202Egpj.exe"), QStringLiteral("bell\a\r\n.jpg"),
            QStringLiteral("..\\..\\win.jpg"),   QString(300, u'l') + QStringLiteral(".jpg")};
        QList<QueuedUpload> entries;
        for (int i = 0; i < hostile.size(); ++i) {
            const QByteArray bytes = "photo " + QByteArray::number(i);
            const QString id = driveFile(QStringLiteral("plain%1.jpg").arg(i), bytes);
            m_sim->column(QStringLiteral("UPDATE files SET name = ? WHERE id = ?"), {hostile.at(i), id});
            entries << entry(id, hostile.at(i), bytes.size());
        }
        // What the queue gets is what the listing says: read back from the server.
        m_queue->add(entries);
        const QString testRoot = QFileInfo(m_out).absolutePath();
        const QStringList before = everythingUnder(m_dir.path());
        QVERIFY(runAll());
        for (const QueuedUpload &download : m_queue->all())
            QVERIFY2(download.state == State::Done, qPrintable(download.fileName + u' ' + download.error));
        const QStringList saved = savedNames();
        QCOMPARE(saved.size(), hostile.size());
        for (const QString &name : saved) {
            QVERIFY2(!name.startsWith(u'.'), qPrintable(name)); // no hidden file appears
            QVERIFY2(!name.contains(u'/') && !name.contains(u'\\'), qPrintable(name));
            QVERIFY2(name.toUtf8().size() <= 255, qPrintable(name));
            for (const QChar c : name)
                QVERIFY2(c.unicode() >= 0x20 && c != QChar(0x202E), qPrintable(name));
        }
        // Nothing new anywhere but in the chosen folder.
        QStringList after = everythingUnder(m_dir.path());
        after.removeIf([](const QString &path) { return path.contains(QStringLiteral("/Saved/")); });
        QStringList expected = before;
        expected.removeIf([](const QString &path) { return path.contains(QStringLiteral("/Saved/")); });
        QCOMPARE(after, expected);
        QVERIFY(!QFileInfo::exists(testRoot + QStringLiteral("/escaped.jpg")));
    }

    void aTransferCutShortGoesOnAtItsByte()
    {
        const QByteArray bytes = test::jpegWithExif(640, 480, 6 * MiB + 5, 3);
        const QString id = driveFile(QStringLiteral("cut.jpg"), bytes);
        // The first answer stops halfway; the runner asks again from there (Range), the rest only.
        m_sim->server().objects().scriptFaults(
            {Fault{Fault::Kind::DropMidBody, 0, 0, 0, 1, QStringLiteral("/obs/")}});
        const qint64 servedBefore = m_sim->server().objects().objectBytesServed();
        m_queue->add({entry(id, QStringLiteral("cut.jpg"), bytes.size())});
        QVERIFY(runAll());
        QCOMPARE(m_queue->all().first().state, State::Done);
        QVERIFY(contents(m_out + QStringLiteral("/cut.jpg")) == bytes);
        QCOMPARE(m_sim->server().objects().scriptedFaultsServed(), 1);
        // Half, then the rest from the byte that had arrived on disk: not the whole file again (from byte 0
        // that would be the half served twice). What the reply had not yet read off the socket when it was
        // cut (its read buffer, net::Transfer::ReadBufferBytes, and what the system held) comes again.
        const qint64 again = m_sim->server().objects().objectBytesServed() - servedBefore - bytes.size();
        QVERIFY2(again >= 0 && again < bytes.size() / 2, qPrintable(QString::number(again)));
    }

    void aFileThatNeverArrivesFailsWithItsReasonAndRetryGoesOn()
    {
        const QByteArray bytes = test::jpegWithExif(320, 240, 2 * MiB, 4);
        const QString id = driveFile(QStringLiteral("flaky.jpg"), bytes);
        // Every answer for an object is cut, however many are asked for: with exactly four scripted drops
        // (the runner's four tries) the file arrived in about one run of three here, and the test failed.
        m_sim->server().objects().scriptFaults(
            {Fault{Fault::Kind::DropMidBody, 0, 0, 0, 1000, QStringLiteral("/obs/")}});
        m_queue->add({entry(id, QStringLiteral("flaky.jpg"), bytes.size())});
        QVERIFY(runAll());
        QueuedUpload failed = m_queue->all().first();
        QCOMPARE(failed.state, State::Failed); // bounded: three retries, then it says why
        // A dropped connection is seen as the transfer stopped, or (when the close comes with the last
        // bytes read, as under load) as the file cut short: either is its reason.
        QVERIFY2(failed.error.contains(QStringLiteral("stopped")) ||
                     failed.error.contains(QStringLiteral("cut short")),
                 qPrintable(failed.error));
        QVERIFY(failed.bytesSent > 0);
        QVERIFY(!QFileInfo::exists(m_out + QStringLiteral("/flaky.jpg")));

        m_sim->server().objects().scriptFaults({}); // the line is good again
        DownloadRunner runner(m_client.get(), &m_network, m_queue.get());
        QSignalSpy ended(&runner, &DownloadRunner::ended);
        runner.start();
        runner.retry(failed.id);
        QVERIFY(ended.wait(30000));
        QCOMPARE(m_queue->all().first().state, State::Done);
        QVERIFY(contents(m_out + QStringLiteral("/flaky.jpg")) == bytes);
    }

    void aProcessKilledInTheMiddleGoesOnWithoutFetchingAgain()
    {
        // Three big originals, sent slowly (256 KiB every 40 ms); the saving process is killed (SIGKILL)
        // once the first is part-way, then started again on the queue it left.
        QList<QByteArray> files;
        QList<QueuedUpload> entries;
        for (int i = 0; i < 3; ++i) {
            files << test::jpegWithExif(640, 480, 5 * MiB + i, quint32(20 + i));
            const QString name = QStringLiteral("big%1.jpg").arg(i);
            entries << entry(driveFile(name, files.last()), name, files.last().size());
        }
        m_queue->add(entries);
        const QString queuePath =
            m_dir.filePath(QStringLiteral("aProcessKilledInTheMiddleGoesOnWithoutFetchingAgain.sqlite"));
        m_queue.reset(); // the process has it
        m_sim->server().objects().scriptFaults(
            {Fault{Fault::Kind::Trickle, 0, 0, 40, 3, QStringLiteral("/obs/")}});
        const qint64 servedBefore = m_sim->server().objects().objectBytesServed();
        auto startRunner = [&](QProcess &process) {
            process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
            process.start(QStringLiteral(KOODRIVE_UPLOAD_RUNNER),
                          {m_sim->server().url().toString(), m_sim->userId(), queuePath});
            process.write(m_sim->server().accessToken().toUtf8() + '\n');
            process.closeWriteChannel();
        };
        QProcess first;
        startRunner(first);
        QVERIFY(first.waitForStarted());
        qint64 partBytes = 0;
        const bool partWay = test::spinUntil(
            [&] {
                partBytes = 0;
                for (const QFileInfo &part : QDir(m_out).entryInfoList({QStringLiteral(".koodrive-*.part")},
                                                                       QDir::Files | QDir::Hidden))
                    partBytes += part.size();
                // Part-way, and the queue has what it takes to go on (written after half a second).
                if (partBytes <= MiB)
                    return false;
                const auto watcher = UploadQueue::open(queuePath);
                const QList<QueuedUpload> all = watcher ? watcher->all() : QList<QueuedUpload>();
                return !all.isEmpty() && std::all_of(all.begin(), all.end(),
                                                     [](const QueuedUpload &d) { return !d.etag.isEmpty(); });
            },
            60000);
        QVERIFY2(partWay, "the first process saved nothing part-way");
        first.kill();
        QVERIFY(first.waitForFinished(10000));
        qint64 keptAtKill = 0;
        for (const QFileInfo &part :
             QDir(m_out).entryInfoList({QStringLiteral(".koodrive-*.part")}, QDir::Files | QDir::Hidden))
            keptAtKill += part.size();
        QVERIFY(keptAtKill > 0);

        QProcess second;
        QSignalSpy secondEnded(&second, &QProcess::finished); // waited for with the loop running: it serves
        startRunner(second);
        QVERIFY(secondEnded.wait(120000));
        QCOMPARE(second.exitCode(), 0);
        m_queue = UploadQueue::open(queuePath);
        for (const QueuedUpload &download : m_queue->all())
            QVERIFY2(download.state == State::Done, qPrintable(download.fileName + u' ' + download.error));
        QCOMPARE(savedNames(), (QStringList{QStringLiteral("big0.jpg"), QStringLiteral("big1.jpg"),
                                            QStringLiteral("big2.jpg")}));
        for (int i = 0; i < 3; ++i)
            QVERIFY(contents(m_out + QStringLiteral("/big%1.jpg").arg(i)) == files.at(i));
        // What the killed process had on disk was not fetched again (what it had in flight may have been).
        qint64 total = 0;
        for (const QByteArray &file : files)
            total += file.size();
        const qint64 served = m_sim->server().objects().objectBytesServed() - servedBefore;
        QVERIFY2(served <= 2 * total - keptAtKill, qPrintable(QString::number(served)));
    }
};

QTEST_GUILESS_MAIN(TestDownloadRunner)
#include "tst_DownloadRunner.moc"
