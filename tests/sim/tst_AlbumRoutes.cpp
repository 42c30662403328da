// The album pages (album-list, album-create, album-update, album-add-content) and the documented album calls.
#include "SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using koodrive::test::SimFixture;

class TestAlbumRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    QHash<QString, QString> m_places;

    QString scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q = m_sim->server().store().exec(sql, values);
        return q.next() ? q.value(0).toString() : QString();
    }
    QStringList column(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery q = m_sim->server().store().exec(sql, values);
        QStringList out;
        while (q.next())
            out << q.value(0).toString();
        return out;
    }
    QString albumId(const QString &name)
    {
        return scalar(QStringLiteral("SELECT id FROM albums WHERE name = ?"), {name});
    }
    QString expand(QString text) const
    {
        for (auto it = m_places.cbegin(); it != m_places.cend(); ++it)
            text.replace(QLatin1Char('%') + it.key() + QLatin1Char('%'), it.value());
        return text;
    }
    QJsonArray albums(int kind, int type)
    {
        const auto response =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=%1&albumType=%2&pageSize=100")
                           .arg(kind)
                           .arg(type));
        return response.json.value(QStringLiteral("albumList")).toArray();
    }
    QJsonObject albumInList(const QString &id, int kind, int type)
    {
        for (const auto &value : albums(kind, type))
            if (value.toObject().value(QStringLiteral("id")).toString() == id)
                return value.toObject();
        return {};
    }
    QStringList contents(const QString &albumId, const QString &query = QString())
    {
        QStringList ids;
        QString cursor;
        do {
            const auto response =
                m_sim->get(QStringLiteral("/koodrive/ose/v1/album/%1/list?pageSize=100%2%3")
                               .arg(albumId, query,
                                    cursor.isEmpty() ? QString() : QStringLiteral("&pageCursor=") + cursor));
            if (response.status != 200)
                return {QStringLiteral("HTTP %1").arg(response.status)};
            for (const auto &item : response.json.value(QStringLiteral("contentList")).toArray())
                ids << item.toObject().value(QStringLiteral("id")).toString();
            cursor = response.json.value(QStringLiteral("nextPageCursor")).toString();
        } while (!cursor.isEmpty());
        return ids;
    }
    static QJsonObject object(const QByteArray &json) { return QJsonDocument::fromJson(json).object(); }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(400);
        const QString user = m_sim->userId();
        m_places = {
            {QStringLiteral("USER"), user},
            {QStringLiteral("ROOT"), m_sim->rootId()},
            {QStringLiteral("CAMERA"), m_sim->folderNamed(QStringLiteral("Camera"))},
            {QStringLiteral("TRIPS"), m_sim->folderNamed(QStringLiteral("Trips"))},
            {QStringLiteral("MANUAL"), albumId(QStringLiteral("Favourites"))},
            {QStringLiteral("COLLECTION"), albumId(QStringLiteral("Camera roll"))},
            {QStringLiteral("IMAGE"),
             scalar(
                 QStringLiteral("SELECT id FROM files WHERE owner_id = ? AND file_type = 15 AND recycled = 0 "
                                "AND id NOT IN (SELECT file_id FROM album_items) ORDER BY id LIMIT 1"),
                 {user})},
            {QStringLiteral("DOC"),
             scalar(QStringLiteral("SELECT id FROM files WHERE owner_id = ? AND file_type = 26 LIMIT 1"),
                    {user})},
            {QStringLiteral("RECYCLED"),
             scalar(QStringLiteral("SELECT id FROM files WHERE recycled = 1 LIMIT 1"))},
            {QStringLiteral("OTHER"), scalar(QStringLiteral("SELECT id FROM users WHERE id <> ?"), {user})},
            {QStringLiteral("GROUP"), scalar(QStringLiteral("SELECT group_id FROM share_groups"))},
            {QStringLiteral("SHAREFOLDER"),
             scalar(QStringLiteral("SELECT share_folder_id FROM share_groups"))},
            {QStringLiteral("LONG65"), QString(65, QLatin1Char('F'))},
            {QStringLiteral("NAME21"), QString(21, QLatin1Char('n'))},
        };
        m_places.insert(QStringLiteral("OTHERFILE"),
                        scalar(QStringLiteral("SELECT id FROM files WHERE owner_id = ? LIMIT 1"),
                               {m_places.value(QStringLiteral("OTHER"))}));
        QStringList trips = column(QStringLiteral("SELECT id FROM files WHERE parent_id = ? ORDER BY id"),
                                   {m_places.value(QStringLiteral("TRIPS"))});
        QVERIFY(trips.size() >= 2);
        m_places.insert(QStringLiteral("TRIP1"), trips.at(0));
        m_places.insert(QStringLiteral("TRIP2"), trips.at(1));
        for (auto it = m_places.cbegin(); it != m_places.cend(); ++it)
            QVERIFY2(!it.value().isEmpty(), qPrintable(it.key()));
    }

    // --- The pages' example requests, sent as written -------------------------------------------------

    void listExampleAnswersTheDocumentedShape()
    {
        const auto response = m_sim->get(
            QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=100&pageNum=1"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QJsonArray list = response.json.value(QStringLiteral("albumList")).toArray();
        QCOMPARE(response.json.value(QStringLiteral("total")).toInt(), list.size());
        QVERIFY(list.size() >= 4);
        for (const auto &value : list) {
            const QJsonObject album = value.toObject();
            QVERIFY(album.value(QStringLiteral("id")).isString());
            QVERIFY(!album.value(QStringLiteral("name")).toString().isEmpty());
            QCOMPARE(album.value(QStringLiteral("albumType")).toInt(), 2);
            QCOMPARE(album.value(QStringLiteral("albumKind")).toInt(), 1);
            QCOMPARE(album.value(QStringLiteral("albumOwnerId")).toString(), m_sim->userId());
            QVERIFY(album.value(QStringLiteral("createTime")).toString().endsWith(QLatin1Char('Z')));
            QVERIFY(album.value(QStringLiteral("updateTime")).toString().endsWith(QLatin1Char('Z')));
        }
        // A manual album's cover is the thumbnail of its first image, at the pages' 128 px lfit.
        const QJsonObject favourites = albumInList(m_places.value(QStringLiteral("MANUAL")), 1, 2);
        const QString cover = favourites.value(QStringLiteral("coverImg")).toString();
        QVERIFY2(cover.contains(QLatin1String("x-image-process=image%2Fresize%2Cm_lfit%2Ch_128%2Cw_128")),
                 qPrintable(cover));
        const auto image = m_sim->fetch(QUrl(cover));
        QCOMPARE(image.status, 200);
        QCOMPARE(image.header("Content-Type"), QByteArray("image/jpeg"));
        // The empty album has no cover.
        QVERIFY(!albumInList(albumId(QStringLiteral("To print")), 1, 2).contains(QStringLiteral("coverImg")));
    }

    void createExampleMakesAnAlbum()
    {
        const auto response =
            m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/album/create"),
                        "{\n  \"name\" : \"albumName\",\n  \"type\" : 2,\n  \"albumKind\" : 1\n}",
                        m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QString id = response.json.value(QStringLiteral("albumId")).toString();
        QCOMPARE(id.size(), 19);
        QCOMPARE(albumInList(id, 1, 2).value(QStringLiteral("name")).toString(), QStringLiteral("albumName"));
    }

    void updateExampleRenames()
    {
        const QString id = albumId(QStringLiteral("Portfolio"));
        const auto response = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/%1/update").arg(id),
                                          "{\n  \"name\" : \"albumName22\"\n}", m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QJsonObject album = albumInList(id, 1, 2);
        QCOMPARE(album.value(QStringLiteral("name")).toString(), QStringLiteral("albumName22"));
        QVERIFY(album.value(QStringLiteral("updateTime")).toString() >
                album.value(QStringLiteral("createTime")).toString());
    }

    void addContentExampleAddsTheFile()
    {
        const QString album = albumId(QStringLiteral("To print"));
        const QByteArray body =
            QStringLiteral(
                "{\n  \"fileIds\" : [ {\n    \"fileId\" : \"%1\",\n    \"ownerId\" : \"%2\"\n  } ]\n}")
                .arg(m_places.value(QStringLiteral("IMAGE")), m_sim->userId())
                .toUtf8();
        const auto response = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(album),
                                          body, m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        QCOMPARE(contents(album), QStringList{m_places.value(QStringLiteral("IMAGE"))});
        // Its first image is now its cover.
        QVERIFY(albumInList(album, 1, 2)
                    .value(QStringLiteral("coverImg"))
                    .toString()
                    .contains(m_places.value(QStringLiteral("IMAGE"))));
        // Adding it again adds nothing twice.
        QCOMPARE(m_sim
                     ->send("POST", QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(album), body,
                            m_sim->commonHeaders())
                     .status,
                 200);
        QCOMPARE(contents(album).size(), 1);
    }

    // --- Every rule of the pages, one bad input each: 400, the documented body, nothing changed ---------

    void badInputChangesNothing_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        const QString list = QStringLiteral("/koodrive/ose/v1/album/list?");
        const QString create = QStringLiteral("/koodrive/ose/v1/album/create");
        const QString update = QStringLiteral("/koodrive/ose/v1/%MANUAL%/update");
        const QString updateCollection = QStringLiteral("/koodrive/ose/v1/%COLLECTION%/update");
        const QString add = QStringLiteral("/koodrive/ose/v1/album/%MANUAL%/add");
        const QString p = QStringLiteral("13000102");
        const QString m = QStringLiteral("13000309");
        auto row = [](const char *name, const char *method, const QString &path, const char *body,
                      const QString &code, const char *param) {
            QTest::newRow(name) << QByteArray(method) << path << QString::fromUtf8(body) << code
                                << QString::fromLatin1(param);
        };
        row("list: albumKind missing", "GET", list + QStringLiteral("albumType=2"), "", p, "albumKind");
        row("list: albumKind 3", "GET", list + QStringLiteral("albumKind=3&albumType=2"), "", p, "albumKind");
        row("list: albumType missing", "GET", list + QStringLiteral("albumKind=1"), "", p, "albumType");
        row("list: albumType 0", "GET", list + QStringLiteral("albumKind=1&albumType=0"), "", p, "albumType");
        row("list: pageSize 0", "GET", list + QStringLiteral("albumKind=1&albumType=2&pageSize=0"), "", p,
            "pageSize");
        row("list: pageSize 101", "GET", list + QStringLiteral("albumKind=1&albumType=2&pageSize=101"), "", p,
            "pageSize");
        row("list: pageNum 0", "GET", list + QStringLiteral("albumKind=1&albumType=2&pageNum=0"), "", p,
            "pageNum");
        row("list: pageNum word", "GET", list + QStringLiteral("albumKind=1&albumType=2&pageNum=two"), "", p,
            "pageNum");
        row("list: unknown group", "GET", list + QStringLiteral("albumKind=2&albumType=2&groupId=42"), "", m,
            "groupId");

        row("create: manual without name", "POST", create, R"({"type":2,"albumKind":1})", p, "name");
        row("create: empty name", "POST", create, R"({"name":"","type":2,"albumKind":1})", p, "name");
        row("create: name of 21", "POST", create, R"({"name":"%NAME21%","type":2,"albumKind":1})", p, "name");
        row("create: type missing", "POST", create, R"({"name":"a","albumKind":1})", p, "type");
        row("create: type 3", "POST", create, R"({"name":"a","type":3,"albumKind":1})", p, "type");
        row("create: type word", "POST", create, R"({"name":"a","type":"manual","albumKind":1})", p, "type");
        row("create: albumKind missing", "POST", create, R"({"name":"a","type":2})", p, "albumKind");
        row("create: albumKind 0", "POST", create, R"({"name":"a","type":2,"albumKind":"0"})", p,
            "albumKind");
        row("create: shared without groupId", "POST", create,
            R"({"name":"a","type":2,"albumKind":2,"shareFolderId":%SHAREFOLDER%})", p, "groupId");
        row("create: shared without shareFolderId", "POST", create,
            R"({"name":"a","type":2,"albumKind":2,"groupId":"%GROUP%"})", p, "shareFolderId");
        row("create: shared unknown group", "POST", create,
            R"({"name":"a","type":2,"albumKind":2,"groupId":"99","shareFolderId":1})", m, "groupId");
        row("create: shared wrong shareFolderId", "POST", create,
            R"({"name":"a","type":2,"albumKind":2,"groupId":"%GROUP%","shareFolderId":7})", m,
            "shareFolderId");
        row("create: collection without scopeDir", "POST", create,
            R"({"type":1,"albumKind":1,"scopeParentFolderId":"%ROOT%","scopeKind":"1,2"})", p, "scopeDir");
        row("create: collection without parent", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["%CAMERA%"],"scopeKind":"1"})", p, "scopeParentFolderId");
        row("create: collection without scopeKind", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["%CAMERA%"],"scopeParentFolderId":"%ROOT%"})", p,
            "scopeKind");
        row("create: scopeKind 3", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["%CAMERA%"],"scopeParentFolderId":"%ROOT%","scopeKind":"3"})",
            p, "scopeKind");
        row("create: 31 scope folders", "POST", create,
            R"({"type":1,"albumKind":1,"scopeParentFolderId":"%ROOT%","scopeKind":"1","scopeDir":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u","v","w","x","y","z","A","B","C","D","E"]})",
            p, "scopeDir");
        row("create: scope folder unknown", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["Fnope"],"scopeParentFolderId":"%ROOT%","scopeKind":"1"})",
            m, "scopeDir[0]");
        row("create: scope folder not under parent", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["%TRIP1%"],"scopeParentFolderId":"%ROOT%","scopeKind":"1"})",
            p, "scopeDir[0]");
        row("create: scope folder twice", "POST", create,
            R"({"type":1,"albumKind":1,"scopeDir":["%CAMERA%","%CAMERA%"],"scopeParentFolderId":"%ROOT%","scopeKind":"1"})",
            p, "scopeDir[1]");
        row("create: containerId of 65", "POST", create,
            R"({"name":"a","type":2,"albumKind":1,"containerId":"%LONG65%"})", p, "containerId");
        row("create: another space", "POST", create,
            R"({"name":"a","type":2,"albumKind":1,"containerId":"IAADnot"})", QStringLiteral("13000301"),
            "containerId");

        row("update: unknown album", "POST", QStringLiteral("/koodrive/ose/v1/1234/update"),
            R"({"name":"a"})", m, "albumId");
        row("update: name of 21", "POST", update, R"({"name":"%NAME21%"})", p, "name");
        row("update: empty name", "POST", update, R"({"name":""})", p, "name");
        row("update: nothing to update", "POST", update, R"({})", p, "body");
        row("update: scope on a manual album", "POST", update, R"({"scopeDirList":["%CAMERA%"]})", p,
            "scopeDirList");
        row("update: 31 scope folders", "POST", updateCollection,
            R"({"scopeDirList":["a","b","c","d","e","f","g","h","i","j","k","l","m","n","o","p","q","r","s","t","u","v","w","x","y","z","A","B","C","D","E"]})",
            p, "scopeDirList");
        row("update: scope folder not level 1", "POST", updateCollection, R"({"scopeDirList":["%TRIP1%"]})",
            p, "scopeDirList[0]");
        row("update: scopeKind 5", "POST", updateCollection, R"({"scopeKind":5})", p, "scopeKind");

        row("add: fileIds missing", "POST", add, R"({})", p, "fileIds");
        row("add: fileIds empty", "POST", add, R"({"fileIds":[]})", p, "fileIds");
        row("add: fileId of 65", "POST", add, R"({"fileIds":[{"fileId":"%LONG65%","ownerId":"%USER%"}]})", p,
            "fileIds[0].fileId");
        row("add: ownerId missing", "POST", add, R"({"fileIds":[{"fileId":"%IMAGE%"}]})", p,
            "fileIds[0].ownerId");
        row("add: unknown file", "POST", add,
            R"({"fileIds":[{"fileId":"%IMAGE%","ownerId":"%USER%"},{"fileId":"Fnope","ownerId":"%USER%"}]})",
            m, "fileIds[1].fileId");
        row("add: wrong owner", "POST", add, R"({"fileIds":[{"fileId":"%IMAGE%","ownerId":"%OTHER%"}]})", m,
            "fileIds[0].fileId");
        row("add: a document", "POST", add, R"({"fileIds":[{"fileId":"%DOC%","ownerId":"%USER%"}]})", p,
            "fileIds[0].fileId");
        row("add: a recycled file", "POST", add,
            R"({"fileIds":[{"fileId":"%RECYCLED%","ownerId":"%USER%"}]})", m, "fileIds[0].fileId");
        row("add: someone else's file", "POST", add,
            R"({"fileIds":[{"fileId":"%OTHERFILE%","ownerId":"%OTHER%"}]})", QStringLiteral("13000410"),
            "fileIds[0].fileId");
        row("add: to a collection album", "POST", QStringLiteral("/koodrive/ose/v1/album/%COLLECTION%/add"),
            R"({"fileIds":[{"fileId":"%IMAGE%","ownerId":"%USER%"}]})", p, "albumId");
        row("add: to an unknown album", "POST", QStringLiteral("/koodrive/ose/v1/album/77/add"),
            R"({"fileIds":[{"fileId":"%IMAGE%","ownerId":"%USER%"}]})", m, "albumId");

        row("contents: pageSize 0", "GET", QStringLiteral("/koodrive/ose/v1/album/%MANUAL%/list?pageSize=0"),
            "", p, "pageSize");
        row("contents: sortType 4", "GET", QStringLiteral("/koodrive/ose/v1/album/%MANUAL%/list?sortType=4"),
            "", p, "sortType");
        row("contents: forged cursor", "GET",
            QStringLiteral("/koodrive/ose/v1/album/%MANUAL%/list?pageCursor=abc"), "", p, "pageCursor");
        row("delete: unknown album", "DELETE", QStringLiteral("/koodrive/ose/v1/album/77"), "", m, "albumId");
        row("remove items: ids missing", "DELETE", QStringLiteral("/koodrive/ose/v1/%MANUAL%/batchDelete"),
            R"({})", p, "ids");
        row("remove items: collection album", "DELETE",
            QStringLiteral("/koodrive/ose/v1/%COLLECTION%/batchDelete"), R"({"ids":["%IMAGE%"]})", p,
            "albumId");
    }
    void badInputChangesNothing()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QString, body);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const QString expandedBody = expand(body);
        const auto before = m_sim->counts();
        const QString beforeAlbums =
            column(QStringLiteral("SELECT id || name || scope_kind || updated_ms FROM albums ORDER BY id"))
                .join(u'|');
        const auto response =
            m_sim->send(method, expand(path), expandedBody.toUtf8(), m_sim->commonHeaders());
        QCOMPARE(response.status, 400);
        QCOMPARE(
            response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
            400);
        QCOMPARE(response.errorCode(), code);
        QCOMPARE(response.errorParam(), param);
        QVERIFY(!response.errorDescription().isEmpty());
        QCOMPARE(m_sim->counts(), before);
        QCOMPARE(
            column(QStringLiteral("SELECT id || name || scope_kind || updated_ms FROM albums ORDER BY id"))
                .join(u'|'),
            beforeAlbums);
    }

    void aThousandAndOneIdsAreTooMany()
    {
        QJsonArray ids;
        for (int i = 0; i < 1001; ++i)
            ids.append(QStringLiteral("F%1").arg(i));
        const auto before = m_sim->counts();
        const auto response = m_sim->del(
            QStringLiteral("/koodrive/ose/v1/%1/batchDelete").arg(m_places.value(QStringLiteral("MANUAL"))),
            {{QStringLiteral("ids"), ids}});
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorParam(), QStringLiteral("ids"));
        QCOMPARE(m_sim->counts(), before);
    }

    void aHundredAndOneFilesAreTooMany()
    {
        QJsonArray files;
        for (int i = 0; i < 101; ++i)
            files.append(QJsonObject{{QStringLiteral("fileId"), m_places.value(QStringLiteral("IMAGE"))},
                                     {QStringLiteral("ownerId"), m_sim->userId()}});
        const auto before = m_sim->counts();
        const auto response = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(m_places.value(QStringLiteral("MANUAL"))),
            {{QStringLiteral("fileIds"), files}});
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorParam(), QStringLiteral("fileIds"));
        QCOMPARE(m_sim->counts(), before);
        files.removeLast();
        QCOMPARE(m_sim
                     ->post(QStringLiteral("/koodrive/ose/v1/album/%1/add")
                                .arg(m_places.value(QStringLiteral("MANUAL"))),
                            {{QStringLiteral("fileIds"), files}})
                     .status,
                 200);
    }

    // --- Behaviour ------------------------------------------------------------------------------------

    void bothValueFormsAreAccepted()
    {
        const auto response = m_sim->post(QStringLiteral("/koodrive/ose/v1/album/create"),
                                          object(R"({"name":"Strings","type":"2","albumKind":"1"})"));
        QCOMPARE(response.status, 200);
        const auto list = m_sim->get(
            QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=%2010&pageNum="));
        QCOMPARE(list.status, 200);
    }

    void nameLengthCountsCharacters()
    {
        const QString twenty = QString(20, QChar(0x76F8));
        const auto response =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/album/create"), {{QStringLiteral("name"), twenty},
                                                                          {QStringLiteral("type"), 2},
                                                                          {QStringLiteral("albumKind"), 1}});
        QCOMPARE(response.status, 200);
        QCOMPARE(albumInList(response.json.value(QStringLiteral("albumId")).toString(), 1, 2)
                     .value(QStringLiteral("name"))
                     .toString(),
                 twenty);
    }

    void collectionAlbumGathersItsFoldersImagesAndVideos()
    {
        const QString trips = m_places.value(QStringLiteral("TRIPS"));
        const QString t1 = m_places.value(QStringLiteral("TRIP1"));
        const QString t2 = m_places.value(QStringLiteral("TRIP2"));
        auto created = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/create"),
            object(
                QStringLiteral(
                    R"({"type":1,"albumKind":1,"scopeDir":["%1"],"scopeParentFolderId":"%2","scopeKind":"1,2"})")
                    .arg(t1, trips)
                    .toUtf8()));
        QCOMPARE(created.status, 200);
        const QString id = created.json.value(QStringLiteral("albumId")).toString();
        QStringList expected = m_sim->childIds(t1);
        QStringList got = contents(id);
        got.sort();
        QCOMPARE(got, expected);
        const QJsonObject listed = albumInList(id, 1, 1);
        QCOMPARE(listed.value(QStringLiteral("scopeDir")).toArray(), QJsonArray{t1});
        QCOMPARE(listed.value(QStringLiteral("scopeKind")).toString(), QStringLiteral("1,2"));
        QCOMPARE(listed.value(QStringLiteral("scopeParentFolderId")).toString(), trips);
        QVERIFY(!listed.value(QStringLiteral("coverImg")).toString().isEmpty());

        // Rescope to two folders (album-update.txt: scopeDirList, an Integer scopeKind).
        const auto updated = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/%1/update").arg(id),
            object(QStringLiteral(R"({"scopeDirList":["%1","%2"],"scopeKind":1})").arg(t1, t2).toUtf8()));
        QCOMPARE(updated.status, 200);
        expected = m_sim->childIds(t1) + m_sim->childIds(t2);
        expected.sort();
        got = contents(id);
        got.sort();
        QCOMPARE(got, expected);
        QCOMPARE(albumInList(id, 1, 1).value(QStringLiteral("scopeKind")).toString(), QStringLiteral("1"));

        // Videos only: the camera has both.
        const QString camera = m_places.value(QStringLiteral("CAMERA"));
        created = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/create"),
            object(
                QStringLiteral(
                    R"({"name":"Clips","type":1,"albumKind":1,"scopeDir":["%1"],"scopeParentFolderId":"root","scopeKind":"2"})")
                    .arg(camera)
                    .toUtf8()));
        QCOMPARE(created.status, 200);
        got = contents(created.json.value(QStringLiteral("albumId")).toString());
        got.sort();
        QCOMPARE(got, m_sim->childIds(camera, 20));
    }

    void contentsPageInEveryOrder_data()
    {
        QTest::addColumn<int>("sortType");
        QTest::addColumn<int>("direction");
        for (int type = 1; type <= 3; ++type)
            for (int direction = 1; direction <= 2; ++direction)
                QTest::addRow("sort %d direction %d", type, direction) << type << direction;
    }
    void contentsPageInEveryOrder()
    {
        QFETCH(int, sortType);
        QFETCH(int, direction);
        const QString album = m_places.value(QStringLiteral("COLLECTION"));
        QStringList ids;
        QString cursor;
        QString previous;
        const char *field = sortType == 1 ? "takeTime" : sortType == 2 ? "createdTime" : "editedTime";
        int pages = 0;
        do {
            const auto response = m_sim->get(
                QStringLiteral("/koodrive/ose/v1/album/%1/list?pageSize=17&sortType=%2&sortDirection=%3%4")
                    .arg(album)
                    .arg(sortType)
                    .arg(direction)
                    .arg(cursor.isEmpty() ? QString() : QStringLiteral("&pageCursor=") + cursor));
            QCOMPARE(response.status, 200);
            for (const auto &value : response.json.value(QStringLiteral("contentList")).toArray()) {
                const QJsonObject item = value.toObject();
                const QString key = item.value(QLatin1String(field)).toString();
                if (!previous.isEmpty())
                    QVERIFY2(direction == 1 ? previous <= key : previous >= key,
                             qPrintable(previous + u' ' + key));
                previous = key;
                ids << item.value(QStringLiteral("id")).toString();
                QVERIFY(item.value(QStringLiteral("thumbnailUrl"))
                            .toString()
                            .contains(QLatin1String("X-Amz-Signature")));
            }
            QCOMPARE(response.json.value(QStringLiteral("total")).toInt(),
                     m_sim->childIds(m_places.value(QStringLiteral("CAMERA")), 15).size() +
                         m_sim->childIds(m_places.value(QStringLiteral("CAMERA")), 20).size());
            cursor = response.json.value(QStringLiteral("nextPageCursor")).toString();
            ++pages;
        } while (!cursor.isEmpty());
        QVERIFY(pages > 3);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        QCOMPARE(ids.size(), m_sim->childIds(m_places.value(QStringLiteral("CAMERA")), 15).size() +
                                 m_sim->childIds(m_places.value(QStringLiteral("CAMERA")), 20).size());
    }

    void albumListPagesByNumber()
    {
        for (int i = 0; i < 12; ++i)
            QCOMPARE(m_sim
                         ->post(QStringLiteral("/koodrive/ose/v1/album/create"),
                                {{QStringLiteral("name"), QStringLiteral("Paged %1").arg(i)},
                                 {QStringLiteral("type"), 2},
                                 {QStringLiteral("albumKind"), 1}})
                         .status,
                     200);
        const int total =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=100"))
                .json.value(QStringLiteral("total"))
                .toInt();
        QStringList seen;
        for (int page = 1; page <= (total + 4) / 5; ++page) {
            const auto response = m_sim->get(
                QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=5&pageNum=%1")
                    .arg(page));
            QCOMPARE(response.json.value(QStringLiteral("total")).toInt(), total);
            for (const auto &album : response.json.value(QStringLiteral("albumList")).toArray())
                seen << album.toObject().value(QStringLiteral("id")).toString();
        }
        QCOMPARE(seen.size(), total);
        QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), total);
        // Past the end: an empty page, not an error. Default page size: 10.
        QVERIFY(m_sim
                    ->get(QStringLiteral(
                        "/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=5&pageNum=999"))
                    .json.value(QStringLiteral("albumList"))
                    .toArray()
                    .isEmpty());
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"))
                     .json.value(QStringLiteral("albumList"))
                     .toArray()
                     .size(),
                 10);
    }

    void sharedAlbumsLiveInTheirGroup()
    {
        const QString group = m_places.value(QStringLiteral("GROUP"));
        const auto response = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/create"),
            object(QStringLiteral(
                       R"({"name":"Reunion","type":2,"albumKind":2,"groupId":"%1","shareFolderId":"%2"})")
                       .arg(group, m_places.value(QStringLiteral("SHAREFOLDER")))
                       .toUtf8()));
        QCOMPARE(response.status, 200);
        const QString id = response.json.value(QStringLiteral("albumId")).toString();
        QCOMPARE(albumInList(id, 2, 2).value(QStringLiteral("groupId")).toString(), group);
        QVERIFY(albumInList(id, 1, 2).isEmpty());
        const auto filtered = m_sim->get(
            QStringLiteral("/koodrive/ose/v1/album/list?albumKind=2&albumType=2&groupId=%1").arg(group));
        QVERIFY(filtered.json.value(QStringLiteral("total")).toInt() >= 2);
        // A shared album takes the other member's photos of the family space.
        const QString theirs =
            scalar(QStringLiteral("SELECT id FROM files WHERE owner_id = ? AND file_type = 15"),
                   {m_places.value(QStringLiteral("OTHER"))});
        const auto added =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(id),
                        object(QStringLiteral(R"({"fileIds":[{"fileId":"%1","ownerId":"%2"}]})")
                                   .arg(theirs, m_places.value(QStringLiteral("OTHER")))
                                   .toUtf8()));
        QCOMPARE(added.status, 200);
        QCOMPARE(contents(id), QStringList{theirs});
    }

    void removeItemsAndDeleteKeepThePhotos()
    {
        const QString album = albumId(QStringLiteral("Best of 2024"));
        const QStringList before = contents(album);
        QVERIFY(before.size() >= 3);
        const auto removed = m_sim->del(QStringLiteral("/koodrive/ose/v1/%1/batchDelete").arg(album),
                                        {{QStringLiteral("ids"), QJsonArray{before.at(0), before.at(1)}}});
        QCOMPARE(removed.status, 200);
        QCOMPARE(contents(album), before.mid(2));
        const qint64 files = m_sim->counts().files;
        const auto deleted = m_sim->del(QStringLiteral("/koodrive/ose/v1/album/%1").arg(album));
        QCOMPARE(deleted.status, 200);
        QVERIFY(albumInList(album, 1, 2).isEmpty());
        QCOMPARE(m_sim->counts().files, files);
        QCOMPARE(contents(album), QStringList{QStringLiteral("HTTP 400")});
    }
};

QTEST_GUILESS_MAIN(TestAlbumRoutes)
#include "tst_AlbumRoutes.moc"
