#include <QTest>
class TestRequestGuard : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestRequestGuard)
#include "tst_RequestGuard.moc"
