// The viewer's zoom and pan in the real window (offscreen), as a person uses them: the wheel zooms around
// the pointer, a drag pans by the distance dragged, F / 1 / 2 fit and zoom to 100 % and 200 %, the arrows pan
// when zoomed and step when fitted, a double-click goes between fitted and 100 %, and the original, fetched
// when zoomed past the fitted copy, takes its place without the picture moving. F11 (and a slideshow) shows
// the viewer alone on the screen, and the window comes back exactly as it was.
#include "DemoClips.h"
#include "HostileServer.h"
#include "MainWindowTesting.h"
#include "TestPhotos.h"
#include "media/PlaybackLink.h"
#include "models/FolderModel.h"
#include "text/DisplayText.h"
#include "viewer/InfoPanel.h"
#include "viewer/PhotoViewer.h"
#include "viewer/VideoPane.h"
#include "widgets/MessageBar.h"

#include <QApplication>
#include <QDockWidget>
#include <QFileDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMimeDatabase>
#include <QPushButton>
#include <QScreen>
#include <QSlider>
#include <QSplitter>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QWheelEvent>

using namespace koodrive;

class TestMainWindowViewer : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    ui::PhotoViewer *viewer() const { return m_window->viewer(); }
    std::unique_ptr<test::HostileServer> m_front; // in front of the library, for a test that scripts answers

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

    // The Videos folder's row-th video in the viewer, playing.
    void openVideo(int row)
    {
        openFolder(QStringLiteral("Videos"), 10);
        doubleClick(m_window->grid(), m_window->grid()->model()->index(row, 0));
        QTRY_VERIFY(viewer()->isVisible());
        QTRY_VERIFY(viewer()->isVideoShown());
    }
    int downloadCalls() const
    {
        return m_sim->server().http().callsTo("POST", QStringLiteral("/koodrive/ose/v1/files/download"));
    }
    // A frame a person would call a picture: not black, not one flat colour.
    static bool looksLikeAPicture(const QImage &frame)
    {
        if (frame.isNull())
            return false;
        const QImage small = frame.scaled(32, 18, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                                 .convertToFormat(QImage::Format_RGB32);
        qint64 sum = 0;
        int lowest = 255, highest = 0;
        for (int y = 0; y < small.height(); ++y)
            for (int x = 0; x < small.width(); ++x) {
                const int grey = qGray(small.pixel(x, y));
                sum += grey;
                lowest = std::min(lowest, grey);
                highest = std::max(highest, grey);
            }
        return sum / (small.width() * small.height()) > 30 && highest - lowest > 60;
    }

    static bool near(QPointF a, QPointF b, qreal within = 0.5)
    {
        return std::abs(a.x() - b.x()) <= within && std::abs(a.y() - b.y()) <= within;
    }

    // What the server has for a file: its detail (files-list.txt's File), asked of it directly.
    QJsonObject serverDetail(const QString &fileId)
    {
        return m_sim
            ->post(QStringLiteral("/koodrive/ose/v1/files/%1/detail").arg(fileId),
                   QJsonObject{{QStringLiteral("containerId"), m_sim->containerId()}})
            .json;
    }
    // The folders a file is in, below the drive, by the server's own account of each one's parent.
    QStringList serverFolders(const QString &fileId)
    {
        QStringList names;
        QString id = serverDetail(fileId).value(QStringLiteral("parentFolder")).toArray().at(0).toString();
        for (int level = 0; level < 64 && !id.isEmpty() && id != m_sim->rootId(); ++level) {
            const QJsonObject folder = serverDetail(id);
            names.prepend(folder.value(QStringLiteral("fileName")).toString());
            id = folder.value(QStringLiteral("parentFolder")).toArray().at(0).toString();
        }
        return names;
    }
    // A time of the server's (RFC 3339) as the info panel's dates read: the day in full, in local time.
    static QString dayOf(const QJsonValue &time)
    {
        return QLocale().toString(
            QDateTime::fromString(time.toString(), Qt::ISODateWithMs).toLocalTime().date(),
            QLocale::LongFormat);
    }

private slots:
    // Run twice by CTest, offscreen and in a real X window (xvfb-run), maybe at once: settings of each's own.
    void initTestCase()
    {
        useScratchSettings(QGuiApplication::platformName() == QLatin1String("xcb") ? "tst_MainWindowViewerX11"
                           : qEnvironmentVariableIsSet("GST_PLUGIN_FEATURE_RANK")
                               ? "tst_MainWindowViewerNoHevc"
                               : "tst_MainWindowViewer");
    }
    void init() { openFreshWindow(); }
    void cleanup()
    {
        closeAll();
        m_front.reset();
    }

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
        // Fitted: whole, touching two sides, centred, and above the caption, which covers none of it.
        const QRect area = viewer()->photoArea();
        QVERIFY(shown.width() <= area.width() + 0.5 && shown.height() <= area.height() + 0.5);
        QVERIFY(qAbs(shown.width() - area.width()) < 1 || qAbs(shown.height() - area.height()) < 1);
        QVERIFY(near(shown.center(), QRectF(area).center()));
        QVERIFY(!viewer()->captionRect().isEmpty());
        QVERIFY(!shown.intersects(QRectF(viewer()->captionRect())));

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
        // Fitted again, the fitted copy is painted (decoded to the view's size), not the original scaled
        // down at each paint (aliased, and slower).
        QVERIFY(viewer()->shownImage().width() < full.width());
        QVERIFY(viewer()->shownImage().width() >= viewer()->pictureRect().width() * ratio - 1);
    }

    void theArrowsPanWhenZoomedAndStepWhenFitted()
    {
        openFirstPhoto();
        const int row = viewer()->currentRow();
        QTest::keyClick(viewer(), Qt::Key_2);
        const QRectF before = viewer()->pictureRect();
        QTest::keyClick(viewer(), Qt::Key_Right); // the view goes right: the picture moves left
        QCOMPARE(viewer()->currentRow(), row);
        const QSizeF step = QSizeF(viewer()->photoArea().size()) * 0.1;
        QVERIFY(near(viewer()->pictureRect().topLeft(), before.topLeft() - QPointF(step.width(), 0)));
        QTest::keyClick(viewer(), Qt::Key_Down);
        QVERIFY(
            near(viewer()->pictureRect().topLeft(), before.topLeft() - QPointF(step.width(), step.height())));
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

    // F11 shows the viewer alone on the screen and brings the window back exactly as it was; a slideshow
    // starts full screen; Esc leaves full screen (and the slideshow) first, then the viewer.
    void fullScreenAndBackExactlyAsItWas()
    {
        openFirstPhoto();
        auto *splitter = qobject_cast<QSplitter *>(m_window->centralWidget());
        QVERIFY(splitter);
        const QRect geometry = m_window->geometry();
        const QList<int> sizes = splitter->sizes();
        // The Transfers panel open too: it goes with the rest, and comes back.
        m_window->transfersDock()->toggleViewAction()->trigger(); // View ▸ Transfers
        QTRY_VERIFY(m_window->transfersDock()->isVisible());
        const QList<QWidget *> around{m_window->menuBar(), m_window->statusBar(), splitter->widget(0),
                                      m_window->findChild<QToolBar *>(), m_window->transfersDock()};
        for (QWidget *widget : around)
            QVERIFY(widget && widget->isVisible());

        QTest::keyClick(viewer(), Qt::Key_F11);
        QTRY_VERIFY(m_window->isFullScreen());
        QVERIFY(viewer()->isFullScreenShown());
        for (QWidget *widget : around)
            QVERIFY(!widget->isVisible());
        QTRY_COMPARE(viewer()->size(), m_window->size()); // the photo alone in the window
        // ... and the window fills the screen, where the platform does that (offscreen here; a window manager
        // on X: under xvfb-run there is none, and the window keeps its size).
        if (QGuiApplication::platformName() == QLatin1String("offscreen"))
            QTRY_COMPARE(m_window->size(), m_window->screen()->geometry().size());
        QTRY_VERIFY(viewer()->isFitting() && // fitted to the screen now
                    (qAbs(viewer()->pictureRect().width() - viewer()->width()) < 1 ||
                     qAbs(viewer()->pictureRect().height() - viewer()->height()) < 1));
        // The caption shows over the photo while the pointer moves, and goes when it rests.
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->captionRect().isEmpty(), 5000);
        mouse(QEvent::MouseMove, QPointF(viewer()->width() / 2.0, viewer()->height() / 2.0), Qt::NoButton);
        QVERIFY(!viewer()->captionRect().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->captionRect().isEmpty(), 5000);

        QTest::keyClick(viewer(), Qt::Key_F11);
        QTRY_VERIFY(!m_window->isFullScreen());
        QTRY_COMPARE(m_window->geometry(), geometry);
        QCOMPARE(splitter->sizes(), sizes);
        for (QWidget *widget : around)
            QVERIFY(widget->isVisible());
        QVERIFY(viewer()->isVisible() && !viewer()->isFullScreenShown());

        // A slideshow: full screen while it runs, F5 again stops it and leaves full screen.
        QTest::keyClick(viewer(), Qt::Key_F5);
        QVERIFY(viewer()->isSlideshowRunning());
        QTRY_VERIFY(m_window->isFullScreen());
        QTest::keyClick(viewer(), Qt::Key_F5);
        QVERIFY(!viewer()->isSlideshowRunning());
        QTRY_VERIFY(!m_window->isFullScreen());
        QTRY_COMPARE(m_window->geometry(), geometry);
        QTest::keyClick(viewer(), Qt::Key_F5);
        QTRY_VERIFY(m_window->isFullScreen());
        QTest::keyClick(viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!m_window->isFullScreen());
        QVERIFY(viewer()->isVisible());
        QVERIFY(!viewer()->isSlideshowRunning());
        QTRY_COMPARE(m_window->geometry(), geometry);
        QCOMPARE(splitter->sizes(), sizes);
        QTest::keyClick(viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!viewer()->isVisible());
        QVERIFY(m_window->grid()->isVisible());
    }

    // A video from koodrive-sim (a real H.264 or HEVC clip) plays as soon as it is opened: its position
    // advances, a frame that is a picture is shown, its length is the one listed; Space pauses and plays,
    // Shift+← goes back; the controls do not cover the caption.
    void aVideoPlays()
    {
        openVideo(0);
        ui::VideoPane *pane = viewer()->videoPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->position() > 800, 20000);
        QVERIFY(pane->isPlaying());
        QVERIFY(pane->message().isEmpty());
        QVERIFY(looksLikeAPicture(pane->frame()));
        QVERIFY(!pane->pictureRect().isEmpty());
        QVERIFY(pane->firstFrameMs() >= 0);
        const qint64 listed =
            m_window->grid()->model()->index(0, 0).data(models::PagedFileModel::DurationRole).toLongLong();
        QVERIFY(listed > 0);
        QVERIFY2(std::abs(pane->duration() - listed) <= 600,
                 qPrintable(QStringLiteral("%1 vs %2").arg(pane->duration()).arg(listed)));
        auto *time = pane->findChild<QLabel *>(QStringLiteral("videoTime"));
        QVERIFY(time && time->isVisible());
        QVERIFY2(time->text().endsWith(QStringLiteral(" / ") + text::durationText(pane->duration())),
                 qPrintable(time->text()));
        // The bar and the time follow the position.
        auto *seek = pane->findChild<QSlider *>(QStringLiteral("videoSeek"));
        QVERIFY(seek);
        QTRY_VERIFY(pane->position() >= 1100);
        QTRY_VERIFY2(seek->value() >= 1000 && !time->text().startsWith(QStringLiteral("0:00")),
                     qPrintable(QStringLiteral("%1, %2").arg(seek->value()).arg(time->text())));
        QVERIFY(!pane->geometry().intersects(viewer()->captionRect()));

        QTest::keyClick(viewer(), Qt::Key_Space);
        QTRY_VERIFY(!pane->isPlaying());
        // Paused, the position stays (the player's last report may come just after the pause: it settles
        // first).
        QTest::qWait(300);
        const qint64 paused = pane->position();
        QTest::qWait(600);
        QVERIFY2(std::abs(pane->position() - paused) < 100,
                 qPrintable(QStringLiteral("%1 then %2").arg(paused).arg(pane->position())));
        // and so do the bar and the time a person sees (6.4's pipeline may answer 0 while it settles).
        QVERIFY2(paused >= 1000 && std::abs(seek->value() - paused) < 100 &&
                     !time->text().startsWith(QStringLiteral("0:00")),
                 qPrintable(QStringLiteral("%1: %2, %3").arg(paused).arg(seek->value()).arg(time->text())));
        QTest::keyClick(viewer(), Qt::Key_Space);
        QTRY_VERIFY(pane->isPlaying());
        QTRY_VERIFY(pane->position() > paused + 200 || pane->hasEnded());
        QTest::keyClick(viewer(), Qt::Key_Left, Qt::ShiftModifier);
        QTRY_VERIFY(pane->position() < paused + 100);

        // ←/→ still go from file to file; the video stops when the viewer moves on.
        QTest::keyClick(viewer(), Qt::Key_Right);
        QCOMPARE(viewer()->currentRow(), 1);
        QTest::keyClick(viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!viewer()->isVisible());
        QVERIFY(!pane->isPlaying());
    }

    // An animated GIF plays in the viewer, frame after frame, and stops when the viewer goes back to the
    // grid. (The library's first photo is given a GIF of two frames as its original: the download link
    // points to it.)
    void anAnimatedGifPlays()
    {
        m_window.reset();
        m_front = std::make_unique<test::HostileServer>();
        m_front->forwardTo(m_sim->server().url());
        QImage red(240, 160, QImage::Format_RGB32), white(240, 160, QImage::Format_RGB32);
        red.fill(qRgb(220, 0, 0));
        white.fill(Qt::white);
        m_front->on(QStringLiteral("/anim.gif"),
                    test::HostileServer::reply(200, test::gif({red, white}, 8), {}, "image/gif"));
        openWindowOn(m_front->url());
        openCamera();
        const QString id =
            m_window->grid()->model()->index(0, 0).data(models::PagedFileModel::IdRole).toString();
        m_front->on(
            QStringLiteral("/koodrive/ose/v1/files/download"),
            test::HostileServer::reply(
                200,
                QJsonDocument(QJsonObject{{QStringLiteral("code"), 0},
                                          {QStringLiteral("batchCode"), 1},
                                          {QStringLiteral("downloads"),
                                           QJsonArray{QJsonObject{
                                               {QStringLiteral("fileId"), id},
                                               {QStringLiteral("fileName"), QStringLiteral("anim.gif")},
                                               {QStringLiteral("url"), QString(m_front->url().toString() +
                                                                               QStringLiteral("/anim.gif"))},
                                               {QStringLiteral("code"), QStringLiteral("0")},
                                               {QStringLiteral("msg"), QString()}}}}})
                    .toJson(QJsonDocument::Compact)));
        doubleClick(m_window->grid(), m_window->grid()->model()->index(0, 0));
        QTRY_VERIFY(viewer()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->isLoaded(), 20000);
        QCOMPARE(viewer()->fullSize(), QSize(240, 160));
        QTRY_VERIFY(viewer()->isAnimating());
        // Both frames are shown in turn.
        const auto centre = [this] { return QColor(viewer()->image().pixel(120, 80)); };
        QTRY_VERIFY(viewer()->image().size() == QSize(240, 160) && centre().green() < 60);
        QTRY_VERIFY(centre().green() > 200);
        QTRY_VERIFY(centre().green() < 60);
        QTest::keyClick(viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!viewer()->isVisible());
        QVERIFY(!viewer()->isAnimating());
        m_window.reset(); // before the server in front of it goes
    }

    // The HEVC clip (a phone's usual format) plays where a decoder for it is installed; where none is, the
    // viewer says so in words, naming the packages, not a black frame. CTest runs this function once more
    // as tst_MainWindowViewerNoHevc, with every HEVC decoder ranked out of GStreamer's choice
    // (GST_PLUGIN_FEATURE_RANK), as on a machine without gstreamer1.0-libav and -bad.
    void theHevcClipPlaysOrSaysWhatIsMissing()
    {
        const bool noDecoder =
            qEnvironmentVariable("GST_PLUGIN_FEATURE_RANK").contains(QLatin1String("h265"));
        openFolder(QStringLiteral("Videos"), 10);
        QAbstractItemModel *files = m_window->grid()->model();
        int hevc = -1;
        for (int row = 0; row < files->rowCount() && hevc < 0; ++row)
            if (QByteArray(sim::DemoClips::forFile(
                               files->index(row, 0).data(models::PagedFileModel::IdRole).toString())
                               .codec) == "HEVC")
                hevc = row;
        QVERIFY(hevc >= 0);
        const int linksBefore = downloadCalls();
        openVideo(hevc);
        ui::VideoPane *pane = viewer()->videoPane();
        if (!noDecoder) {
            QTRY_VERIFY_WITH_TIMEOUT(pane->position() > 500, 20000);
            QVERIFY(looksLikeAPicture(pane->frame()));
            QVERIFY(pane->message().isEmpty());
            return;
        }
        QTRY_VERIFY_WITH_TIMEOUT(pane->hasFailed(), 20000);
        QVERIFY2(pane->message().contains(QLatin1String("no decoder for its format")) &&
                     pane->message().contains(QLatin1String("gstreamer1.0-libav")),
                 qPrintable(pane->message()));
        QVERIFY(!pane->isPlaying());
        QCOMPARE(downloadCalls(), linksBefore + 1); // no link renewed: a fresh one would not help
        // The words are on screen (light text on its plate), not a black pane.
        const QImage shown = pane->grab().toImage().convertToFormat(QImage::Format_RGB32);
        int light = 0;
        for (int y = shown.height() / 4; y < shown.height() * 3 / 4; ++y)
            for (int x = shown.width() / 8; x < shown.width() * 7 / 8; ++x)
                light += qGray(shown.pixel(x, y)) > 190;
        QVERIFY2(light > 150, qPrintable(QString::number(light)));
        // And the next file still opens.
        QTest::keyClick(viewer(), hevc > 0 ? Qt::Key_Left : Qt::Key_Right);
        QTRY_VERIFY(viewer()->currentRow() != hevc);
    }

    // The player finds the link refused (object storage answers 403, as to an expired signature): the app
    // asks for a fresh link by itself and the video plays.
    void aRefusedVideoLinkIsRenewed()
    {
        openFolder(QStringLiteral("Videos"), 10);
        const QString id =
            m_window->grid()->model()->index(2, 0).data(models::PagedFileModel::IdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(2), 20000); // the fault is for the video, not its thumbnail
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        m_sim->server().objects().scriptFaults({{Kind::Status, 403, 1, 0, 1, QStringLiteral("/obs/") + id}});
        const int before = downloadCalls();
        openVideo(2);
        ui::VideoPane *pane = viewer()->videoPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->position() > 500, 20000);
        QVERIFY(looksLikeAPicture(pane->frame()));
        QCOMPARE(m_sim->server().objects().scriptedFaultsServed(), 1);
        QCOMPARE(downloadCalls() - before, 2);
        QCOMPARE(pane->link()->renewals(), 1);
        QVERIFY(pane->message().isEmpty());
    }

    // A link that is refused every time: a few fresh links, then the reason in words (not a black frame).
    void aVideoThatCannotBeFetchedSaysSo()
    {
        openFolder(QStringLiteral("Videos"), 10);
        const QString id =
            m_window->grid()->model()->index(3, 0).data(models::PagedFileModel::IdRole).toString();
        QTRY_VERIFY_WITH_TIMEOUT(hasThumbnail(3), 20000); // the faults are for the video, not its thumbnail
        using Kind = sim::SimHttpServer::FaultStep::Kind;
        m_sim->server().objects().scriptFaults({{Kind::Status, 403, 1, 0, 50, QStringLiteral("/obs/") + id}});
        const int before = downloadCalls();
        openVideo(3);
        ui::VideoPane *pane = viewer()->videoPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->hasFailed(), 20000);
        QVERIFY2(pane->message().startsWith(QStringLiteral("The video could not be played")),
                 qPrintable(pane->message()));
        QCOMPARE(pane->link()->renewals(), media::PlaybackLink::MaxRenewals);
        QTest::qWait(1500);
        QCOMPARE(downloadCalls() - before, 1 + media::PlaybackLink::MaxRenewals);
        QVERIFY(!pane->isPlaying());
        m_sim->server().objects().scriptFaults({});
    }

    // A slideshow lets a video play to its end before it goes on.
    void aSlideshowLetsAVideoPlayToItsEnd()
    {
        openFolder(QStringLiteral("Videos"), 10);
        QAbstractItemModel *files = m_window->grid()->model();
        int row = -1; // a video longer than a slideshow's turn (4 s)
        for (int i = 0; i + 1 < files->rowCount() && row < 0; ++i)
            if (files->index(i, 0).data(models::PagedFileModel::DurationRole).toLongLong() >= 6000)
                row = i;
        QVERIFY(row >= 0);
        openVideo(row);
        ui::VideoPane *pane = viewer()->videoPane();
        QTRY_VERIFY_WITH_TIMEOUT(pane->position() > 0, 20000);
        QTest::keyClick(viewer(), Qt::Key_F5);
        QVERIFY(viewer()->isSlideshowRunning());
        QTest::qWait(4600);
        QCOMPARE(viewer()->currentRow(), row); // still playing
        QVERIFY(!pane->hasEnded());
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->currentRow() == row + 1, 10000);
        QVERIFY(viewer()->isSlideshowRunning());
        QTest::keyClick(viewer(), Qt::Key_Escape); // the slideshow and full screen
        QTest::keyClick(viewer(), Qt::Key_Escape);
        QTRY_VERIFY(!viewer()->isVisible());
    }

    // A file that is no photo opens on a page of its own (not a black pane): its name, size and type, and
    // Open with… / Save to…; ←/→ pass through it; Save to… acts on that file.
    // I (or the caption's button) shows what the server has for the photo beside it, not over it, and
    // follows as the person steps; the folder it is in is a link back to the grid.
    void theInfoPanelShowsWhatTheServerHas()
    {
        using Field = ui::InfoPanel::Field;
        openFirstPhoto();
        QVERIFY(!viewer()->isInfoShown());
        QVERIFY(viewer()->infoButton()->isVisible());
        const QRect wholeArea = viewer()->photoArea();
        QTest::keyClick(viewer(), Qt::Key_I);
        ui::InfoPanel *info = viewer()->infoPanel();
        QVERIFY(viewer()->isInfoShown());
        QVERIFY(info->isVisible());
        QVERIFY(viewer()->infoButton()->isChecked());
        // Beside the photo: the photo's area ends where the panel begins, and the photo is fitted in it.
        QVERIFY(viewer()->photoArea().right() < info->geometry().left());
        QVERIFY(!viewer()->pictureRect().intersects(QRectF(info->geometry())));
        QVERIFY(viewer()->isFitting());
        QVERIFY(viewer()->pictureRect().width() <= viewer()->photoArea().width() + 0.5);

        const auto check = [&](int row) {
            const QString id =
                m_window->grid()->model()->index(row, 0).data(models::PagedFileModel::IdRole).toString();
            const QJsonObject file = serverDetail(id);
            QVERIFY(!file.isEmpty());
            QCOMPARE(info->text(Field::Name), file.value(QStringLiteral("fileName")).toString());
            QCOMPARE(
                info->text(Field::Type),
                QMimeDatabase().mimeTypeForName(file.value(QStringLiteral("mimeType")).toString()).comment());
            QVERIFY2(info->text(Field::Size)
                         .contains(QLocale().toString(file.value(QStringLiteral("size")).toInteger())),
                     qPrintable(info->text(Field::Size)));
            const QJsonObject properties = file.value(QStringLiteral("properties")).toObject();
            QVERIFY2(info->text(Field::Dimensions)
                         .startsWith(QStringLiteral("%1 × %2").arg(
                             QLocale().toString(properties.value(QStringLiteral("width")).toInt()),
                             QLocale().toString(properties.value(QStringLiteral("height")).toInt()))),
                     qPrintable(info->text(Field::Dimensions)));
            QVERIFY(properties.contains(QStringLiteral("takeTime")));
            QVERIFY2(info->text(Field::Taken).startsWith(dayOf(properties.value(QStringLiteral("takeTime")))),
                     qPrintable(info->text(Field::Taken)));
            QVERIFY(info->text(Field::Created).startsWith(dayOf(file.value(QStringLiteral("createdTime")))));
            QVERIFY(info->text(Field::Modified).startsWith(dayOf(file.value(QStringLiteral("editedTime")))));
            QCOMPARE(info->text(Field::Folder), QStringLiteral("My drive › Camera"));
            QCOMPARE(info->text(Field::Favourite).startsWith(QStringLiteral("♥")),
                     file.value(QStringLiteral("favorite")).toBool());
            QCOMPARE(info->text(Field::Album), QString());  // not opened from an album
            QCOMPARE(info->text(Field::Length), QString()); // a photo
        };
        check(viewer()->currentRow());
        if (QTest::currentTestFailed())
            return;
        // Stepping on, it follows.
        QTest::keyClick(viewer(), Qt::Key_Right);
        check(viewer()->currentRow());
        if (QTest::currentTestFailed())
            return;
        // Starred here (S), it says so once the server has it.
        const QString id = m_window->grid()
                               ->model()
                               ->index(viewer()->currentRow(), 0)
                               .data(models::PagedFileModel::IdRole)
                               .toString();
        const bool wasFavourite = serverDetail(id).value(QStringLiteral("favorite")).toBool();
        // (S is the window's shortcut: it acts in the active window, which X without a window manager
        // makes only when asked.)
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        viewer()->setFocus();
        QTest::keyClick(viewer(), Qt::Key_S);
        QTRY_COMPARE(info->text(Field::Favourite).startsWith(QStringLiteral("♥")), !wasFavourite);
        QTRY_COMPARE(serverDetail(id).value(QStringLiteral("favorite")).toBool(), !wasFavourite);

        // Its button closes it, and the photo has the whole view again.
        viewer()->infoButton()->click();
        QVERIFY(!viewer()->isInfoShown());
        QVERIFY(!info->isVisible());
        QCOMPARE(viewer()->photoArea(), wholeArea);

        // The folder link: back to the grid, in that folder, with this photo selected.
        QTest::keyClick(viewer(), Qt::Key_I);
        QVERIFY(info->folderButton()->isEnabled());
        info->folderButton()->click();
        QTRY_VERIFY(!viewer()->isVisible());
        QCOMPARE(m_window->grid()->currentIndex().data(models::PagedFileModel::IdRole).toString(), id);
    }

    // A photo opened from an album says which album, and its folder is found (asked of the server up from
    // the photo) and opens with the photo selected.
    void anAlbumPhotosInfoFindsItsFolder()
    {
        using Field = ui::InfoPanel::Field;
        QTRY_VERIFY(manualAlbumWith(1).isValid());
        const QModelIndex album = manualAlbumWith(1);
        const QString albumName = album.data(Qt::EditRole).toString();
        m_window->myAlbumsView()->setCurrentIndex(album);
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 1);
        QAbstractItemModel *files = m_window->grid()->model();
        const QString id = files->index(0, 0).data(models::PagedFileModel::IdRole).toString();
        doubleClick(m_window->grid(), files->index(0, 0));
        QTRY_VERIFY(viewer()->isVisible());
        QTest::keyClick(viewer(), Qt::Key_I);
        ui::InfoPanel *info = viewer()->infoPanel();
        QCOMPARE(info->text(Field::Album), albumName);
        const QStringList folders = serverFolders(id);
        QVERIFY(!folders.isEmpty());
        QTRY_COMPARE(info->text(Field::Folder),
                     (QStringList{QStringLiteral("My drive")} + folders).join(QStringLiteral(" › ")));
        info->folderButton()->click();
        QTRY_VERIFY(!viewer()->isVisible());
        QTRY_COMPARE(m_window->grid()->model(), static_cast<QAbstractItemModel *>(m_window->folder()));
        QTRY_COMPARE(m_window->grid()->currentIndex().data(models::PagedFileModel::IdRole).toString(), id);
    }

    void aDocumentShowsItsPageAndTheArrowsPassIt()
    {
        openFolder(QStringLiteral("Documents"), 6);
        QAbstractItemModel *files = m_window->grid()->model();
        const QModelIndex second = files->index(1, 0);
        // In the grid its tile is its type's icon, not the grey placeholder of a picture to come.
        {
            const QImage tile =
                m_window->grid()->viewport()->grab(m_window->grid()->visualRect(second)).toImage();
            const QColor placeholder = m_window->grid()->palette().color(QPalette::AlternateBase).darker(104);
            int paper = 0, grey = 0;
            for (int y = 0; y < tile.height(); ++y)
                for (int x = 0; x < tile.width(); ++x) {
                    const QColor pixel = tile.pixelColor(x, y);
                    grey += pixel.rgb() == placeholder.rgb();
                    paper += pixel.red() > 235 && pixel.green() > 235 && pixel.blue() > 235 &&
                             pixel.rgb() != m_window->grid()->palette().color(QPalette::Base).rgb();
                }
            const int all = tile.width() * tile.height();
            QVERIFY2(
                grey < all / 10 && paper > all / 10,
                qPrintable(QStringLiteral("placeholder %1, paper %2 of %3").arg(grey).arg(paper).arg(all)));
        }
        doubleClick(m_window->grid(), second);
        QTRY_VERIFY(viewer()->isVisible());
        QCOMPARE(viewer()->currentRow(), 1);
        QVERIFY(viewer()->isDocumentShown());
        QVERIFY(viewer()->documentPage()->isVisible());
        QStringList texts;
        for (QLabel *label : viewer()->documentPage()->findChildren<QLabel *>())
            texts << label->text();
        const QString name = second.data().toString();
        QVERIFY2(texts.contains(name), qPrintable(texts.join(QLatin1Char('|'))));
        const QString size =
            QLocale().formattedDataSize(second.data(models::PagedFileModel::SizeRole).toLongLong());
        QVERIFY2(texts.join(QLatin1Char('|')).contains(size), qPrintable(texts.join(QLatin1Char('|'))));
        QVERIFY(!viewer()->documentPage()->geometry().intersects(viewer()->captionRect()));

        QTest::keyClick(viewer(), Qt::Key_Right);
        QCOMPARE(viewer()->currentRow(), 2);
        QTest::keyClick(viewer(), Qt::Key_Left);
        QTest::keyClick(viewer(), Qt::Key_Left);
        QCOMPARE(viewer()->currentRow(), 0);
        QVERIFY(viewer()->isDocumentShown());

        // Open with… where the desktop has no program to open it (no launcher on PATH): said in words, in
        // the viewer, where the person is.
        QPushButton *openWith = nullptr;
        for (QPushButton *button : viewer()->documentPage()->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Open with…"))
                openWith = button;
        QVERIFY(openWith && openWith->isVisible());
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        openWith->click();
        QTRY_VERIFY_WITH_TIMEOUT(viewer()->noteText().startsWith(QStringLiteral("No application opens")),
                                 20000);
        qputenv("PATH", path);
        QVERIFY(viewer()->isVisible());
        QVERIFY(!viewer()->captionRect().isEmpty());

        // Save to…: the folder is asked for, for this file (selected in the grid under the viewer).
        QPushButton *saveTo = nullptr;
        for (QPushButton *button : viewer()->documentPage()->findChildren<QPushButton *>())
            if (button->text() == QStringLiteral("Save to…"))
                saveTo = button;
        QVERIFY(saveTo && saveTo->isVisible());
        bool asked = false;
        QTimer::singleShot(0, this, [&] {
            QTRY_VERIFY(QApplication::activeModalWidget());
            asked = qobject_cast<QFileDialog *>(QApplication::activeModalWidget()) != nullptr;
            QApplication::activeModalWidget()->close();
        });
        saveTo->click();
        QTRY_VERIFY(asked);
        const QModelIndexList selected = m_window->grid()->selectionModel()->selectedIndexes();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().row(), 0);
    }
};

QTEST_MAIN(TestMainWindowViewer)
#include "tst_MainWindowViewer.moc"
