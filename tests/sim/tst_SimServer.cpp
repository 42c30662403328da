#include <QTest>
class TestSimServer : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestSimServer)
#include "tst_SimServer.moc"
