// transfers::UploadQueue: the uploads a person asked for, and how far each got, kept on disk: they survive
// the app going away, and a file that is not a queue costs the list, never the app.
#include "transfers/UploadQueue.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using koodrive::transfers::FileUpload;
using koodrive::transfers::QueuedUpload;
using koodrive::transfers::UploadQueue;
using State = QueuedUpload::State;

class TestUploadQueue : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString path() const { return m_dir.filePath(QStringLiteral("queue/uploads.sqlite")); }
    static QueuedUpload entry(const QString &name, const QString &album = QString())
    {
        QueuedUpload upload;
        upload.localPath = QStringLiteral("/home/someone/Pictures/") + name;
        upload.fileName = name;
        upload.parentFolderId = QStringLiteral("F1");
        upload.albumId = album;
        upload.size = 1234;
        return upload;
    }

private slots:
    void init() { QDir(QFileInfo(path()).path()).removeRecursively(); }

    void whatWasQueuedIsThereAfterARestart()
    {
        {
            auto queue = UploadQueue::open(path());
            QVERIFY(queue);
            QVERIFY(queue->recoveryNote().isEmpty());
            QSignalSpy added(queue.get(), &UploadQueue::added);
            const QList<qint64> ids = queue->add({entry(QStringLiteral("a.jpg")),
                                                  entry(QStringLiteral("b.jpg"), QStringLiteral("A1")),
                                                  entry(QStringLiteral("c.jpg"))});
            QCOMPARE(ids.size(), 3);
            QCOMPARE(added.size(), 1);
            QCOMPARE(queue->nextWaiting()->id, ids.at(0));
            QVERIFY(queue->setState(ids.at(0), State::Running));
            QVERIFY(queue->setProgress(
                ids.at(0),
                {QStringLiteral("FILE1"), QByteArray(64, 'e'), 12345, 777, 2, QStringLiteral("C1")}, 10000));
            QVERIFY(queue->setUploaded(ids.at(1), QStringLiteral("FILE2"), State::Uploaded));
            QVERIFY(queue->setState(ids.at(2), State::Failed, QStringLiteral("The storage refused part 1"),
                                    QStringLiteral("trace-9")));
        } // the app goes away with a.jpg running
        auto queue = UploadQueue::open(path());
        QVERIFY(queue);
        QList<QueuedUpload> all = queue->all();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).state, State::Running);
        QCOMPARE(queue->recoverInterrupted(), 1);
        const QueuedUpload a = *queue->upload(all.at(0).id);
        QCOMPARE(a.state, State::Waiting);
        QCOMPARE(a.resume.fileId, QStringLiteral("FILE1"));
        QCOMPARE(a.resume.sha256Hex, QByteArray(64, 'e'));
        QCOMPARE(a.resume.length, 12345);
        QCOMPARE(a.resume.modifiedMs, 777);
        QCOMPARE(a.resume.partsSent, 2);
        QCOMPARE(a.resume.containerId, QStringLiteral("C1"));
        QCOMPARE(a.bytesSent, 10000);
        QCOMPARE(a.localPath, QStringLiteral("/home/someone/Pictures/a.jpg"));
        QCOMPARE(queue->uploadedNotInAlbum().size(), 1);
        QCOMPARE(queue->uploadedNotInAlbum().at(0).driveFileId, QStringLiteral("FILE2"));
        const QueuedUpload c = *queue->upload(all.at(2).id);
        QCOMPARE(c.error, QStringLiteral("The storage refused part 1"));
        QCOMPARE(c.traceId, QStringLiteral("trace-9"));
        QVERIFY(c.endedMs > 0);
        QCOMPARE(queue->removeEnded(), 1);
        QCOMPARE(queue->all().size(), 2);
        QVERIFY(queue->clearProgress(a.id));
        QVERIFY(queue->upload(a.id)->resume.fileId.isEmpty());
    }

    void aDamagedFileIsMovedAsideAndANewListBegun_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addRow("not a database") << QByteArray("this is not SQLite at all").repeated(200);
        QTest::addRow("truncated") << QByteArray();
    }
    void aDamagedFileIsMovedAsideAndANewListBegun()
    {
        QFETCH(QByteArray, contents);
        {
            auto queue = UploadQueue::open(path());
            queue->add({entry(QStringLiteral("a.jpg"))});
        }
        QFile file(path());
        QVERIFY(file.open(QIODevice::ReadWrite));
        if (contents.isEmpty())
            QVERIFY(file.resize(file.size() / 3));
        else
            QCOMPARE(file.write(contents), contents.size());
        file.close();
        QFile::remove(path() + QStringLiteral("-wal"));
        auto queue = UploadQueue::open(path());
        QVERIFY(queue);
        QVERIFY(!queue->recoveryNote().isEmpty());
        QVERIFY(queue->all().isEmpty());
        QVERIFY(queue->add({entry(QStringLiteral("b.jpg"))}).size() == 1);
        QCOMPARE(
            QDir(QFileInfo(path()).path()).entryList({QStringLiteral("uploads.sqlite.unreadable-*")}).size(),
            1);
    }

    void aListFromANewerAppIsNotTouched()
    {
        {
            auto queue = UploadQueue::open(path());
            QVERIFY(queue);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery(db).exec(
                QStringLiteral("PRAGMA user_version = %1").arg(UploadQueue::SchemaVersion + 1));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
        QString error;
        auto queue = UploadQueue::open(path(), &error);
        QVERIFY2(queue, qPrintable(error));
        QVERIFY(queue->recoveryNote().contains(QLatin1String("newer version")));
    }

    void aListOfTheFirstVersionKeepsItsUploadsAndTakesDownloads()
    {
        // The queue as the app before Save to… wrote it (schema 1), with an upload half sent.
        QDir().mkpath(QFileInfo(path()).path());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v1"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral(
                "CREATE TABLE uploads (id INTEGER PRIMARY KEY AUTOINCREMENT, local_path TEXT NOT NULL, "
                "file_name TEXT NOT NULL, parent_folder_id TEXT NOT NULL, share_folder_id INTEGER NOT NULL "
                "DEFAULT 0, album_id TEXT NOT NULL DEFAULT '', size INTEGER NOT NULL, state INTEGER NOT "
                "NULL, "
                "bytes_sent INTEGER NOT NULL DEFAULT 0, file_id TEXT NOT NULL DEFAULT '', sha256 TEXT NOT "
                "NULL "
                "DEFAULT '', length INTEGER NOT NULL DEFAULT 0, modified_ms INTEGER NOT NULL DEFAULT 0, "
                "parts_sent INTEGER NOT NULL DEFAULT 0, uploaded_file_id TEXT NOT NULL DEFAULT '', error "
                "TEXT "
                "NOT NULL DEFAULT '', trace_id TEXT NOT NULL DEFAULT '', queued_ms INTEGER NOT NULL, "
                "ended_ms "
                "INTEGER NOT NULL DEFAULT 0, container_id TEXT NOT NULL DEFAULT '')")));
            QVERIFY(query.exec(QStringLiteral(
                "INSERT INTO uploads (local_path, file_name, parent_folder_id, size, state, file_id, "
                "parts_sent, bytes_sent, queued_ms) VALUES ('/home/someone/a.jpg', 'a.jpg', 'F1', 40000000, "
                "1, "
                "'Fnew', 3, 15728640, 1)")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 1")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v1"));
        QString error;
        auto queue = UploadQueue::open(path(), &error);
        QVERIFY2(queue, qPrintable(error));
        QVERIFY(queue->recoveryNote().isEmpty()); // migrated, not moved aside
        const QList<QueuedUpload> kept = queue->all();
        QCOMPARE(kept.size(), 1);
        QCOMPARE(kept.first().direction, QueuedUpload::Direction::Upload);
        QCOMPARE(kept.first().resume.fileId, QStringLiteral("Fnew"));
        QCOMPARE(kept.first().resume.partsSent, 3);
        QCOMPARE(queue->recoverInterrupted(), 1);
        QueuedUpload download;
        download.direction = QueuedUpload::Direction::Download;
        download.fileName = QStringLiteral("b.jpg");
        download.driveFileId = QStringLiteral("Fb");
        download.localFolder = QStringLiteral("/home/someone/Saved");
        download.timeMs = 1234;
        QCOMPARE(queue->add({download}).size(), 1);
        // Each runner sees its own kind only.
        QCOMPARE(queue->nextWaiting()->fileName, QStringLiteral("a.jpg"));
        QCOMPARE(queue->nextWaiting(QueuedUpload::Direction::Download)->localFolder,
                 QStringLiteral("/home/someone/Saved"));
        QCOMPARE(queue->nextWaiting(QueuedUpload::Direction::Download)->timeMs, 1234);
        // And it keeps albums' upload folders (schema 3).
        QVERIFY(
            queue->setAlbumFolder(QStringLiteral("A1"), {QStringLiteral("F9"), QStringLiteral("Uploads/A")}));
        QCOMPARE(queue->albumFolder(QStringLiteral("A1"))->folderId, QStringLiteral("F9"));
    }

    // A queue of the second version (before albums' upload folders) keeps its uploads and takes them; the
    // steps of a migration go in one transaction with the new version.
    void aListOfTheSecondVersionTakesAlbumsFolders()
    {
        {
            auto queue = UploadQueue::open(path());
            QVERIFY(queue);
            QCOMPARE(queue->add({entry(QStringLiteral("a.jpg"))}).size(), 1);
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v2"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("DROP TABLE album_folders")));
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = 2")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v2"));
        {
            QString error;
            auto queue = UploadQueue::open(path(), &error);
            QVERIFY2(queue, qPrintable(error));
            QVERIFY(queue->recoveryNote().isEmpty()); // migrated, not moved aside
            QCOMPARE(queue->all().size(), 1);
            QVERIFY(queue->setAlbumFolder(QStringLiteral("A1"),
                                          {QStringLiteral("F9"), QStringLiteral("Uploads/A")}));
        }
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("v3"));
            db.setDatabaseName(path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY(query.exec(QStringLiteral("PRAGMA user_version")) && query.next());
            QCOMPARE(query.value(0).toInt(), UploadQueue::SchemaVersion);
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("v3"));
        QCOMPARE(UploadQueue::open(path())->albumFolder(QStringLiteral("A1"))->folderId,
                 QStringLiteral("F9"));
    }

    // Where an album's drops go is kept with the account's queue; a change of folder takes along the
    // files of the drop that have not begun, and only those.
    void anAlbumsUploadFolderIsKeptAndFilesNotBegunFollowIt()
    {
        QList<qint64> ids;
        {
            auto queue = UploadQueue::open(path());
            QVERIFY(queue);
            QVERIFY(!queue->albumFolder(QStringLiteral("A1")));
            QVERIFY(queue->setAlbumFolder(QStringLiteral("A1"),
                                          {QStringLiteral("F1"), QStringLiteral("Uploads/Trip"), false}));
            QVERIFY(queue->setAlbumFolder(QStringLiteral("A2"),
                                          {QStringLiteral("F7"), QStringLiteral("Family/2026"), true}));
            ids = queue->add({entry(QStringLiteral("a.jpg"), QStringLiteral("A1")),
                              entry(QStringLiteral("b.jpg"), QStringLiteral("A1")),
                              entry(QStringLiteral("c.jpg"), QStringLiteral("A1")),
                              entry(QStringLiteral("d.jpg"), QStringLiteral("A1")),
                              entry(QStringLiteral("e.jpg"), QStringLiteral("A1"))});
            QCOMPARE(ids.size(), 5);
            QVERIFY(queue->setState(ids.at(0), State::Running)); // being sent
            QVERIFY(queue->setProgress(ids.at(1),
                                       {QStringLiteral("FILE2"), QByteArray(64, 'e'), 1234, 1, 1, QString()},
                                       1000));                  // begun, then back to waiting (a restart)
            QVERIFY(queue->setState(ids.at(2), State::Paused)); // paused before it began
            QSignalSpy changed(queue.get(), &UploadQueue::changed);
            // e.jpg is not of this drop; c.jpg and d.jpg are, and have not begun.
            QCOMPARE(queue->moveWaiting(ids.mid(0, 4), QStringLiteral("F1"), QStringLiteral("F2")), 2);
            QCOMPARE(changed.size(), 2);
            QCOMPARE(changed.at(0).first().toLongLong(), ids.at(2));
            QCOMPARE(changed.at(1).first().toLongLong(), ids.at(3));
            QCOMPARE(queue->moveWaiting(ids, QStringLiteral("elsewhere"), QStringLiteral("F3")), 0);
            QVERIFY(queue->setAlbumFolder(QStringLiteral("A1"),
                                          {QStringLiteral("F2"), QStringLiteral("Trips/Alps"), true}));
        }
        auto queue = UploadQueue::open(path());
        QVERIFY(queue);
        QStringList folders;
        for (const qint64 id : std::as_const(ids))
            folders << queue->upload(id)->parentFolderId;
        QCOMPARE(folders, (QStringList{QStringLiteral("F1"), QStringLiteral("F1"), QStringLiteral("F2"),
                                       QStringLiteral("F2"), QStringLiteral("F1")}));
        const auto a1 = queue->albumFolder(QStringLiteral("A1"));
        QVERIFY(a1);
        QCOMPARE(a1->folderId, QStringLiteral("F2"));
        QCOMPARE(a1->path, QStringLiteral("Trips/Alps"));
        QVERIFY(a1->chosen);
        QCOMPARE(queue->albumFolder(QStringLiteral("A2"))->path, QStringLiteral("Family/2026"));
        QVERIFY(queue->forgetAlbumFolder(QStringLiteral("A2")));
        QVERIFY(!queue->albumFolder(QStringLiteral("A2")));
        QVERIFY(queue->albumFolder(QStringLiteral("A1")));
    }

    void aFolderThatCannotBeWrittenIsSaid()
    {
        QString error;
        auto queue = UploadQueue::open(QStringLiteral("/proc/no such place/uploads.sqlite"), &error);
        QVERIFY(!queue);
        QVERIFY(!error.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUploadQueue)
#include "tst_UploadQueue.moc"
