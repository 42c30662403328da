#include <QTest>
class TestUrlSigner : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestUrlSigner)
#include "tst_UrlSigner.moc"
