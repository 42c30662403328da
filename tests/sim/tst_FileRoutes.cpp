#include <QTest>
class TestFileRoutes : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestFileRoutes)
#include "tst_FileRoutes.moc"
