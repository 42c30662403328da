#include <QTest>
class TestJsonFields : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestJsonFields)
#include "tst_JsonFields.moc"
