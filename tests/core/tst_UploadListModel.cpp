// transfers::UploadListModel: the Transfers panel's rows follow the queue in place (under
// QAbstractItemModelTester) and the runner's progress while a file is sent.
#include "SimFixture.h"
#include "TestPhotos.h"
#include "api/KooDriveClient.h"
#include "transfers/UploadListModel.h"
#include "transfers/UploadRunner.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using transfers::QueuedUpload;
using transfers::UploadListModel;
using transfers::UploadQueue;
using transfers::UploadRunner;
using State = QueuedUpload::State;

class TestUploadListModel : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    static QueuedUpload entry(const QString &path)
    {
        QueuedUpload upload;
        upload.localPath = path;
        upload.fileName = QFileInfo(path).fileName();
        upload.parentFolderId = QStringLiteral("root");
        upload.size = QFileInfo(path).size();
        return upload;
    }

private slots:
    void rowsFollowTheQueueInPlace()
    {
        auto queue = UploadQueue::open(m_dir.filePath(QStringLiteral("rows.sqlite")));
        const QList<qint64> first =
            queue->add({entry(QStringLiteral("/p/a.jpg")), entry(QStringLiteral("/p/photo\u202Egpj.exe"))});
        UploadListModel model(queue.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("photo\uFFFDgpj.exe")); // no reversed name
        QCOMPARE(model.index(0).data(UploadListModel::StateTextRole).toString(), QStringLiteral("Waiting"));

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        const QList<qint64> more =
            queue->add({entry(QStringLiteral("/p/c.jpg")), entry(QStringLiteral("/p/d.jpg"))});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.index(3).data(UploadListModel::IdRole).toLongLong(), more.at(1));

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        queue->setState(first.at(1), State::Failed, QStringLiteral("<b>refused</b>"), QStringLiteral("t-1"));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(model.index(1).data(UploadListModel::StateTextRole).toString(),
                 QStringLiteral("Failed: <b>refused</b>")); // text, shown as plain text by the panel
        QCOMPARE(model.index(1).data(UploadListModel::TraceIdRole).toString(), QStringLiteral("t-1"));
        queue->setUploaded(first.at(0), QStringLiteral("F9"), State::Done);
        QCOMPARE(model.index(0).data(UploadListModel::ProgressRole).toInt(), 1000);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QCOMPARE(queue->removeEnded(), 2);
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(UploadListModel::IdRole).toLongLong(), more.at(0));
        QCOMPARE(reset.size(), 0);
    }

    void progressGrowsWhileAFileIsSent()
    {
        test::SimFixture sim(10);
        QNetworkAccessManager network;
        api::KooDriveClient client(&network);
        client.setConnection({sim.server().url(), sim.userId(), sim.server().accessToken(), true});
        auto queue = UploadQueue::open(m_dir.filePath(QStringLiteral("progress.sqlite")));
        const QString path = test::writeTestFile(m_dir.filePath(QStringLiteral("big.jpg")),
                                                 test::jpegWithExif(640, 480, 12 * 1024 * 1024));
        const qint64 id = queue->add({entry(path)}).value(0);
        UploadRunner runner(&client, queue.get());
        UploadListModel model(queue.get(), &runner);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<int> progress;
        connect(&model, &QAbstractItemModel::dataChanged, this,
                [&model, &progress](const QModelIndex &topLeft) {
                    progress << topLeft.data(UploadListModel::ProgressRole).toInt();
                });
        QSignalSpy idle(&runner, &UploadRunner::idle);
        runner.start();
        QVERIFY(idle.wait(60000));
        QCOMPARE(model.index(model.rowOf(id)).data(UploadListModel::StateTextRole).toString(),
                 QStringLiteral("Done"));
        QVERIFY(progress.size() > 3);
        QVERIFY2(std::is_sorted(progress.cbegin(), progress.cend()), "progress never goes back");
        QCOMPARE(progress.constLast(), 1000);
        QVERIFY(std::any_of(progress.cbegin(), progress.cend(), [](int p) { return p > 0 && p < 1000; }));
    }
};

QTEST_GUILESS_MAIN(TestUploadListModel)
#include "tst_UploadListModel.moc"
