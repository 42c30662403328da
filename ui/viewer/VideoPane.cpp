#include "VideoPane.h"

#include "api/ApiError.h"
#include "media/PlaybackLink.h"
#include "text/DisplayText.h"

#include <QAudioOutput>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QMediaPlayer>
#include <QMouseEvent>
#include <QPainter>
#include <QSlider>
#include <QToolButton>
#include <QVideoFrame>
#include <QVideoSink>
#include <algorithm>
#include <libintl.h>
#include <limits>

namespace koodrive::ui {

namespace {
enum class Glyph
{
    Play,
    Pause,
    Sound,
    Muted
};

// The controls' icons, light on the dark bar (the style's media icons are dark, made for light windows).
QIcon glyph(Glyph which)
{
    QPixmap pixmap(48, 48);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(236, 236, 236));
    switch (which) {
    case Glyph::Play: p.drawPolygon(QPolygonF({QPointF(14, 8), QPointF(40, 24), QPointF(14, 40)})); break;
    case Glyph::Pause:
        p.drawRoundedRect(QRectF(12, 9, 9, 30), 2, 2);
        p.drawRoundedRect(QRectF(27, 9, 9, 30), 2, 2);
        break;
    case Glyph::Sound:
    case Glyph::Muted:
        p.drawPolygon(QPolygonF({QPointF(6, 18), QPointF(14, 18), QPointF(25, 8), QPointF(25, 40),
                                 QPointF(14, 30), QPointF(6, 30)}));
        p.setBrush(Qt::NoBrush);
        p.setPen(QPen(QColor(236, 236, 236), 3.5, Qt::SolidLine, Qt::RoundCap));
        if (which == Glyph::Sound) {
            p.drawArc(QRectF(20, 14, 14, 20), -50 * 16, 100 * 16);
            p.drawArc(QRectF(20, 8, 24, 32), -50 * 16, 100 * 16);
        } else {
            p.drawLine(QPointF(31, 17), QPointF(43, 31));
            p.drawLine(QPointF(43, 17), QPointF(31, 31));
        }
        break;
    }
    p.end();
    return QIcon(pixmap);
}
} // namespace

VideoPane::VideoPane(api::KooDriveClient *client, QWidget *parent)
    : QWidget(parent)
    , m_link(new media::PlaybackLink(client, this))
{
    setFocusPolicy(Qt::NoFocus); // the viewer keeps the keys
    setAccessibleName(tr("Video"));
    setAttribute(Qt::WA_OpaquePaintEvent);

    m_bar = new QWidget(this);
    m_bar->setObjectName(QStringLiteral("videoControls"));
    m_bar->setAutoFillBackground(false);
    auto *row = new QHBoxLayout(m_bar);
    row->setContentsMargins(10, 4, 10, 4);
    row->setSpacing(8);
    const auto button = [this](const char *name, const QString &label) {
        auto *b = new QToolButton(m_bar);
        b->setObjectName(QString::fromLatin1(name));
        b->setFocusPolicy(Qt::NoFocus);
        b->setAutoRaise(true);
        b->setAccessibleName(label);
        b->setToolTip(label);
        return b;
    };
    m_playButton = button("videoPlay", tr("Play or pause (Space)"));
    m_seek = new QSlider(Qt::Horizontal, m_bar);
    m_seek->setObjectName(QStringLiteral("videoSeek"));
    m_seek->setAccessibleName(tr("Position"));
    m_seek->setFocusPolicy(Qt::NoFocus);
    m_time = new QLabel(m_bar);
    m_time->setObjectName(QStringLiteral("videoTime"));
    m_time->setTextFormat(Qt::PlainText);
    m_muteButton = button("videoMute", tr("Mute (M)"));
    m_volume = new QSlider(Qt::Horizontal, m_bar);
    m_volume->setObjectName(QStringLiteral("videoVolume"));
    m_volume->setAccessibleName(tr("Volume"));
    m_volume->setFocusPolicy(Qt::NoFocus);
    m_volume->setRange(0, 100);
    m_volume->setValue(80);
    m_volume->setFixedWidth(90);
    row->addWidget(m_playButton);
    row->addWidget(m_seek, 1);
    row->addWidget(m_time);
    row->addWidget(m_muteButton);
    row->addWidget(m_volume);
    m_bar->setStyleSheet(QStringLiteral("QLabel { color: #e6e6e6; }"));

    connect(m_playButton, &QToolButton::clicked, this, &VideoPane::togglePlay);
    connect(m_muteButton, &QToolButton::clicked, this, &VideoPane::toggleMute);
    // Dragging the bar seeks as it goes; a click on the groove jumps there.
    connect(m_seek, &QSlider::sliderMoved, this, [this](int ms) { seekTo(ms); });
    connect(m_seek, &QSlider::actionTriggered, this, [this](int action) {
        if (action != QAbstractSlider::SliderMove && action != QAbstractSlider::SliderNoAction)
            seekTo(m_seek->sliderPosition());
    });
    connect(m_volume, &QSlider::valueChanged, this, [this](int volume) {
        if (m_audio)
            m_audio->setVolume(float(volume) / 100.0f);
    });

    connect(m_link, &media::PlaybackLink::ready, this, &VideoPane::play);
    connect(m_link, &media::PlaybackLink::failed, this, [this](const api::ApiError &error) {
        const QString reason = text::displayText(error.message);
        fail(error.traceId.isEmpty()
                 ? tr("The video could not be opened: %1").arg(reason)
                 : tr("The video could not be opened: %1 (trace id %2)").arg(reason, error.traceId));
    });
    // A time budget: a video that has not started (or has stalled) this long is given up, in words.
    m_startBudget.setSingleShot(true);
    m_startBudget.setInterval(StartBudgetMs);
    connect(&m_startBudget, &QTimer::timeout, this, [this] {
        fail(tr("The video did not arrive within %1 s; the app stopped waiting.").arg(StartBudgetMs / 1000));
    });
    updateControls();
}

VideoPane::~VideoPane()
{
    // Stopped and gone while this is still a VideoPane: a player being destroyed sends a last (empty) frame,
    // which must not reach a pane that is only a QWidget by then.
    if (m_player) {
        m_player->disconnect(this);
        m_sink->disconnect(this);
        m_audio->disconnect(this);
        m_player->stop();
        delete m_player;
        m_player = nullptr;
    }
}

void VideoPane::ensurePlayer()
{
    if (m_player)
        return;
    // Made for the first video only: the app opens without GStreamer loaded.
    m_player = new QMediaPlayer(this);
    m_audio = new QAudioOutput(this);
    m_audio->setVolume(float(m_volume->value()) / 100.0f);
    m_player->setAudioOutput(m_audio);
    m_sink = new QVideoSink(this);
    m_player->setVideoSink(m_sink);
    connect(m_sink, &QVideoSink::videoFrameChanged, this, &VideoPane::onFrame);
    connect(m_player, &QMediaPlayer::positionChanged, this, [this](qint64 ms) {
        if (m_pausedAt >= 0)
            ms = m_pausedAt; // paused: where it stopped, whatever the pipeline answers while it settles
        if (!m_seek->isSliderDown())
            m_seek->setValue(int(ms));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::durationChanged, this, [this](qint64 ms) {
        m_seek->setRange(0, int(qMax<qint64>(ms, 0)));
        updateTime();
    });
    connect(m_player, &QMediaPlayer::playbackStateChanged, this, [this](QMediaPlayer::PlaybackState state) {
        if (state != QMediaPlayer::PausedState)
            m_pausedAt = -1;
        updateControls();
    });
    connect(m_audio, &QAudioOutput::mutedChanged, this, &VideoPane::updateControls);
    connect(m_player, &QMediaPlayer::mediaStatusChanged, this, [this](QMediaPlayer::MediaStatus status) {
        switch (status) {
        case QMediaPlayer::LoadedMedia:
        case QMediaPlayer::BufferedMedia:
            m_startBudget.stop();
            if (m_resumeAt >= 0) { // after a renewal: back where it was (paused at 0 included)
                const qint64 at = std::exchange(m_resumeAt, -1);
                m_player->setPosition(at);
                if (!m_resumePlaying)
                    pauseAt(at);
            }
            break;
        case QMediaPlayer::StalledMedia: m_startBudget.start(); break;
        case QMediaPlayer::EndOfMedia:
            m_ended = true;
            updateControls();
            emit ended();
            break;
        default: break;
        }
    });
    connect(m_player, &QMediaPlayer::errorOccurred, this,
            [this](QMediaPlayer::Error error, const QString &detail) { onError(int(error), detail); });
}

void VideoPane::dropPlayer()
{
    if (!m_player)
        return;
    m_player->disconnect(this);
    m_sink->disconnect(this);
    m_audio->disconnect(this);
    m_player->stop();
    m_player->deleteLater();
    m_sink->deleteLater();
    m_audio->deleteLater();
    m_player = nullptr;
    m_sink = nullptr;
    m_audio = nullptr;
    m_pausedAt = -1;
}

void VideoPane::open(const QString &fileId, const QString &containerId, const QImage &poster, qint64 listedMs)
{
    stop();
    m_poster = poster;
    m_listedMs = listedMs;
    m_message.clear();
    m_ended = false;
    m_resumeAt = -1;
    m_resumePlaying = true;
    m_pausedAt = -1;
    m_openedAtMs = QDateTime::currentMSecsSinceEpoch();
    m_firstFrameMs = -1;
    m_seek->setRange(0, int(std::clamp<qint64>(listedMs, 0, std::numeric_limits<int>::max())));
    m_seek->setValue(0);
    m_startBudget.start();
    m_link->request(fileId, containerId);
    updateTime();
    updateControls();
    update();
}

void VideoPane::stop()
{
    m_link->cancel();
    m_startBudget.stop();
    if (m_player) {
        m_player->stop();
        m_player->setSource(QUrl());
    }
    m_frame = QImage();
    m_poster = QImage();
    m_ended = false;
}

void VideoPane::play(const QUrl &url, bool renewed)
{
    if (renewed && m_player) {
        // Where it was, and whether it was playing (a link that failed before the start: from the start).
        m_resumeAt = position() > 0 ? position() : m_seek->value();
        m_resumePlaying = m_player->playbackState() != QMediaPlayer::PausedState;
        // A new player: 6.4's GStreamer pipeline does not start again after an error ("Unable to set the
        // pipeline to the stopped state"), whatever its next source.
        dropPlayer();
    }
    ensurePlayer();
    m_message.clear();
    m_startBudget.start();
    m_player->setSource(url);
    m_player->play();
    updateControls();
    update();
}

void VideoPane::onFrame(const QVideoFrame &frame)
{
    if (!frame.isValid())
        return;
    m_frame = frame.toImage();
    update(videoArea());
}

namespace {
// Qt 6.4's GStreamer player reports a missing decoder as FormatError only for a stream error; a pipeline
// that finds no element for a stream posts GStreamer's core error "missing a plug-in", which Qt passes on as
// a ResourceError with GStreamer's own message (translated by GStreamer's catalogue in this process's
// language). Told apart by that message, as GStreamer words it here: it is no link to renew.
bool saysAPluginIsMissing(const QString &detail)
{
    static const QString missing =
        QString::fromUtf8(dgettext("gstreamer-1.0", "Your GStreamer installation is missing a plug-in."));
    return !detail.isEmpty() && (detail == missing || detail.contains(QLatin1String("missing a plug-in")));
}
} // namespace

void VideoPane::onError(int error, const QString &detail)
{
    if (error == QMediaPlayer::NoError || m_link->isRenewing())
        return; // about the link being replaced
    // The player's reason may carry the server's words (an HTTP reason phrase): plain text, bidi-safe.
    const QString reason = text::displayText(detail);
    if (error == QMediaPlayer::FormatError || saysAPluginIsMissing(detail)) {
        fail(tr("This video cannot be played on this computer: no decoder for its format is installed "
                "(on Debian: the packages gstreamer1.0-libav and gstreamer1.0-plugins-bad). %1")
                 .arg(reason));
        return;
    }
    // A refused link (an expired signature answers 403) or a dropped connection: a fresh link, from where
    // it was; a few times at most (PlaybackLink's bounds).
    if ((error == QMediaPlayer::ResourceError || error == QMediaPlayer::NetworkError ||
         error == QMediaPlayer::AccessDeniedError) &&
        m_link->renew())
        return;
    fail(tr("The video could not be played: %1").arg(reason));
}

void VideoPane::fail(const QString &message)
{
    m_startBudget.stop();
    m_link->cancel(); // nothing more is asked for this video
    dropPlayer();     // it said what went wrong: it plays no more
    m_message = message;
    updateControls();
    update();
}

bool VideoPane::isPlaying() const
{
    return m_player && m_player->playbackState() == QMediaPlayer::PlayingState;
}

qint64 VideoPane::position() const
{
    if (!m_player)
        return 0;
    return m_pausedAt >= 0 ? m_pausedAt : m_player->position();
}

void VideoPane::pauseAt(qint64 ms)
{
    // Qt 6.4's GStreamer player answers a position query of the paused pipeline, and while the sinks preroll
    // again (some time after the pause, on a busy machine) that answer can be 0: the bar would jump to the
    // start of a video that stopped in its middle. Paused, the pane holds the position it stopped at (or was
    // moved to) itself.
    m_pausedAt = qMax<qint64>(0, ms);
    m_player->pause();
}

void VideoPane::seekTo(qint64 ms)
{
    if (!m_player || !m_player->isSeekable())
        return;
    m_player->setPosition(ms);
    if (m_pausedAt >= 0)
        m_pausedAt = qMax<qint64>(0, ms);
}

qint64 VideoPane::duration() const
{
    return m_player && m_player->duration() > 0 ? m_player->duration() : m_listedMs;
}

void VideoPane::togglePlay()
{
    if (!m_player || m_link->url().isEmpty())
        return;
    if (m_player->playbackState() == QMediaPlayer::PlayingState) {
        // Just after a seek the player may still answer the old position (or 0): the bar has the new one.
        pauseAt(m_player->position() > 0 ? m_player->position() : m_seek->value());
    } else {
        m_ended = false;
        m_player->play(); // after the end: from the start again
    }
}

void VideoPane::toggleMute()
{
    ensurePlayer();
    m_audio->setMuted(!m_audio->isMuted());
}

void VideoPane::seekBy(qint64 ms)
{
    if (!m_player || !m_player->isSeekable())
        return;
    seekTo(qBound<qint64>(0, position() + ms, qMax<qint64>(0, duration() - 1)));
}

void VideoPane::setOverlaid(bool overlaid)
{
    m_overlaid = overlaid;
    resizeEvent(nullptr);
    update();
}

void VideoPane::setControlsShown(bool shown)
{
    m_controlsShown = shown;
    m_bar->setVisible(shown || !m_overlaid);
}

void VideoPane::updateControls()
{
    const bool playing = isPlaying();
    m_playButton->setIcon(glyph(playing ? Glyph::Pause : Glyph::Play));
    m_playButton->setText(playing ? tr("Pause") : tr("Play"));
    const bool muted = m_audio && m_audio->isMuted();
    m_muteButton->setIcon(glyph(muted ? Glyph::Muted : Glyph::Sound));
    m_muteButton->setText(muted ? tr("Unmute") : tr("Mute"));
    m_playButton->setEnabled(m_message.isEmpty());
    m_seek->setEnabled(m_message.isEmpty());
}

void VideoPane::updateTime()
{
    m_time->setText(tr("%1 / %2").arg(text::durationText(position()), text::durationText(duration())));
}

QRect VideoPane::videoArea() const
{
    // In the window the controls have a band of their own; full screen, they lie over the picture.
    return m_overlaid ? rect() : rect().adjusted(0, 0, 0, -qMin(BarHeight, height() / 2));
}

QRectF VideoPane::pictureRect() const
{
    const QImage &shown = m_frame.isNull() ? m_poster : m_frame;
    if (shown.isNull())
        return {};
    const QRect area = videoArea();
    // Fitted; a small video is not blown up past twice its size.
    QSizeF size = QSizeF(shown.size()).scaled(QSizeF(area.size()), Qt::KeepAspectRatio);
    if (!m_frame.isNull() && size.width() > m_frame.width() * 2.0)
        size = QSizeF(m_frame.size()) * 2.0;
    return {QRectF(area).center() - QPointF(size.width() / 2, size.height() / 2), size};
}

void VideoPane::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(18, 18, 20));
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QImage &shown = m_frame.isNull() ? m_poster : m_frame;
    if (!shown.isNull())
        painter.drawImage(pictureRect(), shown);
    if (!m_frame.isNull() && m_firstFrameMs < 0)
        m_firstFrameMs = QDateTime::currentMSecsSinceEpoch() - m_openedAtMs;
    if (!m_message.isEmpty()) {
        // What went wrong, on a dark plate in the middle, as plain text.
        const QRect area = videoArea();
        const QRect plate = area.adjusted(area.width() / 8, 0, -area.width() / 8, 0);
        const QRect text =
            painter.fontMetrics().boundingRect(plate, Qt::AlignCenter | Qt::TextWordWrap, m_message);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0, 0, 0, 190));
        painter.drawRoundedRect(text.adjusted(-16, -12, 16, 12), 8, 8);
        painter.setPen(QColor(240, 240, 240));
        painter.drawText(plate, Qt::AlignCenter | Qt::TextWordWrap, m_message);
    }
    if (m_bar->isVisible())
        painter.fillRect(m_bar->geometry(), m_overlaid ? QColor(0, 0, 0, 150) : QColor(0, 0, 0));
}

void VideoPane::resizeEvent(QResizeEvent *)
{
    m_bar->setGeometry(0, height() - BarHeight, width(), BarHeight);
    m_bar->setVisible(m_controlsShown || !m_overlaid);
    // A narrow pane (a small window, the info panel beside it) keeps the seek bar usable: the volume goes
    // first (mute stays), then the time.
    m_volume->setVisible(width() >= 480);
    m_time->setVisible(width() >= 300);
}

void VideoPane::mousePressEvent(QMouseEvent *event)
{
    // A click on the picture plays or pauses, as in every player.
    if (event->button() == Qt::LeftButton)
        togglePlay();
}

void VideoPane::mouseDoubleClickEvent(QMouseEvent *event)
{
    // A double-click is full screen (its first click paused or played: this one puts that back).
    if (event->button() != Qt::LeftButton)
        return;
    togglePlay();
    emit fullScreenToggleWanted();
}

void VideoPane::mouseMoveEvent(QMouseEvent *event)
{
    emit pointerMoved();
    QWidget::mouseMoveEvent(event);
}

} // namespace koodrive::ui
