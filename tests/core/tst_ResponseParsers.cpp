// The parsers against the pages' example responses and against answers that are not what the pages say.
#include "api/KooDriveClient.h"
#include "api/ResponseParsers.h"

#include <QJsonDocument>
#include <QTest>

using namespace koodrive::api;
namespace P = koodrive::api::ResponseParsers;

class TestResponseParsers : public QObject
{
    Q_OBJECT

private:
    static QJsonObject object(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

private slots:
    // The model asks for the next page on the cursor found in the raw answer, before the answer is parsed;
    // the guess must be the page's own cursor or nothing (the parsed cursor is checked against it).
    void theNextCursorIsFoundInTheRawAnswerOrNotAtAll_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("cursor");
        QTest::addRow("at the end")
            << QByteArray("{\"files\":[{\"id\":\"1\",\"fileName\":\"a.jpg\"}],\"nextCursor\":\"abc==\"}")
            << QStringLiteral("abc==");
        QTest::addRow("spaced out") << QByteArray("{\"files\":[],\n  \"nextCursor\" :\t\"x-1\"\n}")
                                    << QStringLiteral("x-1");
        QTest::addRow("first") << QByteArray("{\"nextCursor\":\"c1\",\"files\":[{\"id\":\"1\"}]}")
                               << QStringLiteral("c1");
        QTest::addRow("none: the last page") << QByteArray("{\"files\":[{\"id\":\"1\"}]}") << QString();
        QTest::addRow("null") << QByteArray("{\"files\":[],\"nextCursor\":null}") << QString();
        QTest::addRow("a name that says it")
            << QByteArray(
                   "{\"files\":[{\"fileName\":\"\\\"nextCursor\\\":\\\"evil\\\"\"}],\"nextCursor\":\"good\"}")
            << QStringLiteral("good");
        QTest::addRow("a value that is the word")
            << QByteArray("{\"files\":[{\"fileName\":\"nextCursor\"}]}") << QString();
        QTest::addRow("two: nothing is guessed")
            << QByteArray("{\"files\":[{\"ext\":{\"nextCursor\":\"inner\"}}],\"nextCursor\":\"outer\"}")
            << QString();
        QTest::addRow("escapes: nothing is guessed")
            << QByteArray("{\"files\":[],\"nextCursor\":\"a\\\"b\"}") << QString();
        QTest::addRow("cut short") << QByteArray("{\"files\":[],\"nextCursor\":\"abc") << QString();
    }
    void theNextCursorIsFoundInTheRawAnswerOrNotAtAll()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, cursor);
        QCOMPARE(koodrive::api::KooDriveClient::peekNextCursor(body), cursor);
    }

    void bothErrorShapesAndNonJson_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("retryable");
        QTest::newRow("200 with a numeric code")
            << 200 << QByteArray(R"({"code":13000309,"msg":"Album not found."})")
            << int(ApiError::Kind::Refused) << "13000309"
            << "Album not found." << false;
        QTest::newRow("200 with a string code")
            << 200 << QByteArray(R"({"code":"13000410","msg":"No permission."})")
            << int(ApiError::Kind::Refused) << "13000410"
            << "No permission." << false;
        QTest::newRow("400 error body (files-list.txt, Table 18)")
            << 400
            << QByteArray(
                   R"({"error":{"code":400,"description":"Bad Request","errorDetail":[{"errorCode":"13000102","description":"pageSize must be from 1 to 100","errorParam":"pageSize"}]}})")
            << int(ApiError::Kind::Refused) << "13000102"
            << "pageSize must be from 1 to 100" << false;
        QTest::newRow("401") << 401
                             << QByteArray(
                                    R"({"error":{"code":401,"description":"Unauthorized","errorDetail":[]}})")
                             << int(ApiError::Kind::Unauthorized) << ""
                             << "Your KooDrive session has ended. Sign in again." << false;
        QTest::newRow("503 from a proxy, HTML")
            << 503 << QByteArray("<html>Service Unavailable</html>") << int(ApiError::Kind::Server) << ""
            << "KooDrive is not available right now (HTTP 503). Try again in a moment." << true;
        QTest::newRow("429") << 429 << QByteArray("{}") << int(ApiError::Kind::RateLimited) << ""
                             << "KooDrive is busy. Try again in a moment." << true;
        QTest::newRow("200 but not JSON") << 200 << QByteArray("OK") << int(ApiError::Kind::BadResponse) << ""
                                          << "The server's answer is not JSON." << true;
        QTest::newRow("200 truncated JSON")
            << 200 << QByteArray(R"({"albumList":[{"id":"1")") << int(ApiError::Kind::BadResponse) << ""
            << "The server's answer is not JSON." << true; // a glitch on the way: worth a Retry
    }
    void bothErrorShapesAndNonJson()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(int, kind);
        QFETCH(QString, code);
        QFETCH(QString, message);
        QFETCH(bool, retryable);
        const auto result = P::envelope(status, body, QStringLiteral("trace"));
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().kind), kind);
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().message, message);
        QCOMPARE(result.error().retryable, retryable);
        QCOMPARE(result.error().traceId, QStringLiteral("trace"));
    }

    void whatTheServerSaidStaysInTheDetails()
    {
        const auto result = P::envelope(
            503,
            R"({"error":{"code":503,"description":"Service Unavailable","errorDetail":[{"errorCode":"13000201","description":"internal call failed","errorParam":""}]}})",
            QStringLiteral("t1"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.startsWith(QLatin1String("KooDrive is not available right now")));
        QCOMPARE(result.error().serverMessage, QStringLiteral("internal call failed"));
        QVERIFY(result.error().details().contains(QLatin1String("internal call failed")));
        QVERIFY(result.error().details().contains(QLatin1String("trace id t1")));
    }

    void theJobCallsErrorShapeIsARefusalToo_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::newRow("400, a String code")
            << 400 << QByteArray(R"({"error_code":"13000102","error_msg":"bad jobId"})") << "13000102";
        QTest::newRow("200, an Integer code")
            << 200 << QByteArray(R"({"error_code":13000309,"error_msg":"bad jobId"})") << "13000309";
        QTest::newRow("404, a message alone") << 404 << QByteArray(R"({"error_msg":"bad jobId"})") << "";
    }
    void theJobCallsErrorShapeIsARefusalToo()
    {
        // OPERATIONS.md §5 (ent.): {error_code, error_msg}, with the request's id in X-request-id.
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        const auto result = P::envelope(status, body, QStringLiteral("trace"), QStringLiteral("req-77"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Refused);
        QCOMPARE(result.error().code, code);
        QCOMPARE(result.error().message, QStringLiteral("bad jobId"));
        QCOMPARE(result.error().requestId, QStringLiteral("req-77"));
        QVERIFY(result.error().details().contains(QLatin1String("request id req-77")));
        // A success that happens to carry the field empty or zero is still a success.
        QVERIFY(P::envelope(200, R"({"error_code":"0","error_msg":"","data":"1"})", {}).ok());
    }

    void successEnvelopes()
    {
        QVERIFY(P::envelope(200, R"({"code":0,"msg":"Success."})", {}).ok());
        QVERIFY(P::envelope(200, R"({"code":"0","msg":"OK"})", {}).ok());
        QVERIFY(P::envelope(200, R"({"albumList":[]})", {}).ok()); // no code at all
    }

    void albumListExampleOfThePage()
    {
        // album-list.txt's example response, without the page's trailing comma (README: an artefact). The
        // URL's slashes are written "\/" (valid JSON) because moc's scanner takes "//" in a raw string for a
        // comment.
        const QByteArray example = R"({
    "albumList": [
        {"id": "1795607640592646273", "name": "88888",
         "coverImg": "https:\/\/obs-xxxx.myhuaweicloud.com/96e9?x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128&X-Amz-Expires=3600",
         "albumType": 2, "albumKind": 1, "createTime": "2025-10-13T03:11:51.147Z", "updateTime": "2025-10-13T03:11:51.147Z",
         "albumOwnerId": "1765263620687613825"},
        {"id": "1784744274928137601", "name": "3333332", "albumType": 2, "albumKind": 1,
         "createTime": "2025-09-28T03:28:17.049Z", "updateTime": "2025-09-29T09:15:08.862Z", "albumOwnerId": "1765263620687613825"}
    ],
    "total": 2, "code": 0, "msg": "Success."
})";
        const auto page = P::albumPage(P::envelope(200, example, {}).value());
        QVERIFY(page.ok());
        QCOMPARE(page.value().total, 2);
        const Album &first = page.value().albums.at(0);
        QCOMPARE(first.id, QStringLiteral("1795607640592646273"));
        QCOMPARE(first.name, QStringLiteral("88888"));
        QVERIFY(first.isManual());
        QCOMPARE(first.kind, AlbumKind::Personal);
        QVERIFY(first.coverUrl.startsWith("https://obs-xxxx"));
        QCOMPARE(first.createdMs,
                 QDateTime(QDate(2025, 10, 13), QTime(3, 11, 51, 147), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(page.value().albums.at(1).updatedMs,
                 QDateTime(QDate(2025, 9, 29), QTime(9, 15, 8, 862), Qt::UTC).toMSecsSinceEpoch());
    }

    void filesListExampleOfThePage()
    {
        const QByteArray example = R"({
  "category" : "drive#fileList",
  "nextCursor" : "0|[9-1-0,11-0-1][JzIwMjMtMTItMTNUMDM6MzA6NTkuNTU4Wic=,J0ZpQk02VHhsS2JiSEx4LW54X3FaT2M1bFJBZXEwU0xZeCc=]",
  "searchCompleted" : false,
  "files" : [ {
    "id" : "Fk0n_I_3nVynIIlxGSUdLkYILxIZQ5Yyp", "fileName" : "AI Test", "mimeType" : "application/vnd.huawei-apps.folder",
    "fileSuffix" : "", "recycled" : false,
    "parentFolder" : [ "DEUI7pa0C24ArootIAADfsBFCO6WtAtuAb7e92cde625843cfb7f4ceba802e0b" ],
    "containers" : [ "IAADfsBFCO6WtAtuAb7e92cde625843cfb7f4ceba802e0b" ],
    "properties" : { "srcFileId" : "Fuyt9uELO9mny6vLWnWpIDqppRh3vzC3p", "createUser" : "369528171409614001", "lastEditUser" : "369528171409614001" },
    "owners" : [ { "category" : "drive#user", "me" : true, "permissionId" : "1243622029865966464",
                   "userId" : "NDEzMDA4NjAwMDAwMjc0MTY2NS00MDA4NjAwMDAwNDg3MTY2Ng", "displayName" : "Tenant Administrator" } ],
    "fileType" : "10", "createdTime" : "2023-12-11T09:17:25.529Z", "editedTime" : "2023-12-11T09:17:25.529Z", "favorite" : false
  } ],
  "code" : 0, "msg" : "OK"
})";
        const auto page = P::filePage(P::envelope(200, example, {}).value());
        QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().message));
        QVERIFY(page.value().nextCursor.startsWith(QLatin1String("0|[9-1-0")));
        const DriveFile &folder = page.value().files.at(0);
        QVERIFY(folder.isFolder());
        QCOMPARE(folder.name, QStringLiteral("AI Test"));
        QCOMPARE(folder.parentId,
                 QStringLiteral("DEUI7pa0C24ArootIAADfsBFCO6WtAtuAb7e92cde625843cfb7f4ceba802e0b"));
        QCOMPARE(folder.ownerId, QStringLiteral("NDEzMDA4NjAwMDAwMjc0MTY2NS00MDA4NjAwMDAwNDg3MTY2Ng"));
        QVERIFY(!folder.favorite);
    }

    void favoriteIsReadFromEveryFile()
    {
        // OPERATIONS.md §6: files list, detail and search say whether a file is a favourite.
        QVERIFY(P::file(object(R"({"id":"F1","fileName":"a","fileType":"15","favorite":true})"))
                    .value()
                    .favorite);
        QVERIFY(!P::file(object(R"({"id":"F1","fileName":"a","fileType":"15"})")).value().favorite);
        const auto mistyped =
            P::file(object(R"({"id":"F1","fileName":"a","fileType":"15","favorite":"yes"})"));
        QVERIFY(!mistyped.ok());
        QVERIFY2(mistyped.error().message.contains(QLatin1String("file.favorite")),
                 qPrintable(mistyped.error().message));
    }

    void createExampleOfThePage()
    {
        const auto id =
            P::createdAlbumId(object(R"({"albumId":"1805929618625036417","code":0,"msg":"Success."})"));
        QCOMPARE(id.value(), QStringLiteral("1805929618625036417"));
        QVERIFY(!P::createdAlbumId(object(R"({"code":0})")).ok());
    }

    void uploadAnswers()
    {
        // OPERATIONS.md §3: createFile's answer with its fields, then a rapid upload (no parts needed).
        const auto created = P::createdUpload(object(
            R"({"fileId":"Fup1","fileName":"a_20251103070140.jpg","containerId":"C1","parentFolder":["root1"],)"
            R"("uploadId":"u1","rapidUpload":false,"exist":false,"multiParts":[{"partNumber":1,"partSize":5242880,)"
            R"("partOffset":0,"uploadUrl":"http:\/\/127.0.0.1:9\/obs\/upload\/Fup1\/1?X-Amz-Expires=3600","partId":"u1-1"}],)"
            R"("code":0,"msg":"Success."})"));
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QCOMPARE(created.value().fileName, QStringLiteral("a_20251103070140.jpg"));
        QCOMPARE(created.value().parentFolderId, QStringLiteral("root1"));
        QCOMPARE(created.value().parts.at(0).size, 5242880);
        QVERIFY(created.value().parts.at(0).url.endsWith("X-Amz-Expires=3600"));
        const auto rapid = P::createdUpload(
            object(R"({"fileId":"F2","fileName":"a.jpg","uploadId":"","rapidUpload":true})"));
        QVERIFY(rapid.ok() && rapid.value().rapidUpload && rapid.value().parts.isEmpty());
        QVERIFY(P::createdUpload(object(R"({"fileId":"F2","fileName":"a.jpg","exist":true})")).value().exist);

        const QList<QPair<QByteArray, QLatin1String>> wrong{
            {R"({"fileName":"a.jpg","multiParts":[]})", QLatin1String("files create.fileId")},
            {R"({"fileId":"F1","multiParts":[]})", QLatin1String("files create.fileName")},
            {R"({"fileId":"F1","fileName":"a.jpg"})", QLatin1String("files create.multiParts")},
            {R"({"fileId":"F1","fileName":"a.jpg","rapidUpload":"yes","multiParts":[]})",
             QLatin1String("files create.rapidUpload")},
            {R"({"fileId":"F1","fileName":"a","multiParts":[{"partNumber":1,"partSize":5}]})",
             QLatin1String("files create.multiParts[0].uploadUrl")},
            {R"({"fileId":"F1","fileName":"a","multiParts":[{"partSize":5,"uploadUrl":"u"}]})",
             QLatin1String("files create.multiParts[0].partNumber")},
            {R"({"fileId":"F1","fileName":"a","multiParts":[{"partNumber":0,"partSize":5,"uploadUrl":"u"}]})",
             QLatin1String("files create.multiParts[0].partNumber")},
        };
        for (const auto &[json, field] : wrong) {
            const auto refused = P::createdUpload(object(json));
            QVERIFY2(!refused.ok(), json.constData());
            QVERIFY2(refused.error().message.contains(field), qPrintable(refused.error().message));
        }

        // uploadUrl: {multiParts[...uploadUrl]}.
        const auto urls = P::partUrls(
            object(R"({"multiParts":[{"partNumber":2,"partSize":7,"uploadUrl":"u2"}],"code":0,"msg":"ok"})"));
        QCOMPARE(urls.value().at(0).number, 2);
        QVERIFY(!P::partUrls(object(R"({"code":0})")).ok());
        QVERIFY(P::partUrls(object(R"({"code":0})"))
                    .error()
                    .message.contains(QLatin1String("uploadUrl.multiParts")));
    }

    void jobAnswers()
    {
        // OPERATIONS.md §5: GetJobDetail's data.jobInfo and data.taskInfos, times as its example writes them.
        const auto detail = P::jobDetail(object(
            R"({"code":"0","msg":"Success.","data":{"jobInfo":{"taskId":"1738372538238562304","userId":"5",)"
            R"("taskType":2,"actionType":201,"status":2,"progress":100,"contentNum":2,"successNum":1,"failNum":1,)"
            R"("createTime":"20231212095227","beginTime":"20231212095228","endTime":"20231212095230",)"
            R"("taskResultCode":2},"taskInfos":[{"fileId":"F1","status":"1","srcContainerId":"C1"},)"
            R"({"fileId":"F2","status":"2","errorCode":"13000102","errorMsg":"filePath is wrong"}]}})"));
        QVERIFY2(detail.ok(), qPrintable(detail.ok() ? QString() : detail.error().message));
        const JobInfo &job = detail.value().job;
        QCOMPARE(job.jobId, QStringLiteral("1738372538238562304"));
        QVERIFY(job.hasEnded());
        QCOMPARE(job.resultCode, 2);
        QCOMPARE(job.failed, 1);
        QCOMPARE(job.createdMs,
                 QDateTime(QDate(2023, 12, 12), QTime(9, 52, 27), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(job.endedMs - job.beganMs, 2000);
        QVERIFY(detail.value().files.at(0).succeeded());
        QCOMPARE(detail.value().files.at(1).errorCode, QStringLiteral("13000102"));

        const QList<QPair<QByteArray, QLatin1String>> wrong{
            {R"({"data":{"taskInfos":[]}})", QLatin1String("job.data.jobInfo")},
            {R"({"data":{"jobInfo":{"status":1}}})", QLatin1String("job.data.jobInfo.taskId")},
            {R"({"data":{"jobInfo":{"taskId":"1"}}})", QLatin1String("job.data.jobInfo.status")},
            {R"({"data":{"jobInfo":{"taskId":"1","status":7}}})", QLatin1String("job.data.jobInfo.status")},
            {R"({"data":{"jobInfo":{"taskId":"1","status":1,"progress":140}}})",
             QLatin1String("job.data.jobInfo.progress")},
            {R"({"data":{"jobInfo":{"taskId":"1","status":1,"createTime":"yesterday"}}})",
             QLatin1String("job.data.jobInfo.createTime")},
            {R"({"data":{"jobInfo":{"taskId":"1","status":1},"taskInfos":[{"status":"1"}]}})",
             QLatin1String("job.data.taskInfos[0].fileId")},
        };
        for (const auto &[json, field] : wrong) {
            const auto refused = P::jobDetail(object(json));
            QVERIFY2(!refused.ok(), json.constData());
            QVERIFY2(refused.error().message.contains(field), qPrintable(refused.error().message));
        }

        QCOMPARE(P::jobId(object(R"({"code":0,"msg":"Success.","data":"1738372538238562304"})")).value(),
                 QStringLiteral("1738372538238562304"));
        QVERIFY(P::jobId(object(R"({"code":0})")).error().message.contains(QLatin1String("jobs.data")));
        const auto page = P::jobPage(object(R"({"data":{"total":7,"jobs":[{"taskId":"1","status":0}]}})"));
        QCOMPARE(page.value().total, 7);
        QCOMPARE(page.value().jobs.at(0).status, JobStatus::Waiting);
        QVERIFY(!P::jobPage(object(R"({"data":{"total":7}})")).ok());
    }

    void favouriteAndSearchAnswers()
    {
        // OPERATIONS.md §6: each file's result; a page of starred files with its cursor.
        const auto batch =
            P::starBatch(object(R"({"status":1,"subResponseList":[{"fileId":"F1","code":"0",)"
                                R"("message":"Success."},{"fileId":"F2","code":13000302,)"
                                R"("message":"not in this space"}],"code":0,"msg":"Success."})"));
        QVERIFY2(batch.ok(), qPrintable(batch.ok() ? QString() : batch.error().message));
        QCOMPARE(batch.value().status, 1);
        QVERIFY(batch.value().files.at(0).succeeded());
        QCOMPARE(batch.value().files.at(1).code, QStringLiteral("13000302"));
        QVERIFY(!batch.value().files.at(1).succeeded());
        QVERIFY(P::starBatch(object(R"({"status":0})"))
                    .error()
                    .message.contains(QLatin1String("star batch.subResponseList")));
        QVERIFY(P::starBatch(object(R"({"status":9,"subResponseList":[]})"))
                    .error()
                    .message.contains(QLatin1String("star batch.status")));
        QVERIFY(P::starBatch(object(R"({"status":0,"subResponseList":[{"code":"0"}]})"))
                    .error()
                    .message.contains(QLatin1String("subResponseList[0].fileId")));

        const auto starred =
            P::starredPage(object(R"({"starFiles":[{"id":"F1","fileName":"a.jpg","fileType":"15",)"
                                  R"("favorite":true}],"nextCursor":"abc","autoDeleted":true})"));
        QVERIFY(starred.ok());
        QVERIFY(starred.value().files.at(0).favorite);
        QCOMPARE(starred.value().nextCursor, QStringLiteral("abc"));
        QVERIFY(starred.value().autoDeleted);
        QVERIFY(P::starredPage(object(R"({"starFiles":[]})")).value().nextCursor.isEmpty()); // the last page
        QVERIFY(P::starredPage(object(R"({"nextCursor":"abc"})"))
                    .error()
                    .message.contains(QLatin1String("star files.starFiles")));
        QVERIFY(P::starredPage(object(R"({"starFiles":[{"fileName":"a","fileType":"15"}]})"))
                    .error()
                    .message.contains(QLatin1String("starFiles[0].id")));

        // OPERATIONS.md §7: files with where they are, total, nextPageCursor.
        const auto search = P::searchPage(object(
            R"({"files":[{"id":"F9","fileName":"Harbour.jpg","fileType":"15","size":1024,)"
            R"("updateTime":"2025-10-13T03:11:51.147Z","namePath":"/Trips/Lisbon/Harbour.jpg","idPath":"/R/F1/F2/F9",)"
            R"("containerId":"C1","favorite":true,"downloadLinks":[{"usage":"thumbnail","process":"p","url":"t9"},)"
            R"({"usage":"content","url":"o9"}]}],"total":31,"nextPageCursor":"n"})"));
        QVERIFY2(search.ok(), qPrintable(search.ok() ? QString() : search.error().message));
        const SearchHit &hit = search.value().hits.at(0);
        QCOMPARE(hit.namePath, QStringLiteral("/Trips/Lisbon/Harbour.jpg"));
        QCOMPARE(hit.idPath, QStringLiteral("/R/F1/F2/F9"));
        QCOMPARE(hit.file.parentId, QStringLiteral("F2"));
        QCOMPARE(hit.file.thumbnailUrl, QByteArray("t9"));
        QCOMPARE(hit.file.originalUrl, QByteArray("o9"));
        QVERIFY(hit.file.favorite);
        QCOMPARE(hit.file.editedMs,
                 QDateTime(QDate(2025, 10, 13), QTime(3, 11, 51, 147), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(search.value().total, 31);
        QCOMPARE(search.value().nextCursor, QStringLiteral("n"));
        QVERIFY(
            P::searchPage(object(R"({"total":3})")).error().message.contains(QLatin1String("search.files")));
        QVERIFY(P::searchPage(object(R"({"files":[{"id":"F1","fileType":"15"}]})"))
                    .error()
                    .message.contains(QLatin1String("search.files[0].fileName")));
        QVERIFY(
            P::searchPage(
                object(
                    R"({"files":[{"id":"F1","fileName":"a","fileType":"15","downloadLinks":[{"url":5.5}]}]})"))
                .error()
                .message.contains(QLatin1String("downloadLinks[0].url")));
    }

    void folderAndRenameAnswers()
    {
        // OPERATIONS.md §4: createDirectory gives the new folder's id; rename answers {code, msg}.
        const auto folder = P::createdFolder(object(R"({"id":"FaXb","code":0,"msg":"Success."})"));
        QCOMPARE(folder.value().id, QStringLiteral("FaXb"));
        QVERIFY(folder.value().name.isEmpty());
        QCOMPARE(P::createdFolder(object(R"({"id":"F1","fileName":"Trip_20251103070140","fileType":"10"})"))
                     .value()
                     .name,
                 QStringLiteral("Trip_20251103070140"));
        for (const QByteArray &wrong :
             {QByteArray(R"({"code":0})"), QByteArray(R"({"id":["F1"]})"), QByteArray(R"({"id":""})")}) {
            const auto refused = P::createdFolder(object(wrong));
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().message.contains(QLatin1String("directory.id")),
                     qPrintable(refused.error().message));
        }
        QVERIFY(P::renamedFileName(object(R"({"code":0,"msg":"Success."})")).value().isEmpty());
        QCOMPARE(P::renamedFileName(object(R"({"code":0,"fileName":"b.jpg"})")).value(),
                 QStringLiteral("b.jpg"));
        QVERIFY(!P::renamedFileName(object(R"({"code":0,"fileName":{}})")).ok());
    }

    void surprisingJsonNeverYieldsHalfValues_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("albumList not an array")
            << QByteArray(R"({"albumList":{}})") << "album list.albumList";
        QTest::newRow("album without id")
            << QByteArray(R"({"albumList":[{"albumType":2,"albumKind":1}]})") << "albumList[0].id";
        QTest::newRow("albumType 7") << QByteArray(
                                            R"({"albumList":[{"id":"1","albumType":7,"albumKind":1}]})")
                                     << "albumList[0].albumType";
        QTest::newRow("bad time")
            << QByteArray(
                   R"({"albumList":[{"id":"1","albumType":2,"albumKind":1,"createTime":"yesterday"}]})")
            << "albumList[0].createTime";
        // Found by fuzz_albumContents: casting such a number to an integer was undefined behaviour.
        QTest::newRow("id of 1e300") << QByteArray(
                                            R"({"albumList":[{"id":1e300,"albumType":2,"albumKind":1}]})")
                                     << "albumList[0].id";
        QTest::newRow("albumType of 1e42")
            << QByteArray(R"({"albumList":[{"id":"1","albumType":1e42,"albumKind":1}]})")
            << "albumList[0].albumType";
        QTest::newRow("scopeDir of numbers")
            << QByteArray(R"({"albumList":[{"id":"1","albumType":1,"albumKind":1,"scopeDir":[1,2]}]})")
            << "albumList[0].scopeDir";
    }
    void surprisingJsonNeverYieldsHalfValues()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto page = P::albumPage(object(json));
        QVERIFY(!page.ok());
        QCOMPARE(page.error().kind, ApiError::Kind::BadResponse);
        QVERIFY2(page.error().message.contains(field), qPrintable(page.error().message));
    }

    void filesWithoutTheirRequiredFieldsAreRefused()
    {
        QVERIFY(!P::filePage(object(R"({"files":[{"fileName":"a","fileType":"15"}]})")).ok());
        QVERIFY(!P::filePage(object(R"({"files":[{"id":"F1","fileType":"15"}]})")).ok());
        QVERIFY(!P::filePage(object(R"({"files":[{"id":"F1","fileName":"a","fileType":"image"}]})")).ok());
        QVERIFY(!P::filePage(object(R"({"nextCursor":"x"})")).ok());
        QVERIFY(P::filePage(object(R"({"files":[{"id":"F1","fileName":"a","fileType":15}]})")).ok());
    }

    void isoTimes()
    {
        QCOMPARE(P::isoTime(u"1970-01-01T00:00:00Z"), 0);
        QCOMPARE(P::isoTime(u"2024-02-29T23:59:59.999Z"),
                 QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC).toMSecsSinceEpoch());
        QCOMPARE(P::isoTime(u"2025-13-01T00:00:00Z"), -1);
        QCOMPARE(P::isoTime(u"2025-10-13 03:11:51Z"), -1);
        QCOMPARE(P::isoTime(u"2025-10-13T03:11:51+08:00"), -1);
        QCOMPARE(P::isoTime(u""), -1);
    }
};

QTEST_GUILESS_MAIN(TestResponseParsers)
#include "tst_ResponseParsers.moc"
