#include <QTest>
class TestFileCursor : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestFileCursor)
#include "tst_FileCursor.moc"
