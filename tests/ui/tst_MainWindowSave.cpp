// Photos out of the drive through the real window: File ▸ Save to… for a selection and for an album (into a
// folder named after it), equal to the server's originals byte for byte, with progress in the Transfers
// panel; Open with the default application and Copy (the clipboard holds the files) from the grid.
#include "MainWindowTesting.h"
#include "Waiting.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "transfers/UploadListModel.h"
#include "transfers/UploadQueue.h"
#include "widgets/TransfersPanel.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QDesktopServices>
#include <QDir>
#include <QDockWidget>
#include <QJsonArray>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>

using namespace koodrive;
using transfers::QueuedUpload;
using State = QueuedUpload::State;

// Stands in for the desktop's default application: QDesktopServices hands it the file URLs it opens.
class OpenedUrls : public QObject
{
    Q_OBJECT
public:
    QList<QUrl> urls;
public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestMainWindowSave : public test::MainWindowTestCase
{
    Q_OBJECT

    QTemporaryDir m_saved; // the folder chosen in Save to…

    static QByteArray sha256(const QByteArray &bytes)
    {
        return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    }
    static QByteArray contents(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    // The originals as the server serves them (its own download links, fetched by the test's client).
    QList<QByteArray> originalHashes(const QStringList &fileIds)
    {
        const auto links = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/download"),
                                       {{QStringLiteral("containerId"), m_sim->containerId()},
                                        {QStringLiteral("fileIds"), QJsonArray::fromStringList(fileIds)}});
        QList<QByteArray> hashes;
        for (const QJsonValue &link : links.json.value(QStringLiteral("downloads")).toArray())
            hashes << sha256(
                m_sim->fetch(QUrl(link.toObject().value(QStringLiteral("url")).toString())).body);
        std::sort(hashes.begin(), hashes.end());
        return hashes;
    }
    QList<QByteArray> savedHashes(const QString &folder)
    {
        QList<QByteArray> hashes;
        for (const QFileInfo &file : QDir(folder).entryInfoList(QDir::Files | QDir::Hidden))
            hashes << sha256(contents(file.filePath()));
        std::sort(hashes.begin(), hashes.end());
        return hashes;
    }
    bool downloadsEnded()
    {
        const QList<QueuedUpload> all = m_window->uploadQueue()->all();
        return !all.isEmpty() &&
               std::all_of(all.begin(), all.end(), [](const QueuedUpload &d) { return d.hasEnded(); });
    }
    QString failures()
    {
        QStringList out;
        for (const QueuedUpload &download : m_window->uploadQueue()->all())
            if (download.state != State::Done)
                out << download.fileName + QStringLiteral(": ") + download.error;
        return out.join(u'\n');
    }
    QStringList gridIds(int count)
    {
        QStringList ids;
        for (int row = 0; row < count; ++row)
            ids << m_window->grid()->model()->index(row, 0).data(models::PagedFileModel::IdRole).toString();
        return ids;
    }
    void selectGridRows(int first, int last)
    {
        QItemSelectionModel *selection = m_window->grid()->selectionModel();
        selection->clearSelection();
        for (int row = first; row <= last; ++row)
            selection->select(m_window->grid()->model()->index(row, 0), QItemSelectionModel::Select);
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowSave"); }
    void init()
    {
        makeLibrary();
        m_sim->addFolder(QStringLiteral("Small"), 6);
        openWindowOn(m_sim->server().url());
        QVERIFY(m_window->uploadQueue());
        QDir(m_saved.path()).removeRecursively();
        QDir().mkpath(m_saved.path());
    }
    void cleanup() { closeAll(); }

    void theSelectionIsSavedByteForByte()
    {
        QCOMPARE(m_window->saveToAction()->shortcut(), QKeySequence(QKeySequence::Save));
        openFolder(QStringLiteral("Small"), 6);
        selectGridRows(1, 3);
        QVERIFY(m_window->saveTo(m_saved.path()));
        QTRY_VERIFY_WITH_TIMEOUT(downloadsEnded(), 60000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        QCOMPARE(savedHashes(m_saved.path()), originalHashes(gridIds(4).mid(1)));
        // Under their own names, beside nothing else (no part file left behind).
        QStringList names;
        for (int row = 1; row <= 3; ++row)
            names << m_window->grid()->model()->index(row, 0).data().toString();
        names.sort();
        QCOMPARE(QDir(m_saved.path()).entryList(QDir::Files | QDir::Hidden, QDir::Name), names);
        // The Transfers panel showed them, and says what happened.
        QVERIFY(m_window->transfersDock()->isVisible());
        const QString summary = m_window->transfersPanel()->summary()->text();
        QVERIFY2(summary.startsWith(QStringLiteral("3 file")) && summary.endsWith(QStringLiteral(" saved")),
                 qPrintable(summary));
    }

    void anAlbumIsSavedIntoAFolderNamedAfterIt()
    {
        // A manual album of four photos of "Small", with a name that is no file name as it is.
        const QStringList ids = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Small")), 15).mid(0, 4);
        QCOMPARE(ids.size(), 4);
        const auto made = test::wait<QString>([&](QObject *c, auto done) {
            return m_client->createAlbum(
                {api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("Beach: day 1/2")}, c,
                done);
        });
        QVERIFY(made.ok());
        const QString albumId = made.value();
        QVector<api::KooDriveClient::FileRef> refs;
        for (const QString &id : ids)
            refs << api::KooDriveClient::FileRef{id, m_sim->userId()};
        const auto added = test::wait<api::Done>(
            [&](QObject *c, auto done) { return m_client->addToAlbum(albumId, refs, c, done); });
        QVERIFY(added.ok());
        m_window->albums()->reload();
        QModelIndex album;
        QTRY_VERIFY([&] {
            QAbstractItemModel *model = m_window->myAlbumsView()->model();
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, 0).data(models::AlbumListModel::IdRole).toString() == albumId)
                    album = model->index(row, 0);
            return album.isValid();
        }());
        m_window->myAlbumsView()->setCurrentIndex(album);
        QTRY_COMPARE(m_window->albumContents()->rowCount(), 4);
        QVERIFY(m_window->saveTo(m_saved.path()));
        QTRY_VERIFY_WITH_TIMEOUT(downloadsEnded(), 60000);
        QVERIFY2(failures().isEmpty(), qPrintable(failures()));
        // Into "<album>" made a safe folder name, inside the folder chosen.
        const QStringList made_ = QDir(m_saved.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made_, QStringList{QStringLiteral("Beach_ day 1_2")});
        QCOMPARE(savedHashes(m_saved.filePath(made_.first())), originalHashes(ids));
    }

    void openWithHandsTheFileToTheDefaultApplication()
    {
        OpenedUrls opened;
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &opened, "open");
        openFolder(QStringLiteral("Small"), 6);
        selectGridRows(2, 2);
        const QString originalKey = QStringLiteral("/obs/%1|").arg(gridIds(3).at(2));
        const int fetchedBefore = m_sim->server().objects().objectRequests().value(originalKey);
        m_window->openWithAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(opened.urls.size(), 1, 30000);
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        const QString path = opened.urls.first().toLocalFile();
        QVERIFY2(path.startsWith(m_window->fileCacheDir()), qPrintable(path)); // fetched into the app's cache
        QCOMPARE(QList<QByteArray>{sha256(contents(path))}, originalHashes(gridIds(3).mid(2)));
        // Asked again: the copy in the cache is used, not fetched again.
        QCOMPARE(m_sim->server().objects().objectRequests().value(originalKey),
                 fetchedBefore + 2); // and ours
        QDesktopServices::setUrlHandler(QStringLiteral("file"), &opened, "open");
        m_window->openWithAction()->trigger();
        QTRY_COMPARE(opened.urls.size(), 2);
        QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
        QCOMPARE(opened.urls.at(1), opened.urls.at(0));
        QCOMPARE(m_sim->server().objects().objectRequests().value(originalKey), fetchedBefore + 2);
    }

    void copyPutsTheFilesThemselvesOnTheClipboard()
    {
        openFolder(QStringLiteral("Small"), 6);
        selectGridRows(0, 1);
        QApplication::clipboard()->clear();
        m_window->copyFilesAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(QApplication::clipboard()->mimeData() &&
                                     QApplication::clipboard()->mimeData()->urls().size() == 2,
                                 30000);
        const QMimeData *mime = QApplication::clipboard()->mimeData();
        QList<QByteArray> hashes;
        for (const QUrl &url : mime->urls()) {
            QVERIFY(url.isLocalFile());
            hashes << sha256(contents(url.toLocalFile()));
        }
        std::sort(hashes.begin(), hashes.end());
        QCOMPARE(hashes, originalHashes(gridIds(2)));
        // A file manager's Paste (GNOME Files, Nemo) reads this one.
        QVERIFY(mime->data(QStringLiteral("x-special/gnome-copied-files")).startsWith("copy\nfile:///"));
    }
};

QTEST_MAIN(TestMainWindowSave)
#include "tst_MainWindowSave.moc"
