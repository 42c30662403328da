// What KooDriveClient puts on the wire, checked byte for byte against the pages, and how it reacts to
// scripted answers (errors, Retry-After, dropped connections, bodies that are not what the pages say).
#include "RecordingServer.h"
#include "api/KooDriveClient.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace koodrive::api;
using koodrive::test::RecordingServer;

namespace {
QStringList g_log;
QtMessageHandler g_previousHandler = nullptr;
void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (context.category && QByteArray(context.category).startsWith("koodrive"))
        g_log << message;
    else if (g_previousHandler)
        g_previousHandler(type, context, message);
}
} // namespace

class TestKooDriveClientWire : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<RecordingServer> m_server;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;
    const QString m_token = QStringLiteral("10f88aa0token0not0for0logs4791e9ff");

    template<typename T, typename Start>
    Result<T> wait(Start start)
    {
        std::optional<Result<T>> result;
        start(this, [&result](const Result<T> &r) { result = r; });
        if (!QTest::qWaitFor([&result] { return result.has_value(); }, 20000))
            return ApiError::invalidInput(QStringLiteral("test"), QStringLiteral("no answer in 20 s"));
        return *result;
    }
    static QJsonObject json(const QByteArray &text) { return QJsonDocument::fromJson(text).object(); }
    const RecordingServer::Request &last() const { return m_server->requests().constLast(); }

private slots:
    void initTestCase()
    {
        g_previousHandler = qInstallMessageHandler(captureLog);
        QLoggingCategory::setFilterRules(QStringLiteral("koodrive.api.debug=true"));
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previousHandler); }

    void init()
    {
        m_server = std::make_unique<RecordingServer>();
        // Good for every call: an empty album list is also a plain success.
        m_server->setDefaultReply({200, R"({"albumList":[],"total":0,"code":0,"msg":"Success."})"});
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection({m_server->url(), QStringLiteral("154663352556663635"), m_token, false});
        m_client->setRetryPolicy({4, 20, 100, 3000});
        g_log.clear();
    }

    void everyRequestCarriesTheCommonHeaders()
    {
        QVERIFY(wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); }).ok());
        const RecordingServer::Request request = last(); // a copy: the list grows below
        QCOMPARE(request.header("Authorization"), "Bearer " + m_token.toLatin1());
        QCOMPARE(request.header("X-User-Id"), QByteArray("154663352556663635"));
        const QByteArray date = request.header("X-Date");
        QVERIFY2(QRegularExpression(QStringLiteral(R"(^\d{8}T\d{6}Z$)"))
                     .match(QString::fromLatin1(date))
                     .hasMatch(),
                 date.constData());
        QDateTime sent =
            QDateTime::fromString(QString::fromLatin1(date), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        sent.setTimeSpec(Qt::UTC);
        QVERIFY(qAbs(sent.secsTo(QDateTime::currentDateTimeUtc())) <= 2);
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9_]{58}$"))
                    .match(QString::fromLatin1(request.header("X-Traceid")))
                    .hasMatch());
        QCOMPARE(request.header("language"), QByteArray("en_us"));

        // A fresh trace id per request; the language follows the UI; a token with its own scheme goes as is.
        m_client->setLanguage(QStringLiteral("zh_cn"));
        m_client->setConnection({m_server->url(), QStringLiteral("1"), QStringLiteral("AT CgB6e3x9"), false});
        QVERIFY(wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); }).ok());
        QCOMPARE(last().header("language"), QByteArray("zh_cn"));
        QCOMPARE(last().header("Authorization"), QByteArray("AT CgB6e3x9"));
        QVERIFY(last().header("X-Traceid") != request.header("X-Traceid"));
    }

    void albumListIsThePagesExample()
    {
        m_server->enqueue({200, R"({"albumList":[],"total":0,"code":0,"msg":"Success."})"});
        QVERIFY(wait<AlbumPage>([&](QObject *c, auto d) {
                    return m_client->listAlbums({AlbumKind::Personal, AlbumType::Manual, 1, 100}, c, d);
                }).ok());
        QCOMPARE(last().method, QByteArray("GET"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/album/list"));
        QCOMPARE(last().query(), QStringLiteral("albumKind=1&albumType=2&pageSize=100&pageNum=1"));
        QVERIFY(last().body.isEmpty());
    }

    void createUpdateAndAddAreThePagesExamples()
    {
        m_server->enqueue({200, R"({"albumId":"1805929618625036417","code":0,"msg":"Success."})"});
        const auto created = wait<QString>([&](QObject *c, auto d) {
            return m_client->createAlbum(
                {AlbumType::Manual, AlbumKind::Personal, QStringLiteral("albumName")}, c, d);
        });
        QCOMPARE(created.value(), QStringLiteral("1805929618625036417"));
        QCOMPARE(last().method, QByteArray("POST"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/album/create"));
        QCOMPARE(last().header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(json(last().body),
                 json(R"({"name":"albumName","type":2,"albumKind":1})")); // album-create.txt

        KooDriveClient::AlbumChange rename;
        rename.name = QStringLiteral("albumName22");
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->updateAlbum(QStringLiteral("1795607640592646273"), rename, c, d);
                }).ok());
        QCOMPARE(last().path(),
                 QStringLiteral("/koodrive/ose/v1/1795607640592646273/update")); // no "album/" on this page
        QCOMPARE(json(last().body), json(R"({"name":"albumName22"})"));

        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->addToAlbum(QStringLiteral("1795607640592646273"),
                                                {{QStringLiteral("FsCjgqsA1KCDDMPOsOkNDFKhXmUNCNrkg"),
                                                  QStringLiteral("154663352556663635")}},
                                                c, d);
                }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/album/1795607640592646273/add"));
        QCOMPARE(
            json(last().body),
            json(
                R"({"fileIds":[{"fileId":"FsCjgqsA1KCDDMPOsOkNDFKhXmUNCNrkg","ownerId":"154663352556663635"}]})"));

        // A collection album in create's words (scopeDir, a String scopeKind), rescoped in update's.
        m_server->enqueue({200, R"({"albumId":"2","code":0})"});
        KooDriveClient::NewAlbum collection{AlbumType::Collection, AlbumKind::Shared};
        collection.scopeDirs = {QStringLiteral("F1"), QStringLiteral("F2")};
        collection.scopeParentFolderId = QStringLiteral("F0");
        collection.groupId = QStringLiteral("77");
        collection.shareFolderId = 88;
        QVERIFY(
            wait<QString>([&](QObject *c, auto d) { return m_client->createAlbum(collection, c, d); }).ok());
        QCOMPARE(json(last().body),
                 json(R"({"type":1,"albumKind":2,"scopeDir":["F1","F2"],"scopeParentFolderId":"F0",
                                            "scopeKind":"1,2","groupId":"77","shareFolderId":88})"));
        KooDriveClient::AlbumChange rescope;
        rescope.scopeDirs = QStringList{QStringLiteral("F3")};
        rescope.scopeKinds = std::pair(true, false);
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->updateAlbum(QStringLiteral("2"), rescope, c, d);
                }).ok());
        QCOMPARE(json(last().body), json(R"({"scopeDirList":["F3"],"scopeKind":1})"));
    }

    void filesListMeansWhatThePagesExampleMeans()
    {
        m_server->enqueue({200, "{\"category\":\"drive#fileList\",\"files\":[],\"code\":0,\"msg\":\"OK\"}"});
        KooDriveClient::FileListQuery query;
        query.containerId = QStringLiteral("IAADfsBFCO6WtAtuAb7e92cde625843cfb7f4ceba802e0b");
        query.pageSize = 10;
        QVERIFY(wait<FilePage>([&](QObject *c, auto d) { return m_client->listFiles(query, c, d); }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/0"));
        // files-list.txt's example writes "10" and empty strings for values not given; the README's decision
        // reads numeric strings as numbers and "" as absent. Normalised that way, the bodies are equal.
        const QJsonObject sent = json(last().body);
        QCOMPARE(sent.value(QStringLiteral("containerId")).toString(), query.containerId);
        QCOMPARE(sent.value(QStringLiteral("parentFileId")).toString(), QStringLiteral("root"));
        QCOMPARE(sent.value(QStringLiteral("pageInfo")).toObject().value(QStringLiteral("pageSize")).toInt(),
                 10);
        QCOMPARE(
            sent.value(QStringLiteral("pageInfo")).toObject().value(QStringLiteral("pageCursor")).toString(),
            QString());
        QVERIFY(!sent.contains(QStringLiteral("sortInfo")) && !sent.contains(QStringLiteral("fileType")) &&
                !sent.contains(QStringLiteral("fileName")));

        m_server->enqueue({200, "{\"files\":[],\"code\":0}"});
        query.recycleBin = true;
        query.sortType = 5;
        query.sortDirection = 2;
        query.fileType = 15;
        QVERIFY(wait<FilePage>([&](QObject *c, auto d) { return m_client->listFiles(query, c, d); }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/1"));
        QCOMPARE(json(last().body).value(QStringLiteral("sortInfo")).toObject(),
                 json(R"({"sortType":5,"sortDirection":2})"));
        QCOMPARE(json(last().body).value(QStringLiteral("fileType")).toString(), QStringLiteral("15"));
    }

    void theOtherDocumentedCallsGoWhereTheReadmeSays()
    {
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->removeFromAlbum(QStringLiteral("9"), {QStringLiteral("F1")}, c, d);
                }).ok());
        QCOMPARE(last().method, QByteArray("DELETE"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/9/batchDelete"));
        QCOMPARE(json(last().body), json(R"({"ids":["F1"]})"));
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->deleteAlbum(QStringLiteral("9"), c, d);
                }).ok());
        QCOMPARE(last().method, QByteArray("DELETE"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/album/9"));
        m_server->enqueue({200, R"({"code":0,"data":{"containerId":"C1","bizRootFileId":"R1"}})"});
        QCOMPARE(wait<SpaceInfo>([&](QObject *c, auto d) { return m_client->spaceInfo(c, d); })
                     .value()
                     .containerId,
                 QStringLiteral("C1"));
        QCOMPARE(last().target, QByteArray("/koodrive/ose/v1/space/154663352556663635?type=1"));
    }

    void theUploadCallsAreThePagesShape()
    {
        // OPERATIONS.md §3, step 1: POST /files/create with every field of its table, in its types.
        m_server->enqueue(
            {200,
             R"({"fileId":"FnewUpload","fileName":"IMG_0001.jpg","containerId":"C1","parentFolder":["F0"],)"
             R"("uploadId":"u9","rapidUpload":false,"exist":false,"multiParts":[)"
             R"({"partNumber":1,"partSize":5242880,"partOffset":0,"uploadUrl":"https:\/\/obs.example.com/p1?X-Amz-Expires=3600","partId":"u9-1"},)"
             R"({"partNumber":2,"partSize":1000,"partOffset":5242880,"uploadUrl":"https:\/\/obs.example.com/p2?X-Amz-Expires=3600","partId":"u9-2"}],)"
             R"("code":0,"msg":"Success."})"});
        KooDriveClient::NewUpload upload;
        upload.fileName = QStringLiteral("IMG_0001.jpg");
        upload.fileType = FileType::Image;
        upload.parentFolderId = QStringLiteral("F0");
        upload.length = 5242880 + 1000;
        upload.onClash = KooDriveClient::OnUploadClash::SkipIfSame;
        upload.sha256 = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
        upload.parts = KooDriveClient::planParts(upload.length, KooDriveClient::MinPartSize);
        upload.createdMs = 1762153300147;
        upload.mimeType = QStringLiteral("image/jpeg");
        upload.description = QStringLiteral("Harbour at dawn");
        const auto created =
            wait<CreatedUpload>([&](QObject *c, auto d) { return m_client->createFile(upload, c, d); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().details()));
        QCOMPARE(last().method, QByteArray("POST"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/create"));
        QCOMPARE(
            json(last().body),
            json(R"({"fileName":"IMG_0001.jpg","fileType":"15","parentFolder":["F0"],"length":5243880,)"
                 R"("uploadMode":"multipart","uploadType":1,"autoRename":4,)"
                 R"("sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",)"
                 R"("multiParts":[{"partNumber":1,"partSize":5242880},{"partNumber":2,"partSize":1000}],)"
                 R"("createdTime":"2025-11-03T07:01:40.147Z","mimeType":"image/jpeg",)"
                 R"("description":"Harbour at dawn"})"));
        const CreatedUpload &answer = created.value();
        QCOMPARE(answer.fileId, QStringLiteral("FnewUpload"));
        QCOMPARE(answer.uploadId, QStringLiteral("u9"));
        QCOMPARE(answer.parentFolderId, QStringLiteral("F0"));
        QCOMPARE(answer.parts.size(), 2);
        QCOMPARE(answer.parts.at(1).offset, 5242880);
        QCOMPARE(answer.parts.at(1).url, QByteArray("https://obs.example.com/p2?X-Amz-Expires=3600"));
        QCOMPARE(answer.parts.at(1).partId, QStringLiteral("u9-2"));

        // Step 3: fresh URLs for parts; step 4: complete with the whole file's hash. Inside a family's
        // folder.
        m_server->enqueue({200, R"({"multiParts":[{"partNumber":2,"partSize":1000,)"
                                R"("uploadUrl":"https:\/\/obs.example.com/p2?fresh"}],"code":0})"});
        const auto urls = wait<QVector<UploadPart>>([&](QObject *c, auto d) {
            return m_client->uploadUrls({QStringLiteral("FnewUpload"), {{2, 1000}}, 77}, c, d);
        });
        QCOMPARE(urls.value().at(0).url, QByteArray("https://obs.example.com/p2?fresh"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/multipart/uploadUrl"));
        QCOMPARE(json(last().body),
                 json(R"({"fileId":"FnewUpload","multiParts":[{"partNumber":2,"partSize":1000}]})"));
        QCOMPARE(last().header("x-hw-share-folder-id"), QByteArray("77"));
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->completeFile({QStringLiteral("FnewUpload"), upload.sha256, 77}, c, d);
                }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/complete"));
        QCOMPARE(
            json(last().body),
            json(
                R"({"fileId":"FnewUpload","sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"})"));

        // 13000402 is its own kind of error; other refusals stay refusals.
        m_server->enqueue(
            {400, R"({"error":{"code":400,"description":"Bad Request","errorDetail":[)"
                  R"({"errorCode":"13000402","errorParam":"sha256","description":"hash check failed"}]}})"});
        const auto mismatch = wait<Done>([&](QObject *c, auto d) {
            return m_client->completeFile({QStringLiteral("FnewUpload"), upload.sha256}, c, d);
        });
        QCOMPARE(mismatch.error().kind, ApiError::Kind::HashMismatch);
        QCOMPARE(mismatch.error().code, ErrorCode::HashMismatch);
        QCOMPARE(mismatch.error().serverMessage, QStringLiteral("hash check failed"));
        m_server->enqueue({400, R"({"error":{"code":400,"errorDetail":[{"errorCode":"13000401"}]}})"});
        QCOMPARE(wait<Done>([&](QObject *c, auto d) {
                     return m_client->completeFile({QStringLiteral("FnewUpload"), upload.sha256}, c, d);
                 })
                     .error()
                     .kind,
                 ApiError::Kind::Refused);
    }

    void uploadValuesOutsideTheTableAreNeverSent_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("fileType 10 (a folder)") << 0 << "fileType";
        QTest::newRow("over 200 GB") << 1 << "length";
        QTest::newRow("autoRename 4 without sha256") << 2 << "sha256";
        QTest::newRow("sha256 not hex") << 3 << "sha256";
        QTest::newRow("part 10001") << 4 << "partNumber";
        QTest::newRow("a part twice") << 5 << "partNumber";
        QTest::newRow("a small part before the last") << 6 << "partSize";
        QTest::newRow("parts past the length") << 7 << "partSize";
        QTest::newRow("description of 513") << 8 << "description";
        QTest::newRow("a name with a colon") << 9 << "fileName";
        QTest::newRow("uploadUrl of no part") << 10 << "multiParts";
        QTest::newRow("complete without a hash") << 11 << "sha256";
    }
    void uploadValuesOutsideTheTableAreNeverSent()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        KooDriveClient::NewUpload upload;
        upload.fileName = QStringLiteral("a.jpg");
        upload.fileType = FileType::Image;
        upload.length = 12 << 20;
        upload.parts = KooDriveClient::planParts(upload.length, KooDriveClient::MinPartSize);
        ApiError error;
        auto create = [&] {
            const auto r =
                wait<CreatedUpload>([&](QObject *c, auto d) { return m_client->createFile(upload, c, d); });
            if (!r.ok())
                error = r.error();
        };
        switch (which) {
        case 0: upload.fileType = FileType::Folder; break;
        case 1: upload.length = KooDriveClient::MaxUploadLength + 1; break;
        case 2: upload.onClash = KooDriveClient::OnUploadClash::SkipIfSame; break;
        case 3: upload.sha256 = QByteArray(64, 'g'); break;
        case 4: upload.parts.last().partNumber = 10001; break;
        case 5: upload.parts.last().partNumber = 1; break;
        case 6: upload.parts = {{1, 1000}, {2, 5 << 20}}; break;
        case 7: upload.parts.append({4, 5 << 20}); break;
        case 8: upload.description = QString(513, u'd'); break;
        case 9: upload.fileName = QStringLiteral("12:00.jpg"); break;
        default: break;
        }
        if (which == 10)
            error = wait<QVector<UploadPart>>([&](QObject *c, auto d) {
                        return m_client->uploadUrls({QStringLiteral("F1"), {}}, c, d);
                    }).error();
        else if (which == 11)
            error = wait<Done>([&](QObject *c, auto d) {
                        return m_client->completeFile({QStringLiteral("F1"), {}}, c, d);
                    }).error();
        else
            create();
        QCOMPARE(error.kind, ApiError::Kind::InvalidInput);
        QCOMPARE(error.parameter, field);
        QVERIFY(m_server->requests().isEmpty());
    }

    void partsArePlannedWithinThePagesLimits()
    {
        using C = KooDriveClient;
        // 12 MiB in parts of 5 MiB: 5, 5 and 2.
        const auto twelve = C::planParts(12 << 20, C::MinPartSize);
        QCOMPARE(twelve.size(), 3);
        QCOMPARE(twelve.at(2).partSize, 2 << 20);
        QCOMPARE(twelve.at(2).partNumber, 3);
        // An empty file: one empty part. Too small a part size is raised to 5 MiB.
        QCOMPARE(C::planParts(0, C::MinPartSize).size(), 1);
        QCOMPARE(C::planParts(0, C::MinPartSize).at(0).partSize, 0);
        QCOMPARE(C::planParts(11 << 20, 1024).size(), 3);
        // 200 GB: no more than 10 000 parts.
        const auto largest = C::planParts(C::MaxUploadLength, C::MinPartSize);
        QVERIFY(largest.size() <= C::MaxParts);
        qint64 total = 0;
        for (const auto &part : largest)
            total += part.partSize;
        QCOMPARE(total, C::MaxUploadLength);
    }

    void theJobCallsAreThePagesShape()
    {
        // OPERATIONS.md §5: POST /jobs {taskType, actionType, taskInfo{fileInfo[{fileId, filePath}],
        // srcContainerId, newFilePath}, dstContainerId} → data = the job id; one row per action of its table.
        using C = KooDriveClient;
        const QList<QPair<C::NewJob, QByteArray>> jobs{
            {{C::JobAction::ToRecycleBin,
              {{QStringLiteral("F1"), QStringLiteral("/R/F0/F1")}},
              QStringLiteral("C1")},
             R"({"taskType":2,"actionType":201,"taskInfo":{"fileInfo":[{"fileId":"F1","filePath":"/R/F0/F1"}],)"
             R"("srcContainerId":"C1"}})"},
            {{C::JobAction::DeleteForGood, {{QStringLiteral("F1"), {}}}, QStringLiteral("C1")},
             R"({"taskType":2,"actionType":202,"taskInfo":{"fileInfo":[{"fileId":"F1"}],"srcContainerId":"C1"}})"},
            {{C::JobAction::Restore,
              {{QStringLiteral("F1"), {}}, {QStringLiteral("F2"), {}}},
              QStringLiteral("C1")},
             R"({"taskType":4,"taskInfo":{"fileInfo":[{"fileId":"F1"},{"fileId":"F2"}],"srcContainerId":"C1"}})"},
            {{C::JobAction::Move,
              {{QStringLiteral("F1"), QStringLiteral("/R/F1")}},
              QStringLiteral("C1"),
              QStringLiteral("C2"),
              QStringLiteral("/R2/F9")},
             R"({"taskType":3,"actionType":301,"taskInfo":{"fileInfo":[{"fileId":"F1","filePath":"/R/F1"}],)"
             R"("srcContainerId":"C1","newFilePath":"/R2/F9"},"dstContainerId":"C2"})"},
            {{C::JobAction::Copy,
              {{QStringLiteral("F1"), {}}},
              QStringLiteral("C1"),
              QStringLiteral("C1"),
              QStringLiteral("F9")},
             R"({"taskType":1,"actionType":101,"taskInfo":{"fileInfo":[{"fileId":"F1"}],"srcContainerId":"C1",)"
             R"("newFilePath":"F9"},"dstContainerId":"C1"})"},
        };
        for (const auto &[job, expected] : jobs) {
            m_server->enqueue({200, R"({"code":0,"msg":"Success.","data":"1738372538238562304"})"});
            const auto id = wait<QString>([&](QObject *c, auto d) { return m_client->createJob(job, c, d); });
            QCOMPARE(id.value(), QStringLiteral("1738372538238562304"));
            QCOMPARE(last().method, QByteArray("POST"));
            QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/jobs"));
            QCOMPARE(json(last().body), json(expected));
        }

        // GET /{jobId}: no "jobs/" in the path.
        m_server->enqueue({200, R"({"code":0,"data":{"jobInfo":{"taskId":"1738372538238562304","status":1,)"
                                R"("progress":40},"taskInfos":[]}})"});
        const auto detail = wait<JobDetail>([&](QObject *c, auto d) {
            return m_client->jobDetail(QStringLiteral("1738372538238562304"), c, d);
        });
        QCOMPARE(detail.value().job.progress, 40);
        QCOMPARE(last().method, QByteArray("GET"));
        QCOMPARE(last().target, QByteArray("/koodrive/ose/v1/1738372538238562304"));

        m_server->enqueue({200, R"({"code":0,"data":{"total":0,"jobs":[]}})"});
        QVERIFY(wait<JobPage>([&](QObject *c, auto d) {
                    return m_client->listJobs({20, 10, 2, 1}, c, d);
                }).ok());
        QCOMPARE(last().target, QByteArray("/koodrive/ose/v1/jobs?offset=20&limit=10&type=2&status=1"));
        QVERIFY(wait<Done>([&](QObject *c, auto d) {
                    return m_client->cancelJob(QStringLiteral("1738372538238562304"), c, d);
                }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/cancel"));
        QCOMPARE(json(last().body), json(R"({"jobId":"1738372538238562304"})"));
        m_server->enqueue({200, R"({"code":0,"msg":"Success."})"}); // the page documents no job id here
        const auto emptied = wait<QString>([&](QObject *c, auto d) {
            return m_client->emptyRecycleBin({QStringLiteral("C1"), 5}, c, d);
        });
        QVERIFY(emptied.ok() && emptied.value().isEmpty());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/recycle"));
        QCOMPARE(json(last().body), json(R"({"containerId":"C1"})"));
        QCOMPARE(last().header("x-hw-share-folder-id"), QByteArray("5"));
    }

    void jobValuesOutsideTheRulesAreNeverSent_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("to the bin without filePath") << 0 << "filePath";
        QTest::newRow("no file") << 1 << "fileInfo";
        QTest::newRow("1001 files") << 2 << "fileInfo";
        QTest::newRow("a file twice") << 3 << "fileId";
        QTest::newRow("a move without destination") << 4 << "dstContainerId";
        QTest::newRow("a copy without folder") << 5 << "newFilePath";
        QTest::newRow("a job id that is a path") << 6 << "jobId";
        QTest::newRow("a job id that is another call") << 7 << "jobId";
        QTest::newRow("limit 101") << 8 << "limit";
        QTest::newRow("status 4") << 9 << "status";
    }
    void jobValuesOutsideTheRulesAreNeverSent()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        using C = KooDriveClient;
        C::NewJob job{C::JobAction::ToRecycleBin,
                      {{QStringLiteral("F1"), QStringLiteral("/R/F1")}},
                      QStringLiteral("C1")};
        ApiError error;
        auto create = [&] {
            error = wait<QString>([&](QObject *c, auto d) { return m_client->createJob(job, c, d); }).error();
        };
        switch (which) {
        case 0:
            job.files[0].filePath.clear();
            create();
            break;
        case 1:
            job.files.clear();
            create();
            break;
        case 2:
            job.files = QVector<C::JobFile>(1001, {QStringLiteral("F1"), QStringLiteral("/R/F1")});
            create();
            break;
        case 3:
            job.files.append(job.files.at(0));
            create();
            break;
        case 4:
            job.action = C::JobAction::Move;
            job.newFilePath = QStringLiteral("F9");
            create();
            break;
        case 5:
            job.action = C::JobAction::Copy;
            job.dstContainerId = QStringLiteral("C1");
            create();
            break;
        case 6:
            error = wait<JobDetail>([&](QObject *c, auto d) {
                        return m_client->jobDetail(QStringLiteral("1/../album/list"), c, d);
                    }).error();
            break;
        case 7:
            error = wait<Done>([&](QObject *c, auto d) {
                        return m_client->cancelJob(QStringLiteral("jobs"), c, d);
                    }).error();
            break;
        case 8:
            error = wait<JobPage>([&](QObject *c, auto d) {
                        return m_client->listJobs({0, 101}, c, d);
                    }).error();
            break;
        default:
            error = wait<JobPage>([&](QObject *c, auto d) {
                        return m_client->listJobs({0, 10, 0, 4}, c, d);
                    }).error();
            break;
        }
        QCOMPARE(error.kind, ApiError::Kind::InvalidInput);
        QCOMPARE(error.parameter, field);
        QVERIFY(m_server->requests().isEmpty());
    }

    void favouritesAndSearchAreThePagesShape()
    {
        // OPERATIONS.md §6: POST /star/batch {starred, subRequestList[{containerId, fileId}]}.
        m_server->enqueue(
            {200, R"({"status":0,"subResponseList":[{"fileId":"F1","code":"0","message":"ok"}],"code":0})"});
        const auto starred = wait<StarBatch>([&](QObject *c, auto d) {
            return m_client->starFiles(true, {{QStringLiteral("C1"), QStringLiteral("F1")}}, c, d);
        });
        QVERIFY(starred.ok() && starred.value().files.at(0).succeeded());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/star/batch"));
        QCOMPARE(json(last().body),
                 json(R"({"starred":true,"subRequestList":[{"containerId":"C1","fileId":"F1"}]})"));

        // GET /star/files?pageSize=&pageCursor=&sortType=1&sortDirection=&fileType=&imageProcess=.
        m_server->enqueue({200, R"({"starFiles":[],"nextCursor":"n2","autoDeleted":false,"code":0})"});
        KooDriveClient::StarredQuery starredQuery{50, QStringLiteral("c/1+"), 2, FileType::Image,
                                                  QStringLiteral("image/resize,m_lfit,h_128,w_128")};
        const auto page =
            wait<StarredPage>([&](QObject *c, auto d) { return m_client->listStarred(starredQuery, c, d); });
        QCOMPARE(page.value().nextCursor, QStringLiteral("n2"));
        QCOMPARE(last().method, QByteArray("GET"));
        QCOMPARE(
            last().target,
            QByteArray("/koodrive/ose/v1/star/files?pageSize=50&pageCursor=c%2F1%2B&sortType=1&"
                       "sortDirection=2&fileType=15&imageProcess=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128"));

        // OPERATIONS.md §7: POST /files/search with its fields, a String fileType as in files list.
        m_server->enqueue({200, R"({"files":[],"total":0,"code":0})"});
        KooDriveClient::SearchQuery query;
        query.keyWord = QStringLiteral("sunset");
        query.containerId = QStringLiteral("C1");
        query.parentFolderId = QStringLiteral("F0");
        query.recursive = true;
        query.fileType = FileType::Image;
        query.updatedFromMs = 1762153300147;
        query.pageSize = 20;
        query.sortType = 3;
        query.sortDirection = 1;
        query.imageProcess = QStringLiteral("image/resize,m_lfit,h_256,w_256");
        query.shareFolderId = 9;
        QVERIFY(wait<SearchPage>([&](QObject *c, auto d) { return m_client->search(query, c, d); }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/search"));
        QCOMPARE(
            json(last().body),
            json(
                R"({"searchType":"personal","pageInfo":{"pageSize":20,"pageCursor":""},)"
                R"("filter":{"keyWord":"sunset","containerId":"C1","parentFolder":"F0","fileType":"15",)"
                R"("updateTimeRange":"2025-11-03T07:01:40.147Z,"},"sortInfo":{"sortType":3,"sortDirection":1},)"
                R"("recursived":true,"imageProcess":"image/resize,m_lfit,h_256,w_256"})"));
        QCOMPARE(last().header("x-hw-share-folder-id"), QByteArray("9"));
    }

    void favouriteAndSearchValuesOutsideTheRulesAreNeverSent_data()
    {
        QTest::addColumn<int>("which");
        QTest::addColumn<QString>("field");
        QTest::newRow("101 files") << 0 << "subRequestList";
        QTest::newRow("a file twice") << 1 << "fileId";
        QTest::newRow("starred page of 101") << 2 << "pageSize";
        QTest::newRow("keyWord of 256") << 3 << "keyWord";
        QTest::newRow("search page of 0") << 4 << "pageSize";
        QTest::newRow("parentFolder without containerId") << 5 << "containerId";
        QTest::newRow("imageProcess of 301") << 6 << "imageProcess";
        QTest::newRow("sort by recycled time") << 7 << "sortType";
        QTest::newRow("fileType 12") << 8 << "fileType";
    }
    void favouriteAndSearchValuesOutsideTheRulesAreNeverSent()
    {
        QFETCH(int, which);
        QFETCH(QString, field);
        ApiError error;
        KooDriveClient::SearchQuery query;
        query.keyWord = QStringLiteral("x");
        auto search = [&] {
            error =
                wait<SearchPage>([&](QObject *c, auto d) { return m_client->search(query, c, d); }).error();
        };
        switch (which) {
        case 0:
        case 1: {
            QVector<KooDriveClient::StarRef> refs;
            for (int i = 0; i < (which == 0 ? 101 : 2); ++i)
                refs.append(
                    {QStringLiteral("C1"), which == 0 ? QStringLiteral("F%1").arg(i) : QStringLiteral("F1")});
            error = wait<StarBatch>([&](QObject *c, auto d) {
                        return m_client->starFiles(true, refs, c, d);
                    }).error();
            break;
        }
        case 2:
            error = wait<StarredPage>([&](QObject *c, auto d) {
                        return m_client->listStarred({101}, c, d);
                    }).error();
            break;
        case 3:
            query.keyWord = QString(256, u'k');
            search();
            break;
        case 4:
            query.pageSize = 0;
            search();
            break;
        case 5:
            query.parentFolderId = QStringLiteral("F0");
            search();
            break;
        case 6:
            query.imageProcess = QString(301, u'i');
            search();
            break;
        case 7:
            query.sortType = 5;
            search();
            break;
        default:
            query.fileType = 12;
            search();
            break;
        }
        QCOMPARE(error.kind, ApiError::Kind::InvalidInput);
        QCOMPARE(error.parameter, field);
        QVERIFY(m_server->requests().isEmpty());
    }

    void foldersAndNamesAreThePagesShape()
    {
        // OPERATIONS.md §4: POST /directory {fileName, fileType "10", parentFolder [id], containerId,
        // renameMode} → the new folder's id.
        m_server->enqueue({200, R"({"id":"FnewFolder","code":0,"msg":"Success."})"});
        KooDriveClient::NewFolder folder{QStringLiteral("Trip 2025"), QStringLiteral("F0"),
                                         QStringLiteral("C1"), KooDriveClient::OnNameClash::AddTimestamp};
        const auto created =
            wait<CreatedFolder>([&](QObject *c, auto d) { return m_client->createFolder(folder, c, d); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().details()));
        QCOMPARE(created.value().id, QStringLiteral("FnewFolder"));
        QVERIFY(created.value().name.isEmpty()); // a timestamp may have been added: the answer did not say
        QCOMPARE(last().method, QByteArray("POST"));
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/directory"));
        QCOMPARE(json(last().body), json(R"({"fileName":"Trip 2025","fileType":"10","parentFolder":["F0"],
                                             "containerId":"C1","renameMode":2})"));
        QVERIFY(last().header("x-hw-share-folder-id").isEmpty());

        // POST /files/rename/{fileId} {containerId, name, renameMode} → {code, msg}; inside a family's
        // folder.
        KooDriveClient::Rename rename{QStringLiteral("Fk0n_I_3nVy"), QStringLiteral("C1"),
                                      QStringLiteral("sunset.jpg"), KooDriveClient::OnNameClash::Fail, 42};
        const auto renamed =
            wait<QString>([&](QObject *c, auto d) { return m_client->renameFile(rename, c, d); });
        QCOMPARE(renamed.value(),
                 QStringLiteral("sunset.jpg")); // failing on a clash, the name is the one asked
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/files/rename/Fk0n_I_3nVy"));
        QCOMPARE(json(last().body), json(R"({"containerId":"C1","name":"sunset.jpg","renameMode":3})"));
        QCOMPARE(last().header("x-hw-share-folder-id"), QByteArray("42"));

        // An answer without the id is refused, naming it.
        m_server->enqueue({200, R"({"code":0,"msg":"Success."})"});
        const auto noId =
            wait<CreatedFolder>([&](QObject *c, auto d) { return m_client->createFolder(folder, c, d); });
        QCOMPARE(noId.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(noId.error().message.contains(QLatin1String("directory.id")),
                 qPrintable(noId.error().message));
    }

    void namesOutsideThePagesRulesAreNeverSent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("empty") << QString();
        QTest::newRow("251 characters") << QString(251, u'n');
        QTest::newRow("a slash") << QStringLiteral("a/b");
        QTest::newRow("a colon") << QStringLiteral("12:00.jpg");
        for (const char *c : {"<", ">", "|", "\"", "*", "?"})
            QTest::addRow("%s", c) << QStringLiteral("x%1y").arg(QLatin1String(c));
        QTest::newRow("dot") << QStringLiteral(".");
        QTest::newRow("dot dot") << QStringLiteral("..");
        QTest::newRow("a control character") << QStringLiteral("a\tb");
    }
    void namesOutsideThePagesRulesAreNeverSent()
    {
        QFETCH(QString, name);
        const auto folder = wait<CreatedFolder>([&](QObject *c, auto d) {
            return m_client->createFolder({name, QStringLiteral("root")}, c, d);
        });
        QCOMPARE(folder.error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(folder.error().parameter, QStringLiteral("fileName"));
        const auto renamed = wait<QString>([&](QObject *c, auto d) {
            return m_client->renameFile({QStringLiteral("F1"), QStringLiteral("C1"), name}, c, d);
        });
        QCOMPARE(renamed.error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(renamed.error().parameter, QStringLiteral("name"));
        QVERIFY(m_server->requests().isEmpty());
        // 250 characters (code points: one astral character is one) are fine.
        const QString longest = QString(249, u'n') + QString::fromUcs4(U"\U0001F600");
        QVERIFY(wait<QString>([&](QObject *c, auto d) {
                    return m_client->renameFile({QStringLiteral("F1"), QStringLiteral("C1"), longest}, c, d);
                }).ok());
    }

    void aSharedFolderCallCarriesItsHeader()
    {
        // OPERATIONS.md, common rules: x-hw-share-folder-id when the call acts inside a family's folder, and
        // only then.
        KooDriveClient::FileListQuery query;
        query.containerId = QStringLiteral("C1");
        m_server->enqueue({200, R"({"files":[],"code":0})"});
        QVERIFY(wait<FilePage>([&](QObject *c, auto d) { return m_client->listFiles(query, c, d); }).ok());
        QVERIFY(!last().header("x-hw-share-folder-id").size());
        QVERIFY(!last().target.contains("share"));
        query.shareFolderId = 1805929618625036417;
        m_server->enqueue({200, R"({"files":[],"code":0})"});
        QVERIFY(wait<FilePage>([&](QObject *c, auto d) { return m_client->listFiles(query, c, d); }).ok());
        QCOMPARE(last().header("x-hw-share-folder-id"), QByteArray("1805929618625036417"));
        const qsizetype sent = m_server->requests().size();
        query.shareFolderId = -1;
        const auto refused =
            wait<FilePage>([&](QObject *c, auto d) { return m_client->listFiles(query, c, d); });
        QCOMPARE(refused.error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(refused.error().parameter, QStringLiteral("shareFolderId"));
        QCOMPARE(m_server->requests().size(), sent);
    }

    void aRefusalInTheJobCallsShapeKeepsItsRequestId()
    {
        // OPERATIONS.md §5 (ent.): {error_code, error_msg} and an X-request-id header, quoted in the details.
        m_server->enqueue({400,
                           R"({"error_code":"13000102","error_msg":"jobId is wrong"})",
                           {{"X-request-id", "7c1e0f2a-req"}}});
        const auto result =
            wait<Done>([&](QObject *c, auto d) { return m_client->deleteAlbum(QStringLiteral("9"), c, d); });
        QCOMPARE(result.error().kind, ApiError::Kind::Refused);
        QCOMPARE(result.error().code, QStringLiteral("13000102"));
        QCOMPARE(result.error().message, QStringLiteral("jobId is wrong"));
        QCOMPARE(result.error().requestId, QStringLiteral("7c1e0f2a-req"));
        QVERIFY(result.error().details().contains(QLatin1String("7c1e0f2a-req")));
        QVERIFY(result.error().details().contains(result.error().traceId));
    }

    void theSessionCallsAreThePagesShape()
    {
        // OPERATIONS.md §1: sign-in names the carrier, sends authType as a String, and gets the user and
        // the session under "data".
        m_server->enqueue({200, R"({"code":"0","msg":"Success.","data":{"userInfo":{"userId":"5",)"
                                R"("firstname":"Ming","surname":"Li","phone":"","email":"li@example.com"},)"
                                R"("sessionInfo":{"accessToken":"AT new","expiresIn":1800,)"
                                R"("issuedAt":"1762153300000","refreshToken":"RT r"}}})"});
        m_client->setAgentName(QStringLiteral("CarrierX"));
        const auto session = wait<Session>([&](QObject *c, auto d) {
            return m_client->signIn(QStringLiteral("a@b.c"), QStringLiteral("pw"), c, d);
        });
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().details()));
        QCOMPARE(session.value().userId, QStringLiteral("5"));
        QCOMPARE(session.value().accessToken, QStringLiteral("AT new"));
        QCOMPARE(session.value().refreshToken, QStringLiteral("RT r"));
        QCOMPARE(session.value().displayName, QStringLiteral("Ming Li"));
        QCOMPARE(session.value().email, QStringLiteral("li@example.com"));
        QCOMPARE(session.value().issuedAtMs, 1762153300000);
        QVERIFY(last().header("Authorization").isEmpty()); // no token before there is one
        QCOMPARE(last().header("x-hw-agentName"), QByteArray("CarrierX"));
        QCOMPARE(json(last().body).value(QStringLiteral("authType")), QJsonValue(QStringLiteral("1")));
        QCOMPARE(json(last().body).value(QStringLiteral("account")).toString(), QStringLiteral("a@b.c"));

        // The old shape (the session at the top level) is not the page's: refused, naming "data".
        m_server->enqueue(
            {200, R"({"code":0,"sessionInfo":{"accessToken":"new"},"userInfo":{"userId":"5"}})"});
        const auto old = wait<Session>([&](QObject *c, auto d) {
            return m_client->signIn(QStringLiteral("a@b.c"), QStringLiteral("pw"), c, d);
        });
        QVERIFY(!old.ok());
        QCOMPARE(old.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(old.error().message.contains(QStringLiteral("data")), qPrintable(old.error().message));

        // Renewal and sign-out carry the current token in Authorization.
        m_client->setRefreshToken(QStringLiteral("RT r"));
        m_server->enqueue({200, R"({"code":"0","msg":"ok","data":{"sessionInfo":{"accessToken":"AT newer",)"
                                R"("expiresIn":1800,"issuedAt":"1762153400000","refreshToken":"RT r"}}})"});
        QVERIFY(wait<Session>([&](QObject *c, auto d) { return m_client->refreshSession(c, d); }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/auth/refreshToken"));
        QCOMPARE(last().header("Authorization"), "Bearer " + m_token.toLatin1());
        QCOMPARE(last().header("X-User-Id"), QByteArray("154663352556663635"));
        QCOMPARE(json(last().body), json(R"({"refreshToken":"RT r"})"));
        QCOMPARE(m_client->connection().accessToken, QStringLiteral("AT newer"));
        QVERIFY(wait<Done>([&](QObject *c, auto d) { return m_client->signOut(c, d); }).ok());
        QCOMPARE(last().path(), QStringLiteral("/koodrive/ose/v1/auth/logout"));
        // A token that carries its scheme goes as it is (OPERATIONS.md §1).
        QCOMPARE(last().header("Authorization"), QByteArray("AT newer"));
        QCOMPARE(json(last().body), json(R"({"userId":"154663352556663635","accessToken":"AT newer"})"));
    }

    void aRenewalRefusedWith401EndsTheSessionOnce()
    {
        m_client->setRefreshToken(QStringLiteral("RT r"));
        QSignalSpy ended(m_client.get(), &KooDriveClient::sessionExpired);
        const QByteArray refused = R"({"error":{"code":401,"description":"expired","errorDetail":[]}})";
        m_server->enqueue({401, refused});
        m_server->enqueue({401, refused}); // the renewal itself
        const auto result =
            wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QCOMPARE(result.error().kind, ApiError::Kind::Unauthorized);
        QCOMPARE(m_server->requests().size(), 2); // the call and one renewal; the renewal is not renewed
        QCOMPARE(ended.count(), 1);
    }

    void retryAfterIsHonoured()
    {
        m_server->enqueue({429,
                           R"({"error":{"code":429,"description":"Too Many Requests","errorDetail":[]}})",
                           {{"Retry-After", "1"}}});
        const auto result =
            wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QVERIFY(result.ok());
        QCOMPARE(m_server->requests().size(), 2);
        const qint64 waited = m_server->requests().at(1).receivedMs - m_server->requests().at(0).receivedMs;
        QVERIFY2(waited >= 950, qPrintable(QString::number(waited)));
    }

    void serverErrorsAndDroppedConnectionsAreRetriedForReads()
    {
        m_server->enqueue({503, "<html>busy</html>"});
        m_server->enqueue({200, "{\"albumList\":[]}", {}, true}); // dropped mid-body
        m_server->enqueue(
            {200, R"({"albumList":[{"id":"1","albumType":2,"albumKind":1}],"total":1,"code":0})"});
        const auto result =
            wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QVERIFY2(result.ok(), qPrintable(result.ok() ? QString() : result.error().details()));
        QCOMPARE(result.value().albums.at(0).id, QStringLiteral("1"));
        QCOMPARE(m_server->requests().size(), 3);
    }

    void malformedAnswersBecomeClearErrors()
    {
        m_server->enqueue({200, R"({"albumList":"nope","code":0})"});
        auto result = wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QCOMPARE(result.error().kind, ApiError::Kind::BadResponse);
        QCOMPARE(result.error().traceId, QString::fromLatin1(last().header("X-Traceid")));
        // A page that cannot be JSON (a login portal) is asked again, as a read; the last one is refused,
        // with a Retry worth offering.
        const qsizetype before = m_server->requests().size();
        for (int i = 0; i < 4; ++i)
            m_server->enqueue({200, "<html>login portal</html>", {{"Content-Type", "text/html"}}});
        result = wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QCOMPARE(result.error().kind, ApiError::Kind::BadResponse);
        QVERIFY(result.error().retryable);
        QCOMPARE(m_server->requests().size() - before, 4);
        // A JSON answer cut short, then a whole one: the read comes through.
        m_server->enqueue({200, QByteArray("{\"albumList\":[{\"albumId\":\"1\",\"albumN")});
        m_server->enqueue({200, R"({"code":0,"msg":"Success.","albumList":[]})"});
        QVERIFY(wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); }).ok());
        // A mutation is never sent twice, whatever came back.
        const qsizetype beforeDelete = m_server->requests().size();
        m_server->enqueue({200, "<html>login portal</html>", {{"Content-Type", "text/html"}}});
        QVERIFY(!wait<Done>([&](QObject *c, auto d) {
                     return m_client->deleteAlbum(QStringLiteral("1"), c, d);
                 }).ok());
        QCOMPARE(m_server->requests().size() - beforeDelete, 1);
        m_server->enqueue({200, R"({"code":"13000201","msg":"internal call failed"})"});
        const auto refused =
            wait<Done>([&](QObject *c, auto d) { return m_client->deleteAlbum(QStringLiteral("1"), c, d); });
        QCOMPARE(refused.error().code, QStringLiteral("13000201"));
        QCOMPARE(refused.error().message, QStringLiteral("internal call failed"));
    }

    void aFailedTlsHandshakeIsNeverIgnored()
    {
        // An https "server" that answers the TLS hello with plain text, the way a misconfigured proxy does:
        // the handshake fails, the call fails with it, and nothing is retried in the clear.
        QTcpServer notTls;
        QVERIFY(notTls.listen(QHostAddress::LocalHost));
        int connections = 0;
        connect(&notTls, &QTcpServer::newConnection, &notTls, [&] {
            while (QTcpSocket *socket = notTls.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                    socket->readAll();
                    socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        QUrl https;
        https.setScheme(QStringLiteral("https"));
        https.setHost(QStringLiteral("127.0.0.1"));
        https.setPort(notTls.serverPort());
        m_client->setConnection({https, QStringLiteral("1"), m_token, false});
        m_client->setTransferTimeoutMs(5000);
        const auto result =
            wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); });
        QVERIFY(!result.ok());
        if (QSslSocket::supportsSsl())
            QVERIFY2(result.error().kind == ApiError::Kind::Insecure, qPrintable(result.error().details()));
        else // without a TLS backend https cannot be spoken at all, which is a failure too, never plain text
            QVERIFY2(result.error().kind == ApiError::Kind::Network, qPrintable(result.error().details()));
        QVERIFY(connections >= 1 || !QSslSocket::supportsSsl());
        QVERIFY(m_server->requests().isEmpty()); // the recording (plain) server saw nothing
    }

    void logsNameTheCallButNeverTheToken()
    {
        QVERIFY(wait<AlbumPage>([&](QObject *c, auto d) { return m_client->listAlbums({}, c, d); }).ok());
        const QString log = g_log.join(u'\n');
        QVERIFY2(log.contains(QLatin1String("/koodrive/ose/v1/album/list")), qPrintable(log));
        QVERIFY(log.contains(QString::fromLatin1(last().header("X-Traceid"))));
        QVERIFY(!log.contains(m_token));
    }
};

QTEST_GUILESS_MAIN(TestKooDriveClientWire)
#include "tst_KooDriveClientWire.moc"
