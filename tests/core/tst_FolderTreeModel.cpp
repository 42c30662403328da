// FolderTreeModel over an in-process koodrive-sim: the spaces, folders read when expanded (paged, by name,
// as the server lists them), leaves that lose their expander, and folders as drag sources.
#include "SimFixture.h"
#include "catalog/Catalog.h"
#include "models/FolderTreeModel.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using koodrive::models::FolderTreeModel;
using koodrive::test::SimFixture;

class TestFolderTreeModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    std::unique_ptr<FolderTreeModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
    QString m_many;

    // The server's folders of a folder, by name, walked without the app's client.
    QStringList serverFolders(const QString &containerId, const QString &folderId)
    {
        QStringList ids;
        QString cursor;
        do {
            const auto response = m_sim->post(
                QStringLiteral("/koodrive/ose/v1/files/0"),
                {{QStringLiteral("containerId"), containerId},
                 {QStringLiteral("parentFileId"), folderId},
                 {QStringLiteral("fileType"), QStringLiteral("10")},
                 {QStringLiteral("sortInfo"),
                  QJsonObject{{QStringLiteral("sortType"), 1}, {QStringLiteral("sortDirection"), 1}}},
                 {QStringLiteral("pageInfo"),
                  QJsonObject{{QStringLiteral("pageSize"), 100}, {QStringLiteral("pageCursor"), cursor}}}});
            if (response.status != 200)
                return {QStringLiteral("status %1").arg(response.status)};
            for (const auto &file : response.json.value(QStringLiteral("files")).toArray())
                ids << file.toObject().value(QStringLiteral("id")).toString();
            cursor = response.json.value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        return ids;
    }
    bool expandFully(const QModelIndex &index)
    {
        // (The model tester may have started a read already.)
        if (!QTest::qWaitFor([&] { return !m_model->isFetching(index); }, 10000))
            return false;
        while (m_model->canFetchMore(index)) {
            m_model->fetchMore(index);
            if (!QTest::qWaitFor([&] { return !m_model->isFetching(index); }, 10000))
                return false;
        }
        return true;
    }
    QStringList childIds(const QModelIndex &parent) const
    {
        QStringList ids;
        for (int row = 0; row < m_model->rowCount(parent); ++row)
            ids << m_model->index(row, 0, parent).data(FolderTreeModel::IdRole).toString();
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(300);
        m_many = m_sim->addFolder(QStringLiteral("Many"), 0);
        for (int i = 0; i < 150; ++i)
            m_sim->addFolder(QStringLiteral("Sub %1").arg(i, 3, 10, QLatin1Char('0')), 1,
                             api::FileType::Image, m_many);
    }
    void init()
    {
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
        m_model = std::make_unique<FolderTreeModel>(m_client.get());
        m_tester = std::make_unique<QAbstractItemModelTester>(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loaded(m_model.get(), &FolderTreeModel::loaded);
        m_model->load();
        QVERIFY(loaded.wait(10000));
    }
    void cleanup()
    {
        m_tester.reset();
        m_model.reset();
        m_client.reset();
    }

    void theDriveComesFirstThenTheSharedSpaces()
    {
        QVERIFY(m_model->rowCount() >= 2); // the demo library shares one space with a family group
        const QModelIndex drive = m_model->index(0, 0);
        QCOMPARE(drive.data().toString(), QStringLiteral("My drive"));
        QCOMPARE(drive.data(FolderTreeModel::ContainerRole).toString(), m_sim->containerId());
        QVERIFY(!drive.data(FolderTreeModel::IsSharedRole).toBool());
        const QModelIndex shared = m_model->index(1, 0);
        QVERIFY(shared.data(FolderTreeModel::IsSharedRole).toBool());
        QVERIFY(!shared.data(FolderTreeModel::GroupRole).toString().isEmpty());
        QVERIFY(expandFully(shared));
        QCOMPARE(childIds(shared), serverFolders(shared.data(FolderTreeModel::ContainerRole).toString(),
                                                 shared.data(FolderTreeModel::IdRole).toString()));
    }

    void foldersAreReadWhenExpandedAndPaged()
    {
        {
            // Nothing is read before a view expands it (here no model tester walks the tree).
            FolderTreeModel untouched(m_client.get());
            QSignalSpy loaded(&untouched, &FolderTreeModel::loaded);
            untouched.load();
            QVERIFY(loaded.wait(10000));
            const QModelIndex drive = untouched.index(0, 0);
            QVERIFY(untouched.hasChildren(drive));
            QCOMPARE(untouched.rowCount(drive), 0);
            QVERIFY(untouched.canFetchMore(drive));
            QTest::qWait(50);
            QCOMPARE(untouched.rowCount(drive), 0);
        }
        const QModelIndex drive = m_model->index(0, 0);
        QVERIFY(expandFully(drive));
        QCOMPARE(childIds(drive), serverFolders(m_sim->containerId(), m_sim->rootId()));

        const QModelIndex many = m_model->indexOfId(m_many);
        QVERIFY(many.isValid());
        QVERIFY(expandFully(many));
        QCOMPARE(m_model->rowCount(many), 150); // pages of 100: two reads
        QCOMPARE(childIds(many), serverFolders(m_sim->containerId(), m_many));
        QCOMPARE(m_model->index(0, 0, many).data().toString(), QStringLiteral("Sub 000"));

        // A folder without folders loses its expander once read.
        const QModelIndex leaf = m_model->index(0, 0, many);
        QVERIFY(expandFully(leaf));
        QVERIFY(!m_model->hasChildren(leaf));
        QCOMPARE(m_model->rowCount(leaf), 0);
    }

    void aSavedTreeShowsAtOnceAndIsBroughtInLineInPlace()
    {
        QTemporaryDir dir;
        auto catalog = catalog::Catalog::open(dir.filePath(QStringLiteral("catalog.sqlite")));
        QVERIFY(catalog);
        const QString kept = m_sim->addFolder(QStringLiteral("Kept"), 0);
        const QString a = m_sim->addFolder(QStringLiteral("A"), 0, api::FileType::Image, kept);
        const QString b = m_sim->addFolder(QStringLiteral("B"), 0, api::FileType::Image, kept);
        const QString c = m_sim->addFolder(QStringLiteral("C"), 0, api::FileType::Image, kept);
        m_sim->addFolder(QStringLiteral("Deep"), 0, api::FileType::Image, b);
        {
            // A first run reads the drive, "Kept" and "B".
            FolderTreeModel first(m_client.get());
            first.setCatalog(catalog.get());
            QSignalSpy loaded(&first, &FolderTreeModel::loaded);
            first.load();
            QVERIFY(loaded.wait(10000));
            QVERIFY(first.rowCount() >= 2);
            const QModelIndex drive = first.index(0, 0);
            first.fetchMore(drive);
            QTRY_VERIFY(first.indexOfId(kept).isValid() && !first.isFetching(drive));
            while (first.canFetchMore(drive)) {
                first.fetchMore(drive);
                QTRY_VERIFY(!first.isFetching(drive));
            }
            first.fetchMore(first.indexOfId(kept));
            QTRY_COMPARE(first.rowCount(first.indexOfId(kept)), 3);
            first.fetchMore(first.indexOfId(b));
            QTRY_COMPARE(first.rowCount(first.indexOfId(b)), 1);
        }
        // Meanwhile on the server: A goes to the recycle bin, D is made, C is renamed.
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_ms = 1 WHERE id = ?"), {a});
        const QString d = m_sim->addFolder(QStringLiteral("D"), 0, api::FileType::Image, kept);
        m_sim->column(QStringLiteral("UPDATE files SET name = 'Z renamed' WHERE id = ?"), {c});

        FolderTreeModel second(m_client.get());
        QAbstractItemModelTester tester(&second, QAbstractItemModelTester::FailureReportingMode::QtTest);
        second.setCatalog(catalog.get());
        QSignalSpy loaded(&second, &FolderTreeModel::loaded);
        QSignalSpy resets(&second, &QAbstractItemModel::modelReset);
        second.load();
        // At once, as saved: the spaces, then each saved level as it is opened.
        QVERIFY(second.rowCount() >= 2);
        QVERIFY(second.showsSaved());
        const QModelIndex drive = second.index(0, 0);
        second.fetchMore(drive);
        QVERIFY(second.indexOfId(kept).isValid());
        second.fetchMore(second.indexOfId(kept));
        QCOMPARE(childIds(second.indexOfId(kept)), (QStringList{a, b, c}));
        second.fetchMore(second.indexOfId(b));
        QCOMPARE(second.rowCount(second.indexOfId(b)), 1);
        QVERIFY(loaded.wait(10000));

        // Then as the server has it, in place: nothing reset, what was open still open.
        QTRY_VERIFY_WITH_TIMEOUT(!second.showsSaved(), 10000);
        QCOMPARE(resets.size(), 1); // load()'s own
        const QModelIndex keptNow = second.indexOfId(kept);
        QCOMPARE(childIds(keptNow), serverFolders(m_sim->containerId(), kept));
        QCOMPARE(childIds(keptNow), (QStringList{b, d, c}));
        QCOMPARE(second.index(2, 0, keptNow).data().toString(), QStringLiteral("Z renamed"));
        QCOMPARE(second.rowCount(second.indexOfId(b)), 1);
        QVERIFY(!second.indexOfId(a).isValid());

        // And the catalog holds that now.
        const auto saved = catalog->treeChildren(m_sim->containerId() + QLatin1Char('|') + kept);
        QVERIFY(saved);
        QCOMPARE(saved->size(), 3);
        QCOMPARE(saved->at(2).name, QStringLiteral("Z renamed"));
    }

    void aDraggedFolderCarriesWhatADropNeeds()
    {
        const QModelIndex drive = m_model->index(0, 0);
        QVERIFY(expandFully(drive));
        const QModelIndex folder = m_model->indexOfId(m_many);
        QVERIFY(m_model->flags(folder).testFlag(Qt::ItemIsDragEnabled));
        std::unique_ptr<QMimeData> mime(m_model->mimeData({folder}));
        const auto items = models::DriveItemsMime::read(mime.get());
        QCOMPARE(items.size(), 1);
        QCOMPARE(items[0].id, m_many);
        QVERIFY(items[0].folder);
        QCOMPARE(items[0].containerId, m_sim->containerId());
        QCOMPARE(items[0].ownerId, m_sim->userId());
        QCOMPARE(mime->text(), QStringLiteral("Many"));
    }
};

QTEST_MAIN(TestFolderTreeModel)
#include "tst_FolderTreeModel.moc"
