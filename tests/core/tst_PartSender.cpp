// net::PartSender: the parts of an upload PUT to object storage, against a loopback server that answers as
// a storage does, and as a hostile one would (redirects elsewhere, endless or trickling answers, an answer
// before the part was sent, a kept connection that died).
#include "HostileServer.h"
#include "ProcessMemory.h"
#include "net/PartSender.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using koodrive::net::PartSender;
using koodrive::net::Transfer;
using koodrive::net::TransferPolicy;
using koodrive::test::HostileServer;
using koodrive::test::ProcessMemory;
using Failure = Transfer::Failure;

namespace {
constexpr qint64 MiB = 1024 * 1024;

// A certificate for 127.0.0.1 (subjectAltName IP:127.0.0.1, EC P-256, valid until 2126) and its key, made
// for this test with `openssl req -x509 -newkey ec …`: a storage on loopback that speaks TLS. Not a secret.
const char TestCertificate[] = "-----BEGIN CERTIFICATE-----\n"
                               "MIIBkDCCATagAwIBAgIUQe85KpZFMM8gst/Iky21tGTCJKAwCgYIKoZIzj0EAwIw\n"
                               "FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTIwMTAzMzEyOFoYDzIxMjYxMTA3\n"
                               "MDMzMTI4WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO\n"
                               "PQMBBwNCAAT578ENhA8OkcajdJtennWn7MbazB4prf1XAGWX+Hvzkrv9z0Wq0WhF\n"
                               "Y5XN/BHOJAkqWD7KYtDx3W0UrwaQmjJmo2QwYjAdBgNVHQ4EFgQUubwrlran0xUG\n"
                               "ztNoA22nxMcYwkUwHwYDVR0jBBgwFoAUubwrlran0xUGztNoA22nxMcYwkUwDwYD\n"
                               "VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC\n"
                               "IQC0xTamhtoigzkh9dylf0+u0wSNCkLL3sSN2l13wTaEiQIgD4C9vAGF/NNOszjo\n"
                               "FTCystRh9Tud2PTTphp/x1LwkCg=\n"
                               "-----END CERTIFICATE-----\n";
const char TestKey[] = "-----BEGIN PRIVATE KEY-----\n"
                       "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgt0SZxENFfjZYR5fI\n"
                       "3HjzHKekUV32hBEUFcPwxYMRrgChRANCAAT578ENhA8OkcajdJtennWn7MbazB4p\n"
                       "rf1XAGWX+Hvzkrv9z0Wq0WhFY5XN/BHOJAkqWD7KYtDx3W0UrwaQmjJm\n"
                       "-----END PRIVATE KEY-----\n";

// Object storage on loopback over TLS (QSslServer): answers every whole PUT with 200 and keeps it.
class TlsStorage final : public QObject
{
public:
    TlsStorage()
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(QByteArray(TestCertificate)));
        config.setPrivateKey(QSslKey(QByteArray(TestKey), QSsl::Ec));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        m_server.setSslConfiguration(config);
        m_server.listen(QHostAddress::LocalHost);
        connect(&m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                    QByteArray &buffer = m_buffers[socket];
                    buffer += socket->readAll();
                    koodrive::test::HttpRequest request;
                    while (koodrive::test::HttpRequest::take(buffer, &request)) {
                        requests.append(request);
                        socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
                    }
                });
            }
        });
    }
    QUrl url(const QString &path) const
    {
        return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path));
    }
    QList<koodrive::test::HttpRequest> requests;

private:
    QSslServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
} // namespace

class TestPartSender : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_bytes;
    std::unique_ptr<HostileServer> m_storage;
    std::unique_ptr<HostileServer> m_elsewhere;

    QUrl partUrl(const HostileServer &server, int number) const
    {
        return QUrl(server.url().toString() +
                    QStringLiteral("/bucket/part%1?X-Amz-Signature=abc").arg(number));
    }
    PartSender::Part part(int number, qint64 offset, qint64 size) const
    {
        return {partUrl(*m_storage, number),     "application/octet-stream", m_path, offset, size,
                TransferPolicy::uploadPart(size)};
    }
    // Sends and waits for finished(); false when it did not come.
    static bool sendAndWait(PartSender &sender, const PartSender::Part &part, int timeoutMs = 20000)
    {
        QSignalSpy finished(&sender, &PartSender::finished);
        sender.send(part);
        return finished.wait(timeoutMs) && finished.size() == 1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("photo.jpg"));
        m_bytes.resize(3 * MiB + 5);
        QRandomGenerator(7).fillRange(reinterpret_cast<quint32 *>(m_bytes.data()), int(m_bytes.size() / 4));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(m_bytes), m_bytes.size());
    }

    void init()
    {
        m_storage = std::make_unique<HostileServer>();
        m_elsewhere = std::make_unique<HostileServer>(QHostAddress(QStringLiteral("127.0.0.2")));
    }

    void partsArriveByteForByteOnOneConnection()
    {
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::reply(200, {}, {{"ETag", "\"e\""}}));
        PartSender sender;
        QList<qint64> progress;
        connect(&sender, &PartSender::sent, this, [&progress](qint64 sent, qint64) { progress << sent; });
        const qint64 sizes[] = {MiB + 3, MiB, MiB + 2};
        qint64 offset = 0;
        for (int i = 0; i < 3; ++i) {
            progress.clear();
            QVERIFY(sendAndWait(sender, part(i + 1, offset, sizes[i])));
            QCOMPARE(sender.outcome().failure, Failure::None);
            QCOMPARE(sender.outcome().status, 200);
            QVERIFY(!sender.outcome().answeredEarly);
            QVERIFY(std::is_sorted(progress.cbegin(), progress.cend()));
            QCOMPARE(progress.constLast(), sizes[i]);
            const auto &request = m_storage->requests().at(i);
            QCOMPARE(request.method, QByteArray("PUT"));
            QCOMPARE(request.target, "/bucket/part" + QByteArray::number(i + 1) + "?X-Amz-Signature=abc");
            QCOMPARE(request.header("Content-Length"), QByteArray::number(sizes[i]));
            QCOMPARE(request.header("Content-Type"), QByteArray("application/octet-stream"));
            QCOMPARE(request.header("Host"), m_storage->url().authority().toLatin1());
            QVERIFY(request.header("Authorization").isEmpty());
            QVERIFY(request.header("X-User-Id").isEmpty());
            QVERIFY(request.body == m_bytes.mid(offset, sizes[i]));
            offset += sizes[i];
        }
        QCOMPARE(sender.connectionsOpened(), 1); // keep-alive: the parts of one origin share a connection
    }

    void aKeptConnectionThatDiedIsReplacedOnce()
    {
        // The storage closes the kept connection instead of answering part 2: it goes again on a new one.
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::reply(200, {}));
        m_storage->on(
            QStringLiteral("/bucket/part2"),
            [](const HostileServer::Request &, QTcpSocket *socket) { socket->abort(); }, 1);
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, MiB)));
        QVERIFY(sendAndWait(sender, part(2, MiB, MiB)));
        QCOMPARE(sender.outcome().failure, Failure::None);
        QCOMPARE(sender.outcome().status, 200);
        QCOMPARE(sender.connectionsOpened(), 2);
        QCOMPARE(m_storage->requestCount(), 3);
        QVERIFY(m_storage->requests().at(2).body == m_bytes.mid(MiB, MiB));

        // A storage that always hangs up: once more on a fresh connection, then a network error.
        m_storage->on(QStringLiteral("/bucket/part3"),
                      [](const HostileServer::Request &, QTcpSocket *socket) { socket->abort(); });
        QVERIFY(sendAndWait(sender, part(3, 2 * MiB, MiB)));
        QCOMPARE(sender.outcome().failure, Failure::Network);
        QVERIFY(!sender.outcome().errorString.isEmpty());
        QCOMPARE(m_storage->requestCount(), 5);
    }

    void bytesPastAnAnswerEndTheConnection()
    {
        // An answer followed by bytes no request asked for (a second answer, junk): the connection is not
        // trusted with the next part, which goes on a fresh one and gets its own answer.
        m_storage->on(QStringLiteral("/bucket/part1"),
                      [](const HostileServer::Request &, QTcpSocket *socket) {
                          socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"
                                        "HTTP/1.1 500 Smuggled\r\nContent-Length: 0\r\n\r\n");
                      });
        m_storage->on(QStringLiteral("/bucket/part2"), HostileServer::reply(200, {}));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, 1000)));
        QCOMPARE(sender.outcome().status, 200);
        QVERIFY(sendAndWait(sender, part(2, 1000, 1000)));
        QCOMPARE(sender.outcome().status, 200);
        QCOMPARE(sender.connectionsOpened(), 2);
    }

    void noPartFollowsARedirectToAnotherOrigin_data()
    {
        QTest::addColumn<int>("status");
        for (int status : {301, 302, 307, 308})
            QTest::addRow("%d", status) << status;
    }
    void noPartFollowsARedirectToAnotherOrigin()
    {
        QFETCH(int, status);
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::redirectTo(status, m_elsewhere->url()));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, MiB)));
        QCOMPARE(sender.outcome().failure, Failure::CrossOriginRedirect);
        QCOMPARE(sender.outcome().refusedUrl.host(), QStringLiteral("127.0.0.2"));
        QCOMPARE(m_elsewhere->requestCount(), 0);
    }

    void a303IsAnAnswerNotAHop()
    {
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::redirectTo(303, m_storage->url()));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, MiB)));
        QCOMPARE(sender.outcome().failure, Failure::None);
        QCOMPARE(sender.outcome().status, 303);
        QCOMPARE(m_storage->requestCount(), 1);
    }

    void aRedirectOnTheSameOriginGetsThePartAgain()
    {
        m_storage->on(
            QStringLiteral("/bucket/part1"),
            HostileServer::redirect(307, QUrl(m_storage->url().toString() + QStringLiteral("/moved/p1"))));
        m_storage->on(QStringLiteral("/moved/"), HostileServer::reply(200, {}));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 5, MiB)));
        QCOMPARE(sender.outcome().status, 200);
        QCOMPARE(m_storage->requestCount(), 2);
        QCOMPARE(m_storage->requests().at(1).path(), QStringLiteral("/moved/p1"));
        QVERIFY(m_storage->requests().at(1).body == m_bytes.mid(5, MiB));
    }

    void aRedirectLoopEnds()
    {
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::redirectTo(307, m_storage->url()));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, 1000)));
        QCOMPARE(sender.outcome().failure, Failure::TooManyRedirects);
        QCOMPARE(m_storage->requestCount(), 1); // the first hop is back to where it began
        m_storage->clearBehaviours();
        m_storage->on(QStringLiteral("/bucket/"),
                      [this](const HostileServer::Request &request, QTcpSocket *socket) {
                          HostileServer::redirect(307, QUrl(m_storage->url().toString() +
                                                            QString::fromLatin1(request.target) +
                                                            QStringLiteral("x")))(request, socket);
                      });
        QVERIFY(sendAndWait(sender, part(1, 0, 1000)));
        QCOMPARE(sender.outcome().failure, Failure::TooManyRedirects);
        QCOMPARE(m_storage->requestCount(), 1 + 4); // the first and three hops
    }

    void plainHttpGoesToLoopbackOnly()
    {
        PartSender sender;
        PartSender::Part away = part(1, 0, 1000);
        away.url = QUrl(QStringLiteral("http://storage.example.com/bucket/p1?X-Amz-Signature=abc"));
        QVERIFY(sendAndWait(sender, away, 1000));
        QCOMPARE(sender.outcome().failure, Failure::Insecure);
        QCOMPARE(sender.connectionsOpened(), 0);
    }

    void endlessAndHugeAnswersAreNotRead_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addRow("endless") << 0;
        QTest::addRow("1 GiB announced") << 1;
        QTest::addRow("1 GiB not announced") << 2;
    }
    void endlessAndHugeAnswersAreNotRead()
    {
        QFETCH(int, kind);
        if (kind == 0)
            m_storage->on(QStringLiteral("/bucket/"),
                          m_storage->endless("<Error>", QByteArray(64 * 1024, 'e')));
        else
            m_storage->on(QStringLiteral("/bucket/"),
                          m_storage->huge("application/xml", 1LL << 30, kind == 1));
        ProcessMemory::resetPeak();
        const qint64 before = ProcessMemory::residentBytes();
        QElapsedTimer timer;
        timer.start();
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 0, MiB)));
        QCOMPARE(sender.outcome().failure, Failure::TooLarge);
        QVERIFY(sender.outcome().body.isEmpty());
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
        const qint64 growth = ProcessMemory::peakResidentBytes() - before;
        QVERIFY2(growth < 32 * MiB, qPrintable(QStringLiteral("%1 MiB").arg(growth / MiB)));
    }

    void aTrickleEndsAtTheDeadline()
    {
        m_storage->on(QStringLiteral("/bucket/"), m_storage->trickle(QByteArray(1000, 't'), 100));
        PartSender::Part slow = part(1, 0, 1000);
        slow.policy.deadlineMs = 1500;
        slow.policy.idleTimeoutMs = 1000; // each byte comes sooner than this: only the deadline can end it
        PartSender sender;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(sendAndWait(sender, slow, 10000));
        QCOMPARE(sender.outcome().failure, Failure::Deadline);
        QVERIFY2(timer.elapsed() >= 1400 && timer.elapsed() < 4000,
                 qPrintable(QString::number(timer.elapsed())));
    }

    void aSilentStorageEndsAtTheIdleTime()
    {
        m_storage->on(QStringLiteral("/bucket/"), [](const HostileServer::Request &, QTcpSocket *) {});
        PartSender::Part silent = part(1, 0, 1000);
        silent.policy.idleTimeoutMs = 500;
        PartSender sender;
        QVERIFY(sendAndWait(sender, silent, 10000));
        QCOMPARE(sender.outcome().failure, Failure::IdleTimeout);
    }

    void anAnswerBeforeThePartEndsIsTheAnswer()
    {
        // S3 and OBS refuse an expired signature as soon as they have read the head (and read on, discarding
        // the rest, until the client hangs up).
        QTcpServer early;
        QVERIFY(early.listen(QHostAddress::LocalHost));
        qint64 received = 0;
        connect(&early, &QTcpServer::newConnection, this, [&early, &received] {
            QTcpSocket *socket = early.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
                received += socket->readAll().size();
                if (socket->property("answered").toBool())
                    return;
                socket->setProperty("answered", true);
                const QByteArray body =
                    "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>";
                socket->write(
                    "HTTP/1.1 403 Forbidden\r\nContent-Type: application/xml\r\nConnection: close\r\n"
                    "Content-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + body);
            });
        });
        const qint64 big = 64 * MiB;
        const QString bigPath = m_dir.filePath(QStringLiteral("big.bin"));
        QFile file(bigPath);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(big));
        file.close();
        PartSender sender;
        QVERIFY(sendAndWait(sender,
                            {QUrl(QStringLiteral("http://127.0.0.1:%1/bucket/p1").arg(early.serverPort())),
                             "application/octet-stream", bigPath, 0, big, TransferPolicy::uploadPart(big)}));
        QCOMPARE(sender.outcome().failure, Failure::None);
        QCOMPARE(sender.outcome().status, 403);
        QVERIFY(sender.outcome().answeredEarly);
        QVERIFY(sender.outcome().body.contains("Request has expired"));
        QVERIFY2(received < big, qPrintable(QString::number(received)));
    }

    void aFileShorterThanPlannedSendsNothing()
    {
        m_storage->on(QStringLiteral("/bucket/"), HostileServer::reply(200, {}));
        PartSender sender;
        QVERIFY(sendAndWait(sender, part(1, 3 * MiB, MiB)));
        QVERIFY(!sender.outcome().localError.isEmpty());
        QCOMPARE(m_storage->requestCount(), 0);
        PartSender::Part gone = part(1, 0, 10);
        gone.path = m_dir.filePath(QStringLiteral("not there.jpg"));
        QVERIFY(sendAndWait(sender, gone));
        QVERIFY(!sender.outcome().localError.isEmpty());
        QCOMPARE(m_storage->requestCount(), 0);
    }

    void aStorageWithAnUntrustedCertificateGetsNothing()
    {
        TlsStorage storage;
        PartSender sender;
        QVERIFY(sendAndWait(sender,
                            {storage.url(QStringLiteral("/bucket/p1?X-Amz-Signature=abc")),
                             "application/octet-stream", m_path, 0, MiB, TransferPolicy::uploadPart(MiB)}));
        QCOMPARE(sender.outcome().failure, Failure::Insecure);
        QVERIFY(!sender.outcome().errorString.isEmpty());
        QVERIFY(storage.requests.isEmpty());
    }

    void partsGoOverTls()
    {
        // The same storage, its certificate trusted (as a real one's issuer is): parts arrive whole, on
        // one encrypted connection.
        const QSslConfiguration before = QSslConfiguration::defaultConfiguration();
        QSslConfiguration trusting = before;
        trusting.addCaCertificate(QSslCertificate(QByteArray(TestCertificate)));
        QSslConfiguration::setDefaultConfiguration(trusting);
        const auto restore = qScopeGuard([&before] { QSslConfiguration::setDefaultConfiguration(before); });
        TlsStorage storage;
        PartSender sender;
        for (int i = 0; i < 2; ++i) {
            QVERIFY(sendAndWait(sender, {storage.url(QStringLiteral("/bucket/p%1").arg(i + 1)),
                                         "application/octet-stream", m_path, i * MiB, MiB,
                                         TransferPolicy::uploadPart(MiB)}));
            QVERIFY2(sender.outcome().failure == Failure::None, qPrintable(sender.outcome().errorString));
            QCOMPARE(sender.outcome().status, 200);
        }
        QCOMPARE(storage.requests.size(), 2);
        QVERIFY(storage.requests.at(1).body == m_bytes.mid(MiB, MiB));
        QCOMPARE(sender.connectionsOpened(), 1);
    }

    void abortStopsWithoutFinishing()
    {
        m_storage->on(QStringLiteral("/bucket/"), [](const HostileServer::Request &, QTcpSocket *) {});
        PartSender sender;
        QSignalSpy finished(&sender, &PartSender::finished);
        sender.send(part(1, 0, MiB));
        QTRY_COMPARE(m_storage->requestCount(), 1);
        sender.abort();
        QVERIFY(!sender.isBusy());
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        m_storage->on(QStringLiteral("/bucket/part2"), HostileServer::reply(200, {}));
        QVERIFY(sendAndWait(sender, part(2, 0, 100)));
        QCOMPARE(sender.outcome().status, 200);
    }
};

QTEST_GUILESS_MAIN(TestPartSender)
#include "tst_PartSender.moc"
