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
        QCOMPARE(removed.size(), 1); // rows 0 and 1 are one run, removed at once
        QCOMPARE(removed.at(0).at(1).toInt(), 0);
        QCOMPARE(removed.at(0).at(2).toInt(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data(UploadListModel::IdRole).toLongLong(), more.at(0));
        QCOMPARE(reset.size(), 0);
    }

    void totalsCountTheBatchSinceTheQueueWasIdle()
    {
        auto queue = UploadQueue::open(m_dir.filePath(QStringLiteral("totals.sqlite")));
        auto sized = [](const QString &path, qint64 size) {
            QueuedUpload upload = entry(path);
            upload.size = size;
            return upload;
        };
        const QList<qint64> first = queue->add({sized(QStringLiteral("/p/a.jpg"), 1000)});
        UploadListModel model(queue.get(), nullptr);
        QSignalSpy totalsChanged(&model, &UploadListModel::totalsChanged);
        QCOMPARE(model.totals().files, 1);
        QVERIFY(model.totals().active());
        // A second drop while the first is under way joins its batch.
        const QList<qint64> second =
            queue->add({sized(QStringLiteral("/p/b.jpg"), 3000), sized(QStringLiteral("/p/c.jpg"), 6000)});
        QVERIFY(totalsChanged.size() > 0);
        QCOMPARE(model.totals().files, 3);
        QCOMPARE(model.totals().bytes, 10000);
        queue->setUploaded(first.at(0), QStringLiteral("F1"), State::Done);
        queue->setState(second.at(0), State::Failed, QStringLiteral("refused"));
        queue->setState(second.at(1), State::Cancelled);
        const auto ended = model.totals();
        QVERIFY(!ended.active());
        QCOMPARE(ended.ended, 3);
        QCOMPARE(ended.failed, 1);
        QCOMPARE(ended.bytes, 4000); // the cancelled one is not counted
        QCOMPARE(ended.sent, 1000);
        QCOMPARE(ended.secondsLeft(), -1); // nothing moves
        // The queue had nothing to do: the next drop begins a new batch.
        queue->add({sized(QStringLiteral("/p/d.jpg"), 500)});
        QCOMPARE(model.totals().files, 1);
        QCOMPARE(model.totals().bytes, 500);
        // Retrying the failed one brings it back into what is under way.
        queue->setState(second.at(0), State::Waiting);
        QCOMPARE(model.totals().files, 2);
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
