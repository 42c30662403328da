// The window with the server gone: what was read before (the tree, the album lists, the last place and
// its thumbnails) comes back from the catalog and the disk cache, says it is offline, raises no error,
// and is brought in line once the server answers again.
#include "MainWindowTesting.h"
#include "catalog/Catalog.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "thumbnails/ThumbnailDiskCache.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace koodrive;

class TestMainWindowOffline : public test::MainWindowTestCase
{
    Q_OBJECT

    QString counts() const
    {
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("Items"))
                return label->text();
        return {};
    }
    // The status bar's line of album edits waiting to be sent; empty while it is hidden.
    QString outboxState() const
    {
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == QLatin1String("Album changes waiting"))
                return label->isVisibleTo(m_window.get()) ? label->text() : QString();
        return {};
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowOffline"); }
    void init()
    {
        makeLibrary();
        // Thumbnails kept on disk, as the app keeps them.
        m_network.setCache(
            new thumbnails::ThumbnailDiskCache(m_scratch->filePath(QStringLiteral("thumbnails"))));
        openWindowOn(m_sim->server().url());
    }
    void cleanup() { closeAll(); }

    void whatWasReadComesBackWithTheServerGoneAndIsBroughtInLineWhenItIsBack()
    {
        // Online: Camera is read to its end, its first thumbnails seen; the album lists read.
        openCamera();
        const QString camera = m_window->folder()->location().folderId;
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        const QStringList cameraRows = test::rowIds(*m_window->folder());
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0) && hasThumbnail(5), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->albums()->canFetchMore() && m_window->albums()->rowCount() > 0,
                                 20000);
        const int albums = m_window->albums()->rowCount();
        m_window->close();
        m_window.reset();

        // The server gone, the app started again.
        m_sim->stop();
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow();
        QCOMPARE(m_window->folder()->location().folderId, camera);
        // A screen of rows at once (read on the window's thread), the rest a moment later (from a worker),
        // all in the same order.
        const QStringList first = test::rowIds(*m_window->folder());
        QVERIFY(!first.isEmpty());
        QCOMPARE(first, cameraRows.mid(0, first.size()));
        QTRY_COMPARE(test::rowIds(*m_window->folder()), cameraRows);
        QVERIFY(m_window->folder()->showsSaved());
        QCOMPARE(m_window->albums()->rowCount(), albums);
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folderTree()->model()->rowCount() > 0, 5000);
        QCOMPARE(m_window->folderTree()->model()->index(0, 0).data().toString(), QStringLiteral("My drive"));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isUnreachable(), 20000);
        QVERIFY2(counts().startsWith(QStringLiteral("Offline — showing what was saved at")),
                 qPrintable(counts()));
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0) && hasThumbnail(5), 10000); // from the disk cache
        QVERIFY2(!m_window->messages()->showsError(), qPrintable(m_window->messages()->text()));
        // The tree's saved folders open too.
        QTRY_VERIFY(treeFolder(QStringLiteral("Party")).isValid());

        // A file made meanwhile on the server; then it answers again.
        m_sim->resume();
        const QString added = m_sim->addFolder(QStringLiteral("New while offline"), 0, 15, camera);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->folder()->showsSaved(), 20000);
        QVERIFY(!m_window->folder()->isUnreachable());
        QVERIFY(test::rowIds(*m_window->folder()).contains(added));
        QTRY_VERIFY(!counts().startsWith(QStringLiteral("Offline")));
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->albums()->showsSaved(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !qobject_cast<models::FolderTreeModel *>(m_window->folderTree()->model())->showsSaved(), 20000);
        QVERIFY(!m_window->messages()->showsError());
    }

    void aSavedPlaceIsShownWithItsThumbnailsInTheWindowsFirstFrame()
    {
        // Camera seen (its first screens of thumbnails kept on disk); the app quits.
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(0) && hasThumbnail(40), 20000);
        const QSize size = m_window->size();
        m_window->close();
        m_window.reset();

        // Started again with the server gone: only the disk has the pictures. The window is made and
        // prepared as main() does, before it is shown.
        m_sim->stop();
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow(false);
        m_window->resize(size);
        QVERIFY(m_window->folder()->showsSaved());
        m_window->prepareFirstFrame(5000);
        QSignalSpy filled(m_window->grid(), &ui::ThumbnailGridView::screenFilled);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        // Every tile of the first screen has its picture at once, with no turn of the event loop for it.
        ui::ThumbnailGridView *grid = m_window->grid();
        const QSize cell = grid->gridSize();
        const int tiles = (grid->viewport()->width() / cell.width()) *
                          ((grid->viewport()->height() + cell.height() - 1) / cell.height());
        QVERIFY(tiles >= 12);
        for (int row = 0; row < tiles; ++row)
            QVERIFY2(hasThumbnail(row), qPrintable(QString::number(row)));
        QTRY_COMPARE(filled.size(), 1);
    }

    void aCatalogDamagedInsideIsFoundAfterTheFirstScreenAndBegunAgain()
    {
        // Camera read to its end and kept; the app quits.
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        const QStringList cameraRows = test::rowIds(*m_window->folder());
        m_window->close();
        m_window.reset();
        const QStringList files =
            QDir(m_scratch->path()).entryList({QStringLiteral("catalog-*.sqlite")}, QDir::Files);
        QCOMPARE(files.size(), 1);
        const QString path = m_scratch->filePath(files.first());
        QVERIFY(catalog::Catalog::check(path).isEmpty());

        // A page inside the file overwritten (a bad disk block): opening the file does not see it.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            QVERIFY(file.size() > 16 * 4096);
            QVERIFY(file.seek((file.size() / 2) / 4096 * 4096));
            QVERIFY(file.write(QByteArray(4096, '\xA5')) == 4096);
        }
        QVERIFY(!catalog::Catalog::check(path).isEmpty());

        // The app again, its check soon after the window opens: the file is set aside, the person told, a
        // new one begun; the window goes on and shows Camera as the server has it.
        m_catalogCheckDelayMs = 300;
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(path + QStringLiteral(".unreadable")), 10000);
        QTRY_VERIFY2(m_window->messages()->text().contains(QStringLiteral("could not be read")),
                     qPrintable(m_window->messages()->text()));
        QVERIFY(!m_window->messages()->showsError());
        QVERIFY(!QFile::exists(path + QStringLiteral(".damaged")));
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete() && !m_window->folder()->showsSaved() &&
                                     !m_window->folder()->isReading(),
                                 20000);
        QCOMPARE(test::rowIds(*m_window->folder()), cameraRows);
        // What the window reads from now on is kept in the new file, which is whole.
        QTRY_VERIFY_WITH_TIMEOUT(catalog::Catalog::open(path)->rowCount() >= cameraRows.size(), 10000);
        QVERIFY(catalog::Catalog::check(path).isEmpty());
    }

    void albumEditsMadeOfflineAreKeptShownAndSentWhenTheServerIsBack()
    {
        openCamera();
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isComplete(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->albums()->canFetchMore() && m_window->albums()->rowCount() > 0,
                                 20000);
        m_window->close();
        m_window.reset();

        // Offline: an album renamed, and two photos of the saved folder added to it.
        m_sim->stop();
        openWindow();
        models::AlbumListModel *albums = m_window->albums();
        int row = 0;
        while (row < albums->rowCount() && !albums->albumAt(row).isManual())
            ++row;
        QVERIFY(row < albums->rowCount());
        const QString albumId = albums->albumAt(row).id;
        QTRY_VERIFY_WITH_TIMEOUT(m_window->folder()->isUnreachable(), 20000);
        albums->renameAlbum(row, QStringLiteral("Renamed offline"));
        QTRY_COMPARE(albums->index(albums->rowOfId(albumId)).data().toString(),
                     QStringLiteral("Renamed offline"));
        const QStringList photos{m_window->folder()->itemAt(0).id, m_window->folder()->itemAt(1).id};
        m_window->grid()->selectionModel()->select(
            QItemSelection(m_window->grid()->model()->index(0, 0), m_window->grid()->model()->index(1, 0)),
            QItemSelectionModel::Select);
        m_window->addSelectionToAlbum(albumId);
        QTRY_COMPARE(
            albums->index(albums->rowOfId(albumId)).data(models::AlbumListModel::PendingRole).toInt(), 2);
        QTRY_COMPARE(outboxState(),
                     QStringLiteral("2 album change(s) waiting to be sent")); // no translation loaded
        QVERIFY2(m_window->messages()->text().contains(QStringLiteral("kept on this computer")),
                 qPrintable(m_window->messages()->text()));
        QVERIFY2(!m_window->messages()->showsError(), qPrintable(m_window->messages()->text()));

        // The server back: both sent, said so, and nothing left waiting.
        m_sim->resume();
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->messages()->text().contains(QStringLiteral("Sent 2 album change(s)")), 30000);
        QTRY_VERIFY(outboxState().isEmpty());
        QCOMPARE(albums->index(albums->rowOfId(albumId)).data(models::AlbumListModel::PendingRole).toInt(),
                 0);
        QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId}),
                 QStringList{QStringLiteral("Renamed offline")});
        const QStringList inAlbum = m_sim->albumItems(albumId);
        for (const QString &photo : photos)
            QVERIFY(inAlbum.contains(photo));
    }
};

QTEST_MAIN(TestMainWindowOffline)
#include "tst_MainWindowOffline.moc"
