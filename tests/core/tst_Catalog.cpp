// The catalog on its own: places kept and read back in order, the least recently used dropped past the
// bound, and files it cannot use (truncated, not a database, from a newer app, from an older schema)
// handled without losing the app.
#include "catalog/Catalog.h"
#include "catalog/CatalogSchema.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

using koodrive::catalog::Catalog;
using koodrive::catalog::CatalogRow;

namespace {
QVector<CatalogRow> rows(const QString &prefix, int count)
{
    QVector<CatalogRow> out;
    for (int i = 0; i < count; ++i) {
        CatalogRow row;
        row.id = QStringLiteral("%1-%2").arg(prefix).arg(i);
        row.name = QStringLiteral("photo %1 «%2».jpg").arg(i).arg(prefix);
        row.mimeType = QStringLiteral("image/jpeg");
        row.ownerId = QStringLiteral("owner");
        row.containerId = QStringLiteral("space");
        row.thumbnailPath = QStringLiteral("/obs/%1?x-image-process=image%2Fresize").arg(row.id);
        row.size = 1000 + i;
        row.createdMs = 1'700'000'000'000 + i;
        row.editedMs = row.createdMs + 1;
        row.takenMs = row.createdMs - 1;
        row.width = 4000;
        row.height = 3000;
        row.fileType = 15;
        row.favorite = i % 3 == 2;                  // starred: the grid's heart comes back too
        row.durationMs = i % 4 == 1 ? 6000 + i : 0; // a video's length: its badge comes back too
        out << row;
    }
    return out;
}

QStringList ids(const QVector<CatalogRow> &list)
{
    QStringList out;
    for (const CatalogRow &row : list)
        out << row.id;
    return out;
}

// Runs SQL on a file as another program would (its own connection).
bool runSql(const QString &path, const QStringList &statements)
{
    bool ok = true;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("by-hand"));
        db.setDatabaseName(path);
        ok = db.open();
        QSqlQuery query(db);
        for (const QString &sql : statements)
            ok = ok && query.exec(sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("by-hand"));
    return ok;
}

// How many rows a table of the file holds, counted as another program would.
qint64 countIn(const QString &path, const QString &table)
{
    qint64 count = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("counting"));
        db.setDatabaseName(path);
        QSqlQuery query(db);
        if (db.open() && query.exec(QStringLiteral("SELECT COUNT(*) FROM %1").arg(table)) && query.next())
            count = query.value(0).toLongLong();
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("counting"));
    return count;
}
} // namespace

class TestCatalog : public QObject
{
    Q_OBJECT

private slots:
    void aPlaceComesBackAsItWasStored()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        const QVector<CatalogRow> stored = rows(QStringLiteral("a"), 250);
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog);
            QVERIFY(catalog->recoveryNote().isEmpty());
            QVERIFY(!catalog->place(QStringLiteral("folder|x")));
            QVERIFY(catalog->storePlace(QStringLiteral("folder|x"), stored, true, 1234));
        }
        auto catalog = Catalog::open(path); // across a restart of the app
        QVERIFY(catalog);
        const auto place = catalog->place(QStringLiteral("folder|x"));
        QVERIFY(place);
        QCOMPARE(place->readAtMs, 1234);
        QVERIFY(place->complete);
        QCOMPARE(ids(place->rows), ids(stored));
        const CatalogRow &row = place->rows[17];
        QCOMPARE(row.name, stored[17].name);
        QCOMPARE(row.thumbnailPath, stored[17].thumbnailPath);
        QCOMPARE(row.size, stored[17].size);
        QCOMPARE(row.takenMs, stored[17].takenMs);
        QCOMPARE(row.width, 4000);
        QCOMPARE(row.fileType, 15);
        QVERIFY(row.favorite);
        QVERIFY(!place->rows[16].favorite);
        QCOMPARE(row.durationMs, 6017);
        QCOMPARE(place->rows[16].durationMs, 0);

        // Stored again: replaced, not added to.
        QVERIFY(catalog->storePlace(QStringLiteral("folder|x"), rows(QStringLiteral("b"), 3), false, 99));
        const auto again = catalog->place(QStringLiteral("folder|x"));
        QCOMPARE(ids(again->rows), ids(rows(QStringLiteral("b"), 3)));
        QVERIFY(!again->complete);
        QCOMPARE(catalog->rowCount(), 3);
    }

    void aPlaceIsReadInTwoPartsTheRestOnAnotherThread()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        const QVector<CatalogRow> stored = rows(QStringLiteral("a"), 1000);
        QVERIFY(catalog->storePlace(QStringLiteral("folder|x"), stored, true, 1234));
        const auto first = catalog->place(QStringLiteral("folder|x"), 300);
        QVERIFY(first);
        QCOMPARE(first->rowCount, 1000);
        QCOMPARE(ids(first->rows), ids(stored.mid(0, 300)));
        // The rest, read where a model reads it: on a worker, through a connection of its own.
        auto rest = QtConcurrent::run(&Catalog::placeRows, path, first->id, 300, first->readAtMs).result();
        QVERIFY(rest);
        QCOMPARE(ids(*rest), ids(stored.mid(300)));
        QCOMPARE(rest->at(17).name, stored[317].name);

        // Stored again meanwhile: the rest would not follow the first part, and is not given.
        QVERIFY(catalog->storePlace(QStringLiteral("folder|x"), rows(QStringLiteral("b"), 1000), true, 5678));
        QVERIFY(!QtConcurrent::run(&Catalog::placeRows, path, first->id, 300, first->readAtMs).result());
    }

    void aPlaceStoredOnAWorkerIsWhatTheNextCallReadsAndOutlivesTheCatalog()
    {
        // A model stores its place with storePlaceLater: written on a worker, through a connection of its
        // own, while the window goes on. Every later call of the catalog, and closing it, waits for that
        // write: what is read after it is what it wrote, and the writes land in the order asked for.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        const QVector<CatalogRow> first = rows(QStringLiteral("a"), 3000);
        const QVector<CatalogRow> second = rows(QStringLiteral("b"), 2000);
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog);
            catalog->setRowLimit(4000);
            catalog->storePlaceLater(QStringLiteral("folder|x"), first, true, 11);
            const auto read = catalog->place(QStringLiteral("folder|x"));
            QVERIFY(read);
            QCOMPARE(read->readAtMs, 11);
            QCOMPARE(ids(read->rows), ids(first));
            QCOMPARE(read->rows.at(2999).name, first.at(2999).name);
            // Past the bound, on the worker's connection too: the least recently used place goes.
            catalog->storePlaceLater(QStringLiteral("folder|y"), second, false, 22);
            QVERIFY(!catalog->hasPlace(QStringLiteral("folder|x")));
            QCOMPARE(catalog->rowCount(), 2000);
            catalog->storePlaceLater(QStringLiteral("folder|y"), first, true, 33); // replaces the one before
        } // closed at once, the last write maybe still going
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        const auto kept = catalog->place(QStringLiteral("folder|y"));
        QVERIFY(kept);
        QCOMPARE(kept->readAtMs, 33);
        QVERIFY(kept->complete);
        QCOMPARE(ids(kept->rows), ids(first));
        catalog.reset();
        // Nothing of the place dropped is left in the file: the worker's connection, like the catalog's,
        // has the rows go with their place.
        QCOMPARE(countIn(path, QStringLiteral("place_rows")), 3000);
    }

    void theLeastRecentlyUsedPlacesGoFirstPastTheBound()
    {
        QTemporaryDir dir;
        auto catalog = Catalog::open(dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(catalog);
        catalog->setRowLimit(250);
        QVERIFY(catalog->storePlace(QStringLiteral("one"), rows(QStringLiteral("1"), 100), true, 1));
        QTest::qWait(5);
        QVERIFY(catalog->storePlace(QStringLiteral("two"), rows(QStringLiteral("2"), 100), true, 1));
        QTest::qWait(5);
        QVERIFY(catalog->place(QStringLiteral("one"))); // opened again: now the most recent
        QTest::qWait(5);
        QVERIFY(catalog->storePlace(QStringLiteral("three"), rows(QStringLiteral("3"), 100), true, 1));
        QVERIFY(catalog->hasPlace(QStringLiteral("one")));
        QVERIFY(!catalog->hasPlace(QStringLiteral("two")));
        QVERIFY(catalog->hasPlace(QStringLiteral("three")));
        QCOMPARE(catalog->rowCount(), 200);
        // A place larger than the bound is still kept (it is the one being looked at).
        QVERIFY(catalog->storePlace(QStringLiteral("huge"), rows(QStringLiteral("h"), 400), true, 1));
        QCOMPARE(catalog->placeCount(), 1);
        QCOMPARE(catalog->place(QStringLiteral("huge"))->rows.size(), 400);
    }

    void aTruncatedFileIsRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog->storePlace(QStringLiteral("p"), rows(QStringLiteral("p"), 3000), true, 1));
        }
        QFile file(path);
        QVERIFY(file.size() > 64 * 1024);
        QVERIFY(file.resize(file.size() / 3)); // a disk full or a crash mid-copy
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        QVERIFY2(!catalog->recoveryNote().isEmpty(), "the person is told");
        QVERIFY(!catalog->place(QStringLiteral("p")));
        QVERIFY(QFile::exists(path + QStringLiteral(".unreadable")));
        // And it works as a new one.
        QVERIFY(catalog->storePlace(QStringLiteral("q"), rows(QStringLiteral("q"), 5), true, 1));
        QCOMPARE(catalog->place(QStringLiteral("q"))->rows.size(), 5);
    }

    void damageInsideTheFileIsFoundByTheCheckAndTheNextOpenBeginsANewOne()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog->enqueueEdit({0, 2, QStringLiteral("a1"), QStringLiteral("Trip"),
                                          QByteArray("{}"), 10, false}) > 0);
            QVERIFY(catalog->storePlace(QStringLiteral("p"), rows(QStringLiteral("p"), 3000), true, 1));
            QVERIFY(Catalog::check(path).isEmpty()); // whole, while it is open
        }
        QVERIFY(Catalog::check(path).isEmpty());
        // A page of rows overwritten (a bad block): the file opens, its header is right.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.seek((file.size() / 2) / 4096 * 4096));
            QVERIFY(file.write(QByteArray(4096, '\xA5')) == 4096);
        }
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog);
            QVERIFY(catalog->recoveryNote().isEmpty()); // opening does not look at every page
            const QString problem = Catalog::check(path);
            QVERIFY2(!problem.isEmpty(), "the check finds it");
            QVERIFY(Catalog::markDamaged(path, problem));
        }
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        QVERIFY2(catalog->recoveryNote().contains(QStringLiteral("could not be read")),
                 qPrintable(catalog->recoveryNote()));
        QVERIFY2(catalog->recoveryNote().contains(QStringLiteral("1 album change")),
                 qPrintable(catalog->recoveryNote()));
        QVERIFY(!catalog->place(QStringLiteral("p")));
        QCOMPARE(catalog->pendingEdits().size(), 1);
        QVERIFY(QFile::exists(path + QStringLiteral(".unreadable")));
        QVERIFY(Catalog::check(path).isEmpty());
        // Opened again: whole, nothing set aside again.
        catalog.reset();
        QVERIFY(Catalog::open(path)->recoveryNote().isEmpty());
        // Forgetting the account leaves nothing behind.
        QVERIFY(Catalog::markDamaged(path, QStringLiteral("x")));
        QVERIFY(Catalog::remove(path));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
    }

    void albumEditsWaitingInADamagedFileAreReadBackIntoTheNewOne()
    {
        // Three edits wait (one of them being sent when the app went), then a big place is stored after
        // them; the file is then cut short. The new catalog holds the same edits, in the same order.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        using koodrive::catalog::OutboxEntry;
        const QVector<OutboxEntry> edits{
            {0, 1, QStringLiteral("pending:2"), QStringLiteral("Trip"), QByteArray("{\"name\":\"Trip\"}"), 11,
             true},
            {0, 4, QStringLiteral("pending:2"), QStringLiteral("Trip"), QByteArray("{\"files\":[\"f1\"]}"),
             12, false},
            {0, 2, QStringLiteral("a7"), QStringLiteral("Old name"), QByteArray("{\"name\":\"New\"}"), 13,
             false},
        };
        {
            auto catalog = Catalog::open(path);
            // An edit sent and done before: the waiting ones are numbered from 2.
            QVERIFY(catalog->finishEdit(catalog->enqueueEdit(
                {0, 2, QStringLiteral("a1"), QStringLiteral("A"), QByteArray("{}"), 10, false})));
            for (const OutboxEntry &edit : edits)
                QVERIFY(catalog->enqueueEdit(edit) > 0);
            QVERIFY(catalog->storePlace(QStringLiteral("p"), rows(QStringLiteral("p"), 3000), true, 1));
        }
        QFile file(path);
        QVERIFY(file.resize(file.size() / 3));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray damaged = file.readAll();
        file.close();
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        QVERIFY(!catalog->place(QStringLiteral("p")));
        QVERIFY2(catalog->recoveryNote().contains(QStringLiteral("3 album change")),
                 qPrintable(catalog->recoveryNote()));
        const QVector<OutboxEntry> back = catalog->pendingEdits();
        QCOMPARE(back.size(), edits.size());
        for (qsizetype i = 0; i < edits.size(); ++i) {
            QCOMPARE(back[i].kind, edits[i].kind);
            QCOMPARE(back[i].albumId, edits[i].albumId);
            QCOMPARE(back[i].albumName, edits[i].albumName);
            QCOMPARE(back[i].payload, edits[i].payload);
            QCOMPARE(back[i].createdMs, edits[i].createdMs);
            QCOMPARE(back[i].sent, edits[i].sent);
            // Their own numbers: "pending:2" still names the album the first edit creates.
            QCOMPARE(back[i].seq, qint64(i + 2));
        }
        // The copy set aside was only read.
        QFile aside(path + QStringLiteral(".unreadable"));
        QVERIFY(aside.open(QIODevice::ReadOnly));
        QVERIFY(aside.readAll() == damaged);
        aside.close();
        // Read back once only: opened again, the catalog is whole and holds them once.
        catalog.reset();
        QCOMPARE(Catalog::open(path)->pendingEdits().size(), edits.size());
        // Forgetting the account deletes the copy set aside too.
        QVERIFY(Catalog::remove(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(aside.fileName()));
    }

    void aFileThatIsNoDatabaseIsRebuilt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
        file.close();
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        QVERIFY(!catalog->recoveryNote().isEmpty());
        QCOMPARE(catalog->schemaVersion(), koodrive::catalog::schema::currentVersion());
    }

    void aFileFromANewerAppIsSetAsideNotChanged()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        QVERIFY(runSql(path, {QStringLiteral("CREATE TABLE future (x)"),
                              QStringLiteral("PRAGMA user_version = %1")
                                  .arg(koodrive::catalog::schema::currentVersion() + 1)}));
        auto catalog = Catalog::open(path);
        QVERIFY(catalog);
        QVERIFY(catalog->recoveryNote().contains(QStringLiteral("newer")));
        QCOMPARE(catalog->schemaVersion(), koodrive::catalog::schema::currentVersion());
        catalog.reset();
        // The newer file is kept as it was, for the newer app.
        QVERIFY(runSql(path + QStringLiteral(".unreadable"), {QStringLiteral("SELECT x FROM future")}));
    }

    void everyOlderVersionIsBroughtUpToDate()
    {
        // A file of each older version, made by running the steps up to it (as that app did), holding a
        // place: opened, it reaches the current version and the place is still there.
        QVERIFY(koodrive::catalog::schema::currentVersion() >= 2);
        for (int version = 1; version < koodrive::catalog::schema::currentVersion(); ++version) {
            QTemporaryDir dir;
            const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
            QStringList steps;
            for (int step = 1; step <= version; ++step)
                steps << koodrive::catalog::schema::stepTo(step);
            steps << QStringLiteral(
                         "INSERT INTO places (id, key, read_at, used_at, complete, row_count) VALUES "
                         "(7, 'old', 5, 5, 1, 1)")
                  << QStringLiteral(
                         "INSERT INTO place_rows (place, pos, id, name, mime, owner, container, thumb, "
                         "size, created, edited, taken, width, height, type) VALUES (7, 0, 'f1', 'kept.jpg', "
                         "'image/jpeg', 'o', 'c', '', 1, 2, 3, 4, 5, 6, 15)")
                  << QStringLiteral("PRAGMA user_version = %1").arg(version);
            QVERIFY(runSql(path, steps));
            auto catalog = Catalog::open(path);
            QVERIFY(catalog);
            QVERIFY2(catalog->recoveryNote().isEmpty(), qPrintable(catalog->recoveryNote()));
            QCOMPARE(catalog->schemaVersion(), koodrive::catalog::schema::currentVersion());
            const auto place = catalog->place(QStringLiteral("old"));
            QVERIFY(place);
            QCOMPARE(place->rows.size(), 1);
            QCOMPARE(place->rows[0].name, QStringLiteral("kept.jpg"));
            // And what the new version adds works in it.
            QVERIFY(catalog->storeTreeChildren(QString(), {{QStringLiteral("r"),
                                                            QStringLiteral("My drive"),
                                                            QStringLiteral("c"),
                                                            QStringLiteral("o"),
                                                            {},
                                                            0,
                                                            false}}));
        }
    }

    void theTreeAndTheAlbumListsAreKept()
    {
        QTemporaryDir dir;
        auto catalog = Catalog::open(dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(catalog);
        QVERIFY(!catalog->treeChildren(QString()));
        QVERIFY(catalog->treeChildren(QStringLiteral("c|r")) == std::nullopt);
        const QVector<koodrive::catalog::TreeNodeRow> spaces{{QStringLiteral("r"),
                                                              QStringLiteral("My drive"),
                                                              QStringLiteral("c"),
                                                              QStringLiteral("me"),
                                                              {},
                                                              0,
                                                              false},
                                                             {QStringLiteral("s"), QStringLiteral("Family"),
                                                              QStringLiteral("c2"), QStringLiteral("mum"),
                                                              QStringLiteral("g1"), 42, true}};
        QVERIFY(catalog->storeTreeChildren(QString(), spaces));
        QVERIFY(catalog->storeTreeChildren(QStringLiteral("c|r"), {})); // listed, and empty
        const auto back = catalog->treeChildren(QString());
        QVERIFY(back);
        QCOMPARE(back->size(), 2);
        QCOMPARE(back->at(1).name, QStringLiteral("Family"));
        QCOMPARE(back->at(1).shareFolderId, 42);
        QVERIFY(back->at(1).shared);
        QCOMPARE(back->at(1).groupId, QStringLiteral("g1"));
        QVERIFY(catalog->treeChildren(QStringLiteral("c|r")));
        QVERIFY(catalog->treeChildren(QStringLiteral("c|r"))->isEmpty());

        koodrive::api::Album album;
        album.id = QStringLiteral("a1");
        album.name = QStringLiteral("Trip «2024»");
        album.coverUrl =
            "https://obs.example/obs/f9?x-image-process=image%2Fresize%2Ch_128&X-Amz-Signature=SECRET";
        album.type = koodrive::api::AlbumType::Collection;
        album.kind = koodrive::api::AlbumKind::Shared;
        album.scopeDirs = {QStringLiteral("d1"), QStringLiteral("d2")};
        album.scopeKind = QStringLiteral("1,2");
        album.groupId = QStringLiteral("g1");
        album.createdMs = 11;
        album.updatedMs = 12;
        QVERIFY(catalog->storeAlbums(3, {album}));
        const auto albums = catalog->albums(3);
        QVERIFY(albums);
        QCOMPARE(albums->size(), 1);
        const koodrive::api::Album &kept = albums->first();
        QCOMPARE(kept.name, album.name);
        QCOMPARE(kept.scopeDirs, album.scopeDirs);
        QCOMPARE(kept.type, koodrive::api::AlbumType::Collection);
        QCOMPARE(kept.kind, koodrive::api::AlbumKind::Shared);
        QCOMPARE(kept.updatedMs, 12);
        // The cover is kept as what names the picture, never with its signature.
        QCOMPARE(kept.coverUrl, QByteArray("/obs/f9?x-image-process=image%2Fresize%2Ch_128"));
        QVERIFY(!catalog->albums(0));
    }

    void removeDeletesTheFileAndItsJournal()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("catalog.sqlite"));
        {
            auto catalog = Catalog::open(path);
            QVERIFY(catalog->storePlace(QStringLiteral("p"), rows(QStringLiteral("p"), 5), true, 1));
        }
        QVERIFY(QFile::exists(path));
        QVERIFY(Catalog::remove(path));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));
    }
};

QTEST_GUILESS_MAIN(TestCatalog)
#include "tst_Catalog.moc"
