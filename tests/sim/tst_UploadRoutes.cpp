// OPERATIONS.md §3 at the HTTP level: createFile, PUT of each part to its signed URL on object storage's
// listener, more URLs, completeFile; rapid upload, autoRename 2/3/4, expired part URLs, a wrong SHA-256,
// an uploaded photo's EXIF orientation and shooting time, and the clean-up of unfinished uploads.
#include "SimClock.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "TestPhotos.h"
#include "UrlSigner.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPainter>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QtEndian>

using koodrive::test::SimFixture;

namespace {
constexpr qint64 MiB = 1024 * 1024;

QByteArray randomBytes(qint64 size, quint32 seed)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

QString sha256Of(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A JPEG stored landscape (left half red, right half blue) whose EXIF says: show it turned 90° clockwise
// (orientation 6), taken at 08:30 on 15 June 2021, two hours east of UTC.
QByteArray photoWithExif()
{
    QImage image(300, 200, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QPainter(&image).fillRect(0, 0, 150, 200, Qt::red);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpg");
    writer.setQuality(95);
    writer.write(image);
    return koodrive::test::withCameraExif(buffer.data());
}
} // namespace

class TestUploadRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    const QString m_create = QStringLiteral("/koodrive/ose/v1/files/create");
    const QString m_complete = QStringLiteral("/koodrive/ose/v1/files/complete");
    const QString m_moreUrls = QStringLiteral("/koodrive/ose/v1/files/multipart/uploadUrl");

    static QJsonArray partsOf(qint64 length, qint64 partSize = 5 * MiB)
    {
        QJsonArray parts;
        for (qint64 offset = 0, number = 1; offset < length || (length == 0 && number == 1); ++number) {
            const qint64 size = qMin(partSize, length - offset);
            parts.append(
                QJsonObject{{QStringLiteral("partNumber"), number}, {QStringLiteral("partSize"), size}});
            offset += size;
            if (length == 0)
                break;
        }
        return parts;
    }
    QJsonObject createBody(const QString &name, const QByteArray &bytes, int autoRename = 2,
                           const QString &parent = QStringLiteral("root"))
    {
        return {{QStringLiteral("fileName"), name},
                {QStringLiteral("fileType"), QStringLiteral("15")},
                {QStringLiteral("parentFolder"), QJsonArray{parent}},
                {QStringLiteral("length"), bytes.size()},
                {QStringLiteral("uploadMode"), QStringLiteral("multipart")},
                {QStringLiteral("uploadType"), 1},
                {QStringLiteral("autoRename"), autoRename},
                {QStringLiteral("sha256"), sha256Of(bytes)},
                {QStringLiteral("multiParts"), partsOf(bytes.size())}};
    }
    // Each part to its URL, as a client sends it: Content-Length, and no KooDrive header.
    bool sendParts(const QJsonArray &parts, const QByteArray &bytes)
    {
        for (const auto &value : parts) {
            const QJsonObject part = value.toObject();
            const auto put =
                m_sim->sendTo("PUT", QUrl(part.value(QStringLiteral("uploadUrl")).toString()),
                              bytes.mid(qint64(part.value(QStringLiteral("partOffset")).toDouble()),
                                        qint64(part.value(QStringLiteral("partSize")).toDouble())),
                              {{"Content-Type", "application/octet-stream"}});
            if (put.status != 200) {
                qWarning() << put.status << put.body;
                return false;
            }
        }
        return true;
    }
    // create, every part, complete: the new file's id.
    QString upload(const QString &name, const QByteArray &bytes,
                   const QString &parent = QStringLiteral("root"))
    {
        const auto created = m_sim->post(m_create, createBody(name, bytes, 2, parent));
        if (created.status != 200 ||
            !sendParts(created.json.value(QStringLiteral("multiParts")).toArray(), bytes))
            return {};
        const QString id = created.json.value(QStringLiteral("fileId")).toString();
        const auto done = m_sim->post(
            m_complete, {{QStringLiteral("fileId"), id}, {QStringLiteral("sha256"), sha256Of(bytes)}});
        return done.status == 200 ? id : QString();
    }
    QJsonObject listed(const QString &fileId, const QString &parent = QStringLiteral("root"))
    {
        const auto response =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"),
                        {{QStringLiteral("containerId"), m_sim->containerId()},
                         {QStringLiteral("parentFileId"), parent},
                         {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100}}}});
        for (const auto &file : response.json.value(QStringLiteral("files")).toArray())
            if (file.toObject().value(QStringLiteral("id")).toString() == fileId)
                return file.toObject();
        return {};
    }
    QByteArray downloaded(const QString &fileId)
    {
        const auto links = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/download"),
                                       {{QStringLiteral("containerId"), m_sim->containerId()},
                                        {QStringLiteral("fileIds"), QJsonArray{fileId}}});
        const QString url = links.json.value(QStringLiteral("downloads"))
                                .toArray()
                                .at(0)
                                .toObject()
                                .value(QStringLiteral("url"))
                                .toString();
        return m_sim->fetch(QUrl(url)).body;
    }
    // The common headers with an X-Date on the server's clock (after a test moved it on), and a session
    // started on that clock.
    SimFixture::Headers onServerTime() const
    {
        SimFixture::Headers headers = m_sim->commonHeaders();
        const auto session = m_sim->server().newSession(m_sim->userId(), 3600);
        for (auto &[name, value] : headers) {
            if (name == "X-Date")
                value = SimFixture::xDate(m_sim->server().clock().skewSeconds());
            else if (name == "Authorization")
                value = "Bearer " + session.accessToken.toLatin1();
        }
        return headers + SimFixture::Headers{{"Content-Type", "application/json"}};
    }
    void expectRefusal(const SimFixture::Response &response, const char *code, const QString &param,
                       const koodrive::sim::SimStore::Counts &before)
    {
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QString::fromLatin1(code));
        QCOMPARE(response.errorParam(), param);
        QCOMPARE(m_sim->counts(), before);
    }
    QStringList uploadDirs() const
    {
        return QDir(m_sim->dataDir() + QStringLiteral("/objects/uploads"))
            .entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(60); }
    void cleanup() { m_sim.reset(); }

    void twelveMebibytesInThreePartsArriveByteForByte()
    {
        const QByteArray bytes = randomBytes(12 * MiB, 7);
        // createFile as OPERATIONS.md §3 describes it, fields in the table's order.
        const QByteArray body =
            QStringLiteral(R"({"fileName":"IMG_0001.jpg","fileType":"15","parentFolder":["root"],)"
                           R"("length":12582912,"uploadMode":"multipart","uploadType":1,)"
                           R"("autoRename":2,"sha256":"%1","multiParts":[)"
                           R"({"partNumber":1,"partSize":5242880},)"
                           R"({"partNumber":2,"partSize":5242880},)"
                           R"({"partNumber":3,"partSize":2097152}]})")
                .arg(sha256Of(bytes))
                .toUtf8();
        const auto before = m_sim->counts();
        const auto created = m_sim->send("POST", m_create, body, m_sim->commonHeaders());
        QCOMPARE(created.status, 200);
        const QJsonObject answer = created.json;
        const QString fileId = answer.value(QStringLiteral("fileId")).toString();
        QVERIFY(!fileId.isEmpty());
        QCOMPARE(answer.value(QStringLiteral("fileName")).toString(), QStringLiteral("IMG_0001.jpg"));
        QCOMPARE(answer.value(QStringLiteral("containerId")).toString(), m_sim->containerId());
        QCOMPARE(answer.value(QStringLiteral("parentFolder")).toArray(), QJsonArray{m_sim->rootId()});
        QVERIFY(!answer.value(QStringLiteral("uploadId")).toString().isEmpty());
        QCOMPARE(answer.value(QStringLiteral("rapidUpload")).toBool(true), false);
        QCOMPARE(answer.value(QStringLiteral("exist")).toBool(true), false);
        QCOMPARE(answer.value(QStringLiteral("code")).toInt(-1), 0);
        const QJsonArray parts = answer.value(QStringLiteral("multiParts")).toArray();
        QCOMPARE(parts.size(), 3);
        const qint64 offsets[] = {0, 5 * MiB, 10 * MiB};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject part = parts.at(i).toObject();
            QCOMPARE(part.value(QStringLiteral("partNumber")).toInt(), i + 1);
            QCOMPARE(qint64(part.value(QStringLiteral("partOffset")).toDouble()), offsets[i]);
            QVERIFY(!part.value(QStringLiteral("partId")).toString().isEmpty());
            // Pre-signed object storage on its own origin, X-Amz-Expires as in the pages.
            const QUrl url(part.value(QStringLiteral("uploadUrl")).toString());
            QCOMPARE(url.port(), m_sim->server().objectStorageUrl().port());
            QVERIFY(url.port() != m_sim->server().url().port());
            QVERIFY(url.query().contains(QLatin1String("X-Amz-Expires=3600")));
        }
        // Under way, it is not a file: not listed, nothing counted but the upload.
        QVERIFY(listed(fileId).isEmpty());
        QCOMPARE(m_sim->counts().files, before.files);
        QCOMPARE(m_sim->counts().uploads, before.uploads + 1);

        const qint64 objectRequests = m_sim->server().objects().requestsServed();
        for (const auto &value : parts) {
            const QJsonObject part = value.toObject();
            const qint64 offset = qint64(part.value(QStringLiteral("partOffset")).toDouble());
            const QByteArray slice =
                bytes.mid(offset, qint64(part.value(QStringLiteral("partSize")).toDouble()));
            const auto put = m_sim->sendTo("PUT", QUrl(part.value(QStringLiteral("uploadUrl")).toString()),
                                           slice, {{"Content-Type", "application/octet-stream"}});
            QCOMPARE(put.status, 200);
            QCOMPARE(put.header("ETag"),
                     '"' + QCryptographicHash::hash(slice, QCryptographicHash::Md5).toHex() + '"');
        }
        QCOMPARE(m_sim->server().objects().requestsServed(), objectRequests + 3); // not the API host
        const auto done = m_sim->send(
            "POST", m_complete,
            QStringLiteral(R"({"fileId":"%1","sha256":"%2"})").arg(fileId, sha256Of(bytes)).toUtf8(),
            m_sim->commonHeaders());
        QCOMPARE(done.status, 200);
        QCOMPARE(done.json.value(QStringLiteral("code")).toInt(-1), 0);

        const QJsonObject file = listed(fileId);
        QCOMPARE(file.value(QStringLiteral("fileName")).toString(), QStringLiteral("IMG_0001.jpg"));
        QCOMPARE(qint64(file.value(QStringLiteral("size")).toDouble()), 12 * MiB);
        QCOMPARE(file.value(QStringLiteral("sha256")).toString(), sha256Of(bytes));
        QCOMPARE(m_sim->counts().files, before.files + 1);
        QCOMPARE(m_sim->counts().uploads, before.uploads);
        QCOMPARE(m_sim->counts().uploadParts, before.uploadParts);
        QVERIFY(uploadDirs().isEmpty()); // the parts are gone, joined into one stored copy
        QVERIFY(downloaded(fileId) == bytes);
    }

    void theSameBytesAgainAreARapidUpload()
    {
        const QByteArray bytes = randomBytes(6 * MiB, 11);
        const QString first = upload(QStringLiteral("first.jpg"), bytes);
        QVERIFY(!first.isEmpty());
        const auto before = m_sim->counts();
        const auto again = m_sim->post(m_create, createBody(QStringLiteral("second.jpg"), bytes));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json.value(QStringLiteral("rapidUpload")).toBool(), true);
        QCOMPARE(again.json.value(QStringLiteral("multiParts")).toArray().size(), 0);
        const QString second = again.json.value(QStringLiteral("fileId")).toString();
        QVERIFY(second != first);
        QCOMPARE(m_sim->counts().files, before.files + 1);
        QCOMPARE(m_sim->counts().uploads, before.uploads);
        QCOMPARE(listed(second).value(QStringLiteral("fileName")).toString(), QStringLiteral("second.jpg"));
        QVERIFY(downloaded(second) == bytes);
    }

    void anExpiredPartUrlIsRefusedAndAFreshOneWorks()
    {
        const QByteArray bytes = randomBytes(5 * MiB + 100, 13);
        const auto created = m_sim->post(m_create, createBody(QStringLiteral("late.jpg"), bytes));
        QCOMPARE(created.status, 200);
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        const QJsonArray parts = created.json.value(QStringLiteral("multiParts")).toArray();
        QVERIFY(sendParts({parts.at(0)}, bytes));

        m_sim->server().clock().setSkewSeconds(3601); // an hour and a second later
        const QJsonObject second = parts.at(1).toObject();
        const auto expired =
            m_sim->sendTo("PUT", QUrl(second.value(QStringLiteral("uploadUrl")).toString()),
                          bytes.mid(5 * MiB), {{"Content-Type", "application/octet-stream"}});
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.errorParam(), QStringLiteral("X-Amz-Expires"));

        // uploadUrl gives fresh URLs for the parts asked, at their place in the file.
        const auto fresh = m_sim->send(
            "POST", m_moreUrls,
            QJsonDocument(QJsonObject{{QStringLiteral("fileId"), fileId},
                                      {QStringLiteral("multiParts"),
                                       QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 2},
                                                              {QStringLiteral("partSize"), 100}}}}})
                .toJson(),
            onServerTime());
        QCOMPARE(fresh.status, 200);
        const QJsonArray renewed = fresh.json.value(QStringLiteral("multiParts")).toArray();
        QCOMPARE(renewed.size(), 1);
        QCOMPARE(qint64(renewed.at(0).toObject().value(QStringLiteral("partOffset")).toDouble()), 5 * MiB);
        QVERIFY(sendParts(renewed, bytes));
        const auto done = m_sim->send("POST", m_complete,
                                      QJsonDocument(QJsonObject{{QStringLiteral("fileId"), fileId},
                                                                {QStringLiteral("sha256"), sha256Of(bytes)}})
                                          .toJson(),
                                      onServerTime());
        QCOMPARE(done.status, 200);
        m_sim->server().clock().setSkewSeconds(0);
        QVERIFY(downloaded(fileId) == bytes);
    }

    void aPartIsSignedForItsSizeTakesNoTokenAndCanBeSentAgain()
    {
        const QByteArray bytes = randomBytes(5 * MiB + 10, 17);
        const auto created = m_sim->post(m_create, createBody(QStringLiteral("again.jpg"), bytes));
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        const QJsonArray parts = created.json.value(QStringLiteral("multiParts")).toArray();
        const QUrl firstUrl(parts.at(0).toObject().value(QStringLiteral("uploadUrl")).toString());
        // A body of another length than the part: Content-Length is a signed header.
        const auto shorter = m_sim->sendTo("PUT", firstUrl, bytes.left(5 * MiB - 1));
        QCOMPARE(shorter.status, 403);
        QCOMPARE(shorter.errorParam(), QStringLiteral("Content-Length"));
        // The KooDrive token does not go to object storage.
        const auto withToken = m_sim->sendTo("PUT", firstUrl, bytes.left(5 * MiB), m_sim->commonHeaders());
        QCOMPARE(withToken.status, 400);
        QCOMPARE(withToken.errorParam(), QStringLiteral("Authorization"));
        // Another part's URL with this part's bytes, or a URL changed by hand.
        QUrl forged = firstUrl;
        forged.setPath(forged.path().replace(QLatin1String("/1"), QLatin1String("/2")));
        QCOMPARE(m_sim->sendTo("PUT", forged, bytes.left(5 * MiB)).status, 403);
        // Wrong bytes first, then the right ones: the part is replaced.
        QCOMPARE(m_sim->sendTo("PUT", firstUrl, randomBytes(5 * MiB, 99)).status, 200);
        QVERIFY(sendParts(parts, bytes));
        QCOMPARE(m_sim
                     ->post(m_complete,
                            {{QStringLiteral("fileId"), fileId}, {QStringLiteral("sha256"), sha256Of(bytes)}})
                     .status,
                 200);
        QVERIFY(downloaded(fileId) == bytes);
    }

    void aWrongSha256LeavesNoFile()
    {
        const QByteArray bytes = randomBytes(3 * MiB, 19);
        QJsonObject body = createBody(QStringLiteral("broken.jpg"), bytes);
        body.remove(QStringLiteral("sha256")); // (given at create, it would have to match too)
        const auto before = m_sim->counts();
        const auto created = m_sim->post(m_create, body);
        QCOMPARE(created.status, 200);
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        QVERIFY(sendParts(created.json.value(QStringLiteral("multiParts")).toArray(), bytes));
        const auto refused = m_sim->post(m_complete, {{QStringLiteral("fileId"), fileId},
                                                      {QStringLiteral("sha256"), sha256Of("other bytes")}});
        expectRefusal(refused, "13000402", QStringLiteral("sha256"), before);
        QVERIFY(listed(fileId).isEmpty());
        QVERIFY(uploadDirs().isEmpty());
        QVERIFY(!QDir(m_sim->dataDir() + QStringLiteral("/objects/blobs")).exists() ||
                QDir(m_sim->dataDir() + QStringLiteral("/objects/blobs"))
                    .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                    .isEmpty());
        // The upload is over: completing it again finds nothing.
        expectRefusal(m_sim->post(m_complete, {{QStringLiteral("fileId"), fileId},
                                               {QStringLiteral("sha256"), sha256Of(bytes)}}),
                      "13000401", QStringLiteral("fileId"), before);
    }

    void autoRenameTwoThreeAndFour()
    {
        const QByteArray bytes = randomBytes(1000, 23);
        QVERIFY(!upload(QStringLiteral("taken.jpg"), bytes).isEmpty());
        const auto before = m_sim->counts();
        // 3: fail on a clash (13000405), also for a name in another case.
        expectRefusal(m_sim->post(m_create, createBody(QStringLiteral("TAKEN.jpg"), randomBytes(1000, 1), 3)),
                      "13000405", QStringLiteral("fileName"), before);
        // 4: same name and same SHA-256: nothing is made, exist is true.
        const auto same = m_sim->post(m_create, createBody(QStringLiteral("taken.jpg"), bytes, 4));
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json.value(QStringLiteral("exist")).toBool(), true);
        QCOMPARE(same.json.value(QStringLiteral("multiParts")).toArray().size(), 0);
        QCOMPARE(m_sim->counts(), before);
        // 4 with other bytes: as 2, a timestamp is added.
        const QRegularExpression stamped(QStringLiteral("^taken_20\\d{12}\\.jpg$"));
        const auto other =
            m_sim->post(m_create, createBody(QStringLiteral("taken.jpg"), randomBytes(1000, 2), 4));
        QCOMPARE(other.status, 200);
        QCOMPARE(other.json.value(QStringLiteral("exist")).toBool(true), false);
        QVERIFY(stamped.match(other.json.value(QStringLiteral("fileName")).toString()).hasMatch());
        // 2: a timestamp on the clash. The unfinished upload above holds its name too.
        const auto two =
            m_sim->post(m_create, createBody(QStringLiteral("taken.jpg"), randomBytes(1000, 3), 2));
        QCOMPARE(two.status, 200);
        const QString twoName = two.json.value(QStringLiteral("fileName")).toString();
        QVERIFY2(
            QRegularExpression(QStringLiteral("^taken_20\\d{12}(_\\d+)?\\.jpg$")).match(twoName).hasMatch(),
            qPrintable(twoName));
        QVERIFY(twoName != other.json.value(QStringLiteral("fileName")).toString());
        // createDirectory cannot take a name an upload holds.
        const auto folder =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/directory"),
                        {{QStringLiteral("fileName"), twoName},
                         {QStringLiteral("fileType"), QStringLiteral("10")},
                         {QStringLiteral("parentFolder"), QJsonArray{QStringLiteral("root")}}});
        QCOMPARE(folder.errorCode(), QStringLiteral("13000405"));
    }

    void anUploadedPhotoIsShownTurnedWithItsShootingTime()
    {
        const QByteArray jpeg = photoWithExif();
        const QString fileId = upload(QStringLiteral("turned.jpg"), jpeg);
        QVERIFY(!fileId.isEmpty());
        const QJsonObject file = listed(fileId);
        const QJsonObject properties = file.value(QStringLiteral("properties")).toObject();
        // As shown: 200 wide, 300 high; taken 08:30 at +02:00.
        QCOMPARE(properties.value(QStringLiteral("width")).toInt(), 200);
        QCOMPARE(properties.value(QStringLiteral("height")).toInt(), 300);
        QCOMPARE(properties.value(QStringLiteral("takeTime")).toString(),
                 QStringLiteral("2021-06-15T06:30:00.000Z"));
        const QJsonObject object = file.value(QStringLiteral("attachments"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("asset"))
                                       .toObject()
                                       .value(QStringLiteral("resource"))
                                       .toObject()
                                       .value(QStringLiteral("object"))
                                       .toObject();
        const QString thumbnailUrl = object.value(QStringLiteral("image"))
                                         .toArray()
                                         .at(0)
                                         .toObject()
                                         .value(QStringLiteral("downloadUrl"))
                                         .toObject()
                                         .value(QStringLiteral("url"))
                                         .toString();
        const auto thumbnail = m_sim->fetch(QUrl(thumbnailUrl));
        QCOMPARE(thumbnail.status, 200);
        const QImage turned = QImage::fromData(thumbnail.body);
        QCOMPARE(turned.size(), QSize(85, 128));
        // Turned clockwise: the red left half is now on top.
        auto isRed = [](QRgb c) { return qRed(c) > 200 && qBlue(c) < 60; };
        auto isBlue = [](QRgb c) { return qBlue(c) > 200 && qRed(c) < 60; };
        QVERIFY(isRed(turned.pixel(42, 10)));
        QVERIFY(isBlue(turned.pixel(42, 118)));
        // auto-orient,0 shows the pixels as stored.
        const QString storedUrl =
            QString(thumbnailUrl)
                .replace(QLatin1String("x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128"),
                         QLatin1String("x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128%"
                                       "2Fauto-orient%2C0"));
        QVERIFY(storedUrl != thumbnailUrl);
        const auto asStored = m_sim->fetch(QUrl(storedUrl));
        // (a changed URL is a forged one: sign it the server's way instead)
        QCOMPARE(asStored.status, 403);
        const QUrl signedStored(QString::fromLatin1(m_sim->server().signer().sign(
            m_sim->server().objectStorageUrl().toString().toLatin1(), fileId,
            QStringLiteral("image/resize,m_lfit,h_128,w_128/auto-orient,0"), QStringLiteral("turned.jpg"),
            m_sim->server().clock().nowSecs(), 60)));
        const QImage stored = QImage::fromData(m_sim->fetch(signedStored).body);
        QCOMPARE(stored.size(), QSize(128, 85));
        QVERIFY(isRed(stored.pixel(10, 42)) && isBlue(stored.pixel(118, 42)));
        // The original is the bytes sent.
        QVERIFY(downloaded(fileId) == jpeg);
    }

    void anUnfinishedUploadIsNotListedAndIsCleanedUp()
    {
        const QByteArray bytes = randomBytes(5 * MiB + 1, 29);
        const auto before = m_sim->counts();
        const auto created = m_sim->post(m_create, createBody(QStringLiteral("abandoned.jpg"), bytes));
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        QVERIFY(sendParts({created.json.value(QStringLiteral("multiParts")).toArray().at(0)}, bytes));
        QCOMPARE(uploadDirs(), QStringList{fileId});
        QVERIFY(listed(fileId).isEmpty());
        QCOMPARE(m_sim->server().sweepUploads(), 0); // a fresh upload stays

        m_sim->server().clock().setSkewSeconds(25 * 3600); // a day and an hour later
        const auto gone =
            m_sim->send("POST", m_moreUrls,
                        QJsonDocument(QJsonObject{{QStringLiteral("fileId"), fileId},
                                                  {QStringLiteral("multiParts"), partsOf(bytes.size())}})
                            .toJson(),
                        onServerTime());
        QCOMPARE(gone.errorCode(), QStringLiteral("13000401"));
        QCOMPARE(m_sim->server().sweepUploads(), 1);
        QCOMPARE(m_sim->counts(), before);
        QVERIFY(uploadDirs().isEmpty());
        // ...and its name is free again.
        const auto reused = m_sim->send(
            "POST", m_create, QJsonDocument(createBody(QStringLiteral("abandoned.jpg"), bytes, 3)).toJson(),
            onServerTime());
        QCOMPARE(reused.status, 200);
        m_sim->server().clock().setSkewSeconds(0);
    }

    void everyCreateRuleIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        auto row = [](const char *name, const char *field, QJsonValue value, const char *code,
                      const char *param) {
            QTest::newRow(name) << QString::fromLatin1(field) << value << QString::fromLatin1(code)
                                << QString::fromLatin1(param);
        };
        row("no fileName", "fileName", QJsonValue(), "13000102", "fileName");
        row("251-character fileName", "fileName", QString(251, QLatin1Char('x')), "13000102", "fileName");
        row("fileName with |", "fileName", QStringLiteral("a|b.jpg"), "13000102", "fileName");
        row("fileName with ?", "fileName", QStringLiteral("what?.jpg"), "13000102", "fileName");
        row("fileName ..", "fileName", QStringLiteral(".."), "13000102", "fileName");
        row("folder type", "fileType", QStringLiteral("10"), "13000102", "fileType");
        row("unknown type", "fileType", QStringLiteral("16"), "13000102", "fileType");
        row("no type", "fileType", QJsonValue(), "13000102", "fileType");
        row("parentFolder a string", "parentFolder", QStringLiteral("root"), "13000102", "parentFolder");
        row("no parentFolder", "parentFolder", QJsonValue(), "13000102", "parentFolder");
        row("unknown parentFolder", "parentFolder", QJsonArray{QStringLiteral("Fnone")}, "13000309",
            "parentFolder");
        row("negative length", "length", -1, "13000102", "length");
        row("over 200 GB", "length", 200.0 * 1024 * 1024 * 1024 + 1, "13000102", "length");
        row("no length", "length", QJsonValue(), "13000102", "length");
        row("uploadMode single", "uploadMode", QStringLiteral("single"), "13000102", "uploadMode");
        row("no uploadMode", "uploadMode", QJsonValue(), "13000102", "uploadMode");
        row("uploadType 0", "uploadType", 0, "13000102", "uploadType");
        row("uploadType 2", "uploadType", 2, "13000102", "uploadType");
        row("uploadType 3", "uploadType", 3, "13000102", "uploadType");
        row("no uploadType", "uploadType", QJsonValue(), "13000102", "uploadType");
        row("autoRename 1", "autoRename", 1, "13000102", "autoRename");
        row("autoRename 5", "autoRename", 5, "13000102", "autoRename");
        row("no autoRename", "autoRename", QJsonValue(), "13000102", "autoRename");
        row("sha256 not hex", "sha256", QString(64, QLatin1Char('g')), "13000102", "sha256");
        row("sha256 short", "sha256", QString(63, QLatin1Char('a')), "13000102", "sha256");
        row("description 513", "description", QString(513, QLatin1Char('d')), "13000102", "description");
        row("createdTime not a time", "createdTime", QStringLiteral("yesterday"), "13000102", "createdTime");
        row("multiParts not an array", "multiParts", QStringLiteral("3"), "13000102", "multiParts");
        row("part number 0", "multiParts",
            QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 0}, {QStringLiteral("partSize"), 5 * MiB}}},
            "13000102", "multiParts[0].partNumber");
        row("part number 10001", "multiParts",
            QJsonArray{
                QJsonObject{{QStringLiteral("partNumber"), 10001}, {QStringLiteral("partSize"), 5 * MiB}}},
            "13000102", "multiParts[0].partNumber");
        row("a part twice", "multiParts",
            QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 1}, {QStringLiteral("partSize"), 5 * MiB}},
                       QJsonObject{{QStringLiteral("partNumber"), 1}, {QStringLiteral("partSize"), 5 * MiB}}},
            "13000102", "multiParts[1].partNumber");
        row("a small part that is not the last", "multiParts",
            QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 1}, {QStringLiteral("partSize"), 4 * MiB}}},
            "13000102", "multiParts[0].partSize");
        row("parts past the length", "multiParts",
            QJsonArray{
                QJsonObject{{QStringLiteral("partNumber"), 1}, {QStringLiteral("partSize"), 12 * MiB}}},
            "13000102", "multiParts[0].partSize");
        row("a part of over 5 GiB", "multiParts",
            QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 1},
                                   {QStringLiteral("partSize"), 5.0 * 1024 * 1024 * 1024 + 1}}},
            "13000102", "multiParts[0].partSize");
        row("a part without its place", "multiParts",
            QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 2}, {QStringLiteral("partSize"), 5 * MiB}}},
            "13000102", "multiParts[0].partOffset");
    }
    void everyCreateRuleIsRefusedAndNothingChanges()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, param);
        QJsonObject body = createBody(QStringLiteral("new.jpg"), randomBytes(11 * MiB, 31));
        if (value.isNull())
            body.remove(field);
        else
            body.insert(field, value);
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(m_create, body), code.toLatin1().constData(), param, before);
    }

    void theOtherCreateRefusals()
    {
        const auto before = m_sim->counts();
        // autoRename 4 needs the SHA-256.
        QJsonObject body = createBody(QStringLiteral("x.jpg"), randomBytes(100, 1), 4);
        body.remove(QStringLiteral("sha256"));
        expectRefusal(m_sim->post(m_create, body), "13000102", QStringLiteral("sha256"), before);
        // A parent folder in the recycle bin.
        const QString trips = m_sim->folderNamed(QStringLiteral("Trips"));
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_by = id WHERE id = ?"),
                      {trips});
        expectRefusal(
            m_sim->post(m_create, createBody(QStringLiteral("x.jpg"), randomBytes(100, 1), 2, trips)),
            "13000404", QStringLiteral("parentFolder"), before);
        // Not enough room: the space holds what it holds plus what is under way.
        const qint64 used = m_sim
                                ->column(QStringLiteral("SELECT SUM(size) FROM files WHERE container_id = ?"),
                                         {m_sim->containerId()})
                                .value(0)
                                .toLongLong();
        m_sim->column(QStringLiteral("UPDATE users SET capacity = ? WHERE id = ?"),
                      {used + 150, m_sim->userId()});
        const auto fits = m_sim->post(m_create, createBody(QStringLiteral("fits.jpg"), randomBytes(100, 2)));
        QCOMPARE(fits.status, 200);
        const auto afterFirst = m_sim->counts();
        expectRefusal(m_sim->post(m_create, createBody(QStringLiteral("over.jpg"), randomBytes(100, 3))),
                      "13000311", QStringLiteral("length"), afterFirst);
    }

    void uploadUrlAndCompleteRefusals()
    {
        const QByteArray bytes = randomBytes(11 * MiB, 37);
        const auto created = m_sim->post(m_create, createBody(QStringLiteral("parts.jpg"), bytes));
        const QString fileId = created.json.value(QStringLiteral("fileId")).toString();
        const auto before = m_sim->counts();
        auto more = [this](const QJsonObject &body) { return m_sim->post(m_moreUrls, body); };
        expectRefusal(more({{QStringLiteral("fileId"), QStringLiteral("Fnosuchupload")},
                            {QStringLiteral("multiParts"), partsOf(bytes.size())}}),
                      "13000401", QStringLiteral("fileId"), before);
        expectRefusal(more({{QStringLiteral("fileId"), fileId}}), "13000102", QStringLiteral("multiParts"),
                      before);
        expectRefusal(more({{QStringLiteral("multiParts"), partsOf(bytes.size())}}), "13000102",
                      QStringLiteral("fileId"), before);
        // A part asked again with another size.
        expectRefusal(more({{QStringLiteral("fileId"), fileId},
                            {QStringLiteral("multiParts"),
                             QJsonArray{QJsonObject{{QStringLiteral("partNumber"), 3},
                                                    {QStringLiteral("partSize"), 5 * MiB}}}}}),
                      "13000102", QStringLiteral("multiParts[0].partSize"), before);
        // Completing before every part arrived; completing without the hash.
        expectRefusal(m_sim->post(m_complete, {{QStringLiteral("fileId"), fileId},
                                               {QStringLiteral("sha256"), sha256Of(bytes)}}),
                      "13000409", QStringLiteral("fileId"), before);
        expectRefusal(m_sim->post(m_complete, {{QStringLiteral("fileId"), fileId}}), "13000102",
                      QStringLiteral("sha256"), before);
        // Another user's session does not see this upload.
        const QString mei =
            m_sim->column(QStringLiteral("SELECT id FROM users WHERE account = 'mei@koodrive.local'"))
                .value(0);
        const auto session = m_sim->server().newSession(mei, 600);
        const auto asMei = m_sim->send("POST", m_complete,
                                       QJsonDocument(QJsonObject{{QStringLiteral("fileId"), fileId},
                                                                 {QStringLiteral("sha256"), sha256Of(bytes)}})
                                           .toJson(),
                                       {{"Authorization", "Bearer " + session.accessToken.toLatin1()},
                                        {"X-User-Id", mei.toLatin1()},
                                        {"X-Date", SimFixture::xDate()}});
        QCOMPARE(asMei.errorCode(), QStringLiteral("13000401"));
    }
};

QTEST_GUILESS_MAIN(TestUploadRoutes)
#include "tst_UploadRoutes.moc"
