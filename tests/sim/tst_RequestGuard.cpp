// The common headers of every call (../shared/koodrive-api/README.md, "Common headers"), on every route.
#include "SimClock.h"
#include "SimFixture.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using koodrive::test::SimFixture;

namespace {
struct Route
{
    const char *name;
    QByteArray method;
    QString path; // %U: user id, %A: an album id
    QByteArray body;
};
} // namespace

class TestRequestGuard : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;

    QList<Route> routes() const
    {
        const QString album = QStringLiteral("1234567890123456789");
        return {
            {"album list", "GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {}},
            {"album create", "POST", QStringLiteral("/koodrive/ose/v1/album/create"),
             R"({"name":"x","type":2,"albumKind":1})"},
            {"album update", "POST", QStringLiteral("/koodrive/ose/v1/%1/update").arg(album),
             R"({"name":"y"})"},
            {"album add", "POST", QStringLiteral("/koodrive/ose/v1/album/%1/add").arg(album),
             R"({"fileIds":[]})"},
            {"album contents", "GET", QStringLiteral("/koodrive/ose/v1/album/%1/list").arg(album), {}},
            {"album delete", "DELETE", QStringLiteral("/koodrive/ose/v1/album/%1").arg(album), {}},
            {"album remove items", "DELETE", QStringLiteral("/koodrive/ose/v1/%1/batchDelete").arg(album),
             R"({"ids":["F1"]})"},
            {"files list", "POST", QStringLiteral("/koodrive/ose/v1/files/0"),
             R"({"containerId":"c","parentFileId":"root"})"},
            {"recycle bin", "POST", QStringLiteral("/koodrive/ose/v1/files/1"),
             R"({"containerId":"c","parentFileId":"root"})"},
            {"file detail", "POST", QStringLiteral("/koodrive/ose/v1/files/F1/detail"),
             R"({"containerId":"c"})"},
            {"download links", "POST", QStringLiteral("/koodrive/ose/v1/files/download"),
             R"({"containerId":"c","fileIds":["F1"]})"},
            {"space", "GET", QStringLiteral("/koodrive/ose/v1/space/%1?type=1").arg(m_sim->userId()), {}},
            {"share folders", "GET", QStringLiteral("/koodrive/ose/v1/sharefolder/list"), {}},
            {"sign out", "POST", QStringLiteral("/koodrive/ose/v1/auth/logout"),
             R"({"userId":"u","accessToken":"t"})"},
        };
    }

    SimFixture::Headers headersWithout(const QByteArray &name) const
    {
        SimFixture::Headers headers = m_sim->commonHeaders();
        headers.removeIf([&name](const auto &h) { return h.first == name; });
        return headers;
    }
    SimFixture::Headers headersWith(const QByteArray &name, const QByteArray &value) const
    {
        SimFixture::Headers headers = headersWithout(name);
        headers.append({name, value});
        return headers;
    }

    void routeRows()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        for (const Route &route : routes())
            QTest::newRow(route.name) << route.method << route.path << route.body;
    }

    void expectRefusal(const SimFixture::Response &response, int status, const QString &param)
    {
        QCOMPARE(response.status, status);
        QCOMPARE(response.errorParam(), param);
        QCOMPARE(
            response.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
            status);
        QVERIFY(!response.header("X-Traceid").isEmpty());
    }

private slots:
    void initTestCase() { m_sim = std::make_unique<SimFixture>(60); }
    void init() { m_sim->server().clock().setSkewSeconds(0); }

    void missingUserIdIsRefused_data() { routeRows(); }
    void missingUserIdIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const auto before = m_sim->counts();
        expectRefusal(m_sim->send(method, path, body, headersWithout("X-User-Id")), 400,
                      QStringLiteral("X-User-Id"));
        QCOMPARE(m_sim->counts(), before);
    }

    void missingTokenIsRefused_data() { routeRows(); }
    void missingTokenIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        expectRefusal(m_sim->send(method, path, body, headersWithout("Authorization")), 401,
                      QStringLiteral("Authorization"));
        expectRefusal(m_sim->send(method, path, body, headersWith("Authorization", "Bearer not-a-token")),
                      401, QStringLiteral("Authorization"));
    }

    void missingDateIsRefused_data() { routeRows(); }
    void missingDateIsRefused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        const auto before = m_sim->counts();
        expectRefusal(m_sim->send(method, path, body, headersWithout("X-Date")), 400,
                      QStringLiteral("X-Date"));
        QCOMPARE(m_sim->counts(), before);
    }

    void everyTokenFormOfTheReadmeIsAccepted_data()
    {
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("Bearer <t>") << QByteArray("Bearer ");
        QTest::newRow("Bearer+<t> (the pages)") << QByteArray("Bearer+");
        QTest::newRow("AT <t> (real servers)") << QByteArray("AT ");
    }
    void everyTokenFormOfTheReadmeIsAccepted()
    {
        QFETCH(QByteArray, prefix);
        const auto response =
            m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                        headersWith("Authorization", prefix + m_sim->server().accessToken().toLatin1()));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(), 0);
    }

    void expiredAndForeignTokensAreRefused()
    {
        const QString path = QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2");
        const auto expired = koodrive::sim::SimServer::createSession(
            m_sim->server().store(), m_sim->userId(), QDateTime::currentMSecsSinceEpoch() - 7200'000, 3600);
        const auto response = m_sim->send(
            "GET", path, {}, headersWith("Authorization", "Bearer " + expired.accessToken.toLatin1()));
        expectRefusal(response, 401, QStringLiteral("Authorization"));
        QVERIFY(response.errorDescription().contains(QLatin1String("expired")));
        expectRefusal(m_sim->send("GET", path, {}, headersWith("X-User-Id", "1111111111111111111")), 401,
                      QStringLiteral("X-User-Id"));
    }

    void dateWindowIsFifteenMinutesAndNeverAhead_data()
    {
        QTest::addColumn<QByteArray>("date");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("now") << SimFixture::xDate() << true;
        QTest::newRow("14 minutes old") << SimFixture::xDate(-14 * 60) << true;
        QTest::newRow("16 minutes old") << SimFixture::xDate(-16 * 60) << false;
        QTest::newRow("a minute ahead") << SimFixture::xDate(60) << false;
        QTest::newRow("ISO with dashes")
            << QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toLatin1() << false;
        QTest::newRow("no Z") << SimFixture::xDate().chopped(1) << false;
        QTest::newRow("month 13") << QByteArray("20251303T070140Z") << false;
    }
    void dateWindowIsFifteenMinutesAndNeverAhead()
    {
        QFETCH(QByteArray, date);
        QFETCH(bool, accepted);
        const auto response =
            m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                        headersWith("X-Date", date));
        if (accepted)
            QCOMPARE(response.status, 200);
        else
            expectRefusal(response, 400, QStringLiteral("X-Date"));
    }

    void aServerClockOffShowsInTheDateHeader()
    {
        // --clock-skew: the server runs 20 minutes behind; a correct client clock is "ahead" and refused, and
        // the Date header tells the client how far off it is.
        m_sim->server().clock().setSkewSeconds(-20 * 60);
        const auto response =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"));
        expectRefusal(response, 400, QStringLiteral("X-Date"));
        // RFC 9110 IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
        QDateTime serverDate = QLocale::c().toDateTime(QString::fromLatin1(response.header("Date")),
                                                       QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
        serverDate.setTimeSpec(Qt::UTC);
        QVERIFY2(serverDate.isValid(), response.header("Date").constData());
        QVERIFY(qAbs(serverDate.secsTo(QDateTime::currentDateTimeUtc()) - 20 * 60) <= 5);
        // A client that corrects by the offset gets through.
        const auto corrected =
            m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                        headersWith("X-Date", SimFixture::xDate(-20 * 60)));
        QCOMPARE(corrected.status, 200);
    }

    void traceIdIs58LettersDigitsOrUnderscores_data()
    {
        QTest::addColumn<QByteArray>("traceId");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("58") << SimFixture::traceId() << true;
        QTest::newRow("57") << SimFixture::traceId().left(57) << false;
        QTest::newRow("59") << SimFixture::traceId() + 'a' << false;
        QTest::newRow("dash") << SimFixture::traceId().left(57) + '-' << false;
    }
    void traceIdIs58LettersDigitsOrUnderscores()
    {
        QFETCH(QByteArray, traceId);
        QFETCH(bool, accepted);
        const auto response =
            m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                        headersWith("X-Traceid", traceId));
        if (accepted) {
            QCOMPARE(response.status, 200);
            QCOMPARE(response.header("X-Traceid"), traceId); // echoed, so a client can show it
        } else {
            expectRefusal(response, 400, QStringLiteral("X-Traceid"));
        }
    }

    void aTraceIdIsMadeWhenNoneIsGiven()
    {
        const auto response =
            m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                        headersWithout("X-Traceid"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("X-Traceid").size(), 58);
    }

    void unknownRoutesAndWrongMethodsAnswerJson()
    {
        const auto unknown = m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list/extra"));
        QCOMPARE(unknown.status, 404);
        QCOMPARE(unknown.errorCode(), QStringLiteral("13000309"));
        const auto wrongMethod =
            m_sim->send("PUT", QStringLiteral("/koodrive/ose/v1/album/create"), "{}", m_sim->commonHeaders());
        QCOMPARE(wrongMethod.status, 405);
        QVERIFY(wrongMethod.json.contains(QStringLiteral("error")));
        const auto trailingSlash =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/album/list/?albumKind=1&albumType=2"));
        QCOMPARE(trailingSlash.status, 404);
    }

    void aBodyThatIsNotJsonChangesNothing()
    {
        const auto before = m_sim->counts();
        const auto response = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/album/create"),
                                          R"({"name":"x","type":2,)", m_sim->commonHeaders());
        expectRefusal(response, 400, QStringLiteral("body"));
        QCOMPARE(response.errorCode(), QStringLiteral("13000102"));
        QCOMPARE(m_sim->counts(), before);
    }
};

QTEST_GUILESS_MAIN(TestRequestGuard)
#include "tst_RequestGuard.moc"
