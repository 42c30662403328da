#include <QTest>
class TestAccountRoutes : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestAccountRoutes)
#include "tst_AccountRoutes.moc"
