// AlbumListModel over an in-process koodrive-sim: all four lists paged in, changes in place, drops of
// drive files and folders on manual albums (checked on the server), refusal on collection albums, covers.
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "catalog/Catalog.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using koodrive::models::AlbumListModel;
using koodrive::models::DriveItem;
using koodrive::test::SimFixture;
using Outcome = api::AlbumAddBatch::Outcome;

class TestAlbumListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    std::unique_ptr<thumbnails::ThumbnailScheduler> m_thumbnails;
    std::unique_ptr<AlbumListModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    std::unique_ptr<QTemporaryDir> m_catalogDir;
    std::unique_ptr<catalog::Catalog> m_catalog; // outlives the models that keep their lists in it

    // What the user can see: their personal albums and the shared albums of their groups.
    QStringList albumsOnServer()
    {
        QStringList ids = m_sim->column(
            QStringLiteral("SELECT id FROM albums WHERE (kind = 1 AND owner_id = ?) OR (kind = 2 "
                           "AND group_id IN (SELECT group_id FROM group_members WHERE user_id = ?))"),
            {m_sim->userId(), m_sim->userId()});
        ids.sort();
        return ids;
    }
    // The lists read to their ends, kept in a catalog of the test's own (m_catalog).
    bool loadAllKeptInACatalog()
    {
        m_catalogDir = std::make_unique<QTemporaryDir>();
        m_catalog = catalog::Catalog::open(m_catalogDir->filePath(QStringLiteral("catalog.sqlite")));
        if (!m_catalog)
            return false;
        m_model->setCatalog(m_catalog.get());
        m_model->reload();
        return loadAll();
    }
    bool loadAll()
    {
        QSignalSpy errors(m_model.get(), &AlbumListModel::errorOccurred);
        while (m_model->canFetchMore()) {
            m_model->fetchMore();
            if (!QTest::qWaitFor([&] { return !m_model->isLoading(); }, 10000) || !errors.isEmpty())
                return false;
        }
        return true;
    }
    QStringList modelIds() const
    {
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(); ++row)
            ids << m_model->index(row).data(AlbumListModel::IdRole).toString();
        ids.sort();
        return ids;
    }
    int firstRow(bool manual, api::AlbumKind kind = api::AlbumKind::Personal) const
    {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const auto index = m_model->index(row);
            if (index.data(AlbumListModel::IsManualRole).toBool() == manual &&
                index.data(AlbumListModel::KindRole).toInt() == int(kind))
                return row;
        }
        return -1;
    }
    template<typename Start>
    api::Result<QString> wait(Start start)
    {
        std::optional<api::Result<QString>> result;
        start([&result](const api::Result<QString> &r) { result = r; });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            return api::ApiError::invalidInput(QStringLiteral("test"), QStringLiteral("no answer"));
        return *result;
    }
    std::unique_ptr<QMimeData> dragOf(const QVector<DriveItem> &items)
    {
        auto mime = std::make_unique<QMimeData>();
        models::DriveItemsMime::write(mime.get(), items);
        return mime;
    }

private slots:
    void init()
    {
        m_sim = std::make_unique<SimFixture>(400);
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        m_model = std::make_unique<AlbumListModel>(m_client.get(), m_thumbnails.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_catalog.reset();
        m_catalogDir.reset();
        m_thumbnails.reset();
        m_client.reset();
        m_sim.reset();
    }

    void everyAlbumOfTheFourListsOnceInOrder()
    {
        // More than one page of personal manual albums.
        for (int i = 0; i < 105; ++i)
            QVERIFY(wait([&](auto done) {
                        m_client->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal,
                                               QStringLiteral("Trip %1").arg(i)},
                                              this, done);
                    }).ok());
        m_model->reload(); // they were made behind the model's back
        QVERIFY(loadAll());
        QCOMPARE(modelIds(), albumsOnServer());
        QVERIFY(m_model->rowCount() > 110);
        // Personal before shared, manual before collection, newest first within each.
        int lastSection = 0;
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const auto index = m_model->index(row);
            const int section = (index.data(AlbumListModel::KindRole).toInt() - 1) * 2 +
                                (index.data(AlbumListModel::IsManualRole).toBool() ? 0 : 1);
            QVERIFY(section >= lastSection);
            lastSection = section;
        }
        QCOMPARE(m_model->index(0).data().toString(), QStringLiteral("Trip 104"));
        QVERIFY(firstRow(true, api::AlbumKind::Shared) >= 0);
        QVERIFY(firstRow(false, api::AlbumKind::Shared) >= 0);
    }

    void savedListsShowAtOnceAndAreBroughtInLine()
    {
        QVERIFY(loadAllKeptInACatalog());
        const QStringList first = modelIds();
        QVERIFY(first.size() >= 3);
        const QString gone = m_model->index(0).data(AlbumListModel::IdRole).toString();
        const QString renamed = m_model->index(1).data(AlbumListModel::IdRole).toString();

        // Behind the model's back: one album deleted, one renamed, one made.
        m_sim->column(QStringLiteral("DELETE FROM albums WHERE id = ?"), {gone});
        m_sim->column(QStringLiteral("UPDATE albums SET name = 'Renamed elsewhere' WHERE id = ?"), {renamed});
        const auto made = wait([&](auto done) {
            m_client->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Made")},
                                  this, done);
        });
        QVERIFY(made.ok());

        AlbumListModel second(m_client.get(), m_thumbnails.get());
        QAbstractItemModelTester tester(&second, QAbstractItemModelTester::FailureReportingMode::QtTest);
        second.setCatalog(m_catalog.get());
        QSignalSpy resets(&second, &QAbstractItemModel::modelReset);
        QSignalSpy errors(&second, &AlbumListModel::errorOccurred);
        second.reload();
        QCOMPARE(second.rowCount(), int(first.size())); // at once, as saved
        QVERIFY(second.showsSaved());
        while (second.canFetchMore()) {
            second.fetchMore();
            QVERIFY(QTest::qWaitFor([&] { return !second.isLoading(); }, 10000));
        }
        QTRY_VERIFY(!second.showsSaved());
        QVERIFY(errors.isEmpty());
        QCOMPARE(resets.size(), 1); // reload()'s own: the rest in place
        QStringList now;
        for (int row = 0; row < second.rowCount(); ++row)
            now << second.index(row).data(AlbumListModel::IdRole).toString();
        now.sort();
        QCOMPARE(now, albumsOnServer());
        QVERIFY(now.contains(made.value()));
        QVERIFY(!now.contains(gone));
        for (int row = 0; row < second.rowCount(); ++row)
            if (second.index(row).data(AlbumListModel::IdRole).toString() == renamed)
                QCOMPARE(second.index(row).data().toString(), QStringLiteral("Renamed elsewhere"));
        // The catalog holds the lists as read now.
        const auto kept = m_catalog->albums(0);
        QVERIFY(kept);
        QVERIFY(std::none_of(kept->cbegin(), kept->cend(),
                             [&](const api::Album &album) { return album.id == gone; }));
    }

    // A rename made here is kept with the lists at once: a reload (after files went to the recycle bin, say)
    // shows the new name from its first frame, not the old one until the server's page comes.
    void aRenameMadeHereIsKeptWithTheSavedLists()
    {
        QVERIFY(loadAllKeptInACatalog());
        const int row = firstRow(true);
        QVERIFY(row >= 0);
        const QString id = m_model->index(row).data(AlbumListModel::IdRole).toString();
        QVERIFY(
            wait([&](auto done) { m_model->renameAlbum(row, QStringLiteral("Renamed here"), done); }).ok());

        // Before any answer (reload() shows the saved lists at once), the new name.
        m_model->reload();
        QVERIFY(m_model->showsSaved());
        QCOMPARE(m_model->index(m_model->rowOfId(id)).data().toString(), QStringLiteral("Renamed here"));
    }

    // refreshAll() reads the lists again in place: no reset (the selection and the scroll stay), and what
    // changed behind the model's back is brought in line.
    void refreshAllReadsTheListsAgainInPlace()
    {
        QVERIFY(loadAll());
        const QString id = m_model->index(firstRow(true)).data(AlbumListModel::IdRole).toString();
        m_sim->column(QStringLiteral("UPDATE albums SET name = 'Renamed elsewhere' WHERE id = ?"), {id});
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        const int rows = m_model->rowCount();
        m_model->refreshAll();
        QTRY_COMPARE(m_model->index(m_model->rowOfId(id)).data().toString(),
                     QStringLiteral("Renamed elsewhere"));
        QCOMPARE(resets.count(), 0);
        QCOMPARE(m_model->rowCount(), rows);
        QCOMPARE(modelIds(), albumsOnServer());
    }

    void createRenameRescopeAndDeleteChangeRowsInPlace()
    {
        QVERIFY(loadAll());
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        const int rows = m_model->rowCount();
        // The list the model reads again after each creation is read at once but answered 1.5 s late, after
        // the rename and the change of scope below are done. A late answer must not undo the rename, and the
        // model must read the list once more after the change of scope rather than keep what it says.
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        m_sim->server().http().scriptFaults(
            {{Kind::Slow, 0, 0, 1500, 2, QStringLiteral("/koodrive/ose/v1/album/list")}});

        const auto created = wait([&](auto done) {
            m_model->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Beach")},
                                 done);
        });
        QVERIFY(created.ok());
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(m_model->rowCount(), rows + 1);
        const int row = m_model->rowOfId(created.value());
        QCOMPARE(row, 0); // newest first, personal manual first
        QCOMPARE(m_model->index(row).data().toString(), QStringLiteral("Beach"));

        QVERIFY(m_model->setData(m_model->index(row), QStringLiteral("Beach 2026")));
        QTRY_COMPARE(m_model->index(row).data().toString(), QStringLiteral("Beach 2026"));
        QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {created.value()}),
                 QStringList{QStringLiteral("Beach 2026")});

        // A name of 21 characters is refused, and the row keeps its name.
        QSignalSpy errors(m_model.get(), &AlbumListModel::errorOccurred);
        const auto tooLong =
            wait([&](auto done) { m_model->renameAlbum(row, QString(21, QLatin1Char('x')), done); });
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().parameter, QStringLiteral("name"));
        QCOMPARE(errors.count(), 1);
        QCOMPARE(m_model->index(row).data().toString(), QStringLiteral("Beach 2026"));

        // A collection album over two folders, then over one, images only.
        const QString root = m_sim->rootId();
        const QStringList folders = m_sim->childIds(root, api::FileType::Folder).mid(0, 2);
        api::KooDriveClient::NewAlbum collection;
        collection.type = api::AlbumType::Collection;
        collection.scopeDirs = folders;
        collection.scopeParentFolderId = root;
        const auto made = wait([&](auto done) { m_model->createAlbum(collection, done); });
        QVERIFY2(made.ok(), qPrintable(made.ok() ? QString() : made.error().details()));
        const int collectionRow = m_model->rowOfId(made.value());
        QCOMPARE(m_model->index(collectionRow).data(AlbumListModel::ScopeDirsRole).toStringList(), folders);
        QVERIFY(wait([&](auto done) {
                    m_model->rescopeAlbum(collectionRow, folders.mid(0, 1), root, true, false, done);
                }).ok());
        QTRY_COMPARE(
            m_model->index(m_model->rowOfId(made.value())).data(AlbumListModel::ScopeDirsRole).toStringList(),
            folders.mid(0, 1));
        QCOMPARE(
            m_model->index(m_model->rowOfId(made.value())).data(AlbumListModel::ScopeKindRole).toString(),
            QStringLiteral("1"));
        QCOMPARE(m_sim->column(QStringLiteral("SELECT folder_id FROM album_scope WHERE album_id = ?"),
                               {made.value()}),
                 folders.mid(0, 1));
        // Both late answers have come by now (the second was asked later with the same delay).
        QCOMPARE(m_sim->server().http().scriptedFaultsServed(), 2);
        QCOMPARE(m_model->index(m_model->rowOfId(created.value())).data().toString(),
                 QStringLiteral("Beach 2026"));

        QVERIFY(wait([&](auto done) { m_model->deleteAlbum(m_model->rowOfId(created.value()), done); }).ok());
        QCOMPARE(removed.count(), 1);
        QCOMPARE(m_model->rowOfId(created.value()), -1);
        QVERIFY(
            m_sim->column(QStringLiteral("SELECT id FROM albums WHERE id = ?"), {created.value()}).isEmpty());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(modelIds(), albumsOnServer());
        QVERIFY(changed.count() > 0);
    }

    void aDragFromAFolderAddsExactlyThoseFilesToAManualAlbum()
    {
        QVERIFY(loadAll());
        const auto created = wait([&](auto done) {
            m_model->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Picks")},
                                 done);
        });
        QVERIFY(created.ok());
        const QModelIndex album = m_model->index(m_model->rowOfId(created.value()));

        models::FolderModel folder(m_client.get(), nullptr);
        folder.setLocation({m_sim->containerId(), m_sim->folderNamed(QStringLiteral("Camera")), false});
        folder.setTypeFilter(models::FolderModel::TypeFilter::Images);
        folder.fetchMore();
        QTRY_VERIFY(folder.rowCount() > 20);
        const QModelIndexList selection{folder.index(2), folder.index(5), folder.index(9), folder.index(17)};
        std::unique_ptr<QMimeData> mime(folder.mimeData(selection));
        QStringList expected;
        for (const auto &index : selection)
            expected << index.data(models::PagedFileModel::IdRole).toString();
        expected.sort();

        QVERIFY(m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, album));
        QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, 0, 0, {})); // between rows: no
        QSignalSpy started(m_model.get(), &AlbumListModel::addStarted);
        QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, album));
        QCOMPARE(started.count(), 1);
        auto *job = started.first().first().value<models::AlbumAddJob *>();
        QSignalSpy finished(job, &models::AlbumAddJob::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(job->count(Outcome::Added), 4);
        QCOMPARE(m_sim->albumItems(created.value()), expected);
        // Its count is read when shown, and follows the add.
        auto count = [&] {
            return m_model->index(m_model->rowOfId(created.value())).data(AlbumListModel::CountRole).toInt();
        };
        QTRY_COMPARE(count(), 4);
        // The album now has a cover: the thumbnail of its first image.
        QTRY_VERIFY(!m_model->index(m_model->rowOfId(created.value()))
                         .data(AlbumListModel::CoverRole)
                         .value<QImage>()
                         .isNull());

        // Onto a collection album: refused, and nothing changes.
        const QModelIndex collection = m_model->index(firstRow(false));
        QVERIFY(collection.isValid());
        const auto before = m_sim->counts();
        QVERIFY(!m_model->canDropMimeData(mime.get(), Qt::CopyAction, -1, -1, collection));
        QVERIFY(!m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1, collection));
        QVERIFY(!m_model->flags(collection).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(m_model->flags(album).testFlag(Qt::ItemIsDropEnabled));
        QCOMPARE(started.count(), 1);
        QTest::qWait(50);
        QCOMPARE(m_sim->counts().albumItems, before.albumItems);
        // Something that is not drive items: refused too.
        QMimeData text;
        text.setText(QStringLiteral("IMG_0001.jpg"));
        QVERIFY(!m_model->canDropMimeData(&text, Qt::CopyAction, -1, -1, album));
    }

    void droppingAFolderAddsItsImagesAndVideos()
    {
        QVERIFY(loadAll());
        const QString folderId = m_sim->addFolder(QStringLiteral("Party"), 230);
        const auto created = wait([&](auto done) {
            m_model->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Party")},
                                 done);
        });
        QVERIFY(created.ok());
        const auto mime =
            dragOf({{folderId, m_sim->userId(), m_sim->containerId(), QStringLiteral("Party"), true}});
        QSignalSpy started(m_model.get(), &AlbumListModel::addStarted);
        QVERIFY(m_model->dropMimeData(mime.get(), Qt::CopyAction, -1, -1,
                                      m_model->index(m_model->rowOfId(created.value()))));
        auto *job = started.first().first().value<models::AlbumAddJob *>();
        QSignalSpy finished(job, &models::AlbumAddJob::finished);
        QVERIFY(finished.wait(20000));
        QCOMPARE(job->count(Outcome::Added), 230);
        QStringList expected = m_sim->childIds(folderId);
        expected.sort();
        QCOMPARE(m_sim->albumItems(created.value()), expected);
    }
};

QTEST_MAIN(TestAlbumListModel)
#include "tst_AlbumListModel.moc"
