// The viewer's zoom and pan in the real window (offscreen), as a person uses them: the wheel zooms around
// the pointer, a drag pans by the distance dragged, F / 1 / 2 fit and zoom to 100 % and 200 %, the arrows pan
// when zoomed and step when fitted, a double-click goes between fitted and 100 %, and the original, fetched
// when zoomed past the fitted copy, takes its place without the picture moving.
#include "MainWindowTesting.h"
#include "viewer/PhotoViewer.h"

#include <QWheelEvent>

using namespace koodrive;

class TestMainWindowViewer : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    ui::PhotoViewer *viewer() const { return m_window->viewer(); }

    // The Camera folder's first photo in the viewer, loaded (the fitted copy).
    void openFirstPhoto()
    {
        openCamera();
        doubleClick(m_window->grid(), m_window->grid()->model()->index(0, 0));
        QTRY_VERIFY(viewer()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->isLoaded() && viewer()->fullSize().isValid(), 20000);
        QVERIFY(viewer()->isFitting());
        // A photo the view cannot show whole at 100 %: zoom and pan have room.
        QVERIFY2(viewer()->fullSize().width() > viewer()->width() ||
                     viewer()->fullSize().height() > viewer()->height(),
                 qPrintable(QStringLiteral("%1x%2 in %3x%4")
                                .arg(viewer()->fullSize().width())
                                .arg(viewer()->fullSize().height())
                                .arg(viewer()->width())
                                .arg(viewer()->height())));
    }

    // The original's pixel under a point of the viewer.
    QPointF pictureAt(QPointF pos) const
    {
        const QRectF shown = viewer()->pictureRect();
        return (pos - shown.topLeft()) / viewer()->zoom();
    }

    void wheel(QPointF pos, int notches)
    {
        QWheelEvent event(pos, viewer()->mapToGlobal(pos), QPoint(), QPoint(0, 120 * notches), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QCoreApplication::sendEvent(viewer(), &event);
    }

    void mouse(QEvent::Type type, QPointF pos, Qt::MouseButtons buttons)
    {
        QMouseEvent event(type, pos, viewer()->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
        QCoreApplication::sendEvent(viewer(), &event);
    }

    static bool near(QPointF a, QPointF b, qreal within = 0.5)
    {
        return std::abs(a.x() - b.x()) <= within && std::abs(a.y() - b.y()) <= within;
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowViewer"); }
    void init() { openFreshWindow(); }
    void cleanup() { closeAll(); }

    void theWheelZoomsAroundThePointer()
    {
        openFirstPhoto();
        const qreal fitted = viewer()->zoom();
        const QPointF pointer = QPointF(viewer()->width() * 0.3, viewer()->height() * 0.6);
        const QPointF under = pictureAt(pointer);
        wheel(pointer, 2);
        QVERIFY(!viewer()->isFitting());
        QCOMPARE(qRound(viewer()->zoom() / fitted * 1000), qRound(1.25 * 1.25 * 1000));
        QVERIFY2(near(pictureAt(pointer), under), qPrintable(QStringLiteral("(%1, %2) was (%3, %4)")
                                                                 .arg(pictureAt(pointer).x())
                                                                 .arg(pictureAt(pointer).y())
                                                                 .arg(under.x())
                                                                 .arg(under.y())));
        // And back: out past the fit, fitted again.
        wheel(pointer, -5);
        QVERIFY(viewer()->isFitting());
        QCOMPARE(viewer()->zoom(), fitted);
    }

    void aDragPansByTheDistanceDragged()
    {
        openFirstPhoto();
        QCOMPARE(viewer()->cursor().shape(), Qt::ArrowCursor); // fitted: nothing to pan
        QTest::keyClick(viewer(), Qt::Key_2);
        QCOMPARE(viewer()->cursor().shape(), Qt::OpenHandCursor);
        const QRectF before = viewer()->pictureRect();
        const QPointF from = QPointF(viewer()->width() / 2.0, viewer()->height() / 2.0);
        mouse(QEvent::MouseButtonPress, from, Qt::LeftButton);
        QCOMPARE(viewer()->cursor().shape(), Qt::ClosedHandCursor);
        mouse(QEvent::MouseMove, from + QPointF(20, 10), Qt::LeftButton);
        mouse(QEvent::MouseMove, from + QPointF(45, -30), Qt::LeftButton);
        mouse(QEvent::MouseButtonRelease, from + QPointF(45, -30), Qt::NoButton);
        QCOMPARE(viewer()->cursor().shape(), Qt::OpenHandCursor);
        QVERIFY(near(viewer()->pictureRect().topLeft(), before.topLeft() + QPointF(45, -30)));
        QCOMPARE(viewer()->pictureRect().size(), before.size());
    }

    void fitOneHundredAndTwoHundredPercent()
    {
        openFirstPhoto();
        const QSize full = viewer()->fullSize();
        const qreal ratio = viewer()->devicePixelRatioF();
        QRectF shown = viewer()->pictureRect();
        // Fitted: whole, touching two sides, centred.
        QVERIFY(shown.width() <= viewer()->width() + 0.5 && shown.height() <= viewer()->height() + 0.5);
        QVERIFY(qAbs(shown.width() - viewer()->width()) < 1 || qAbs(shown.height() - viewer()->height()) < 1);
        QVERIFY(near(shown.center(), QRectF(viewer()->rect()).center()));

        // 100 %: a pixel of the original to a pixel of the screen; the original is fetched and takes the
        // fitted copy's place without the picture moving.
        QTest::keyClick(viewer(), Qt::Key_1);
        QVERIFY(!viewer()->isFitting());
        shown = viewer()->pictureRect();
        QCOMPARE(shown.size(), QSizeF(full) / ratio);
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->image().size() == full, 20000);
        QCOMPARE(viewer()->pictureRect(), shown);

        QTest::keyClick(viewer(), Qt::Key_2);
        QCOMPARE(viewer()->pictureRect().size(), QSizeF(full) * 2 / ratio);
        QTest::keyClick(viewer(), Qt::Key_Minus);
        QCOMPARE(qRound(viewer()->zoom() * ratio * 100), 160);
        QTest::keyClick(viewer(), Qt::Key_Plus);
        QCOMPARE(qRound(viewer()->zoom() * ratio * 100), 200);
        QTest::keyClick(viewer(), Qt::Key_F);
        QVERIFY(viewer()->isFitting());
        QVERIFY(viewer()->pictureRect().width() <= viewer()->width() + 0.5);
    }

    void theArrowsPanWhenZoomedAndStepWhenFitted()
    {
        openFirstPhoto();
        const int row = viewer()->currentRow();
        QTest::keyClick(viewer(), Qt::Key_2);
        const QRectF before = viewer()->pictureRect();
        QTest::keyClick(viewer(), Qt::Key_Right); // the view goes right: the picture moves left
        QCOMPARE(viewer()->currentRow(), row);
        QVERIFY(
            near(viewer()->pictureRect().topLeft(), before.topLeft() - QPointF(viewer()->width() * 0.1, 0)));
        QTest::keyClick(viewer(), Qt::Key_Down);
        QVERIFY(near(viewer()->pictureRect().topLeft(),
                     before.topLeft() - QPointF(viewer()->width() * 0.1, viewer()->height() * 0.1)));
        // Panned to the edge, it stops there: the picture never leaves the view uncovered.
        for (int i = 0; i < 100; ++i)
            QTest::keyClick(viewer(), Qt::Key_Left);
        QVERIFY(qAbs(viewer()->pictureRect().left()) < 0.5);
        QCOMPARE(viewer()->currentRow(), row);

        QTest::keyClick(viewer(), Qt::Key_F);
        QTest::keyClick(viewer(), Qt::Key_Right);
        QVERIFY(viewer()->currentRow() > row);
        QVERIFY(viewer()->isFitting()); // each photo opens fitted
    }

    void aDoubleClickGoesBetweenFittedAndActualSizeAroundThePoint()
    {
        openFirstPhoto();
        const QPoint at(qRound(viewer()->width() * 0.4), qRound(viewer()->height() * 0.45));
        const QPointF under = pictureAt(at);
        QTest::mouseDClick(viewer(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(!viewer()->isFitting());
        QCOMPARE(viewer()->zoom(), 1.0 / viewer()->devicePixelRatioF());
        QVERIFY(near(pictureAt(at), under, 1.0));
        QVERIFY(viewer()->isVisible()); // it stays open: Esc goes back
        QTest::mouseDClick(viewer(), Qt::LeftButton, Qt::NoModifier, at);
        QVERIFY(viewer()->isFitting());
    }
};

QTEST_MAIN(TestMainWindowViewer)
#include "tst_MainWindowViewer.moc"
