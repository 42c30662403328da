// Album edits made while KooDrive cannot be reached wait in the account's catalog (models::AlbumOutbox) and
// are sent in order once it answers, over an in-process koodrive-sim: they survive the process killed for
// real, each reaches the server exactly once, the album list shows them meanwhile (and after a restart),
// an edit of an album deleted elsewhere is reported, and an album whose create call went out before a crash
// is not made twice.
#include "KilledProcess.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "Waiting.h"
#include "catalog/Catalog.h"
#include "models/AlbumListModel.h"
#include "models/AlbumOutbox.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using koodrive::models::AlbumListModel;
using koodrive::models::AlbumOutbox;
using koodrive::test::SimFixture;

Q_DECLARE_METATYPE(koodrive::models::AlbumOutbox::Report)

namespace {
const QString Api = QStringLiteral("/koodrive/ose/v1");
}

class TestAlbumOutbox : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimFixture> m_sim;
    QTemporaryDir m_dir;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    QStringList m_pool; // images in the drive, in no album
    QUrl m_url;         // the same while the server is stopped
    QString m_token;

    QString newAlbum(const QString &name, const QStringList &files = {})
    {
        const auto made = test::wait<QString>([&](QObject *c, auto done) {
            return m_client->createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, name}, c, done);
        });
        if (!made.ok())
            return {};
        QVector<api::KooDriveClient::FileRef> refs;
        for (const QString &file : files)
            refs.append({file, m_sim->userId()});
        if (!refs.isEmpty()) {
            const auto added = test::wait<api::Done>(
                [&](QObject *c, auto done) { return m_client->addToAlbum(made.value(), refs, c, done); });
            if (!added.ok())
                return {};
        }
        return made.value();
    }
    QString albumName(const QString &albumId)
    {
        const QStringList names =
            m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId});
        return names.value(0);
    }
    int calls(const QByteArray &method, const QString &path)
    {
        return m_sim->server().http().callsTo(method, Api + path);
    }
    QString runEdits(const QStringList &arguments, QProcess &process)
    {
        process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        process.start(
            QStringLiteral(KOODRIVE_ALBUM_EDITS),
            QStringList{m_url.toString(), m_sim->userId(), m_dir.filePath(QStringLiteral("catalog.sqlite"))} +
                arguments);
        process.write(m_token.toUtf8() + '\n'); // never on the command line
        process.closeWriteChannel();
        return {};
    }
    // The sim lives in this process: it answers only while the event loop runs.
    static bool finishes(QProcess &process, int timeoutMs)
    {
        return test::spinUntil([&] { return process.state() == QProcess::NotRunning; }, timeoutMs);
    }
    // The app's catalog file as another process left it: the edits it holds.
    QVector<catalog::OutboxEntry> outboxOnDisk()
    {
        auto catalog = catalog::Catalog::open(m_dir.filePath(QStringLiteral("catalog.sqlite")));
        return catalog ? catalog->pendingEdits() : QVector<catalog::OutboxEntry>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AlbumOutbox::Report>();
        QVERIFY(m_dir.isValid());
        m_sim = std::make_unique<SimFixture>(0);
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_url = m_sim->server().url();
        m_token = m_sim->server().accessToken();
        m_client->setConnection({m_url, m_sim->userId(), m_token, true});
        m_pool = m_sim->childIds(m_sim->addFolder(QStringLiteral("Pool"), 12));
        QCOMPARE(m_pool.size(), 12);
    }

    void init()
    {
        if (!m_sim->isRunning()) // a test that failed part-way
            m_sim->resume();
    }

    void editsMadeOfflineSurviveTheProcessKilledAndReachTheServerExactlyOnce()
    {
        const QStringList before = m_pool.mid(0, 4);
        const QString album = newAlbum(QStringLiteral("Summer"), before);
        QVERIFY(!album.isEmpty());
        const QStringList adds = m_pool.mid(4, 3);
        const QString removed = before.at(1);
        const QString newName = QStringLiteral("Summer 2026");

        // The app has seen the album (its lists and contents are in the catalog).
        {
            QProcess read;
            runEdits({QStringLiteral("read"), album}, read);
            QVERIFY(finishes(read, 60000));
            QCOMPARE(read.exitCode(), 0);
        }

        // The server gone: 2 adds, a removal, a rename and a third add, each written down; then killed.
        m_sim->stop();
        {
            QProcess edit;
            runEdits(QStringList{QStringLiteral("edit"), album, newName, removed} + adds, edit);
            QVERIFY(edit.waitForStarted());
            QVERIFY(test::waitWhileItRuns(
                edit, [&] { return edit.canReadLine(); }, 60000));
            QCOMPARE(edit.readLine().trimmed(), QByteArray("queued 5"));
            edit.kill(); // SIGKILL: no destructor, no last write
            QVERIFY(edit.waitForFinished());
        }
        const auto waiting = outboxOnDisk();
        QCOMPARE(waiting.size(), 5);
        QList<int> kinds;
        for (const auto &entry : waiting)
            kinds << entry.kind;
        using K = AlbumOutbox::Kind;
        QCOMPARE(kinds, (QList<int>{int(K::Add), int(K::Add), int(K::Remove), int(K::Rename), int(K::Add)}));

        // The server back; the app started again sends them, in order, and ends with nothing left.
        m_sim->resume();
        QCOMPARE(m_sim->albumItems(album), [&] {
            QStringList s = before;
            s.sort();
            return s;
        }()); // untouched
        {
            QProcess replay;
            runEdits({QStringLiteral("replay")}, replay);
            QVERIFY(finishes(replay, 60000));
            QCOMPARE(replay.exitStatus(), QProcess::NormalExit);
            QCOMPARE(replay.exitCode(), 0);
            const QList<QByteArray> lines = replay.readAllStandardOutput().trimmed().split('\n');
            QCOMPARE(lines.size(), 5);
            for (const QByteArray &line : lines)
                QVERIFY2(line.split(' ').value(2) == QByteArray::number(int(AlbumOutbox::Outcome::Done)),
                         line.constData());
        }
        QStringList expected = before + adds;
        expected.removeAll(removed);
        expected.sort();
        QCOMPARE(m_sim->albumItems(album), expected);
        QCOMPARE(albumName(album), newName);
        // Exactly once each: three add calls, one removal, one rename.
        QCOMPARE(calls("POST", QStringLiteral("/album/{albumId}/add")), 3);
        QCOMPARE(calls("DELETE", QStringLiteral("/{albumId}/batchDelete")), 1);
        QCOMPARE(calls("POST", QStringLiteral("/{albumId}/update")), 1);
        QVERIFY(outboxOnDisk().isEmpty());

        // Started once more: nothing is sent again.
        QProcess again;
        runEdits({QStringLiteral("replay")}, again);
        QVERIFY(finishes(again, 30000));
        QCOMPARE(again.exitCode(), 0);
        QCOMPARE(calls("POST", QStringLiteral("/album/{albumId}/add")), 3);
        QCOMPARE(calls("POST", QStringLiteral("/{albumId}/update")), 1);
    }

    void theAlbumListShowsWhatWaitsAndKeepsShowingItAfterARestart()
    {
        const QString keep = newAlbum(QStringLiteral("Keep"));
        const QString drop = newAlbum(QStringLiteral("Drop"));
        QVERIFY(!keep.isEmpty() && !drop.isEmpty());
        auto catalog = catalog::Catalog::open(m_dir.filePath(QStringLiteral("lists.sqlite")));
        QVERIFY(catalog);
        auto loaded = [](AlbumListModel &model) {
            model.reload();
            return test::spinUntil(
                [&] {
                    if (model.canFetchMore())
                        model.fetchMore();
                    return model.isComplete();
                },
                20000);
        };
        {
            AlbumListModel model(m_client.get(), nullptr);
            model.setCatalog(catalog.get());
            QVERIFY(loaded(model)); // the lists are saved
        }

        m_sim->stop();
        QString pendingId;
        {
            AlbumOutbox outbox(m_client.get());
            outbox.setRetryDelayMs(50);
            outbox.setCatalog(catalog.get());
            AlbumListModel model(m_client.get(), nullptr);
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setCatalog(catalog.get());
            model.setOutbox(&outbox);
            model.reload();
            QVERIFY(model.rowOfId(keep) >= 0 && model.rowOfId(drop) >= 0);
            QSignalSpy errors(&model, &AlbumListModel::errorOccurred);

            std::optional<api::Result<QString>> renamed;
            model.renameAlbum(model.rowOfId(keep), QStringLiteral("Kept"),
                              [&](const api::Result<QString> &r) { renamed = r; });
            QTRY_VERIFY_WITH_TIMEOUT(renamed.has_value(), 20000);
            QVERIFY(renamed->ok()); // written down, not failed
            QCOMPARE(model.index(model.rowOfId(keep)).data(Qt::EditRole).toString(), QStringLiteral("Kept"));
            QCOMPARE(model.index(model.rowOfId(keep)).data(AlbumListModel::PendingRole).toInt(), 1);

            std::optional<api::Result<QString>> made;
            model.createAlbum({api::AlbumType::Manual, api::AlbumKind::Personal, QStringLiteral("New one")},
                              [&](const api::Result<QString> &r) { made = r; });
            QVERIFY(made && made->ok()); // at once: the outbox already holds an edit, this one waits behind
            pendingId = made->value();
            QVERIFY(AlbumOutbox::isLocalId(pendingId));
            QCOMPARE(model.index(model.rowOfId(pendingId)).data(Qt::EditRole).toString(),
                     QStringLiteral("New one"));

            model.deleteAlbum(model.rowOfId(drop));
            QCOMPARE(model.rowOfId(drop), -1);
            QCOMPARE(outbox.pendingCount(), 3);
            QVERIFY(errors.isEmpty()); // no error shown for what is kept
        }

        // Started again, still offline: the same albums shown, from the catalog and its outbox.
        AlbumOutbox outbox(m_client.get());
        outbox.setRetryDelayMs(50);
        outbox.setCatalog(catalog.get());
        QCOMPARE(outbox.pendingCount(), 3);
        AlbumListModel model(m_client.get(), nullptr);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCatalog(catalog.get());
        model.setOutbox(&outbox);
        model.reload();
        QCOMPARE(model.index(model.rowOfId(keep)).data(Qt::EditRole).toString(), QStringLiteral("Kept"));
        QVERIFY(model.rowOfId(pendingId) >= 0);
        QCOMPARE(model.rowOfId(drop), -1);

        // The server back: sent in order; the new album takes the server's id in place.
        QSignalSpy drained(&outbox, &AlbumOutbox::drained);
        QSignalSpy created(&outbox, &AlbumOutbox::albumCreated);
        m_sim->resume();
        outbox.replay();
        QVERIFY(drained.wait(20000));
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(created.size(), 1);
        const QString newId = created.first().at(1).toString();
        QCOMPARE(model.rowOfId(pendingId), -1);
        QVERIFY(model.rowOfId(newId) >= 0);
        QCOMPARE(albumName(keep), QStringLiteral("Kept"));
        QCOMPARE(albumName(newId), QStringLiteral("New one"));
        QVERIFY(albumName(drop).isEmpty()); // deleted
        QTRY_VERIFY_WITH_TIMEOUT(
            model.index(model.rowOfId(keep)).data(AlbumListModel::PendingRole).toInt() == 0, 5000);
    }

    void anEditMadeWhileAnotherIsBeingSentWaitsBehindIt()
    {
        // Renamed twice in a row; the first call fails for now (503) after the second was made. The
        // server must end with the second name: the second waits behind the first, which goes again.
        const QString album = newAlbum(QStringLiteral("Twice"));
        AlbumOutbox outbox(m_client.get());
        outbox.setRetryDelayMs(50);
        AlbumListModel model(m_client.get(), nullptr);
        model.setOutbox(&outbox);
        model.reload();
        QVERIFY(test::spinUntil(
            [&] {
                if (model.canFetchMore())
                    model.fetchMore();
                return model.isComplete();
            },
            20000));
        using Step = sim::SimHttpServer::FaultStep;
        m_sim->server().http().scriptFaults(
            {{Step::Kind::Status, 503, 1, 0, 1, Api + QStringLiteral("/%1/update").arg(album)}});
        const int row = model.rowOfId(album);
        QVERIFY(row >= 0);
        QSignalSpy drained(&outbox, &AlbumOutbox::drained);
        model.renameAlbum(row, QStringLiteral("First"));
        model.renameAlbum(row, QStringLiteral("Second")); // the first is still on its way
        QCOMPARE(outbox.pendingCount(), 1);
        QVERIFY(drained.wait(20000));
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(albumName(album), QStringLiteral("Second"));
        QCOMPARE(model.index(model.rowOfId(album)).data(Qt::EditRole).toString(), QStringLiteral("Second"));
    }

    void anEditOfAnAlbumDeletedElsewhereIsReportedAndTheRestGoOn()
    {
        const QString gone = newAlbum(QStringLiteral("Gone"));
        const QString here = newAlbum(QStringLiteral("Here"));
        AlbumOutbox outbox(m_client.get());
        outbox.setRetryDelayMs(50);
        m_sim->stop();
        QVERIFY(outbox.queueRename(gone, QStringLiteral("Gone"), QStringLiteral("Renamed")));
        QVERIFY(
            outbox.queueAdd(here, QStringLiteral("Here"), {{m_pool.at(8), m_sim->userId(), {}, {}, false}}));
        QSignalSpy stalled(&outbox, &AlbumOutbox::stalled);
        QVERIFY(stalled.wait(10000)); // the server is gone: it waits, and tries again by itself
        QCOMPARE(outbox.pendingCount(), 2);

        m_sim->resume();
        QVERIFY(m_sim->del(Api + QStringLiteral("/album/") + gone).status == 200); // elsewhere, meanwhile
        QSignalSpy drained(&outbox, &AlbumOutbox::drained);
        QVERIFY(drained.wait(20000));
        const auto reports = drained.first().first().value<QVector<AlbumOutbox::Report>>();
        QCOMPARE(reports.size(), 2);
        QCOMPARE(reports[0].kind, AlbumOutbox::Kind::Rename);
        QCOMPARE(reports[0].outcome, AlbumOutbox::Outcome::Conflict);
        QVERIFY2(reports[0].message.contains(QStringLiteral("deleted elsewhere")),
                 qPrintable(reports[0].message));
        QVERIFY(!reports[0].traceId.isEmpty());
        QCOMPARE(reports[1].outcome, AlbumOutbox::Outcome::Done);
        QCOMPARE(m_sim->albumItems(here), QStringList{m_pool.at(8)});
    }

    void anAlbumWhoseCreateWentOutBeforeACrashIsNotMadeTwice()
    {
        // The app sent the create call, the server made the album, and the app was killed before the
        // answer was written down: the outbox holds the create, marked sent.
        auto catalog = catalog::Catalog::open(m_dir.filePath(QStringLiteral("crash.sqlite")));
        QVERIFY(catalog);
        catalog::OutboxEntry entry;
        entry.kind = int(AlbumOutbox::Kind::Create);
        entry.albumName = QStringLiteral("Made once");
        entry.payload = QJsonDocument(QJsonObject{{QStringLiteral("type"), int(api::AlbumType::Manual)},
                                                  {QStringLiteral("kind"), int(api::AlbumKind::Personal)},
                                                  {QStringLiteral("name"), QStringLiteral("Made once")}})
                            .toJson();
        entry.createdMs = QDateTime::currentMSecsSinceEpoch();
        const qint64 seq = catalog->enqueueEdit(entry);
        QVERIFY(seq > 0);
        QVERIFY(catalog->markEditSent(seq));
        const QString made = newAlbum(QStringLiteral("Made once"));
        const int createsBefore = calls("POST", QStringLiteral("/album/create"));

        AlbumOutbox outbox(m_client.get());
        outbox.setCatalog(catalog.get());
        QSignalSpy created(&outbox, &AlbumOutbox::albumCreated);
        QSignalSpy drained(&outbox, &AlbumOutbox::drained);
        outbox.replay();
        QVERIFY(drained.wait(20000));
        QCOMPARE(created.size(), 1);
        QCOMPARE(created.first().at(1).toString(), made); // found, not made again
        QCOMPARE(calls("POST", QStringLiteral("/album/create")), createsBefore);
        QCOMPARE(m_sim
                     ->column(QStringLiteral("SELECT id FROM albums WHERE name = ?"),
                              {QStringLiteral("Made once")})
                     .size(),
                 1);
        QVERIFY(catalog->pendingEdits().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAlbumOutbox)
#include "tst_AlbumOutbox.moc"
