// net::HttpAnswer: object storage's answer to a part, read under a byte budget, however the bytes arrive.
#include "net/HttpAnswer.h"

#include <QTest>

using koodrive::net::HttpAnswer;
using State = HttpAnswer::State;

namespace {
// Fed whole, then byte by byte, then in pieces of 7: the outcome may not depend on how the bytes arrive.
QList<HttpAnswer> readAllWays(const QByteArray &bytes, qint64 maxBody, bool closed = false)
{
    QList<HttpAnswer> answers;
    for (qint64 step : {bytes.size() + 1, qint64(1), qint64(7)}) {
        HttpAnswer answer(maxBody, 1024);
        for (qint64 at = 0; at < bytes.size() && !answer.failed() && !answer.isComplete(); at += step)
            answer.feed(bytes.mid(at, step));
        if (closed)
            answer.endOfStream();
        answers.append(answer);
    }
    return answers;
}
} // namespace

class TestHttpAnswer : public QObject
{
    Q_OBJECT

private slots:
    void delimitedAnswers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("closed");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("keepsConnection");
        QTest::addRow("length") << QByteArray(
                                       "HTTP/1.1 200 OK\r\nETag: \"a1\"\r\nContent-Length: 5\r\n\r\nhello")
                                << false << 200 << QByteArray("hello") << true;
        QTest::addRow("no body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << 200
                                 << QByteArray() << true;
        QTest::addRow("204") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n") << false << 204 << QByteArray()
                             << true;
        QTest::addRow("chunked") << QByteArray(
                                        "HTTP/1.1 403 Forbidden\r\nTransfer-Encoding: chunked\r\n\r\n"
                                        "5;ext=1\r\n<Erro\r\nA\r\nr>expired<\r\n0\r\nX-Trailer: t\r\n\r\n")
                                 << false << 403 << QByteArray("<Error>expired<") << true;
        QTest::addRow("until close") << QByteArray("HTTP/1.1 500 Oops\r\n\r\nsomething broke") << true << 500
                                     << QByteArray("something broke") << false;
        QTest::addRow("close asked")
            << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok") << false
            << 200 << QByteArray("ok") << false;
        QTest::addRow("http/1.0") << QByteArray("HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nok") << false
                                  << 200 << QByteArray("ok") << false;
        QTest::addRow("interim first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                          "HTTP/1.1 201 Created\r\nContent-Length: 1\r\n\r\n!")
            << false << 201 << QByteArray("!") << true;
        QTest::addRow("bare newlines") << QByteArray("HTTP/1.1 200 OK\nContent-Length: 3\n\nabc") << false
                                       << 200 << QByteArray("abc") << true;
        QTest::addRow("same length twice")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2, 2\r\nContent-Length: 2\r\n\r\nok") << false
            << 200 << QByteArray("ok") << true;
    }
    void delimitedAnswers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, closed);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(bool, keepsConnection);
        for (const HttpAnswer &answer : readAllWays(bytes, 64, closed)) {
            QCOMPARE(answer.state(), State::Complete);
            QCOMPARE(answer.status(), status);
            QCOMPARE(answer.body(), body);
            QCOMPARE(answer.keepsConnection(), keepsConnection);
        }
    }

    void whatFollowsTheAnswerIsNotTaken()
    {
        HttpAnswer answer(64);
        const QByteArray first = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
        QCOMPARE(answer.feed(first + "HTTP/1.1 200 OK\r\n"), first.size());
        QVERIFY(answer.isComplete());
        QCOMPARE(answer.body(), QByteArray("ok"));
        QCOMPARE(answer.header("content-length"), QByteArray("2"));
    }

    void budgetsAreKept_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("announced body")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 1073741824\r\n\r\n");
        QTest::addRow("counted body") << "HTTP/1.1 200 OK\r\n\r\n" + QByteArray(65, 'x');
        QTest::addRow("chunk") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n");
        QTest::addRow("chunks") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" +
                                       QByteArray("20\r\n") + QByteArray(32, 'a') + "\r\n21\r\n";
        QTest::addRow("head") << "HTTP/1.1 200 OK\r\nX-Long: " + QByteArray(2000, 'h') + "\r\n\r\n";
        QTest::addRow("endless head") << "HTTP/1.1 200 OK\r\n" + QByteArray(100000, 'h');
        QTest::addRow("endless chunk line")
            << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1;" + QByteArray(10000, 'e');
        QTest::addRow("endless trailers") << "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n" +
                                                 QByteArray("T: x\r\n").repeated(400);
        QTest::addRow("endless interim heads") << QByteArray("HTTP/1.1 100 Continue\r\n\r\n").repeated(100);
    }
    void budgetsAreKept()
    {
        QFETCH(QByteArray, bytes);
        for (const HttpAnswer &answer : readAllWays(bytes, 64)) {
            QCOMPARE(answer.state(), State::TooLarge);
            QVERIFY(answer.body().isEmpty());
        }
    }

    void notHttpIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addRow("not http") << QByteArray("<html>hello</html>\r\n\r\n");
        QTest::addRow("http/2 text") << QByteArray("HTTP/2 200\r\n\r\n");
        QTest::addRow("status 2000") << QByteArray("HTTP/1.1 2000 OK\r\n\r\n");
        QTest::addRow("status 099") << QByteArray("HTTP/1.1 099 Low\r\n\r\n");
        QTest::addRow("switching") << QByteArray("HTTP/1.1 101 Switching Protocols\r\n\r\n");
        QTest::addRow("folded") << QByteArray("HTTP/1.1 200 OK\r\nX-A: 1\r\n  folded\r\n\r\n");
        QTest::addRow("no name") << QByteArray("HTTP/1.1 200 OK\r\n: nameless\r\n\r\n");
        QTest::addRow("lengths differ")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok");
        QTest::addRow("length not a number") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n");
        QTest::addRow("chunk size not hex")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n");
        QTest::addRow("chunk size of 16 digits") // more than a qint64 holds (the fuzzer found it overflow)
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n");
        QTest::addRow("chunk not ended")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nokX\r\n");
    }
    void notHttpIsRefused()
    {
        QFETCH(QByteArray, bytes);
        for (const HttpAnswer &answer : readAllWays(bytes, 64))
            QCOMPARE(answer.state(), State::Malformed);
    }

    void anAnswerCutShortIsNotComplete()
    {
        for (const QByteArray &bytes :
             {QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel"),
              QByteArray("HTTP/1.1 200 OK\r\nCont"),
              QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel")}) {
            for (const HttpAnswer &answer : readAllWays(bytes, 64, true))
                QCOMPARE(answer.state(), State::Malformed);
        }
    }

    void aBothFramedAnswerDoesNotKeepTheConnection()
    {
        // Transfer-Encoding wins over Content-Length (RFC 9112 §6.3), and such a connection is not reused.
        HttpAnswer answer(64);
        answer.feed("HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: "
                    "chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n");
        QVERIFY(answer.isComplete());
        QCOMPARE(answer.body(), QByteArray("ok"));
        QVERIFY(!answer.keepsConnection());
    }
};

QTEST_GUILESS_MAIN(TestHttpAnswer)
#include "tst_HttpAnswer.moc"
