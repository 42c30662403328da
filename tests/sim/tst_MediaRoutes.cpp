#include <QTest>
class TestMediaRoutes : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestMediaRoutes)
#include "tst_MediaRoutes.moc"
