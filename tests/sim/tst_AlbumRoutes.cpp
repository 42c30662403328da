#include <QTest>
class TestAlbumRoutes : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_MAIN(TestAlbumRoutes)
#include "tst_AlbumRoutes.moc"
