// files-list.txt (POST /files/{type}) and the documented file detail and download-link calls.
#include "SimFixture.h"

#include <QCollator>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>
#include <QtEndian>

using koodrive::test::SimFixture;

class TestFileRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QString m_thousand; // a folder of 1 000 images with repeated names, sizes and times

    QJsonObject listBody(const QString &parent, int pageSize, int sortType = 0, int direction = 0,
                         const QString &cursor = {})
    {
        QJsonObject body{{QStringLiteral("containerId"), m_sim->containerId()},
                         {QStringLiteral("parentFileId"), parent},
                         {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), pageSize},
                                                                  {QStringLiteral("pageCursor"), cursor}}}};
        if (sortType)
            body.insert(QStringLiteral("sortInfo"),
                        QJsonObject{{QStringLiteral("sortType"), sortType},
                                    {QStringLiteral("sortDirection"), direction}});
        return body;
    }

    // Every page of a listing; the body's pageCursor is replaced page after page.
    QJsonArray walk(int space, QJsonObject body, int *pages = nullptr)
    {
        QJsonArray all;
        QString cursor;
        int count = 0;
        do {
            QJsonObject pageInfo = body.value(QStringLiteral("pageInfo")).toObject();
            pageInfo.insert(QStringLiteral("pageCursor"), cursor);
            body.insert(QStringLiteral("pageInfo"), pageInfo);
            const auto response = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/%1").arg(space), body);
            if (response.status != 200) {
                qWarning() << response.body;
                return {};
            }
            for (const auto &file : response.json.value(QStringLiteral("files")).toArray())
                all.append(file);
            cursor = response.json.value(QStringLiteral("nextCursor")).toString();
            if (response.json.value(QStringLiteral("searchCompleted")).toBool() != cursor.isEmpty()) {
                QTest::qFail("searchCompleted disagrees with nextCursor", __FILE__, __LINE__);
                return {};
            }
            ++count;
        } while (!cursor.isEmpty() && count < 10000);
        if (pages)
            *pages = count;
        return all;
    }

    // The sort value of a file for sortType 1..6, as the server orders it (names and suffixes ignore case).
    static QVariant key(const QJsonObject &file, int sortType)
    {
        switch (sortType) {
        case 2: return file.value(QStringLiteral("size")).toVariant().toLongLong();
        case 3: return file.value(QStringLiteral("createdTime")).toString();
        case 4: return file.value(QStringLiteral("editedTime")).toString();
        case 5: return file.value(QStringLiteral("recycledTime")).toString();
        case 6: return file.value(QStringLiteral("fileSuffix")).toString().toLower();
        default: return file.value(QStringLiteral("fileName")).toString().toLower();
        }
    }
    static bool isFolder(const QJsonObject &file)
    {
        return file.value(QStringLiteral("fileType")).toString() == QLatin1String("10");
    }

    void expectRefusal(const SimFixture::Response &response, const QString &code, const QString &param)
    {
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorParam(), param);
    }

private:
    // The length an MP4 gives itself: its movie header (ISO/IEC 14496-12 mvhd, version 0 or 1), rounded to
    // 50 ms (the clips' audio may end a few ms after the picture).
    static qint64 movieLengthMs(const QByteArray &mp4)
    {
        const qsizetype at = mp4.indexOf("mvhd");
        if (at < 0)
            return -1;
        const auto *p = reinterpret_cast<const uchar *>(mp4.constData()) + at + 4;
        const bool wide = p[0] == 1;
        const quint32 scale = qFromBigEndian<quint32>(p + (wide ? 20 : 12));
        const quint64 units = wide ? qFromBigEndian<quint64>(p + 24) : qFromBigEndian<quint32>(p + 16);
        return scale ? qRound64(double(units) * 1000 / scale / 50) * 50 : -1;
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(500);
        m_thousand = m_sim->addFolder(QStringLiteral("Thousand"), 1000);
        // A few sub-folders inside, which list first.
        for (int i = 0; i < 3; ++i)
            m_sim->addFolder(QStringLiteral("Sub %1").arg(i), 2, 15, m_thousand);
    }

    void exampleRequestAsWrittenAnswersTheDocumentedShape()
    {
        // files-list.txt, "Example Requests": string page size, empty sort fields, empty filters, Bearer+.
        const QByteArray body = QStringLiteral(R"({
  "pageInfo": {
    "pageSize": "10",
    "pageCursor": ""
  },
  "sortInfo": {
    "sortType": "",
    "sortDirection": ""
  },
  "containerId": "%1",
  "parentFileId": "root",
  "fileType": "",
  "fileName": ""
})")
                                    .arg(m_sim->containerId())
                                    .toUtf8();
        SimFixture::Headers headers = m_sim->commonHeaders();
        headers[0] = {"Authorization", "Bearer+" + m_sim->server().accessToken().toLatin1()};
        const auto response = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/files/0"), body, headers);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("category")).toString(),
                 QStringLiteral("drive#fileList"));
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        QVERIFY(response.json.value(QStringLiteral("searchCompleted")).isBool());
        const QJsonArray files = response.json.value(QStringLiteral("files")).toArray();
        QCOMPARE(files.size(), 7); // Camera, Documents, Pictures, Screenshots, Thousand, Trips, Videos
        QVERIFY(!response.json.contains(QStringLiteral("nextCursor")));
        const QJsonObject camera = files.at(0).toObject();
        QCOMPARE(camera.value(QStringLiteral("fileName")).toString(), QStringLiteral("Camera"));
        QCOMPARE(camera.value(QStringLiteral("fileType")).toString(), QStringLiteral("10"));
        QCOMPARE(camera.value(QStringLiteral("mimeType")).toString(),
                 QStringLiteral("application/vnd.huawei-apps.folder"));
        QCOMPARE(camera.value(QStringLiteral("parentFolder")).toArray(), QJsonArray{m_sim->rootId()});
        QCOMPARE(camera.value(QStringLiteral("containers")).toArray(), QJsonArray{m_sim->containerId()});
        QCOMPARE(camera.value(QStringLiteral("recycled")).toBool(true), false);
        const QJsonObject owner = camera.value(QStringLiteral("owners")).toArray().at(0).toObject();
        QCOMPARE(owner.value(QStringLiteral("category")).toString(), QStringLiteral("drive#user"));
        QCOMPARE(owner.value(QStringLiteral("userId")).toString(), m_sim->userId());
        QCOMPARE(owner.value(QStringLiteral("me")).toBool(), true);
        QVERIFY(
            QDateTime::fromString(camera.value(QStringLiteral("createdTime")).toString(), Qt::ISODateWithMs)
                .isValid());
        QVERIFY(camera.value(QStringLiteral("createdTime")).toString().endsWith(QLatin1Char('Z')));
    }

    void imagesCarryTheirThumbnailAndOriginal()
    {
        QJsonObject body = listBody(m_sim->folderNamed(QStringLiteral("Camera")), 5);
        body.insert(QStringLiteral("imageProcess"), QStringLiteral("image/resize,m_lfit,h_256,w_256"));
        body.insert(QStringLiteral("fileType"), QStringLiteral("15"));
        const auto response = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"), body);
        QCOMPARE(response.status, 200);
        const QJsonObject photo = response.json.value(QStringLiteral("files")).toArray().at(0).toObject();
        QCOMPARE(photo.value(QStringLiteral("fileType")).toString(), QStringLiteral("15"));
        QCOMPARE(photo.value(QStringLiteral("mimeType")).toString(), QStringLiteral("image/jpeg"));
        QVERIFY(photo.value(QStringLiteral("size")).toDouble() > 1'000'000);
        QCOMPARE(photo.value(QStringLiteral("sha256")).toString().size(), 64);
        const QJsonObject properties = photo.value(QStringLiteral("properties")).toObject();
        const int width = properties.value(QStringLiteral("width")).toInt();
        const int height = properties.value(QStringLiteral("height")).toInt();
        QVERIFY(width >= 3000 && height >= 3000);
        // files-list.txt, Tables 9 to 14: attachments[].asset.resource.object.image[].downloadUrl.url
        const QJsonObject object = photo.value(QStringLiteral("attachments"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("asset"))
                                       .toObject()
                                       .value(QStringLiteral("resource"))
                                       .toObject()
                                       .value(QStringLiteral("object"))
                                       .toObject();
        const QJsonObject image = object.value(QStringLiteral("image")).toArray().at(0).toObject();
        QCOMPARE(image.value(QStringLiteral("process")).toString(),
                 QStringLiteral("image/resize,m_lfit,h_256,w_256"));
        const auto thumbnail = m_sim->fetch(QUrl(
            image.value(QStringLiteral("downloadUrl")).toObject().value(QStringLiteral("url")).toString()));
        QCOMPARE(thumbnail.status, 200);
        const QImage decoded = QImage::fromData(thumbnail.body);
        QCOMPARE(qMax(decoded.width(), decoded.height()), 256);
        QCOMPARE(decoded.width() * height / width, decoded.height());
        QVERIFY(object.value(QStringLiteral("downloadUrl"))
                    .toObject()
                    .value(QStringLiteral("url"))
                    .toString()
                    .contains(QLatin1String("/obs/")));
    }

    void videosCarryTheLengthAndSizeOfWhatTheyPlay()
    {
        // A demo video's original is a real MP4 clip (app/sim/DemoClips): the listing's size is its byte
        // count, and properties.duration (ms, README's decisions) its length as the file itself says.
        QJsonObject body = listBody(m_sim->folderNamed(QStringLiteral("Videos")), 20);
        body.insert(QStringLiteral("fileType"), QStringLiteral("20"));
        const auto response = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"), body);
        QCOMPARE(response.status, 200);
        const QJsonArray videos = response.json.value(QStringLiteral("files")).toArray();
        QVERIFY(videos.size() >= 3);
        QSet<qint64> lengths;
        for (const QJsonValue &value : videos) {
            const QJsonObject video = value.toObject();
            const QJsonObject properties = video.value(QStringLiteral("properties")).toObject();
            const qint64 listed = properties.value(QStringLiteral("duration")).toInteger();
            QVERIFY2(listed > 0, qPrintable(video.value(QStringLiteral("fileName")).toString()));
            lengths.insert(listed);
            const QString url = video.value(QStringLiteral("attachments"))
                                    .toArray()
                                    .at(0)
                                    .toObject()
                                    .value(QStringLiteral("asset"))
                                    .toObject()
                                    .value(QStringLiteral("resource"))
                                    .toObject()
                                    .value(QStringLiteral("object"))
                                    .toObject()
                                    .value(QStringLiteral("downloadUrl"))
                                    .toObject()
                                    .value(QStringLiteral("url"))
                                    .toString();
            const auto original = m_sim->fetch(QUrl(url));
            QCOMPARE(original.status, 200);
            QCOMPARE(qint64(original.body.size()), qint64(video.value(QStringLiteral("size")).toDouble()));
            QCOMPARE(original.body.mid(4, 4), QByteArray("ftyp"));
            QCOMPARE(double(movieLengthMs(original.body)), double(listed)); // within the fuzz below
        }
        QVERIFY2(lengths.size() >= 2, "the demo videos are not all the same clip");
    }

    void everyCursorWalksEachFileOnceInOrder_data()
    {
        QTest::addColumn<int>("sortType");
        QTest::addColumn<int>("direction");
        QTest::addColumn<int>("pageSize");
        const char *names[] = {"", "name", "size", "created", "edited", "recycled", "format"};
        for (int type : {1, 2, 3, 4, 6})
            for (int direction = 1; direction <= 2; ++direction)
                QTest::addRow("%s %s", names[type], direction == 1 ? "asc" : "desc")
                    << type << direction << 100;
        QTest::newRow("name asc, odd pages") << 1 << 1 << 37;
    }
    void everyCursorWalksEachFileOnceInOrder()
    {
        QFETCH(int, sortType);
        QFETCH(int, direction);
        QFETCH(int, pageSize);
        int pages = 0;
        const QJsonArray files = walk(0, listBody(m_thousand, pageSize, sortType, direction), &pages);
        QCOMPARE(files.size(), 1003);
        QCOMPARE(pages, (1003 + pageSize - 1) / pageSize);
        QSet<QString> ids;
        for (int i = 0; i < files.size(); ++i) {
            const QJsonObject file = files.at(i).toObject();
            ids.insert(file.value(QStringLiteral("id")).toString());
            if (i == 0)
                continue;
            const QJsonObject previous = files.at(i - 1).toObject();
            // Folders first, then files; within each, the key in the asked direction, then the id.
            QVERIFY(isFolder(previous) >= isFolder(file));
            if (isFolder(previous) != isFolder(file))
                continue;
            const QVariant a = key(previous, sortType);
            const QVariant b = key(file, sortType);
            const int order = QVariant::compare(a, b) == QPartialOrdering::Less ? -1 : a == b ? 0 : 1;
            QVERIFY2(direction == 1 ? order <= 0 : order >= 0,
                     qPrintable(QStringLiteral("%1 then %2").arg(a.toString(), b.toString())));
            if (order == 0) {
                const QString idA = previous.value(QStringLiteral("id")).toString();
                const QString idB = file.value(QStringLiteral("id")).toString();
                QVERIFY(direction == 1 ? idA < idB : idA > idB);
            }
        }
        QCOMPARE(ids.size(), 1003);
    }

    void theRecycleBinListsRecycledFilesByReclaimTime()
    {
        QJsonObject body = listBody(QStringLiteral("root"), 7, 5, 2);
        const QJsonArray recycled = walk(1, body);
        QSqlQuery q = m_sim->server().store().exec(
            QStringLiteral("SELECT COUNT(*) FROM files WHERE recycled = 1 AND container_id = ?"),
            {m_sim->containerId()});
        QVERIFY(q.next());
        QVERIFY(recycled.size() >= 8);
        QCOMPARE(recycled.size(), q.value(0).toInt());
        for (int i = 1; i < recycled.size(); ++i) {
            QVERIFY(recycled.at(i).toObject().value(QStringLiteral("recycled")).toBool());
            QVERIFY(key(recycled.at(i - 1).toObject(), 5).toString() >=
                    key(recycled.at(i).toObject(), 5).toString());
        }
        // ...and the space itself does not show them.
        const QJsonArray camera = walk(0, listBody(m_sim->folderNamed(QStringLiteral("Camera")), 100));
        for (const auto &file : camera)
            QVERIFY(!file.toObject().value(QStringLiteral("recycled")).toBool());
    }

    void typeFilterAndNameSearch()
    {
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        QJsonObject videos = listBody(camera, 100);
        videos.insert(QStringLiteral("fileType"), 20);
        const QJsonArray onlyVideos = walk(0, videos);
        QCOMPARE(onlyVideos.size(), m_sim->childIds(camera, 20).size());
        for (const auto &file : onlyVideos)
            QCOMPARE(file.toObject().value(QStringLiteral("fileType")).toString(), QStringLiteral("20"));

        QJsonObject search = listBody(m_thousand, 100);
        search.insert(QStringLiteral("fileName"), QStringLiteral("PHOTO 1"));
        const QJsonArray found = walk(0, search);
        QVERIFY(!found.isEmpty());
        for (const auto &file : found)
            QVERIFY(file.toObject()
                        .value(QStringLiteral("fileName"))
                        .toString()
                        .startsWith(QLatin1String("photo 1")));
        // Wildcards in a name are literal.
        search.insert(QStringLiteral("fileName"), QStringLiteral("%"));
        QCOMPARE(walk(0, search).size(), 0);
    }

    void badInputIsRefusedNamingTheParameter_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("patch"); // JSON merged into a valid body
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QString p = QStringLiteral("13000102");
        QTest::newRow("space type 2") << "2"
                                      << "{}" << p << "type";
        QTest::newRow("pageSize 0") << "0"
                                    << R"({"pageInfo":{"pageSize":0}})" << p << "pageInfo.pageSize";
        QTest::newRow("pageSize 101") << "0"
                                      << R"({"pageInfo":{"pageSize":"101"}})" << p << "pageInfo.pageSize";
        QTest::newRow("pageSize word") << "0"
                                       << R"({"pageInfo":{"pageSize":"ten"}})" << p << "pageInfo.pageSize";
        QTest::newRow("pageInfo not an object") << "0"
                                                << R"({"pageInfo":5})" << p << "pageInfo";
        QTest::newRow("sortType 7") << "0"
                                    << R"({"sortInfo":{"sortType":7}})" << p << "sortInfo.sortType";
        QTest::newRow("sortDirection 3")
            << "0"
            << R"({"sortInfo":{"sortType":1,"sortDirection":3}})" << p << "sortInfo.sortDirection";
        QTest::newRow("containerId missing") << "0"
                                             << R"({"containerId":""})" << p << "containerId";
        QTest::newRow("containerId of 65")
            << "0" << QStringLiteral(R"({"containerId":"%1"})").arg(QString(65, u'c')) << p << "containerId";
        QTest::newRow("someone else's space") << "0"
                                              << R"({"containerId":"IAADsomeoneelse"})"
                                              << "13000301"
                                              << "containerId";
        QTest::newRow("parentFileId missing") << "0"
                                              << R"({"parentFileId":null})" << p << "parentFileId";
        QTest::newRow("parentFileId of 65")
            << "0" << QStringLiteral(R"({"parentFileId":"%1"})").arg(QString(65, u'f')) << p
            << "parentFileId";
        QTest::newRow("parentFileId unknown") << "0"
                                              << R"({"parentFileId":"Fnothere"})"
                                              << "13000309"
                                              << "parentFileId";
        QTest::newRow("fileType 12") << "0"
                                     << R"({"fileType":"12"})" << p << "fileType";
        QTest::newRow("fileName of 81")
            << "0" << QStringLiteral(R"({"fileName":"%1"})").arg(QString(81, u'n')) << p << "fileName";
        QTest::newRow("imageProcess of 301")
            << "0" << QStringLiteral(R"({"imageProcess":"image/resize,w_1%1"})").arg(QString(283, u'0')) << p
            << "imageProcess";
        QTest::newRow("imageProcess invalid")
            << "0"
            << R"({"imageProcess":"image/resize,m_zoom,w_5"})" << p << "imageProcess";
        QTest::newRow("hidden not a bool") << "0"
                                           << R"({"hidden":"maybe"})" << p << "hidden";
        QTest::newRow("cursor forged")
            << "0"
            << R"({"pageInfo":{"pageCursor":"bm90IGEgY3Vyc29y"}})" << p << "pageInfo.pageCursor";
    }
    void badInputIsRefusedNamingTheParameter()
    {
        QFETCH(QString, type);
        QFETCH(QString, patch);
        QFETCH(QString, code);
        QFETCH(QString, param);
        QJsonObject body = listBody(m_thousand, 10);
        const QJsonObject changes = QJsonDocument::fromJson(patch.toUtf8()).object();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            body.insert(it.key(), it.value());
        expectRefusal(m_sim->post(QStringLiteral("/koodrive/ose/v1/files/%1").arg(type), body), code, param);
    }

    void aCursorIsBoundToItsListingAndOrder()
    {
        const auto first =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"), listBody(m_thousand, 10, 2, 1));
        const QString cursor = first.json.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        expectRefusal(
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"), listBody(m_thousand, 10, 2, 2, cursor)),
            QStringLiteral("13000102"), QStringLiteral("pageInfo.pageCursor"));
        expectRefusal(m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"),
                                  listBody(m_sim->folderNamed(QStringLiteral("Camera")), 10, 2, 1, cursor)),
                      QStringLiteral("13000102"), QStringLiteral("pageInfo.pageCursor"));
        // The same cursor still works where it belongs, also after files were added elsewhere in the folder.
        m_sim->addFolder(QStringLiteral("Late arrival"), 1, 15, m_thousand);
        QCOMPARE(
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"), listBody(m_thousand, 10, 2, 1, cursor))
                .status,
            200);
    }

    void detailDescribesOneFile()
    {
        const QString id = m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).value(0);
        const auto response =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/%1/detail").arg(id),
                        {{QStringLiteral("containerId"), m_sim->containerId()},
                         {QStringLiteral("imageProcess"), QStringLiteral("image/resize,m_fill,h_64,w_64")}});
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("id")).toString(), id);
        QVERIFY(QJsonDocument(response.json).toJson().contains("m_fill"));
        const auto missing = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/Fnothere/detail"),
                                         {{QStringLiteral("containerId"), m_sim->containerId()}});
        expectRefusal(missing, QStringLiteral("13000302"), QStringLiteral("fileId"));
    }

    void downloadLinksReportEachFile()
    {
        const QStringList photos =
            m_sim->childIds(m_sim->folderNamed(QStringLiteral("Camera")), 15).mid(0, 2);
        auto links = [this](const QStringList &ids) {
            return m_sim->post(QStringLiteral("/koodrive/ose/v1/files/download"),
                               {{QStringLiteral("containerId"), m_sim->containerId()},
                                {QStringLiteral("fileIds"), QJsonArray::fromStringList(ids)}});
        };
        const auto all = links(photos);
        QCOMPARE(all.status, 200);
        QCOMPARE(all.json.value(QStringLiteral("batchCode")).toInt(), 1);
        const QJsonObject first = all.json.value(QStringLiteral("downloads")).toArray().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("fileId")).toString(), photos.at(0));
        const auto original = m_sim->fetch(QUrl(first.value(QStringLiteral("url")).toString()));
        QCOMPARE(original.status, 200);
        QVERIFY(QImage::fromData(original.body).width() >= 3000);
        QCOMPARE(links(photos + QStringList{QStringLiteral("Fnothere")})
                     .json.value(QStringLiteral("batchCode"))
                     .toInt(),
                 0);
        QCOMPARE(links({QStringLiteral("Fnothere")}).json.value(QStringLiteral("batchCode")).toInt(), 2);
        QStringList tooMany;
        for (int i = 0; i < 101; ++i)
            tooMany << QStringLiteral("F%1").arg(i);
        expectRefusal(links(tooMany), QStringLiteral("13000102"), QStringLiteral("fileIds"));
    }
};

QTEST_GUILESS_MAIN(TestFileRoutes)
#include "tst_FileRoutes.moc"
