// OPERATIONS.md §4: createDirectory (POST /directory) and renameFile (POST /files/rename/{fileId}), each rule
// refused with the documented body and nothing changed; name clashes under renameMode 2 and 3; the
// x-hw-share-folder-id header.
#include "SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using koodrive::test::SimFixture;

class TestFolderRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    const QString m_directory = QStringLiteral("/koodrive/ose/v1/directory");

    QJsonObject folderBody(const QString &name, const QJsonValue &parent = QJsonArray{QStringLiteral("root")})
    {
        return {{QStringLiteral("fileName"), name},
                {QStringLiteral("fileType"), QStringLiteral("10")},
                {QStringLiteral("parentFolder"), parent},
                {QStringLiteral("containerId"), m_sim->containerId()},
                {QStringLiteral("renameMode"), 3}};
    }
    QJsonObject renameBody(const QString &name, int mode = 3)
    {
        return {{QStringLiteral("containerId"), m_sim->containerId()},
                {QStringLiteral("name"), name},
                {QStringLiteral("renameMode"), mode}};
    }
    QString rename(const QString &fileId)
    {
        return QStringLiteral("/koodrive/ose/v1/files/rename/") + fileId;
    }
    // The names directly inside a folder, as files list shows them.
    QStringList listedNames(const QString &parent, const SimFixture::Headers &extra = {},
                            const QString &containerId = {})
    {
        const QJsonObject body{
            {QStringLiteral("containerId"), containerId.isEmpty() ? m_sim->containerId() : containerId},
            {QStringLiteral("parentFileId"), parent},
            {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100}}}};
        const auto response = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/files/0"),
                                          QJsonDocument(body).toJson(), m_sim->commonHeaders() + extra);
        QStringList names;
        for (const auto &file : response.json.value(QStringLiteral("files")).toArray())
            names << file.toObject().value(QStringLiteral("fileName")).toString();
        return names;
    }
    void expectRefusal(const SimFixture::Response &response, const char *code, const QString &param,
                       const koodrive::sim::SimStore::Counts &before)
    {
        QCOMPARE(response.status, 400);
        QCOMPARE(
            response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
            400);
        QCOMPARE(response.errorCode(), QString::fromLatin1(code));
        QCOMPARE(response.errorParam(), param);
        QCOMPARE(m_sim->counts(), before);
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(120); }
    void cleanup() { m_sim.reset(); }

    void aFolderIsMadeAndListed()
    {
        // OPERATIONS.md §4: {fileName, fileType "10", parentFolder [id], containerId, renameMode}.
        const QByteArray body =
            QStringLiteral(R"({"fileName":"Holiday 2025","fileType":"10",)"
                           R"("parentFolder":["root"],"containerId":"%1","renameMode":3})")
                .arg(m_sim->containerId())
                .toUtf8();
        const auto before = m_sim->counts();
        const auto response = m_sim->send("POST", m_directory, body, m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QString id = response.json.value(QStringLiteral("id")).toString();
        QVERIFY(id.startsWith(QLatin1Char('F')));
        QCOMPARE(response.json.value(QStringLiteral("fileName")).toString(), QStringLiteral("Holiday 2025"));
        QCOMPARE(response.json.value(QStringLiteral("fileType")).toString(), QStringLiteral("10"));
        QCOMPARE(m_sim->counts().files, before.files + 1);
        QVERIFY(listedNames(QStringLiteral("root")).contains(QStringLiteral("Holiday 2025")));
        // ...and a folder inside it, by its id.
        const auto inner = m_sim->post(m_directory, folderBody(QStringLiteral("Day 1"), QJsonArray{id}));
        QCOMPARE(inner.status, 200);
        QCOMPARE(listedNames(id), QStringList{QStringLiteral("Day 1")});
    }

    void everyRuleIsRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::newRow("no name") << "fileName" << QJsonValue() << "13000102"
                                 << "fileName";
        QTest::newRow("empty name") << "fileName" << QJsonValue(QString()) << "13000102"
                                    << "fileName";
        QTest::newRow("251 characters")
            << "fileName" << QJsonValue(QString(251, QLatin1Char('a'))) << "13000102"
            << "fileName";
        for (const char *c : {"<", ">", "|", ":", "\"", "*", "?", "/"})
            QTest::addRow("name with %s", c)
                << "fileName" << QJsonValue(QStringLiteral("a%1b").arg(QLatin1String(c))) << "13000102"
                << "fileName";
        QTest::newRow("dot") << "fileName" << QJsonValue(QStringLiteral(".")) << "13000102"
                             << "fileName";
        QTest::newRow("dot dot") << "fileName" << QJsonValue(QStringLiteral("..")) << "13000102"
                                 << "fileName";
        QTest::newRow("not a folder type") << "fileType" << QJsonValue(QStringLiteral("15")) << "13000102"
                                           << "fileType";
        QTest::newRow("no type") << "fileType" << QJsonValue() << "13000102"
                                 << "fileType";
        QTest::newRow("parent not an array")
            << "parentFolder" << QJsonValue(QStringLiteral("root")) << "13000102"
            << "parentFolder";
        QTest::newRow("unknown parent")
            << "parentFolder" << QJsonValue(QJsonArray{QStringLiteral("Fnope")}) << "13000309"
            << "parentFolder";
        QTest::newRow("long container")
            << "containerId" << QJsonValue(QString(65, QLatin1Char('c'))) << "13000102"
            << "containerId";
        QTest::newRow("another's container")
            << "containerId" << QJsonValue(QStringLiteral("IAADsomeoneelse")) << "13000301"
            << "containerId";
        QTest::newRow("renameMode 4") << "renameMode" << QJsonValue(4) << "13000102"
                                      << "renameMode";
        QTest::newRow("name taken, mode 3")
            << "fileName" << QJsonValue(QStringLiteral("Camera")) << "13000405"
            << "fileName";
        QTest::newRow("name taken in another case")
            << "fileName" << QJsonValue(QStringLiteral("CAMERA")) << "13000405"
            << "fileName";
    }
    void everyRuleIsRefusedAndNothingChanges()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, param);
        QJsonObject body = folderBody(QStringLiteral("New"));
        if (value.isNull())
            body.remove(field);
        else
            body.insert(field, value);
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(m_directory, body), code.toLatin1().constData(), param, before);
    }

    void aParentInTheRecycleBinIs13000404()
    {
        const QString trips = m_sim->folderNamed(QStringLiteral("Trips"));
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_by = id WHERE id = ?"),
                      {trips});
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(m_directory, folderBody(QStringLiteral("Late"), QJsonArray{trips})),
                      "13000404", QStringLiteral("parentFolder"), before);
    }

    void aClashUnderRenameMode2AddsATimestamp()
    {
        QJsonObject body = folderBody(QStringLiteral("Camera"));
        body.insert(QStringLiteral("renameMode"), 2);
        const auto response = m_sim->post(m_directory, body);
        QCOMPARE(response.status, 200);
        const QString name = response.json.value(QStringLiteral("fileName")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^Camera_20\\d{12}$")).match(name).hasMatch(),
                 qPrintable(name));
        const QStringList names = listedNames(QStringLiteral("root"));
        QVERIFY(names.contains(QStringLiteral("Camera")) && names.contains(name));
    }

    void aFileIsRenamed()
    {
        const QString camera = m_sim->folderNamed(QStringLiteral("Camera"));
        const QString photo = m_sim->childIds(camera, 15).value(0);
        const QByteArray body =
            QStringLiteral(R"({"containerId":"%1","name":"Sunset at sea.jpg","renameMode":3})")
                .arg(m_sim->containerId())
                .toUtf8();
        const auto before = m_sim->counts();
        const auto response = m_sim->send("POST", rename(photo), body, m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        QCOMPARE(m_sim->counts(), before);
        QCOMPARE(
            m_sim->column(QStringLiteral("SELECT name || '|' || suffix FROM files WHERE id = ?"), {photo}),
            QStringList{QStringLiteral("Sunset at sea.jpg|jpg")});
        QVERIFY(listedNames(camera).contains(QStringLiteral("Sunset at sea.jpg")));
        // Only the case changes: the file does not clash with itself.
        QCOMPARE(m_sim->post(rename(photo), renameBody(QStringLiteral("SUNSET AT SEA.jpg"))).status, 200);
        // A folder too.
        QCOMPARE(m_sim->post(rename(camera), renameBody(QStringLiteral("Phone camera"))).status, 200);
        QVERIFY(listedNames(QStringLiteral("root")).contains(QStringLiteral("Phone camera")));
    }

    void renameRulesAreRefusedAndNothingChanges_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("param");
        QTest::newRow("no name") << "name" << QJsonValue() << "13000102"
                                 << "name";
        QTest::newRow("251 characters") << "name" << QJsonValue(QString(251, QLatin1Char('n'))) << "13000102"
                                        << "name";
        QTest::newRow("name with *") << "name" << QJsonValue(QStringLiteral("a*.jpg")) << "13000102"
                                     << "name";
        QTest::newRow("dot dot") << "name" << QJsonValue(QStringLiteral("..")) << "13000102"
                                 << "name";
        QTest::newRow("no container") << "containerId" << QJsonValue() << "13000102"
                                      << "containerId";
        QTest::newRow("65-character container")
            << "containerId" << QJsonValue(QString(65, QLatin1Char('c'))) << "13000102"
            << "containerId";
        QTest::newRow("renameMode 1") << "renameMode" << QJsonValue(1) << "13000102"
                                      << "renameMode";
        QTest::newRow("name taken, mode 3") << "name" << QJsonValue(QStringLiteral("Trips")) << "13000405"
                                            << "name";
    }
    void renameRulesAreRefusedAndNothingChanges()
    {
        QFETCH(QString, field);
        QFETCH(QJsonValue, value);
        QFETCH(QString, code);
        QFETCH(QString, param);
        const QString pictures = m_sim->folderNamed(QStringLiteral("Pictures"));
        QJsonObject body = renameBody(QStringLiteral("Renamed"));
        if (value.isNull())
            body.remove(field);
        else
            body.insert(field, value);
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(rename(pictures), body), code.toLatin1().constData(), param, before);
        QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM files WHERE id = ?"), {pictures}),
                 QStringList{QStringLiteral("Pictures")});
    }

    void renamingWhatIsNotThereIsRefused()
    {
        const auto before = m_sim->counts();
        expectRefusal(m_sim->post(rename(QStringLiteral("Fnosuchfile")), renameBody(QStringLiteral("x"))),
                      "13000302", QStringLiteral("fileId"), before);
        expectRefusal(m_sim->post(rename(QString(65, QLatin1Char('F'))), renameBody(QStringLiteral("x"))),
                      "13000102", QStringLiteral("fileId"), before);
        const QString recycled =
            m_sim->column(QStringLiteral("SELECT id FROM files WHERE recycled = 1 LIMIT 1")).value(0);
        QVERIFY(!recycled.isEmpty());
        expectRefusal(m_sim->post(rename(recycled), renameBody(QStringLiteral("x.jpg"))), "13000309",
                      QStringLiteral("fileId"), before);
    }

    void aRenameClashUnderMode2AddsATimestampBeforeTheExtension()
    {
        const QString folder = m_sim->addFolder(QStringLiteral("Two"), 2);
        const QStringList ids = m_sim->childIds(folder);
        QCOMPARE(m_sim->post(rename(ids.at(0)), renameBody(QStringLiteral("same.jpg"))).status, 200);
        const auto second = m_sim->post(rename(ids.at(1)), renameBody(QStringLiteral("same.jpg"), 2));
        QCOMPARE(second.status, 200);
        const QString name = second.json.value(QStringLiteral("fileName")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^same_20\\d{12}\\.jpg$")).match(name).hasMatch(),
                 qPrintable(name));
        QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM files WHERE id = ?"), {ids.at(1)}),
                 QStringList{name});
    }

    void theSharedFolderHeaderActsInTheFamilySpace()
    {
        const auto groups = m_sim->server().store().groupsOf(m_sim->userId());
        QVERIFY(!groups.isEmpty());
        const auto family = groups.constFirst();
        const SimFixture::Headers shared{{"x-hw-share-folder-id", QByteArray::number(family.shareFolderId)}};
        QJsonObject body = folderBody(QStringLiteral("From the header"));
        body.remove(QStringLiteral("containerId"));
        const auto made =
            m_sim->send("POST", m_directory, QJsonDocument(body).toJson(), m_sim->commonHeaders() + shared);
        QCOMPARE(made.status, 200);
        QCOMPARE(
            m_sim->column(QStringLiteral("SELECT container_id || '|' || parent_id FROM files WHERE id = ?"),
                          {made.json.value(QStringLiteral("id")).toString()}),
            QStringList{family.containerId + QLatin1Char('|') + family.rootFolderId});
        // files list in the shared folder sees it, the personal root does not.
        QVERIFY(listedNames(QStringLiteral("root"), shared, family.containerId)
                    .contains(QStringLiteral("From the header")));
        QVERIFY(!listedNames(QStringLiteral("root")).contains(QStringLiteral("From the header")));

        const auto before = m_sim->counts();
        // The personal containerId with the header: not that folder's space.
        expectRefusal(m_sim->send("POST", m_directory,
                                  QJsonDocument(folderBody(QStringLiteral("x"))).toJson(),
                                  m_sim->commonHeaders() + shared),
                      "13000301", QStringLiteral("containerId"), before);
        // A shared folder the user is not a member of (or that does not exist).
        const auto refused = m_sim->send("POST", m_directory, QJsonDocument(body).toJson(),
                                         m_sim->commonHeaders() +
                                             SimFixture::Headers{{"x-hw-share-folder-id", "123456789012"}});
        expectRefusal(refused, "13000410", QStringLiteral("x-hw-share-folder-id"), before);
        QCOMPARE(
            m_sim
                ->send("POST", QStringLiteral("/koodrive/ose/v1/files/0"),
                       QJsonDocument(QJsonObject{{QStringLiteral("containerId"), m_sim->containerId()},
                                                 {QStringLiteral("parentFileId"), QStringLiteral("root")}})
                           .toJson(),
                       m_sim->commonHeaders() + SimFixture::Headers{{"x-hw-share-folder-id", "1"}})
                .errorCode(),
            QStringLiteral("13000410"));
    }
};

QTEST_GUILESS_MAIN(TestFolderRoutes)
#include "tst_FolderRoutes.moc"
