#pragma once

#include <QImage>
#include <QTimer>
#include <QWidget>

class QAudioOutput;
class QLabel;
class QMediaPlayer;
class QSlider;
class QToolButton;
class QVideoFrame;
class QVideoSink;

namespace koodrive::api {
class KooDriveClient;
struct ApiError;
} // namespace koodrive::api
namespace koodrive::media {
class PlaybackLink;
}

namespace koodrive::ui {

// A video in the viewer: streamed by Qt Multimedia (QMediaPlayer on GStreamer) from its download link
// (media::PlaybackLink, which asks again when the player finds the link refused, as an expired one is), its
// frames painted here, fitted, over the thumbnail until the first one comes. Below it: play/pause, a seek
// bar, the time, mute and the volume. It plays as soon as it is opened. What goes wrong is said in words:
// a missing decoder names the packages that bring one, a link that keeps failing says so with the player's
// reason, and a video that has not started within StartBudgetMs (or stalls that long) is given up.
//
// The buttons and bars take no keyboard focus: the viewer's keys stay the viewer's (it calls togglePlay(),
// seekBy() and toggleMute()).
class VideoPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(VideoPane)

public:
    static constexpr int StartBudgetMs = 30'000;

    VideoPane(api::KooDriveClient *client, QWidget *parent = nullptr);
    ~VideoPane() override;

    // listedMs: the length the server lists (shown until the player knows better).
    void open(const QString &fileId, const QString &containerId, const QImage &poster, qint64 listedMs);
    // Stops and lets go of the video (the viewer moved on).
    void stop();
    void togglePlay();
    void toggleMute();
    void seekBy(qint64 ms);
    // Full screen: the picture has the whole pane and the controls lie over it while they are shown.
    void setOverlaid(bool overlaid);
    void setControlsShown(bool shown);

    bool isPlaying() const;
    bool hasEnded() const { return m_ended; }
    bool hasFailed() const { return !m_message.isEmpty(); }
    qint64 position() const;
    qint64 duration() const;
    // The last frame shown (null before the first).
    QImage frame() const { return m_frame; }
    QString message() const { return m_message; }
    // Where the picture is painted, in the pane's coordinates.
    QRectF pictureRect() const;
    media::PlaybackLink *link() const { return m_link; }
    // Open to the first frame painted, in ms (-1 before it): the benchmark's figure.
    qint64 firstFrameMs() const { return m_firstFrameMs; }

signals:
    // Played to its end (a slideshow goes on).
    void ended();
    void fullScreenToggleWanted();
    void pointerMoved();

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void ensurePlayer();
    void dropPlayer();
    void play(const QUrl &url, bool renewed);
    void pauseAt(qint64 ms);
    void seekTo(qint64 ms);
    void onFrame(const QVideoFrame &frame);
    void onError(int error, const QString &detail);
    void fail(const QString &message);
    void updateControls();
    void updateTime();
    QRect videoArea() const;

    media::PlaybackLink *m_link;
    QMediaPlayer *m_player = nullptr;
    QAudioOutput *m_audio = nullptr;
    QVideoSink *m_sink = nullptr;
    QWidget *m_bar = nullptr;
    QToolButton *m_playButton = nullptr;
    QSlider *m_seek = nullptr;
    QLabel *m_time = nullptr;
    QToolButton *m_muteButton = nullptr;
    QSlider *m_volume = nullptr;
    QTimer m_startBudget;
    QImage m_poster;
    QImage m_frame;
    QString m_message;
    qint64 m_listedMs = 0;
    qint64 m_resumeAt = -1;      // after a renewal: where it was
    bool m_resumePlaying = true; // after a renewal: whether it was playing
    qint64 m_pausedAt = -1;      // paused: the position held (see pauseAt)
    bool m_ended = false;
    bool m_overlaid = false;
    bool m_controlsShown = true;
    qint64 m_openedAtMs = 0;
    qint64 m_firstFrameMs = -1;
    static constexpr int BarHeight = 40;
};

} // namespace koodrive::ui
