#include <QTest>
class TestDemoLibrary : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestDemoLibrary)
#include "tst_DemoLibrary.moc"
