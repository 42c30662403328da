// transfers::FileUpload: a local file into the drive (OPERATIONS.md §3), against an in-process koodrive-sim
// (its object storage on an origin of its own) and, for the exact wire, a recording server.
#include "RecordingServer.h"
#include "SimClock.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "TestPhotos.h"
#include "Waiting.h"
#include "api/ApiError.h"
#include "api/KooDriveClient.h"
#include "transfers/FileUpload.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace koodrive;
using api::ApiError;
using api::KooDriveClient;
using test::SimFixture;
using transfers::FileUpload;
using transfers::UploadedFile;

namespace {
constexpr qint64 MiB = 1024 * 1024;
} // namespace

class TestFileUpload : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_photoPath;
    QByteArray m_photo;
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<KooDriveClient> m_client;

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        return test::writeTestFile(m_dir.filePath(name), bytes);
    }
    // Runs an upload to its end: its result (and the progress it reported, in `progress`).
    api::Result<UploadedFile> upload(FileUpload::Options options, QVector<qint64> *progress = nullptr,
                                     const std::function<void(FileUpload &)> &prepare = {})
    {
        FileUpload job(m_client.get(), std::move(options));
        if (progress)
            connect(&job, &FileUpload::progress, this,
                    [progress](qint64 sent, qint64) { *progress << sent; });
        if (prepare)
            prepare(job);
        QSignalSpy finished(&job, &FileUpload::finished);
        job.start();
        if (finished.isEmpty() && !finished.wait(60000))
            return ApiError::invalidInput(QStringLiteral("test"), QStringLiteral("no end in 60 s"));
        return job.result();
    }
    // PUTs that reached object storage's upload route.
    QByteArray downloaded(const QString &fileId)
    {
        const auto links = test::wait<QVector<api::DownloadLink>>([&](QObject *c, auto done) {
            return m_client->downloadLinks(m_sim->containerId(), {fileId}, c, done);
        });
        if (!links.ok() || links.value().isEmpty())
            return {};
        return m_sim->fetch(QUrl::fromEncoded(links.value().at(0).url)).body;
    }
    static QString details(const api::Result<UploadedFile> &result)
    {
        return result.ok() ? QString() : result.error().details();
    }

private slots:
    void initTestCase()
    {
        // A 12 MiB photo as a camera writes it: JPEG with EXIF (orientation, shooting time).
        m_photo = test::jpegWithExif(1600, 1200, 12 * MiB);
        QCOMPARE(m_photo.size(), 12 * MiB);
        m_photoPath = writeFile(QStringLiteral("IMG_0001.jpg"), m_photo);
    }

    void init()
    {
        m_sim = std::make_unique<SimFixture>(60);
        m_client = std::make_unique<KooDriveClient>(&m_network);
        m_client->setConnection(
            {m_sim->server().url(), m_sim->userId(), m_sim->server().accessToken(), true});
    }

    void aPhotoInThreePartsArrivesByteForByte()
    {
        QVector<qint64> progress;
        const qint64 apiCalls = m_sim->server().http().requestsServed();
        const auto result = upload({m_photoPath}, &progress);
        QVERIFY2(result.ok(), qPrintable(details(result)));
        const UploadedFile &file = result.value();
        QCOMPARE(file.outcome, UploadedFile::Outcome::Uploaded);
        QCOMPARE(file.fileName, QStringLiteral("IMG_0001.jpg"));
        QCOMPARE(file.size, 12 * MiB);
        QCOMPARE(file.sha256Hex, QCryptographicHash::hash(m_photo, QCryptographicHash::Sha256).toHex());
        QCOMPARE(file.partsSent, 3); // 5 + 5 + 2 MiB
        QCOMPARE(m_sim->uploadPartPuts(), 3);
        QCOMPARE(m_sim->server().http().requestsServed() - apiCalls, 2); // create and complete
        // Progress in bytes, never backwards, to the whole file.
        QVERIFY(!progress.isEmpty());
        QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
        QCOMPARE(progress.constLast(), 12 * MiB);

        // The drive lists it as a photo, and gives the same bytes back.
        const auto detail = test::wait<api::DriveFile>([&](QObject *c, auto done) {
            return m_client->fileDetail(file.fileId, m_sim->containerId(), QString(), c, done);
        });
        QVERIFY(detail.ok());
        QCOMPARE(detail.value().name, QStringLiteral("IMG_0001.jpg"));
        QVERIFY(detail.value().isImage());
        QCOMPARE(detail.value().size, 12 * MiB);
        QCOMPARE(detail.value().dimensions, QSize(1200, 1600)); // EXIF orientation 6: shown upright
        QCOMPARE(detail.value().takenMs,
                 QDateTime(QDate(2021, 6, 15), QTime(6, 30), Qt::UTC).toMSecsSinceEpoch());
        QVERIFY(downloaded(file.fileId) == m_photo);
    }

    void theSameBytesAgainAreARapidUploadWithNoPart()
    {
        const auto first = upload({m_photoPath});
        QVERIFY2(first.ok(), qPrintable(details(first)));
        const int puts = m_sim->uploadPartPuts();
        FileUpload::Options again{m_photoPath, QStringLiteral("copy of the harbour.jpg")};
        const auto second = upload(again);
        QVERIFY2(second.ok(), qPrintable(details(second)));
        QCOMPARE(second.value().outcome, UploadedFile::Outcome::RapidUpload);
        QCOMPARE(second.value().partsSent, 0);
        QCOMPARE(m_sim->uploadPartPuts(), puts); // not one byte sent
        QVERIFY(second.value().fileId != first.value().fileId);
        QCOMPARE(second.value().fileName, QStringLiteral("copy of the harbour.jpg"));
        QVERIFY(downloaded(second.value().fileId) == m_photo);
    }

    void theSameNameAndBytesAreAlreadyThere()
    {
        // autoRename 4: nothing is made when the folder holds the same name with the same bytes.
        const auto first = upload({m_photoPath});
        QVERIFY(first.ok());
        const auto files = m_sim->counts().files;
        FileUpload::Options same{m_photoPath};
        same.onClash = KooDriveClient::OnUploadClash::SkipIfSame;
        const auto second = upload(same);
        QVERIFY2(second.ok(), qPrintable(details(second)));
        QCOMPARE(second.value().outcome, UploadedFile::Outcome::AlreadyThere);
        QCOMPARE(second.value().fileId, first.value().fileId);
        QCOMPARE(m_sim->counts().files, files);
        // Other bytes under the same name are uploaded (with a timestamp on the name, as 2).
        writeFile(QStringLiteral("IMG_0001.jpg"), m_photo.left(6 * MiB));
        const auto third = upload(same);
        writeFile(QStringLiteral("IMG_0001.jpg"), m_photo);
        QVERIFY2(third.ok(), qPrintable(details(third)));
        QCOMPARE(third.value().outcome, UploadedFile::Outcome::Uploaded);
        QVERIFY(third.value().fileName.startsWith(QLatin1String("IMG_0001_")));
    }

    void anExpiredPartUrlIsRenewedAndSentAgain()
    {
        // The server's clock moves two hours on once the parts' URLs are given (X-Amz-Expires=3600): each
        // part is refused (403), gets a fresh URL through uploadUrl, and goes again.
        const qint64 apiCalls = m_sim->server().http().requestsServed();
        const auto result = upload({m_photoPath}, nullptr, [this](FileUpload &job) {
            connect(&job, &FileUpload::stageChanged, this, [this](FileUpload::Stage stage) {
                if (stage == FileUpload::Stage::Sending)
                    m_sim->server().clock().setSkewSeconds(2 * 3600);
            });
        });
        QVERIFY2(result.ok(), qPrintable(details(result)));
        QCOMPARE(result.value().urlRenewals, 3);
        QCOMPARE(result.value().partsSent, 3);
        QCOMPARE(m_sim->uploadPartPuts(), 6); // three refused, three sent again
        // create, 3 × uploadUrl, complete, and the one call whose X-Date the moved clock refused once
        QCOMPARE(m_sim->server().http().requestsServed() - apiCalls, 6);
        QVERIFY(downloaded(result.value().fileId) == m_photo);
    }

    void aFileThatChangedWhileSentIsRefusedAndLeavesNothing()
    {
        // The file is changed on disk after it was hashed: the joined bytes are not that SHA-256 (13000402).
        const QString path = writeFile(QStringLiteral("changing.jpg"), m_photo);
        const auto files = m_sim->counts().files;
        const auto result = upload({path}, nullptr, [&](FileUpload &job) {
            connect(&job, &FileUpload::stageChanged, this, [&](FileUpload::Stage stage) {
                if (stage != FileUpload::Stage::Creating)
                    return;
                QFile file(path);
                QVERIFY(file.open(QIODevice::ReadWrite));
                file.seek(7 * MiB);
                file.write("edited");
            });
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::HashMismatch);
        QCOMPARE(result.error().code, QStringLiteral("13000402"));
        QCOMPARE(m_sim->counts().files, files);
        QCOMPARE(m_sim->counts().uploads, 0);
        QVERIFY(m_sim
                    ->column(QStringLiteral("SELECT id FROM files WHERE name = ?"),
                             {QStringLiteral("changing.jpg")})
                    .isEmpty());
    }

    void intoAFamilysFolder()
    {
        const auto families = test::wait<QVector<api::ShareFolder>>(
            [&](QObject *c, auto done) { return m_client->shareFolders(c, done); });
        QVERIFY(families.ok());
        const api::ShareFolder family = families.value().at(0);
        const QString path = writeFile(QStringLiteral("family.jpg"), m_photo.left(3 * MiB));
        FileUpload::Options options{path};
        options.shareFolderId = family.shareFolderId;
        const auto result = upload(options);
        QVERIFY2(result.ok(), qPrintable(details(result)));
        QCOMPARE(m_sim->column(QStringLiteral("SELECT container_id FROM files WHERE id = ?"),
                               {result.value().fileId}),
                 QStringList{family.containerId});
    }

    void cancelStopsTheParts()
    {
        FileUpload job(m_client.get(), {m_photoPath});
        QSignalSpy finished(&job, &FileUpload::finished);
        connect(&job, &FileUpload::progress, &job, [&job](qint64 sent, qint64) {
            if (sent > 0)
                job.cancel();
        });
        job.start();
        QVERIFY(finished.wait(30000));
        QCOMPARE(job.result().error().kind, ApiError::Kind::Cancelled);
        const int puts = m_sim->uploadPartPuts();
        QTest::qWait(300);
        QCOMPARE(m_sim->uploadPartPuts(), puts);
        QVERIFY(puts <= 1);
        QCOMPARE(finished.size(), 1);
        QVERIFY(m_sim
                    ->column(QStringLiteral("SELECT id FROM files WHERE name = ?"),
                             {QStringLiteral("IMG_0001.jpg")})
                    .isEmpty());
    }

    void anInterruptedUploadGoesOnAtThePartWhereItStopped()
    {
        // The app went away after the storage took part 1 of 3: a new FileUpload sends parts 2 and 3 only,
        // to fresh URLs, and the file is whole.
        const QString path = writeFile(QStringLiteral("resumed.jpg"), m_photo);
        FileUpload::Resume state;
        QList<int> announced;
        const auto first = upload({path}, nullptr, [&](FileUpload &job) {
            connect(&job, &FileUpload::began, &job,
                    [&announced](const FileUpload::Resume &began) { announced << began.partsSent; });
            connect(&job, &FileUpload::partSent, &job, [&state, &job](const FileUpload::Resume &now) {
                state = now;
                if (now.partsSent == 1)
                    job.cancel();
            });
        });
        QCOMPARE(first.error().kind, ApiError::Kind::Cancelled);
        QCOMPARE(announced, QList<int>{0});
        QCOMPARE(state.partsSent, 1);
        QVERIFY(!state.fileId.isEmpty());
        QCOMPARE(state.length, 12 * MiB);
        QVERIFY(m_sim->column(QStringLiteral("SELECT id FROM files WHERE id = ?"), {state.fileId}).isEmpty());

        const int putsBefore = m_sim->uploadPartPuts();
        FileUpload::Options options{path};
        options.resume = state;
        QVector<qint64> progress;
        const auto result = upload(options, &progress);
        QVERIFY2(result.ok(), qPrintable(details(result)));
        QCOMPARE(result.value().outcome, UploadedFile::Outcome::Uploaded);
        QCOMPARE(result.value().fileId, state.fileId);
        QCOMPARE(result.value().partsSent, 2);
        QCOMPARE(m_sim->uploadPartPuts() - putsBefore, 2); // part 1 is not sent again
        QCOMPARE(progress.constFirst(), 5 * MiB);
        QCOMPARE(progress.constLast(), 12 * MiB);
        QVERIFY(downloaded(state.fileId) == m_photo);
    }

    void aCompleteThatWentThroughBeforeIsNotAFailure()
    {
        // The app went away after its complete reached the server but before the answer did: the file is
        // made, and the upload is gone (13000401). Resumed, the upload finds its file instead of failing.
        const QString path = writeFile(QStringLiteral("completed.jpg"), m_photo);
        FileUpload::Resume state;
        const auto first = upload({path}, nullptr, [&state](FileUpload &job) {
            connect(&job, &FileUpload::partSent, &job,
                    [&state](const FileUpload::Resume &now) { state = now; });
        });
        QVERIFY2(first.ok(), qPrintable(details(first)));
        QCOMPARE(state.partsSent, 3);
        QCOMPARE(state.containerId, m_sim->containerId());
        const int puts = m_sim->uploadPartPuts();
        FileUpload::Options options{path};
        options.resume = state;
        const auto again = upload(options);
        QVERIFY2(again.ok(), qPrintable(details(again)));
        QCOMPARE(again.value().fileId, first.value().fileId);
        QCOMPARE(again.value().outcome, UploadedFile::Outcome::Uploaded);
        QCOMPARE(m_sim->uploadPartPuts(), puts);
        QCOMPARE(m_sim->column(QStringLiteral("SELECT id FROM files WHERE name = ?"),
                               {QStringLiteral("completed.jpg")}),
                 QStringList{first.value().fileId});

        // An upload the server never finished and no longer has: a clear failure, not a wait.
        FileUpload::Resume lost = state;
        lost.fileId = QStringLiteral("no-such-upload");
        options.resume = lost;
        const auto gone = upload(options);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code, api::ErrorCode::UploadMissing);
    }

    void aFileChangedBeforeItsUploadResumesIsRefused()
    {
        const QString path = writeFile(QStringLiteral("changed.jpg"), m_photo);
        FileUpload::Resume state{QStringLiteral("F1"), QByteArray(64, 'a'), 12 * MiB,
                                 QFileInfo(path).lastModified().toMSecsSinceEpoch() - 5000, 1};
        const qint64 apiCalls = m_sim->server().http().requestsServed();
        FileUpload::Options options{path};
        options.resume = state;
        const auto result = upload(options);
        QCOMPARE(result.error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(result.error().parameter, QStringLiteral("localPath"));
        QCOMPARE(m_sim->server().http().requestsServed(), apiCalls);
    }

    void aFileThatCannotBeReadIsRefusedBeforeAnyCall()
    {
        const qint64 apiCalls = m_sim->server().http().requestsServed();
        const auto result = upload({m_dir.filePath(QStringLiteral("not there.jpg"))});
        QCOMPARE(result.error().kind, ApiError::Kind::InvalidInput);
        QCOMPARE(result.error().parameter, QStringLiteral("localPath"));
        QCOMPARE(m_sim->server().http().requestsServed(), apiCalls);
    }

    // --- the wire, against a recording server that plays the API and the storage ----------------------
    void aPartGoesWithItsLengthAndNoKooDriveHeader()
    {
        test::RecordingServer server;
        m_client->setConnection(
            {server.url(), QStringLiteral("154663352556663635"), QStringLiteral("secret"), false});
        const QByteArray bytes = m_photo.left(6 * MiB + 5);
        const QString path = writeFile(QStringLiteral("small.jpg"), bytes);
        const QByteArray storage = server.url().toEncoded() + "/bucket/";
        server.enqueue({200, R"({"fileId":"F1","fileName":"small.jpg","uploadId":"u","multiParts":[)"
                             R"({"partNumber":1,"partSize":5242880,"uploadUrl":")" +
                                 storage +
                                 R"(p1?X-Amz-Signature=abc"},{"partNumber":2,"partSize":1048581,)"
                                 R"("uploadUrl":")" +
                                 storage + R"(p2?X-Amz-Signature=def"}],"code":0})"});
        server.setReplyFor(QStringLiteral("/bucket/p1"), {200, {}});
        server.setReplyFor(QStringLiteral("/bucket/p2"), {200, {}});
        const auto result = upload({path});
        QVERIFY2(result.ok(), qPrintable(details(result)));
        const auto &requests = server.requests();
        QCOMPARE(requests.size(), 4);
        QCOMPARE(requests.at(0).path(), QStringLiteral("/koodrive/ose/v1/files/create"));
        QCOMPARE(requests.at(3).path(), QStringLiteral("/koodrive/ose/v1/files/complete"));
        const qint64 sizes[] = {5 * MiB, MiB + 5};
        const qint64 offsets[] = {0, 5 * MiB};
        for (int i = 1; i <= 2; ++i) {
            const auto &put = requests.at(i);
            QCOMPARE(put.method, QByteArray("PUT"));
            QCOMPARE(put.path(), QStringLiteral("/bucket/p%1").arg(i));
            QVERIFY(put.query().startsWith(QLatin1String("X-Amz-Signature=")));
            // OPERATIONS.md §3: Content-Length is the part's size (a signed header), and no KooDrive header
            // goes to object storage.
            QCOMPARE(put.header("Content-Length"), QByteArray::number(sizes[i - 1]));
            for (const char *header : {"Authorization", "X-User-Id", "X-Date", "X-Traceid", "language",
                                       "x-hw-share-folder-id", "x-hw-agentName"})
                QVERIFY2(put.header(header).isEmpty(), header);
            QVERIFY(!put.target.contains("secret"));
            QVERIFY(put.body == bytes.mid(offsets[i - 1], sizes[i - 1]));
        }
        QCOMPARE(
            QJsonDocument::fromJson(requests.at(3).body).object().value(QStringLiteral("sha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
    }

    void aPartRefusedWithFreshUrlsTooEndsTheUpload()
    {
        // At most two renewals per part: a storage that refuses everything gets three PUTs of it, no more.
        test::RecordingServer server;
        m_client->setConnection({server.url(), QStringLiteral("1"), QStringLiteral("secret"), false});
        const QString path = writeFile(QStringLiteral("tiny.txt"), "hello");
        const QByteArray url = server.url().toEncoded() + "/bucket/p1?X-Amz-Expires=3600";
        server.enqueue({200, R"({"fileId":"F1","fileName":"tiny.txt","uploadId":"u","multiParts":[)"
                             R"({"partNumber":1,"partSize":5,"uploadUrl":")" +
                                 url + R"("}],"code":0})"});
        for (int i = 0; i < 2; ++i)
            server.enqueue(
                {200, R"({"multiParts":[{"partNumber":1,"partSize":5,"uploadUrl":")" + url + R"("}]})"});
        server.setReplyFor(QStringLiteral("/bucket/p1"), {403, "<Error><Code>AccessDenied</Code></Error>"});
        const auto result = upload({path});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, ApiError::Kind::Refused);
        QCOMPARE(result.error().httpStatus, 403);
        QCOMPARE(server.requestsFor(QStringLiteral("/bucket/p1")), 3);
        QCOMPARE(server.requestsFor(QStringLiteral("/koodrive/ose/v1/files/multipart/uploadUrl")), 2);
        QCOMPARE(server.requestsFor(QStringLiteral("/koodrive/ose/v1/files/complete")), 0);
    }

    void aPartUrlInTheClearToAnotherHostIsRefused()
    {
        test::RecordingServer server;
        m_client->setConnection({server.url(), QStringLiteral("1"), QStringLiteral("secret"), false});
        const QString path = writeFile(QStringLiteral("tiny.txt"), "hello");
        server.enqueue({200,
                        R"({"fileId":"F1","fileName":"tiny.txt","uploadId":"u","multiParts":[)"
                        R"({"partNumber":1,"partSize":5,"uploadUrl":"http:\/\/obs.example.com\/p1"}]})"});
        const auto result = upload({path});
        QCOMPARE(result.error().kind, ApiError::Kind::Insecure);
        QCOMPARE(server.requests().size(), 1); // the create, and nothing after it
    }
};

QTEST_GUILESS_MAIN(TestFileUpload)
#include "tst_FileUpload.moc"
