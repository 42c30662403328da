// koodrive-sim's scripted faults, seen on the wire: each kind does what a failing server, proxy or network
// does, to the calls it is meant for, in order, and a refused call changes nothing while a spoiled answer
// hides a change that was made.
#include "SimFixture.h"
#include "SimHttpServer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace koodrive;
using koodrive::test::SimFixture;
using Step = sim::SimHttpServer::FaultStep;
using Kind = Step::Kind;

class TestFaultScript : public QObject
{
    Q_OBJECT

    std::unique_ptr<SimFixture> m_sim;
    const QString m_list =
        QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2&pageSize=10&pageNum=1");

    SimFixture::Response createAlbum(const QString &name)
    {
        return m_sim->post(
            QStringLiteral("/koodrive/ose/v1/album/create"),
            {{QStringLiteral("name"), name}, {QStringLiteral("type"), 2}, {QStringLiteral("albumKind"), 1}});
    }
    int albumsNamed(const QString &name)
    {
        return int(m_sim->column(QStringLiteral("SELECT id FROM albums WHERE name = ?"), {name}).size());
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(50); }
    void cleanup() { m_sim.reset(); }

    void aScriptIsReadFromTheCommandLine()
    {
        QString error;
        const auto steps = sim::SimHttpServer::parseFaultScript(
            QStringLiteral("503x3, 429:2, drop@/koodrive/ose/v1/files, truncate,malformed,html,slow:1500"),
            &error);
        QCOMPARE(steps.size(), 7);
        QCOMPARE(int(steps[0].kind), int(Kind::Status));
        QCOMPARE(steps[0].status, 503);
        QCOMPARE(steps[0].times, 3);
        QCOMPARE(int(steps[1].kind), int(Kind::RetryAfter));
        QCOMPARE(steps[1].seconds, 2);
        QCOMPARE(int(steps[2].kind), int(Kind::DropMidBody));
        QCOMPARE(steps[2].pathPrefix, QStringLiteral("/koodrive/ose/v1/files"));
        QCOMPARE(int(steps[6].kind), int(Kind::Slow));
        QCOMPARE(steps[6].delayMs, 1500);
        for (const QString &bad : {QStringLiteral("explode"), QStringLiteral("200"), QStringLiteral("503x"),
                                   QStringLiteral("drop@files")}) {
            error.clear();
            QVERIFY2(sim::SimHttpServer::parseFaultScript(bad, &error).isEmpty(), qPrintable(bad));
            QVERIFY2(!error.isEmpty(), qPrintable(bad));
        }
    }

    void aBurstOfErrorsRefusesAndChangesNothing()
    {
        m_sim->server().http().scriptFaults({{Kind::Status, 503, 1, 0, 2}});
        for (int i = 0; i < 2; ++i) {
            const auto refused = createAlbum(QStringLiteral("Burst"));
            QCOMPARE(refused.status, 503);
            QVERIFY(refused.json.contains(QStringLiteral("error"))); // the documented error body
            QVERIFY(!refused.header("X-Traceid").isEmpty());
        }
        QCOMPARE(albumsNamed(QStringLiteral("Burst")), 0);
        QCOMPARE(createAlbum(QStringLiteral("Burst")).status, 200); // the burst is over
        QCOMPARE(albumsNamed(QStringLiteral("Burst")), 1);
        QCOMPARE(m_sim->server().http().scriptedFaultsServed(), 2);
        QCOMPARE(m_sim->server().http().scriptedFaultsLeft(), 0);
    }

    void tooManyRequestsSaysWhenToComeBack()
    {
        m_sim->server().http().scriptFaults({{Kind::RetryAfter, 429, 7}});
        const auto busy = m_sim->get(m_list);
        QCOMPARE(busy.status, 429);
        QCOMPARE(busy.header("Retry-After"), QByteArray("7"));
        QCOMPARE(m_sim->get(m_list).status, 200);
    }

    void aDroppedAnswerHidesAChangeThatWasMade()
    {
        m_sim->server().http().scriptFaults({{Kind::DropMidBody}});
        const auto dropped = createAlbum(QStringLiteral("Dropped"));
        QVERIFY(dropped.networkError != QNetworkReply::NoError);
        QCOMPARE(albumsNamed(QStringLiteral("Dropped")), 1); // done on the server, unknown to the client
        // The next answer is whole again.
        QCOMPARE(m_sim->get(m_list).status, 200);
    }

    void spoiledBodiesAreNotJson_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("contentType");
        QTest::newRow("truncated") << int(Kind::Truncated) << QByteArray("application/json");
        QTest::newRow("malformed") << int(Kind::Malformed) << QByteArray("application/json");
        QTest::newRow("a proxy's html page") << int(Kind::WrongContentType) << QByteArray("text/html");
    }
    void spoiledBodiesAreNotJson()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, contentType);
        const QByteArray whole = m_sim->get(m_list).body;
        m_sim->server().http().scriptFaults({{Kind(kind)}});
        const auto spoiled = m_sim->get(m_list);
        QCOMPARE(spoiled.status, 200);
        QVERIFY(spoiled.header("Content-Type").startsWith(contentType));
        QJsonParseError error;
        QJsonDocument::fromJson(spoiled.body, &error);
        QVERIFY2(error.error != QJsonParseError::NoError, spoiled.body.constData());
        // Half of the answer: its signed cover URLs may have been signed a second later than `whole`'s (as
        // happened on a slow machine), so the halves are compared by size and by their start.
        if (Kind(kind) == Kind::Truncated) {
            QCOMPARE(spoiled.body.size(), whole.size() / 2);
            QCOMPARE(spoiled.body.left(40), whole.left(40));
        }
    }

    void aSlowAnswerComesLate()
    {
        m_sim->server().http().scriptFaults({{Kind::Slow, 0, 0, 600}});
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(m_sim->get(m_list).status, 200);
        QVERIFY2(timer.elapsed() >= 600, qPrintable(QString::number(timer.elapsed())));
    }

    void stepsGoToTheirPathInOrder()
    {
        // The first step waits for a files call; album calls go by untouched. Then a pass, then a 500.
        m_sim->server().http().scriptFaults(
            {{Kind::Status, 502, 1, 0, 1, QStringLiteral("/koodrive/ose/v1/files")},
             {Kind::None, 0, 0, 0, 1, QStringLiteral("/koodrive/ose/v1/album")},
             {Kind::Status, 500, 1, 0, 1, QStringLiteral("/koodrive/ose/v1/album")}});
        QCOMPARE(m_sim->get(m_list).status, 200); // the pass
        QCOMPARE(m_sim->get(m_list).status, 500);
        QCOMPARE(m_sim->get(m_list).status, 200);
        const auto files =
            m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/files/0"),
                        QJsonDocument(QJsonObject{{QStringLiteral("containerId"), m_sim->containerId()},
                                                  {QStringLiteral("parentFileId"), QStringLiteral("root")}})
                            .toJson(QJsonDocument::Compact),
                        m_sim->commonHeaders() + SimFixture::Headers{{"Content-Type", "application/json"}});
        QCOMPARE(files.status, 502);
        QCOMPARE(m_sim->server().http().scriptedFaultsLeft(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFaultScript)
#include "tst_FaultScript.moc"
