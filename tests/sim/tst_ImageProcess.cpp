#include <QTest>
class TestImageProcess : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestImageProcess)
#include "tst_ImageProcess.moc"
