// OPERATIONS.md §5 end to end: batch jobs that recycle, restore, delete for good, move and copy, seen
// through polling (0 → 1 → 2 with progress), a cancel while running, per-file results for files that are
// not there, the job list, emptying the recycle bin; and what a recycled file leaves: its folder, its
// albums' contents and covers, until it is restored.
#include "SimFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using koodrive::test::SimFixture;

class TestJobRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    const QString m_jobs = QStringLiteral("/koodrive/ose/v1/jobs");

    // The file's id path as OPERATIONS.md §5 wants it in filePath, worked out from the store.
    QString idPath(const QString &fileId)
    {
        QStringList ids{fileId};
        QString at =
            m_sim->column(QStringLiteral("SELECT parent_id FROM files WHERE id = ?"), {fileId}).value(0);
        while (!at.isEmpty() && at != m_sim->rootId()) {
            ids.prepend(at);
            at = m_sim->column(QStringLiteral("SELECT parent_id FROM files WHERE id = ?"), {at}).value(0);
        }
        ids.prepend(m_sim->rootId());
        return QLatin1Char('/') + ids.join(QLatin1Char('/'));
    }
    QJsonObject job(int taskType, int actionType, const QStringList &fileIds, bool withPaths = true)
    {
        QJsonArray files;
        for (const QString &id : fileIds) {
            QJsonObject file{{QStringLiteral("fileId"), id}};
            if (withPaths)
                file.insert(QStringLiteral("filePath"), idPath(id));
            files.append(file);
        }
        QJsonObject body{{QStringLiteral("taskType"), taskType},
                         {QStringLiteral("taskInfo"),
                          QJsonObject{{QStringLiteral("fileInfo"), files},
                                      {QStringLiteral("srcContainerId"), m_sim->containerId()}}},
                         {QStringLiteral("dstContainerId"), m_sim->containerId()}};
        if (actionType)
            body.insert(QStringLiteral("actionType"), actionType);
        return body;
    }
    QString start(const QJsonObject &body)
    {
        const auto created = m_sim->post(m_jobs, body);
        if (created.status != 200)
            qWarning() << created.body;
        return created.json.value(QStringLiteral("data")).toString();
    }
    QJsonObject detail(const QString &jobId)
    {
        return m_sim->get(QStringLiteral("/koodrive/ose/v1/") + jobId)
            .json.value(QStringLiteral("data"))
            .toObject();
    }
    // Polls until the job has ended; `seen` collects each status and progress observed on the way.
    QJsonObject finished(const QString &jobId, QList<QPair<int, int>> *seen = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            const QJsonObject data = detail(jobId);
            const QJsonObject info = data.value(QStringLiteral("jobInfo")).toObject();
            const int status = info.value(QStringLiteral("status")).toInt(-1);
            if (seen && (seen->isEmpty() || seen->constLast().first != status ||
                         seen->constLast().second != info.value(QStringLiteral("progress")).toInt()))
                seen->append({status, info.value(QStringLiteral("progress")).toInt()});
            if (status >= 2)
                return data;
            QTest::qWait(15);
        }
        return {};
    }
    QStringList listedIds(int type, const QString &parent)
    {
        QStringList ids;
        QString cursor;
        do {
            const auto page = m_sim->post(
                QStringLiteral("/koodrive/ose/v1/files/%1").arg(type),
                {{QStringLiteral("containerId"), m_sim->containerId()},
                 {QStringLiteral("parentFileId"), parent},
                 {QStringLiteral("pageInfo"),
                  QJsonObject{{QStringLiteral("pageSize"), 100}, {QStringLiteral("pageCursor"), cursor}}}});
            for (const auto &file : page.json.value(QStringLiteral("files")).toArray())
                ids << file.toObject().value(QStringLiteral("id")).toString();
            cursor = page.json.value(QStringLiteral("nextCursor")).toString();
        } while (!cursor.isEmpty());
        return ids;
    }
    QStringList albumContents(const QString &albumId, qint64 *total)
    {
        const auto page =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/album/%1/list?pageSize=100").arg(albumId));
        *total = qint64(page.json.value(QStringLiteral("total")).toDouble());
        QStringList ids;
        for (const auto &item : page.json.value(QStringLiteral("contentList")).toArray())
            ids << item.toObject().value(QStringLiteral("id")).toString();
        return ids;
    }
    QString albumCover(const QString &albumId)
    {
        const auto list = m_sim->get(
            QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=100&pageNum=1"));
        for (const auto &album : list.json.value(QStringLiteral("albumList")).toArray())
            if (album.toObject().value(QStringLiteral("id")).toString() == albumId)
                return album.toObject().value(QStringLiteral("coverImg")).toString();
        return {};
    }
    void expectRefusal(const SimFixture::Response &response, const char *code, const QString &param,
                       const koodrive::sim::SimStore::Counts &before)
    {
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QString::fromLatin1(code));
        QCOMPARE(response.errorParam(), param);
        QCOMPARE(m_sim->counts(), before);
    }
    static koodrive::sim::SimOptions slowJobs()
    {
        koodrive::sim::SimOptions options;
        options.jobStepMs = 300;
        options.jobFilesPerStep = 1;
        return options;
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(300); }
    void cleanup() { m_sim.reset(); }

    void theJobIdRouteTakesNoOtherPath()
    {
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/jobs?offset=0&limit=10")).status, 200);
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/notajob")).status, 404);
        const auto unknown = m_sim->get(QStringLiteral("/koodrive/ose/v1/1234567890123456789"));
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.errorCode(), QStringLiteral("13000309"));
        QCOMPARE(unknown.errorParam(), QStringLiteral("jobId"));
    }

    void aRecycledPhotoLeavesItsFolderAndAlbumsUntilRestored()
    {
        const QString album =
            m_sim
                ->column(QStringLiteral("SELECT a.id FROM albums a JOIN album_items ai ON "
                                        "ai.album_id = a.id WHERE a.type = 2 AND a.kind = 1 "
                                        "GROUP BY a.id HAVING COUNT(*) >= 2 LIMIT 1"))
                .value(0);
        QVERIFY(!album.isEmpty());
        // The cover: the album's first image.
        const QString photo =
            m_sim
                ->column(QStringLiteral("SELECT ai.file_id FROM album_items ai JOIN files f ON "
                                        "f.id = ai.file_id WHERE ai.album_id = ? AND "
                                        "f.file_type = 15 AND f.recycled = 0 ORDER BY ai.seq "
                                        "LIMIT 1"),
                         {album})
                .value(0);
        const QString folder =
            m_sim->column(QStringLiteral("SELECT parent_id FROM files WHERE id = ?"), {photo}).value(0);
        qint64 total = 0;
        QVERIFY(albumContents(album, &total).contains(photo));
        const qint64 totalBefore = total;
        QVERIFY(albumCover(album).contains(QStringLiteral("/obs/") + photo));

        // OPERATIONS.md §5: {taskType, actionType, taskInfo{fileInfo[{fileId, filePath}], srcContainerId},
        // dstContainerId}, answered with the job id in data.
        const QByteArray body =
            QStringLiteral(
                R"({"taskType":2,"actionType":201,"taskInfo":{"fileInfo":[{"fileId":"%1","filePath":"%2"}],)"
                R"("srcContainerId":"%3"},"dstContainerId":"%3"})")
                .arg(photo, idPath(photo), m_sim->containerId())
                .toUtf8();
        const auto created = m_sim->send("POST", m_jobs, body, m_sim->commonHeaders());
        QCOMPARE(created.status, 200);
        QCOMPARE(created.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QString jobId = created.json.value(QStringLiteral("data")).toString();
        QVERIFY(!jobId.isEmpty());
        const QJsonObject done = finished(jobId);
        const QJsonObject info = done.value(QStringLiteral("jobInfo")).toObject();
        QCOMPARE(info.value(QStringLiteral("taskId")).toString(), jobId);
        QCOMPARE(info.value(QStringLiteral("taskType")).toInt(), 2);
        QCOMPARE(info.value(QStringLiteral("actionType")).toInt(), 201);
        QCOMPARE(info.value(QStringLiteral("status")).toInt(), 2);
        QCOMPARE(info.value(QStringLiteral("taskResultCode")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("progress")).toInt(), 100);
        QCOMPARE(done.value(QStringLiteral("taskInfos"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status")),
                 QJsonValue(QStringLiteral("1")));

        QVERIFY(!listedIds(0, folder).contains(photo));
        QVERIFY(listedIds(1, QStringLiteral("root")).contains(photo));
        QVERIFY(!albumContents(album, &total).contains(photo));
        QCOMPARE(total, totalBefore - 1);
        QVERIFY(!albumCover(album).contains(QStringLiteral("/obs/") + photo));

        const QString restore = start(job(4, 0, {photo}, false));
        QCOMPARE(finished(restore)
                     .value(QStringLiteral("jobInfo"))
                     .toObject()
                     .value(QStringLiteral("taskResultCode"))
                     .toInt(),
                 1);
        QVERIFY(listedIds(0, folder).contains(photo));
        QVERIFY(!listedIds(1, QStringLiteral("root")).contains(photo));
        QVERIFY(albumContents(album, &total).contains(photo));
        QCOMPARE(total, totalBefore);
        QVERIFY(albumCover(album).contains(QStringLiteral("/obs/") + photo));
    }

    void aRecycledFolderTakesItsContentsAlong()
    {
        const QString folder = m_sim->addFolder(QStringLiteral("Holiday"), 4);
        const QStringList inside = m_sim->childIds(folder);
        QVERIFY(finished(start(job(2, 201, {folder})))
                    .value(QStringLiteral("jobInfo"))
                    .toObject()
                    .value(QStringLiteral("taskResultCode")) == 1);
        const QStringList bin = listedIds(1, QStringLiteral("root"));
        QVERIFY(bin.contains(folder));
        for (const QString &id : inside)
            QVERIFY(!bin.contains(id)); // in the bin with their folder, not on their own
        QVERIFY(!listedIds(0, QStringLiteral("root")).contains(folder));
        QVERIFY(finished(start(job(4, 0, {folder}, false)))
                    .value(QStringLiteral("jobInfo"))
                    .toObject()
                    .value(QStringLiteral("taskResultCode")) == 1);
        QCOMPARE(listedIds(0, folder).size(), inside.size());
    }

    void deletingForGoodRemovesTheFileItsAlbumItemsAndItsBytes()
    {
        // An uploaded file, so that it has stored bytes.
        const QByteArray bytes("a small uploaded file");
        const QString sha =
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const auto created =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/create"),
                        {{QStringLiteral("fileName"), QStringLiteral("note.jpg")},
                         {QStringLiteral("fileType"), QStringLiteral("15")},
                         {QStringLiteral("parentFolder"), QJsonArray{QStringLiteral("root")}},
                         {QStringLiteral("length"), bytes.size()},
                         {QStringLiteral("uploadMode"), QStringLiteral("multipart")},
                         {QStringLiteral("uploadType"), 1},
                         {QStringLiteral("autoRename"), 2},
                         {QStringLiteral("sha256"), sha},
                         {QStringLiteral("multiParts"),
                          QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 1},
                                                 {QStringLiteral("partSize"), bytes.size()}}}}});
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        QCOMPARE(m_sim
                     ->sendTo("PUT",
                              QUrl(created.json.value(QStringLiteral("multiParts"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("uploadUrl"))
                                       .toString()),
                              bytes)
                     .status,
                 200);
        QCOMPARE(m_sim
                     ->post(QStringLiteral("/koodrive/ose/v1/files/complete"),
                            {{QStringLiteral("fileId"), fileId}, {QStringLiteral("sha256"), sha}})
                     .status,
                 200);
        const QString blob = m_sim->dataDir() + QStringLiteral("/objects/blobs/%1/%2").arg(sha.left(2), sha);
        QVERIFY(QFile::exists(blob));
        const QString album =
            m_sim->column(QStringLiteral("SELECT id FROM albums WHERE type = 2 AND kind = 1 LIMIT 1"))
                .value(0);
        QCOMPARE(m_sim
                     ->post(QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(album),
                            {{QStringLiteral("fileIds"),
                              QJsonArray{QJsonObject{{QStringLiteral("fileId"), fileId},
                                                     {QStringLiteral("ownerId"), m_sim->userId()}}}}})
                     .status,
                 200);

        QVERIFY(finished(start(job(2, 201, {fileId})))
                    .value(QStringLiteral("jobInfo"))
                    .toObject()
                    .value(QStringLiteral("taskResultCode")) == 1);
        QVERIFY(QFile::exists(blob)); // in the bin, the bytes stay
        const auto before = m_sim->counts();
        QVERIFY(finished(start(job(2, 202, {fileId}, false)))
                    .value(QStringLiteral("jobInfo"))
                    .toObject()
                    .value(QStringLiteral("taskResultCode")) == 1);
        QCOMPARE(m_sim->counts().files, before.files - 1);
        QCOMPARE(m_sim->counts().albumItems, before.albumItems - 1);
        QVERIFY(!listedIds(1, QStringLiteral("root")).contains(fileId));
        QVERIFY(!QFile::exists(blob));
    }

    void statusGoesFromWaitingThroughRunningToDone()
    {
        m_sim = std::make_unique<SimFixture>(120, slowJobs());
        const QString folder = m_sim->addFolder(QStringLiteral("Ten"), 6);
        QList<QPair<int, int>> seen;
        const QJsonObject done = finished(start(job(2, 201, m_sim->childIds(folder))), &seen);
        QCOMPARE(done.value(QStringLiteral("jobInfo")).toObject().value(QStringLiteral("status")).toInt(), 2);
        QVERIFY2(seen.size() >= 3, qPrintable(QString::number(seen.size())));
        QCOMPARE(seen.constFirst(), qMakePair(0, 0));
        QCOMPARE(seen.constLast(), qMakePair(2, 100));
        bool runningPartly = false;
        for (int i = 1; i < seen.size(); ++i) {
            QVERIFY(seen.at(i).first >= seen.at(i - 1).first);   // status never goes back
            QVERIFY(seen.at(i).second >= seen.at(i - 1).second); // nor does progress
            runningPartly =
                runningPartly || (seen.at(i).first == 1 && seen.at(i).second > 0 && seen.at(i).second < 100);
        }
        QVERIFY(runningPartly);
    }

    void aCancelLandsWhileRunning()
    {
        m_sim = std::make_unique<SimFixture>(120, slowJobs());
        const QString folder = m_sim->addFolder(QStringLiteral("Many"), 10);
        const QString jobId = start(job(2, 201, m_sim->childIds(folder)));
        QTRY_VERIFY_WITH_TIMEOUT(detail(jobId)
                                         .value(QStringLiteral("jobInfo"))
                                         .toObject()
                                         .value(QStringLiteral("progress"))
                                         .toInt() > 0,
                                 10000);
        const auto cancelled =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/cancel"), {{QStringLiteral("jobId"), jobId}});
        QCOMPARE(cancelled.status, 200);
        const QJsonObject data = detail(jobId);
        const QJsonObject info = data.value(QStringLiteral("jobInfo")).toObject();
        QCOMPARE(info.value(QStringLiteral("status")).toInt(), 3);
        QCOMPARE(info.value(QStringLiteral("taskResultCode")).toInt(), 2);
        QTest::qWait(500); // the runner does nothing more for it
        const int left = m_sim->childIds(folder).size();
        QVERIFY2(left > 0 && left < 10, qPrintable(QString::number(left)));
        int cancelledFiles = 0;
        for (const auto &item : detail(jobId).value(QStringLiteral("taskInfos")).toArray())
            cancelledFiles +=
                item.toObject().value(QStringLiteral("status")).toString() == QLatin1String("3");
        QCOMPARE(cancelledFiles, left);
        // Ended: a second cancel is refused.
        const auto before = m_sim->counts();
        expectRefusal(
            m_sim->post(QStringLiteral("/koodrive/ose/v1/cancel"), {{QStringLiteral("jobId"), jobId}}),
            "13000102", QStringLiteral("jobId"), before);
        expectRefusal(m_sim->post(QStringLiteral("/koodrive/ose/v1/cancel"),
                                  {{QStringLiteral("jobId"), QStringLiteral("42")}}),
                      "13000309", QStringLiteral("jobId"), before);
    }

    void filesThatAreNotThereGetTheirOwnResults()
    {
        const QString real = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(0);
        const QJsonObject some = finished(start(job(2, 202, {real, QStringLiteral("Fnosuchfile")}, false)));
        QCOMPARE(
            some.value(QStringLiteral("jobInfo")).toObject().value(QStringLiteral("taskResultCode")).toInt(),
            2);
        const QJsonArray infos = some.value(QStringLiteral("taskInfos")).toArray();
        QCOMPARE(infos.at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("1"));
        QCOMPARE(infos.at(1).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("2"));
        QCOMPARE(infos.at(1).toObject().value(QStringLiteral("errorCode")).toString(),
                 QStringLiteral("13000302"));
        const QJsonObject none =
            finished(start(job(4, 0, {QStringLiteral("Fnosuch1"), QStringLiteral("Fnosuch2")}, false)));
        QCOMPARE(
            none.value(QStringLiteral("jobInfo")).toObject().value(QStringLiteral("taskResultCode")).toInt(),
            3);
    }

    void moveAndCopy()
    {
        const QString source = m_sim->addFolder(QStringLiteral("Source"), 2);
        const QString target = m_sim->addFolder(QStringLiteral("Target"), 0);
        const QStringList files = m_sim->childIds(source);
        QJsonObject move = job(3, 301, {files.at(0)});
        QJsonObject taskInfo = move.value(QStringLiteral("taskInfo")).toObject();
        taskInfo.insert(QStringLiteral("newFilePath"), idPath(target));
        move.insert(QStringLiteral("taskInfo"), taskInfo);
        QVERIFY(finished(start(move))
                    .value(QStringLiteral("jobInfo"))
                    .toObject()
                    .value(QStringLiteral("taskResultCode")) == 1);
        QCOMPARE(listedIds(0, target), QStringList{files.at(0)});
        QCOMPARE(listedIds(0, source), QStringList{files.at(1)});

        QJsonObject copy = job(1, 101, {files.at(1)});
        taskInfo = copy.value(QStringLiteral("taskInfo")).toObject();
        taskInfo.insert(QStringLiteral("newFilePath"), target); // the folder's id alone is taken too
        copy.insert(QStringLiteral("taskInfo"), taskInfo);
        const QJsonObject copied = finished(start(copy));
        const QString newId = copied.value(QStringLiteral("taskInfos"))
                                  .toArray()
                                  .at(0)
                                  .toObject()
                                  .value(QStringLiteral("newFileId"))
                                  .toString();
        QVERIFY(!newId.isEmpty() && newId != files.at(1));
        QCOMPARE(listedIds(0, source), QStringList{files.at(1)});
        QVERIFY(listedIds(0, target).contains(newId));

        // A folder into itself fails on its own line.
        QJsonObject inside = job(3, 301, {source});
        taskInfo = inside.value(QStringLiteral("taskInfo")).toObject();
        taskInfo.insert(QStringLiteral("newFilePath"), idPath(source));
        inside.insert(QStringLiteral("taskInfo"), taskInfo);
        QCOMPARE(finished(start(inside))
                     .value(QStringLiteral("jobInfo"))
                     .toObject()
                     .value(QStringLiteral("taskResultCode"))
                     .toInt(),
                 3);
    }

    void theJobListAndEmptyingTheBin()
    {
        const QStringList binBefore = listedIds(1, QStringLiteral("root"));
        QVERIFY(!binBefore.isEmpty());
        const auto emptied = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/recycle"),
                                         {{QStringLiteral("containerId"), m_sim->containerId()}});
        QCOMPARE(emptied.status, 200);
        const QString emptyJob = emptied.json.value(QStringLiteral("data")).toString();
        const QJsonObject info = finished(emptyJob).value(QStringLiteral("jobInfo")).toObject();
        QCOMPARE(info.value(QStringLiteral("taskResultCode")).toInt(), 1);
        QCOMPARE(info.value(QStringLiteral("contentNum")).toInt(), binBefore.size());
        QVERIFY(listedIds(1, QStringLiteral("root")).isEmpty());

        const QString other = start(job(2, 202, {QStringLiteral("Fnosuch")}, false));
        finished(other);
        const auto list = m_sim->get(QStringLiteral("/koodrive/ose/v1/jobs?offset=0&limit=10"));
        QCOMPARE(list.status, 200);
        const QJsonObject data = list.json.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("total")).toInt(), 2);
        const QJsonArray jobs = data.value(QStringLiteral("jobs")).toArray();
        QCOMPARE(jobs.size(), 2);
        QCOMPARE(jobs.at(0).toObject().value(QStringLiteral("taskId")).toString(), other); // newest first
        const auto ofType =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/jobs?offset=0&limit=10&type=7&status=2"));
        QCOMPARE(ofType.json.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("jobs"))
                     .toArray()
                     .size(),
                 1);
        const auto paged = m_sim->get(QStringLiteral("/koodrive/ose/v1/jobs?offset=1&limit=1"));
        QCOMPARE(paged.json.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("jobs"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("taskId")),
                 QJsonValue(emptyJob));
        for (const char *query : {"offset=0&limit=101", "offset=0&limit=0", "limit=10", "offset=-1&limit=10",
                                  "offset=0", "offset=0&limit=10&type=8", "offset=0&limit=10&status=4"}) {
            const auto refused = m_sim->get(QStringLiteral("/koodrive/ose/v1/jobs?") + QLatin1String(query));
            QVERIFY2(refused.status == 400 && refused.errorCode() == QLatin1String("13000102"), query);
        }
    }

    void everyCreateRuleIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("path"); // the field to change: "taskType" or "taskInfo.fileInfo", ...
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        auto row = [](const char *name, const char *path, const QJsonValue &value, const char *code,
                      const char *param) {
            QTest::newRow(name) << QString::fromLatin1(path) << value << QString::fromLatin1(code)
                                << QString::fromLatin1(param);
        };
        row("taskType 5", "taskType", 5, "13000102", "taskType");
        row("no taskType", "taskType", QJsonValue(), "13000102", "taskType");
        row("actionType 203", "actionType", 203, "13000102", "actionType");
        row("no actionType for a delete", "actionType", QJsonValue(), "13000102", "actionType");
        row("no taskInfo", "taskInfo", QJsonValue(), "13000102", "taskInfo");
        row("no files", "taskInfo.fileInfo", QJsonArray{}, "13000102", "taskInfo.fileInfo");
        row("a file without its id", "taskInfo.fileInfo",
            QJsonArray{QJsonObject{{QStringLiteral("filePath"), QStringLiteral("/x")}}}, "13000102",
            "taskInfo.fileInfo[0].fileId");
        row("to the bin without filePath", "taskInfo.fileInfo",
            QJsonArray{QJsonObject{{QStringLiteral("fileId"), QStringLiteral("Fa")}}}, "13000102",
            "taskInfo.fileInfo[0].filePath");
        row("a file twice", "taskInfo.fileInfo",
            QJsonArray{QJsonObject{{QStringLiteral("fileId"), QStringLiteral("Fa")},
                                   {QStringLiteral("filePath"), QStringLiteral("/r/Fa")}},
                       QJsonObject{{QStringLiteral("fileId"), QStringLiteral("Fa")},
                                   {QStringLiteral("filePath"), QStringLiteral("/r/Fa")}}},
            "13000102", "taskInfo.fileInfo[1].fileId");
        row("no srcContainerId", "taskInfo.srcContainerId", QJsonValue(), "13000102",
            "taskInfo.srcContainerId");
        row("another's srcContainerId", "taskInfo.srcContainerId", QStringLiteral("IAADnotmine"), "13000301",
            "taskInfo.srcContainerId");
        row("another's dstContainerId", "dstContainerId", QStringLiteral("IAADnotmine"), "13000301",
            "dstContainerId");
    }
    void everyCreateRuleIsRefusedAndNothingChanges()
    {
        QFETCH(QString, path);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const QString photo = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(0);
        QJsonObject body = job(2, 201, {photo});
        const QStringList keys = path.split(QLatin1Char('.'));
        if (keys.size() == 1) {
            if (value.isNull())
                body.remove(path);
            else
                body.insert(path, value);
        } else {
            QJsonObject inner = body.value(keys.at(0)).toObject();
            if (value.isNull())
                inner.remove(keys.at(1));
            else
                inner.insert(keys.at(1), value);
            body.insert(keys.at(0), inner);
        }
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(m_jobs, body), code.toLatin1().constData(), param, before);
    }

    void moveAndCopyNeedTheirDestination()
    {
        const QString photo = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(0);
        const QString trips = m_sim->folderNamed(QStringLiteral("Trips"));
        const auto before = m_sim->counts();
        QJsonObject move = job(3, 301, {photo});
        move.remove(QStringLiteral("dstContainerId"));
        expectRefusal(m_sim->post(m_jobs, move), "13000102", QStringLiteral("dstContainerId"), before);
        move = job(3, 0, {photo});
        expectRefusal(m_sim->post(m_jobs, move), "13000102", QStringLiteral("taskInfo.newFilePath"), before);
        auto withPath = [&move](const QString &path) {
            QJsonObject info = move.value(QStringLiteral("taskInfo")).toObject();
            info.insert(QStringLiteral("newFilePath"), path);
            move.insert(QStringLiteral("taskInfo"), info);
        };
        withPath(QStringLiteral("/") + m_sim->rootId() + QStringLiteral("/Fnosuchfolder"));
        expectRefusal(m_sim->post(m_jobs, move), "13000309", QStringLiteral("taskInfo.newFilePath"), before);
        withPath(QStringLiteral("/Fwrongancestor/") + trips);
        expectRefusal(m_sim->post(m_jobs, move), "13000102", QStringLiteral("taskInfo.newFilePath"), before);
        QJsonObject restore = job(4, 0, {photo}, false);
        restore.insert(QStringLiteral("actionType"), 401);
        expectRefusal(m_sim->post(m_jobs, restore), "13000102", QStringLiteral("actionType"), before);
    }
};

QTEST_GUILESS_MAIN(TestJobRoutes)
#include "tst_JobRoutes.moc"
