// desktop::AppInstance: a second start of the app hands its request to the first over a local socket. What
// arrives there is checked like anything else from outside: only a well-formed request of absolute local
// paths is taken.
#include "desktop/AppInstance.h"

#include <QDir>
#include <QFile>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent>

using koodrive::desktop::AppInstance;
using koodrive::desktop::StartRequest;

class TestAppInstance : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString key() const { return AppInstance::keyFor(m_dir.filePath(QStringLiteral("data"))); }

private slots:
    void aRequestGoesAcrossWhole()
    {
        const StartRequest request{
            {QStringLiteral("/home/someone/Pictures/a b.jpg"), QStringLiteral("/home/someone/Pictures/旅行")},
            QStringLiteral("Trip"),
            QStringLiteral("Pictures/2024"),
            true};
        const auto decoded = AppInstance::decode(AppInstance::encode(request).trimmed());
        QVERIFY(decoded);
        QCOMPARE(decoded->files, request.files);
        QCOMPARE(decoded->album, request.album);
        QCOMPARE(decoded->openPath, request.openPath);
        QVERIFY(decoded->hasOpenPath);
        QVERIFY(!AppInstance::decode(AppInstance::encode({}).trimmed())->hasOpenPath);
    }

    void whatIsNotARequestIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not JSON") << QByteArray("files=/etc/passwd");
        QTest::newRow("an array") << QByteArray(R"(["/a.jpg"])");
        QTest::newRow("a relative path") << QByteArray(R"({"files":["a.jpg"],"album":""})");
        QTest::newRow("a path that is not a string") << QByteArray(R"({"files":[1],"album":""})");
        QTest::newRow("no album") << QByteArray(R"({"files":[]})");
        QTest::newRow("an open path that is not a string")
            << QByteArray(R"({"files":[],"album":"","open":7})");
    }
    void whatIsNotARequestIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QVERIFY(!AppInstance::decode(bytes));
    }

    void aSecondStartHandsItsRequestToTheFirst()
    {
        QVERIFY(!AppInstance::handOver(key(), {}, 500)); // nobody listens yet: this start is the app
        AppInstance first;
        QVERIFY(first.listen(key()));
        QSignalSpy requested(&first, &AppInstance::requested);
        const StartRequest request{{QStringLiteral("/tmp/x.jpg")}, QStringLiteral("Trip"), QString(), false};
        // The second start blocks while it waits for the answer: it runs on a thread of its own here.
        QFuture<bool> handed =
            QtConcurrent::run([this, request] { return AppInstance::handOver(key(), request); });
        QTRY_COMPARE(requested.size(), 1);
        QTRY_VERIFY(handed.isFinished());
        QVERIFY(handed.result());
        const auto got = requested.first().first().value<StartRequest>();
        QCOMPARE(got.files, request.files);
        QCOMPARE(got.album, QStringLiteral("Trip"));
    }

    void aPeerThatSendsNonsenseGetsNothingDone()
    {
        AppInstance first;
        QVERIFY(first.listen(key()));
        QSignalSpy requested(&first, &AppInstance::requested);
        QLocalSocket peer;
        peer.connectToServer(key());
        QVERIFY(peer.waitForConnected(2000));
        peer.write("{\"files\":[\"relative.jpg\"],\"album\":\"\"}\n");
        QTRY_VERIFY(peer.canReadLine() || peer.state() != QLocalSocket::ConnectedState);
        QCOMPARE(peer.readLine().trimmed(), QByteArray("refused"));
        // Past the size a request may have, without a line's end: cut off.
        QLocalSocket flood;
        flood.connectToServer(key());
        QVERIFY(flood.waitForConnected(2000));
        flood.write(QByteArray(AppInstance::MaxRequestBytes + 4096, 'x'));
        QTRY_COMPARE(flood.state(), QLocalSocket::UnconnectedState);
        QCOMPARE(requested.size(), 0);
    }

    void aSocketLeftByACopyThatCrashedIsReplaced()
    {
        // A copy killed for real leaves its socket's name behind (here, a file where the socket was).
        QFile left(QDir::temp().filePath(key()));
        QVERIFY(left.open(QIODevice::WriteOnly));
        left.close();
        AppInstance next;
        QVERIFY(next.listen(key()));
        QLocalSocket peer;
        peer.connectToServer(key());
        QVERIFY(peer.waitForConnected(2000));
    }
};

QTEST_GUILESS_MAIN(TestAppInstance)
#include "tst_AppInstance.moc"
