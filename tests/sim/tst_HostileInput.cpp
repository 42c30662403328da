// koodrive-sim against requests a hostile or broken client would send: every route checks the session
// (image URLs their signature), and ids full of SQL or path metacharacters get the documented 4xx body
// and change nothing (SQL only through bound parameters; ids are never paths).
#include "SimFixture.h"
#include "SimHttpServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace koodrive;
using koodrive::test::SimFixture;
using Access = sim::SimHttpServer::Access;

class TestHostileInput : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimFixture> m_sim;

    // A route's path with its placeholders filled: `id` for album and file ids, the real owner otherwise.
    QString pathOf(const QString &pattern, const QString &id) const
    {
        QString path = pattern;
        path.replace(QStringLiteral("{ownerId}"), m_sim->userId());
        path.replace(QStringLiteral("{type}"), QStringLiteral("0"));
        path.replace(QStringLiteral("{albumId}"), QString::fromLatin1(QUrl::toPercentEncoding(id)));
        path.replace(QStringLiteral("{fileId}"), QString::fromLatin1(QUrl::toPercentEncoding(id)));
        path.replace(QStringLiteral("{jobId}"), QString::fromLatin1(QUrl::toPercentEncoding(id)));
        return path;
    }
    static QByteArray bodyFor(const QByteArray &method, const QString &id)
    {
        if (method == "GET")
            return {};
        // Plausible bodies, carrying the hostile id where the pages put ids.
        const QJsonObject file{{QStringLiteral("fileId"), id}, {QStringLiteral("ownerId"), id}};
        const QJsonObject starred{{QStringLiteral("containerId"), id}, {QStringLiteral("fileId"), id}};
        const QJsonObject taskInfo{
            {QStringLiteral("fileInfo"),
             QJsonArray{QJsonObject{{QStringLiteral("fileId"), id}, {QStringLiteral("filePath"), id}}}},
            {QStringLiteral("srcContainerId"), id},
            {QStringLiteral("newFilePath"), id}};
        return QJsonDocument(
                   QJsonObject{
                       {QStringLiteral("name"), id},
                       {QStringLiteral("fileName"), id},
                       {QStringLiteral("fileId"), id},
                       {QStringLiteral("jobId"), id},
                       {QStringLiteral("fileList"), QJsonArray{file}},
                       {QStringLiteral("fileIds"), QJsonArray{id}},
                       {QStringLiteral("containerId"), id},
                       {QStringLiteral("parentFileId"), id},
                       {QStringLiteral("parentFolder"), QJsonArray{id}},
                       {QStringLiteral("refreshToken"), id},
                       {QStringLiteral("subRequestList"), QJsonArray{starred}},
                       {QStringLiteral("starred"), true},
                       {QStringLiteral("taskInfo"), taskInfo},
                       {QStringLiteral("dstContainerId"), id},
                       {QStringLiteral("searchType"), QStringLiteral("personal")},
                       {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 10}}},
                       {QStringLiteral("filter"), QJsonObject{{QStringLiteral("keyWord"), id.left(255)},
                                                              {QStringLiteral("parentFolder"), id},
                                                              {QStringLiteral("containerId"), id}}},
                       {QStringLiteral("type"), 2},
                       {QStringLiteral("albumKind"), 1}})
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(60); }
    void cleanup() { m_sim.reset(); }

    void itListensOnLoopbackUnlessToldOtherwise()
    {
        QCOMPARE(sim::SimOptions().host, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(m_sim->server().url().host(), QStringLiteral("127.0.0.1"));
    }

    void everyRouteChecksTheSession()
    {
        // The API's routes and object storage's, each sent to its own listener.
        const auto apiRoutes = m_sim->server().http().routes();
        const auto objectRoutes = m_sim->server().objects().routes();
        const auto routes = apiRoutes + objectRoutes;
        QVERIFY2(apiRoutes.size() >= 28, "every operation of the pages and the README is routed");
        QVERIFY2(!objectRoutes.isEmpty(), "object storage serves its own listener");
        const QString album = m_sim->column(QStringLiteral("SELECT id FROM albums LIMIT 1")).value(0);
        const QString file =
            m_sim->column(QStringLiteral("SELECT id FROM files WHERE is_folder = 0 LIMIT 1")).value(0);
        QVERIFY(!album.isEmpty() && !file.isEmpty());
        int checked = 0;
        for (qsizetype i = 0; i < routes.size(); ++i) {
            const auto &route = routes.at(i);
            const bool object = i >= apiRoutes.size();
            QString path = route.pattern;
            path.replace(QStringLiteral("{ownerId}"), m_sim->userId());
            path.replace(QStringLiteral("{type}"), QStringLiteral("0"));
            path.replace(QStringLiteral("{albumId}"), album);
            path.replace(QStringLiteral("{fileId}"), file);
            path.replace(QStringLiteral("{partNumber}"), QStringLiteral("1"));
            path.replace(QStringLiteral("{jobId}"), QStringLiteral("1234567890123456789"));
            const QByteArray body = route.method == "GET" ? QByteArray() : QByteArray("{}");
            const SimFixture::Headers noToken{{"X-User-Id", m_sim->userId().toUtf8()},
                                              {"X-Date", SimFixture::xDate()},
                                              {"Content-Type", "application/json"}};
            const SimFixture::Headers wrongToken =
                noToken + SimFixture::Headers{{"Authorization", "Bearer not-a-token-of-this-server"}};
            const SimFixture::Headers otherUser{
                {"Authorization", "Bearer " + m_sim->server().accessToken().toUtf8()},
                {"X-User-Id", "1234567890"},
                {"X-Date", SimFixture::xDate()},
                {"Content-Type", "application/json"}};
            const QString what = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
            switch (route.access) {
            case Access::Session:
                QVERIFY2(!object, qPrintable(what + QStringLiteral(": object storage takes no session")));
                for (const auto &headers : {noToken, wrongToken, otherUser}) {
                    const auto refused = m_sim->send(route.method, path, body, headers);
                    QVERIFY2(refused.status == 401,
                             qPrintable(what + QStringLiteral(": %1").arg(refused.status)));
                    QVERIFY2(refused.json.contains(QStringLiteral("error")), qPrintable(what));
                }
                break;
            case Access::DateOnly: {
                // No session to check, but the common headers are: no X-Date, no answer.
                const auto refused =
                    m_sim->send(route.method, path, body, {{"Content-Type", "application/json"}});
                QVERIFY2(refused.status == 400 && refused.errorParam() == QLatin1String("X-Date"),
                         qPrintable(what));
                break;
            }
            case Access::Open: {
                // An object without a signature, or with another object's signature, is refused.
                QVERIFY2(object, qPrintable(what + QStringLiteral(": open routes are object storage's")));
                const auto unsigned_ = m_sim->sendObject(route.method, path);
                QVERIFY2(unsigned_.status == 403,
                         qPrintable(what + QStringLiteral(": %1").arg(unsigned_.status)));
                break;
            }
            }
            ++checked;
        }
        QCOMPARE(checked, int(routes.size()));
    }

    void hostileIdsGetTheDocumentedRefusalAndChangeNothing_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("SQL quote") << QStringLiteral("1' OR '1'='1");
        QTest::newRow("SQL statement") << QStringLiteral("x\"; DROP TABLE albums; --");
        QTest::newRow("SQL wildcard") << QStringLiteral("%");
        QTest::newRow("path traversal") << QStringLiteral("../../../../etc/passwd");
        QTest::newRow("encoded traversal") << QStringLiteral("..%2F..%2Fetc%2Fpasswd");
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("abc");
        QTest::newRow("query and fragment") << QStringLiteral("a?b=c#d");
        QTest::newRow("Chinese") << QStringLiteral("相册");
        QTest::newRow("very long") << QString(5000, QLatin1Char('A'));
    }
    void hostileIdsGetTheDocumentedRefusalAndChangeNothing()
    {
        QFETCH(QString, id);
        const auto before = m_sim->counts();
        int sent = 0;
        for (const auto &route : m_sim->server().http().routes()) {
            if (route.access != Access::Session || route.pattern.endsWith(QLatin1String("/auth/logout")) ||
                route.pattern.endsWith(QLatin1String("/album/create")))
                continue; // (logout would end the session the other calls use; create is below)
            const QString path = pathOf(route.pattern, id);
            const auto answer = m_sim->send(route.method, path, bodyFor(route.method, id),
                                            m_sim->commonHeaders() +
                                                SimFixture::Headers{{"Content-Type", "application/json"}});
            const QString what =
                QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern +
                QStringLiteral(" → %1 %2").arg(answer.status).arg(QString::fromUtf8(answer.body.left(200)));
            QVERIFY2(answer.status < 500, qPrintable(what));
            if (answer.status >= 400)
                QVERIFY2(answer.json.contains(QStringLiteral("error")), qPrintable(what));
            ++sent;
        }
        QVERIFY(sent >= 10);
        QCOMPARE(m_sim->counts(), before);
        // As a shared folder's id (x-hw-share-folder-id): the calls that take it refuse it (13000410).
        for (const auto &route : m_sim->server().http().routes()) {
            if (route.access != Access::Session || route.pattern.endsWith(QLatin1String("/auth/logout")))
                continue;
            const auto answer =
                m_sim->send(route.method, pathOf(route.pattern, id), bodyFor(route.method, id),
                            m_sim->commonHeaders() +
                                SimFixture::Headers{{"Content-Type", "application/json"},
                                                    {"x-hw-share-folder-id", id.toUtf8().left(2000)}});
            const QString what = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern +
                                 QStringLiteral(" → %1").arg(answer.status);
            QVERIFY2(answer.status < 500, qPrintable(what));
            if (answer.status >= 400)
                QVERIFY2(answer.json.contains(QStringLiteral("error")), qPrintable(what));
        }
        QCOMPARE(m_sim->counts(), before);
        // As an album's name it is only text: stored as given when it fits the page's 1–20 characters.
        const auto created = m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/create"),
            {{QStringLiteral("name"), id}, {QStringLiteral("type"), 2}, {QStringLiteral("albumKind"), 1}});
        QVERIFY2(created.status == 200 || created.status == 400, qPrintable(QString::number(created.status)));
        if (created.status == 200) {
            const QString albumId = created.json.value(QStringLiteral("albumId")).toString();
            QCOMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId}),
                     QStringList{id});
        } else {
            QVERIFY(created.json.contains(QStringLiteral("error")));
            QCOMPARE(m_sim->counts(), before);
        }
        // The tables are all there, and still answer.
        QCOMPARE(m_sim
                     ->get(QStringLiteral(
                         "/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=10&pageNum=1"))
                     .status,
                 200);
    }
};

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_HostileInput.moc"
