// Uploads through the real window: local files dropped (text/uri-list, through each view's own drop path)
// on a folder of the tree, on the grid, on a manual album; a dropped folder with sub-folders; a second drop
// while the first is under way; the same photo twice ("already there") and elsewhere (rapid upload); a
// failed part retried from the Transfers panel; an album's upload folder, remembered and changed in the
// upload summary. Each is checked on the server: files, bytes, album contents.
#include "MainWindowTesting.h"
#include "TestPhotos.h"
#include "dialogs/FolderChooserDialog.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "transfers/UploadListModel.h"
#include "transfers/UploadQueue.h"
#include "transfers/UploadRunner.h"
#include "views/AlbumListView.h"
#include "widgets/MessageBar.h"
#include "widgets/TransfersPanel.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QListView>
#include <QSignalSpy>
#include <QStatusBar>
#include <QToolButton>

using namespace koodrive;
using transfers::QueuedUpload;
using State = QueuedUpload::State;

namespace {
constexpr qint64 MiB = 1024 * 1024;
}

class TestMainWindowUploads : public test::MainWindowTestCase
{
    Q_OBJECT

    QTemporaryDir m_local; // the "file manager's" files

    QString writePhoto(const QString &relative, qint64 bytes = 300 * 1024, quint32 seed = 1)
    {
        const QString path = m_local.filePath(relative);
        QDir().mkpath(QFileInfo(path).absolutePath());
        return test::writeTestFile(path, test::jpegWithExif(320, 240, bytes, seed));
    }
    static QByteArray sha256Of(const QString &path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex();
    }
    // A file manager's drag: text/uri-list of local files.
    static std::unique_ptr<QMimeData> uriList(const QStringList &paths)
    {
        auto mime = std::make_unique<QMimeData>();
        QList<QUrl> urls;
        for (const QString &path : paths)
            urls << QUrl::fromLocalFile(path);
        mime->setUrls(urls);
        return mime;
    }
    // name → sha256 of the files (not folders) in a folder of the drive.
    QMap<QString, QByteArray> filesIn(const QString &folderId)
    {
        QMap<QString, QByteArray> files;
        const QStringList rows = m_sim->column(
            QStringLiteral(
                "SELECT name || '|' || IFNULL(sha256, '') FROM files WHERE parent_id = ? AND is_folder = 0"
                " AND recycled = 0"),
            {folderId});
        for (const QString &row : rows)
            files.insert(row.section(QLatin1Char('|'), 0, 0), row.section(QLatin1Char('|'), 1).toLatin1());
        return files;
    }
    QString folderIn(const QString &parentId, const QString &name)
    {
        const QStringList ids = m_sim->column(
            QStringLiteral("SELECT id FROM files WHERE parent_id = ? AND name = ? AND is_folder = 1"),
            {parentId, name});
        return ids.size() == 1 ? ids.first() : QString();
    }
    bool allEnded()
    {
        const QList<QueuedUpload> all = m_window->uploadQueue()->all();
        return !all.isEmpty() &&
               std::all_of(all.begin(), all.end(), [](const QueuedUpload &u) { return u.hasEnded(); });
    }
    QList<State> states()
    {
        QList<State> out;
        for (const QueuedUpload &upload : m_window->uploadQueue()->all())
            out << upload.state;
        return out;
    }
    QString failures()
    {
        QStringList out;
        for (const QueuedUpload &upload : m_window->uploadQueue()->all())
            if (upload.state == State::Failed)
                out << upload.fileName + QStringLiteral(": ") + upload.error;
        return out.join(QLatin1Char('\n'));
    }
    QString manualAlbumId() { return myAlbum(true).data(models::AlbumListModel::IdRole).toString(); }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowUploads"); }
    void init()
    {
        makeLibrary();
        m_sim->addFolder(QStringLiteral("Small"), 6); // shown whole: every new photo lands on screen
        openWindowOn(m_sim->server().url());
        QVERIFY(m_window->uploadQueue());
    }
    void cleanup() { closeAll(); }

    void photosDroppedOnATreeFolderAndOnTheGridGoIntoThatFolder()
    {
        openFolder(QStringLiteral("Small"), 6);
        const QString party = m_sim->folderNamed(QStringLiteral("Small"));
        const int rowsBefore = m_window->grid()->model()->rowCount();
        QSignalSpy resets(m_window->grid()->model(), &QAbstractItemModel::modelReset);

        // On the grid of the folder shown, in its empty space below the photos.
        const QStringList photos{writePhoto(QStringLiteral("grid/IMG_1001.jpg"), 300 * 1024, 1),
                                 writePhoto(QStringLiteral("grid/IMG_1002.jpg"), 400 * 1024, 2)};
        auto mime = uriList(photos);
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QVERIFY(accepted);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        QCOMPARE(states(), (QList<State>{State::Done, State::Done}));
        const auto inParty = filesIn(party);
        QCOMPARE(inParty.value(QStringLiteral("IMG_1001.jpg")), sha256Of(photos[0]));
        QCOMPARE(inParty.value(QStringLiteral("IMG_1002.jpg")), sha256Of(photos[1]));
        // They appear in the grid, inserted where the folder lists them (no reload).
        QTRY_COMPARE_WITH_TIMEOUT(grid->model()->rowCount(), rowsBefore + 2, 10000);
        QCOMPARE(resets.count(), 0);
        QVERIFY(m_window->transfersDock()->isVisible());

        QVERIFY(grid->model()->index(0, 0).data().toString().startsWith(QLatin1String("IMG_100"))); // by name
        // On a folder of the tree (not the one shown).
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QString onTree = writePhoto(QStringLiteral("tree/IMG_2001.jpg"), 200 * 1024, 3);
        auto treeMime = uriList({onTree});
        QTreeView *tree = m_window->folderTree();
        const QModelIndex cameraNode = treeFolder(QStringLiteral("Camera"));
        QVERIFY(cameraNode.isValid());
        QVERIFY(test::MainWindowTestCase::dropOn(tree, tree->visualRect(cameraNode).center(), treeMime.get(),
                                                 &accepted));
        QTRY_COMPARE_WITH_TIMEOUT(filesIn(camera).value(QStringLiteral("IMG_2001.jpg")), sha256Of(onTree),
                                  30000);
        QCOMPARE(grid->model()->rowCount(), rowsBefore + 2); // the folder shown did not change

        // The panel lists the three, done, and the status bar says so.
        QListView *list = m_window->transfersPanel()->list();
        QCOMPARE(list->model()->rowCount(), 3);
        QTRY_COMPARE(list->model()->index(2, 0).data(transfers::UploadListModel::StateRole).toInt(),
                     int(State::Done));
        // The summary counts what was sent since the queue was last idle: the tree's drop.
        QVERIFY2(m_window->transfersPanel()->summary()->text().startsWith(QLatin1String("1 file")),
                 qPrintable(m_window->transfersPanel()->summary()->text()));
    }

    void aWebAddressOrADriveOutsideIsRefused()
    {
        openFolder(QStringLiteral("Party"));
        auto mime = std::make_unique<QMimeData>();
        mime->setUrls({QUrl(QStringLiteral("https://example.com/cat.jpg"))});
        bool accepted = true;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(!test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(),
                                                  &accepted));
        QVERIFY(!accepted);
        // Over a collection album, local photos are refused too.
        QTRY_VERIFY(myAlbum(false).isValid());
        QListView *albums = m_window->myAlbumsView();
        auto photos = uriList({writePhoto(QStringLiteral("refused.jpg"))});
        QVERIFY(!test::MainWindowTestCase::dropOn(albums, albums->visualRect(myAlbum(false)).center(),
                                                  photos.get(), &accepted));
        QVERIFY(!accepted);
        QVERIFY(m_window->uploadQueue()->all().isEmpty());
    }

    void photosDroppedOnAnAlbumGoIntoTheFolderShownAndTheAlbum()
    {
        openCamera();
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        QTRY_VERIFY(myAlbum(true).isValid());
        const QString albumId = manualAlbumId();
        const QStringList before = m_sim->albumItems(albumId);
        const QStringList photos{writePhoto(QStringLiteral("album/IMG_3001.jpg"), 250 * 1024, 11),
                                 writePhoto(QStringLiteral("album/IMG_3002.jpg"), 260 * 1024, 12)};
        const QString notes = m_local.filePath(QStringLiteral("album/notes.txt"));
        test::writeTestFile(notes, "not a photo");
        auto mime = uriList(photos + QStringList{notes});
        QListView *albums = m_window->myAlbumsView();
        auto *albumView = qobject_cast<ui::AlbumListView *>(albums);
        const QPoint over = albums->visualRect(myAlbum(true)).center();
        // While it hovers the manual album, that album is highlighted.
        QDragEnterEvent enter(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &enter);
        QDragMoveEvent move(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &move);
        QCOMPARE(albumView->dropTarget(), myAlbum(true));
        QDropEvent drop(over, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(albums->viewport(), &drop);
        QVERIFY(drop.isAccepted());
        QVERIFY(!albumView->dropTarget().isValid());

        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QCOMPARE(m_window->uploadQueue()->all().size(), 2); // the notes are left out of an album
        QTRY_VERIFY(m_window->messages()->text().contains(QLatin1String("left out")));
        const auto inCamera = filesIn(camera);
        QCOMPARE(inCamera.value(QStringLiteral("IMG_3001.jpg")), sha256Of(photos[0]));
        QCOMPARE(inCamera.value(QStringLiteral("IMG_3002.jpg")), sha256Of(photos[1]));
        QStringList expected = before;
        for (const QueuedUpload &upload : m_window->uploadQueue()->all())
            expected << upload.driveFileId;
        expected.sort();
        QCOMPARE(m_sim->albumItems(albumId), expected);

        // With the album itself shown, a drop on its grid goes into "Uploads/<album>" and into the album,
        // where the photo appears without a reload.
        m_window->myAlbumsView()->setCurrentIndex(myAlbum(true));
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->albumContents()));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= before.size() + 2);
        const int rows = m_window->grid()->model()->rowCount();
        const QString third = writePhoto(QStringLiteral("album/IMG_3003.jpg"), 270 * 1024, 13);
        auto thirdMime = uriList({third});
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), thirdMime.get(),
                                                 &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 3, 30000);
        const QString uploads = folderIn(m_sim->rootId(), QStringLiteral("Uploads"));
        const QString albumName = myAlbum(true).data().toString();
        const QString albumFolder = folderIn(uploads, albumName);
        QVERIFY2(!albumFolder.isEmpty(), qPrintable(albumName));
        QCOMPARE(filesIn(albumFolder).value(QStringLiteral("IMG_3003.jpg")), sha256Of(third));
        QVERIFY(m_sim->albumItems(albumId).contains(m_window->uploadQueue()->all().last().driveFileId));
        QTRY_COMPARE_WITH_TIMEOUT(grid->model()->rowCount(), rows + 1, 10000);
    }

    // The upload summary of a drop on an album says where its files go; "Change folder…" sends the files not
    // yet begun, and the album's next drops, into the folder chosen, which wins over the folder on screen.
    void anAlbumsUploadFolderIsRememberedAndChangedInTheSummary()
    {
        QTRY_VERIFY(myAlbum(true).isValid());
        const QString albumId = manualAlbumId();
        const QString albumName = myAlbum(true).data().toString();
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        m_window->myAlbumsView()->setCurrentIndex(myAlbum(true));
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->albumContents()));
        // The first two files' parts are slow: the other three wait their turn meanwhile (long enough for a
        // busy machine under the sanitizers to click through).
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        m_sim->server().objects().scriptFaults({{Kind::Slow, 0, 0, 5000, 2, QStringLiteral("/obs/upload/")}});
        QStringList photos;
        for (int i = 0; i < 5; ++i)
            photos << writePhoto(QStringLiteral("summary/IMG_70%1.jpg").arg(i), 200 * 1024, 70 + i);
        auto mime = uriList(photos);
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QVERIFY(accepted);
        const QString into = QStringLiteral("Uploads/") + albumName;
        QTRY_COMPARE(m_window->messages()->actionText(), QStringLiteral("Change folder…"));
        QVERIFY2(m_window->messages()->text().contains(QStringLiteral("“%1”").arg(into)),
                 qPrintable(m_window->messages()->text()));
        const auto remembered = m_window->uploadQueue()->albumFolder(albumId);
        QVERIFY(remembered);
        QCOMPARE(remembered->path, into);
        QVERIFY(!remembered->chosen);
        const QString uploadsFolder =
            folderIn(folderIn(m_sim->rootId(), QStringLiteral("Uploads")), albumName);
        QCOMPARE(remembered->folderId, uploadsFolder);
        QTRY_COMPARE(states().count(State::Running), 2);
        const int waiting = int(states().count(State::Waiting));
        QCOMPARE(waiting, 3);

        m_window->messages()->triggerAction();
        auto *chooser = m_window->findChild<ui::FolderChooserDialog *>(QStringLiteral("albumUploadFolder"));
        QVERIFY(chooser);
        QTRY_VERIFY(chooser->isVisible());
        QCOMPARE(chooser->folderId(), uploadsFolder); // where they go now, chosen to begin with
        QCOMPARE(chooser->folderPath(), into);
        auto *tree = m_window->findChild<models::FolderTreeModel *>();
        QVERIFY(tree);
        QTRY_VERIFY(tree->indexOfId(party).isValid());
        chooser->choose(tree->indexOfId(party));
        QCOMPARE(chooser->folderPath(), QStringLiteral("Party"));
        chooser->accept();
        QVERIFY2(m_window->messages()->text().contains(QLatin1String("3 file(s) not yet begun")),
                 qPrintable(m_window->messages()->text()));
        const auto chosen = m_window->uploadQueue()->albumFolder(albumId);
        QCOMPARE(chosen->folderId, party);
        QVERIFY(chosen->chosen);

        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QMap<QString, QByteArray> expectedParty = filesIn(party), expectedUploads;
        QStringList inAlbum;
        for (const QueuedUpload &upload : m_window->uploadQueue()->all()) {
            (upload.parentFolderId == party ? expectedParty : expectedUploads)
                .insert(upload.fileName, sha256Of(upload.localPath));
            inAlbum << upload.driveFileId;
        }
        QCOMPARE(expectedUploads.size(), 2);
        QCOMPARE(filesIn(uploadsFolder), expectedUploads);
        QCOMPARE(filesIn(party), expectedParty);
        for (const QString &id : std::as_const(inAlbum))
            QVERIFY(m_sim->albumItems(albumId).contains(id));

        // The album's next drop, from the sidebar while Camera is shown, goes into Party all the same.
        openCamera();
        const QString next = writePhoto(QStringLiteral("summary/IMG_7100.jpg"), 210 * 1024, 80);
        auto nextMime = uriList({next});
        QListView *albums = m_window->myAlbumsView();
        QVERIFY(test::MainWindowTestCase::dropOn(albums, albums->visualRect(myAlbum(true)).center(),
                                                 nextMime.get(), &accepted));
        QVERIFY(accepted);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 6, 30000);
        QCOMPARE(filesIn(party).value(QStringLiteral("IMG_7100.jpg")), sha256Of(next));
        QVERIFY(
            !filesIn(m_sim->folderNamed(QStringLiteral("Camera"))).contains(QStringLiteral("IMG_7100.jpg")));
        QVERIFY(m_window->messages()->text().contains(QStringLiteral("“Party”")));
    }

    // A folder of a family's shared space takes uploads too: every call names the shared folder
    // (x-hw-share-folder-id), and the photo lands in the family's space, not the user's own.
    void photosDroppedOnAFolderOfASharedSpaceGoThere()
    {
        QTreeView *tree = m_window->folderTree();
        QAbstractItemModel *model = tree->model();
        QModelIndex family;
        QTRY_VERIFY([&] {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, 0).data(models::FolderTreeModel::IsSharedRole).toBool())
                    family = model->index(row, 0);
            return family.isValid();
        }());
        tree->expand(family);
        QModelIndex holidays;
        QTRY_VERIFY([&] {
            for (int row = 0; row < model->rowCount(family); ++row)
                if (model->index(row, 0, family).data().toString() == QLatin1String("Holidays 2024"))
                    holidays = model->index(row, 0, family);
            return holidays.isValid();
        }());
        const QString holidaysId = holidays.data(models::FolderTreeModel::IdRole).toString();
        const QString familyContainer = holidays.data(models::FolderTreeModel::ContainerRole).toString();
        const qint64 shareFolderId = holidays.data(models::FolderTreeModel::ShareFolderIdRole).toLongLong();
        QVERIFY(shareFolderId > 0);
        QVERIFY(familyContainer !=
                model->index(0, 0).data(models::FolderTreeModel::ContainerRole).toString());

        const QString photo = writePhoto(QStringLiteral("family/IMG_8001.jpg"), 220 * 1024, 81);
        auto mime = uriList({photo});
        bool accepted = false;
        QVERIFY(test::MainWindowTestCase::dropOn(tree, tree->visualRect(holidays).center(), mime.get(),
                                                 &accepted));
        QVERIFY(accepted);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QCOMPARE(m_window->uploadQueue()->all().first().shareFolderId, shareFolderId);
        QCOMPARE(filesIn(holidaysId).value(QStringLiteral("IMG_8001.jpg")), sha256Of(photo));
        QCOMPARE(
            m_sim->column(QStringLiteral("SELECT container_id FROM files WHERE parent_id = ? AND name = ?"),
                          {holidaysId, QStringLiteral("IMG_8001.jpg")}),
            QStringList{familyContainer});

        // Shown in the grid, a drop on it goes there as well.
        tree->setCurrentIndex(holidays);
        QTRY_VERIFY(m_window->grid()->model()->rowCount() > 0);
        const QString second = writePhoto(QStringLiteral("family/IMG_8002.jpg"), 230 * 1024, 82);
        auto secondMime = uriList({second});
        ui::ThumbnailGridView *grid = m_window->grid();
        const QRect free = grid->viewport()->rect();
        QVERIFY(test::MainWindowTestCase::dropOn(grid, QPoint(free.center().x(), free.bottom() - 2),
                                                 secondMime.get(), &accepted));
        QVERIFY(accepted);
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 2, 30000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QCOMPARE(filesIn(holidaysId).value(QStringLiteral("IMG_8002.jpg")), sha256Of(second));
    }

    void aDroppedFolderKeepsItsSubFolders()
    {
        openFolder(QStringLiteral("Party"));
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        writePhoto(QStringLiteral("Holiday/a.jpg"), 100 * 1024, 21);
        writePhoto(QStringLiteral("Holiday/Beach/b.jpg"), 110 * 1024, 22);
        writePhoto(QStringLiteral("Holiday/Beach/Sunset/c.jpg"), 120 * 1024, 23);
        test::writeTestFile(m_local.filePath(QStringLiteral("Holiday/Beach/list.txt")), "towels");
        auto mime = uriList({m_local.filePath(QStringLiteral("Holiday"))});
        bool accepted = false;
        QTreeView *tree = m_window->folderTree();
        QVERIFY(test::MainWindowTestCase::dropOn(
            tree, tree->visualRect(treeFolder(QStringLiteral("Party"))).center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 4, 30000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        const QString holiday = folderIn(party, QStringLiteral("Holiday"));
        const QString beach = folderIn(holiday, QStringLiteral("Beach"));
        const QString sunset = folderIn(beach, QStringLiteral("Sunset"));
        QVERIFY(!holiday.isEmpty() && !beach.isEmpty() && !sunset.isEmpty());
        QCOMPARE(filesIn(holiday).keys(), QStringList{QStringLiteral("a.jpg")});
        QCOMPARE(filesIn(beach).keys(), (QStringList{QStringLiteral("b.jpg"), QStringLiteral("list.txt")}));
        QCOMPARE(filesIn(sunset).value(QStringLiteral("c.jpg")),
                 sha256Of(m_local.filePath(QStringLiteral("Holiday/Beach/Sunset/c.jpg"))));
        // The new folder shows in the grid of Party and in the tree, under Party.
        QTRY_VERIFY(m_window->folder()->rowOfId(holiday) >= 0);
        QTRY_VERIFY(static_cast<models::FolderTreeModel *>(tree->model())->indexOfId(holiday).isValid() ||
                    !tree->isExpanded(treeFolder(QStringLiteral("Party"))));
    }

    void aSecondDropWhileUploadingJoinsTheQueue()
    {
        openFolder(QStringLiteral("Party"));
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        // Slow storage, so that the first drop is still under way when the second comes.
        m_sim->server().objects().setFaults({500});
        QStringList first;
        for (int i = 0; i < 3; ++i)
            first << writePhoto(QStringLiteral("first/big%1.jpg").arg(i), 6 * MiB, 30 + quint32(i));
        auto mime = uriList(first);
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->uploadRunner()->runningCount() > 0, 10000);
        const QString second = writePhoto(QStringLiteral("second/late.jpg"), 200 * 1024, 40);
        auto secondMime = uriList({second});
        QVERIFY(test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), secondMime.get(),
                                                 &accepted));
        QTRY_COMPARE(m_window->uploadQueue()->all().size(), 4);
        QVERIFY(!allEnded()); // it joined while the first were still going
        // The status bar says how far the whole batch is.
        auto *status = m_window->statusBar()->findChild<QToolButton *>(QStringLiteral("uploadStatus"));
        QVERIFY(status);
        QTRY_VERIFY(status->isVisible());
        QTRY_VERIFY2(status->text().contains(QLatin1String(" of 4 file")), qPrintable(status->text()));
        m_sim->server().objects().setFaults({});
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 60000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        const auto inParty = filesIn(party);
        for (const QString &path : first + QStringList{second})
            QCOMPARE(inParty.value(QFileInfo(path).fileName()), sha256Of(path));
    }

    void theSamePhotoTwiceIsAlreadyThereAndElsewhereARapidUpload()
    {
        openFolder(QStringLiteral("Party"));
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        const QString photo = writePhoto(QStringLiteral("same/IMG_5000.jpg"), 2 * MiB, 50);
        auto mime = uriList({photo});
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 30000);
        const int files = filesIn(party).size();
        const int puts = m_sim->uploadPartPuts();

        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 2, 30000);
        QCOMPARE(states().last(), State::AlreadyThere);
        QCOMPARE(filesIn(party).size(), files); // not uploaded twice
        QCOMPARE(m_sim->uploadPartPuts(), puts);
        QListView *list = m_window->transfersPanel()->list();
        QCOMPARE(list->model()->index(1, 0).data(transfers::UploadListModel::StateTextRole).toString(),
                 QStringLiteral("Already there"));

        // Into another folder: the drive has these bytes, so nothing is sent (a rapid upload).
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        QTreeView *tree = m_window->folderTree();
        QVERIFY(test::MainWindowTestCase::dropOn(
            tree, tree->visualRect(treeFolder(QStringLiteral("Camera"))).center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && m_window->uploadQueue()->all().size() == 3, 30000);
        QCOMPARE(states().last(), State::Done);
        QCOMPARE(filesIn(camera).value(QStringLiteral("IMG_5000.jpg")), sha256Of(photo));
        QCOMPARE(m_sim->uploadPartPuts(), puts);
    }

    void aPartTheStorageRefusesIsSentAgain()
    {
        openFolder(QStringLiteral("Party"));
        const QString party = m_sim->folderNamed(QStringLiteral("Party"));
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        const QString parts = QStringLiteral("/obs/upload/");
        // Twice 503 for a part: sent again by itself, after a wait, and the file arrives whole.
        m_sim->server().objects().scriptFaults({{Kind::Status, 503, 1, 0, 2, parts}});
        const QString photo = writePhoto(QStringLiteral("retry/IMG_6000.jpg"), 12 * MiB, 60);
        auto mime = uriList({photo});
        bool accepted = false;
        ui::ThumbnailGridView *grid = m_window->grid();
        const int puts = m_sim->uploadPartPuts();
        QVERIFY(
            test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), mime.get(), &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded(), 60000);
        QCOMPARE(states(), QList<State>{State::Done});
        QCOMPARE(m_sim->server().objects().scriptedFaultsServed(), 2);
        QCOMPARE(m_sim->uploadPartPuts() - puts, 5); // three parts of 5 MiB at most, and the two refused
        QCOMPARE(filesIn(party).value(QStringLiteral("IMG_6000.jpg")), sha256Of(photo));

        // The storage refuses every part for longer than the waits: the file fails, says why, and Retry
        // on its row in the Transfers panel sends it once the storage is back.
        m_sim->server().objects().scriptFaults({{Kind::Status, 503, 1, 0, 1000, parts}});
        const QString second = writePhoto(QStringLiteral("retry/IMG_6001.jpg"), 6 * MiB, 61);
        auto secondMime = uriList({second});
        QVERIFY(test::MainWindowTestCase::dropOn(grid, grid->viewport()->rect().center(), secondMime.get(),
                                                 &accepted));
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && states().size() == 2, 60000);
        QCOMPARE(states().last(), State::Failed);
        QListView *list = m_window->transfersPanel()->list();
        const QModelIndex row = list->model()->index(1, 0);
        QVERIFY2(row.data(transfers::UploadListModel::StateTextRole)
                     .toString()
                     .contains(QLatin1String("HTTP 503")),
                 qPrintable(row.data(transfers::UploadListModel::StateTextRole).toString()));
        QVERIFY(m_window->transfersPanel()->summary()->text().contains(QLatin1String("1 failed")));
        QVERIFY(!filesIn(party).contains(QStringLiteral("IMG_6001.jpg")));

        m_sim->server().objects().scriptFaults({});
        list->selectionModel()->select(row, QItemSelectionModel::ClearAndSelect);
        m_window->transfersPanel()->retrySelected();
        QTRY_VERIFY_WITH_TIMEOUT(allEnded() && states().last() == State::Done, 60000);
        QCOMPARE(filesIn(party).value(QStringLiteral("IMG_6001.jpg")), sha256Of(second));
    }
};

QTEST_MAIN(TestMainWindowUploads)
#include "tst_MainWindowUploads.moc"
