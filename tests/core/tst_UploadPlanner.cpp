// transfers::UploadPlanner against an in-process koodrive-sim: a dropped folder keeps its sub-folders as
// folders of the drive (only those with photos or videos for an album), folders already there are used
// rather than made twice, names the drive refuses are made safe, and what cannot be read is told.
#include "SimFixture.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/KooDriveClient.h"
#include "transfers/UploadPlanner.h"
#include "transfers/UploadQueue.h"

#include <QDir>
#include <QFile>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

using namespace koodrive;
using api::KooDriveClient;
using test::SimFixture;
using transfers::LocalTree;
using transfers::QueuedUpload;
using transfers::UploadPlanner;
using transfers::UploadQueue;
using transfers::UploadTarget;

class TestUploadPlanner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;
    std::unique_ptr<UploadQueue> m_queue;

    QString write(const QString &relative, const QByteArray &bytes = QByteArray("x"))
    {
        const QString path = m_dir.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        return test::writeTestFile(path, bytes);
    }
    // A trip: photos at the top, a day folder with a video and notes, an empty folder, a hidden file.
    QString makeTrip()
    {
        const QByteArray jpeg = test::jpegWithExif(64, 48);
        write(QStringLiteral("Trip/a.jpg"), jpeg);
        write(QStringLiteral("Trip/b.jpg"), jpeg);
        write(QStringLiteral("Trip/Day 1/c.jpg"), jpeg);
        write(QStringLiteral("Trip/Day 1/clip.mp4"), "not really a video");
        write(QStringLiteral("Trip/Day 1/notes.txt"), "words");
        write(QStringLiteral("Trip/Docs/readme.txt"), "words");
        write(QStringLiteral("Trip/.hidden.jpg"), jpeg);
        QDir().mkpath(m_dir.filePath(QStringLiteral("Trip/Empty")));
        return m_dir.filePath(QStringLiteral("Trip"));
    }
    UploadPlanner::Outcome plan(const QStringList &paths, const UploadTarget &target)
    {
        UploadPlanner planner(m_client.get(), m_queue.get());
        QSignalSpy finished(&planner, &UploadPlanner::finished);
        UploadPlanner::Outcome outcome;
        connect(&planner, &UploadPlanner::finished, this,
                [&outcome](const UploadPlanner::Outcome &o) { outcome = o; });
        planner.start(paths, target);
        if (!finished.wait(30000))
            outcome.error = api::ApiError::invalidInput(QString(), QStringLiteral("no answer"));
        return outcome;
    }
    QStringList childNames(const QString &folderId)
    {
        return m_sim->column(
            QStringLiteral("SELECT name FROM files WHERE parent_id = ? AND file_type = 10 ORDER BY name"),
            {folderId});
    }
    QString childId(const QString &folderId, const QString &name)
    {
        const QStringList ids = m_sim->column(
            QStringLiteral("SELECT id FROM files WHERE parent_id = ? AND name = ? AND file_type = 10"),
            {folderId, name});
        return ids.size() == 1 ? ids.first() : QString();
    }
    // Queued file names per drive folder, "folderId/name".
    QStringList queued()
    {
        QStringList names;
        for (const QueuedUpload &upload : m_queue->all())
            names << upload.parentFolderId + QLatin1Char('/') + upload.fileName;
        names.sort();
        return names;
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>(20);
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_queue = UploadQueue::open(m_dir.filePath(
            QStringLiteral("uploads-%1.sqlite").arg(QString::fromLatin1(QTest::currentTestFunction()))));
        QVERIFY(m_queue);
        QDir(m_dir.filePath(QStringLiteral("Trip"))).removeRecursively();
    }

    void aDroppedFolderKeepsItsSubFoldersInAFolder()
    {
        const QString trip = makeTrip();
        const QString loose = write(QStringLiteral("loose.txt"), "a file dropped beside the folder");
        const QString root = m_sim->rootId();
        const auto outcome = plan({trip, loose}, {m_sim->containerId(), root});
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->details() : QString()));
        QCOMPARE(outcome.queued, 7);
        QCOMPARE(outcome.foldersMade, 4); // Trip, Day 1, Docs, Empty
        const QString tripId = childId(root, QStringLiteral("Trip"));
        QVERIFY(!tripId.isEmpty());
        QCOMPARE(childNames(tripId),
                 (QStringList{QStringLiteral("Day 1"), QStringLiteral("Docs"), QStringLiteral("Empty")}));
        const QString day = childId(tripId, QStringLiteral("Day 1"));
        const QString docs = childId(tripId, QStringLiteral("Docs"));
        QStringList expected{root + QStringLiteral("/loose.txt"), tripId + QStringLiteral("/a.jpg"),
                             tripId + QStringLiteral("/b.jpg"),   day + QStringLiteral("/c.jpg"),
                             day + QStringLiteral("/clip.mp4"),   day + QStringLiteral("/notes.txt"),
                             docs + QStringLiteral("/readme.txt")};
        expected.sort();
        QCOMPARE(queued(), expected); // the hidden file stays home
    }

    void aFolderIsWalkedOutsideQtsGlobalPool()
    {
        // Qt 6.4 paints large areas of a window with QThreadPool::globalInstance()'s threads and waits for
        // them: a folder walked there (seconds for a big one) would hold up the window's painting. With
        // every thread of the global pool held, a dropped folder is still walked and planned.
        const QString trip = makeTrip();
        QThreadPool *global = QThreadPool::globalInstance();
        const int threads = global->maxThreadCount();
        QSemaphore held;
        QSemaphore release;
        for (int i = 0; i < threads; ++i)
            global->start([&] {
                held.release();
                release.acquire();
            });
        QVERIFY(held.tryAcquire(threads, 10000));
        const auto outcome = plan({trip}, {m_sim->containerId(), m_sim->rootId()});
        release.release(threads);
        global->waitForDone();
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->details() : QString()));
        QCOMPARE(outcome.queued, 6);
    }

    void anAlbumTakesPhotosAndVideosIntoItsUploadsFolder()
    {
        const QString trip = makeTrip();
        const QString root = m_sim->rootId();
        UploadTarget target{m_sim->containerId(),
                            root,
                            {QStringLiteral("Uploads"), QStringLiteral("A/B: trip")},
                            QStringLiteral("album-1"),
                            true};
        const auto outcome = plan({trip}, target);
        QVERIFY(!outcome.error);
        QCOMPARE(outcome.queued, 4);  // a, b, c, clip
        QCOMPARE(outcome.leftOut, 2); // notes.txt, readme.txt
        const QString uploads = childId(root, QStringLiteral("Uploads"));
        const QString albumFolder = childId(uploads, QStringLiteral("A_B_ trip")); // no "/" or ":" in a name
        QVERIFY(!albumFolder.isEmpty());
        QCOMPARE(outcome.folderId, albumFolder);
        const QString tripId = childId(albumFolder, QStringLiteral("Trip"));
        QCOMPARE(childNames(tripId), QStringList{QStringLiteral("Day 1")}); // no folder without photos
        for (const QueuedUpload &upload : m_queue->all())
            QCOMPARE(upload.albumId, QStringLiteral("album-1"));

        // A second drop uses the folders that are there now: none is made twice.
        const QString more = write(QStringLiteral("Trip/Day 1/d.jpg"), test::jpegWithExif(64, 48));
        const auto again = plan({trip}, target);
        QVERIFY(!again.error);
        QCOMPARE(again.foldersMade, 0);
        QCOMPARE(again.folderId, albumFolder);
        QCOMPARE(childNames(albumFolder), QStringList{QStringLiteral("Trip")});
        QCOMPARE(m_queue->all().last().localPath, more);
        QCOMPARE(m_queue->all().last().parentFolderId, childId(tripId, QStringLiteral("Day 1")));
    }

    // An album's remembered folder is used as long as it is in the drive; once it is gone (deleted, or
    // never there) the files go to the album's "Uploads/<album>" instead, and the outcome says so.
    void aRememberedFolderIsUsedWhileItIsThere()
    {
        const QString photo = write(QStringLiteral("Trip/a.jpg"), test::jpegWithExif(64, 48));
        const QString root = m_sim->rootId();
        UploadTarget target{
            m_sim->containerId(), root, {QStringLiteral("Chosen")}, QStringLiteral("album-1"), true};
        const auto first = plan({photo}, target);
        QVERIFY(!first.error);
        const QString chosen = childId(root, QStringLiteral("Chosen"));
        QCOMPARE(first.folderId, chosen);

        target.subfolders.clear();
        target.folderId = chosen;
        target.remembered = true;
        target.fallbackFolderId = root;
        target.fallbackSubfolders = {QStringLiteral("Uploads"), QStringLiteral("Trip")};
        const auto there = plan({photo}, target);
        QVERIFY2(!there.error, qPrintable(there.error ? there.error->details() : QString()));
        QVERIFY(!there.rememberedGone);
        QCOMPARE(there.folderId, chosen);
        QCOMPARE(there.ids.size(), 1);
        QCOMPARE(m_queue->upload(there.ids.first())->parentFolderId, chosen);
        QVERIFY(childId(root, QStringLiteral("Uploads")).isEmpty());

        for (const QString &gone : {QStringLiteral("no-such-folder"), chosen}) {
            if (gone == chosen) { // now deleted: in the recycle bin
                m_sim->column(QStringLiteral("UPDATE files SET recycled = 1 WHERE id = ?"), {chosen});
                QCOMPARE(m_sim->column(QStringLiteral("SELECT recycled FROM files WHERE id = ?"), {chosen}),
                         QStringList{QStringLiteral("1")});
            }
            const auto elsewhere = plan({photo}, [&] {
                UploadTarget t = target;
                t.folderId = gone;
                return t;
            }());
            QVERIFY2(!elsewhere.error, qPrintable(elsewhere.error ? elsewhere.error->details() : QString()));
            QVERIFY(elsewhere.rememberedGone);
            const QString uploads = childId(childId(root, QStringLiteral("Uploads")), QStringLiteral("Trip"));
            QVERIFY(!uploads.isEmpty());
            QCOMPARE(elsewhere.folderId, uploads);
            QCOMPARE(m_queue->upload(elsewhere.ids.first())->parentFolderId, uploads);
        }
    }

    void whatCannotBeReadIsTold()
    {
        const QString gone = m_dir.filePath(QStringLiteral("gone.jpg"));
        const QString locked = m_dir.filePath(QStringLiteral("Locked"));
        write(QStringLiteral("Locked/inside.jpg"));
        QFile::setPermissions(locked, QFileDevice::WriteOwner);
        const bool canStillRead = QDir(locked).isReadable(); // as root, permissions do not stop a read
        const auto outcome = plan({gone, locked}, {m_sim->containerId(), m_sim->rootId()});
        QFile::setPermissions(locked,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(!outcome.error);
        QVERIFY(outcome.unreadable.contains(gone));
        if (!canStillRead)
            QVERIFY(outcome.unreadable.contains(locked));
    }

    void aFileTakingTheFolderNameIsAClearError()
    {
        const QString root = m_sim->rootId();
        const QString taken = write(QStringLiteral("Taken/x.jpg"), test::jpegWithExif(64, 48));
        const auto made = plan({QFileInfo(taken).absolutePath()}, {m_sim->containerId(), root});
        QVERIFY(!made.error);
        // Now "Taken" in the drive's top folder is a photo, not a folder.
        QCOMPARE(m_sim
                     ->column(QStringLiteral("UPDATE files SET is_folder = 0, file_type = 15"
                                             " WHERE name = 'Taken' AND parent_id = ? RETURNING id"),
                              {root})
                     .size(),
                 1);
        const auto clash = plan({QFileInfo(taken).absolutePath()}, {m_sim->containerId(), root});
        QVERIFY(clash.error);
        QVERIFY2(clash.error->message.contains(QLatin1String("Taken")), qPrintable(clash.error->message));
        QCOMPARE(clash.queued, 0);
    }

    void driveNamesAreSafe_data()
    {
        QTest::addColumn<QString>("local");
        QTest::addColumn<QString>("drive");
        QTest::addRow("plain") << QStringLiteral("IMG_0001.JPG") << QStringLiteral("IMG_0001.JPG");
        QTest::addRow("reserved") << QStringLiteral("a<b>c|d:e\"f*g?h.jpg")
                                  << QStringLiteral("a_b_c_d_e_f_g_h.jpg");
        QTest::addRow("control") << QStringLiteral("a\tb\nc.jpg") << QStringLiteral("a_b_c.jpg");
        QTest::addRow("dots") << QStringLiteral("..") << QStringLiteral("_..");
        QTest::addRow("long") << QString(300, QLatin1Char('n')) + QStringLiteral(".jpeg")
                              << QString(245, QLatin1Char('n')) + QStringLiteral(".jpeg");
    }
    void driveNamesAreSafe()
    {
        QFETCH(QString, local);
        QFETCH(QString, drive);
        QCOMPARE(UploadPlanner::driveName(local), drive);
    }
};

QTEST_GUILESS_MAIN(TestUploadPlanner)
#include "tst_UploadPlanner.moc"
