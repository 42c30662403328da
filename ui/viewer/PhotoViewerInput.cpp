// The viewer's keys, mouse and wheel (PhotoViewer.h says what each does).
#include "PhotoViewer.h"
#include "VideoPane.h"
#include "thumbnails/OriginalLoader.h"

#include <QHideEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>
#include <cmath>

namespace koodrive::ui {

bool PhotoViewer::event(QEvent *event)
{
    // The viewer's keys are its own while it is shown: F5 is the slideshow here, not the window's Refresh.
    if (event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_F5:
        case Qt::Key_F11:
        case Qt::Key_Delete:
        case Qt::Key_Escape:
        case Qt::Key_F:
        case Qt::Key_I:
        case Qt::Key_1:
        case Qt::Key_2:
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Minus: event->accept(); return true;
        default: break;
        }
    }
    return QWidget::event(event);
}

void PhotoViewer::keyPressEvent(QKeyEvent *event)
{
    const QPointF panStep(photoArea().width() * PanStep, photoArea().height() * PanStep);
    if (isVideoShown()) {
        // A video's own keys; the rest (←/→ between files, F11, F5, Esc) are as for a photo.
        const bool shift = event->modifiers().testFlag(Qt::ShiftModifier);
        switch (event->key()) {
        case Qt::Key_Space:
            m_videoPane->togglePlay();
            event->accept();
            return;
        case Qt::Key_M:
            m_videoPane->toggleMute();
            event->accept();
            return;
        case Qt::Key_Left:
        case Qt::Key_Right:
            if (shift) {
                m_videoPane->seekBy(event->key() == Qt::Key_Left ? -5000 : 5000);
                event->accept();
                return;
            }
            break;
        case Qt::Key_F:
        case Qt::Key_1:
        case Qt::Key_2:
        case Qt::Key_Plus:
        case Qt::Key_Equal:
        case Qt::Key_Minus: event->accept(); return; // a video is shown fitted
        default: break;
        }
    }
    switch (event->key()) {
    // Zoomed, the arrows move the picture (the view goes the arrow's way); fitted, ←/→ step.
    case Qt::Key_Right: canPan() ? panBy({-panStep.x(), 0}) : next(); break;
    case Qt::Key_Left: canPan() ? panBy({panStep.x(), 0}) : previous(); break;
    case Qt::Key_Down: panBy({0, -panStep.y()}); break;
    case Qt::Key_Up: panBy({0, panStep.y()}); break;
    case Qt::Key_Space:
    case Qt::Key_PageDown: next(); break;
    case Qt::Key_Backspace:
    case Qt::Key_PageUp: previous(); break;
    case Qt::Key_Home: first(); break;
    case Qt::Key_End: last(); break;
    case Qt::Key_F: setFit(true); break;
    case Qt::Key_1: setFit(false); break;
    case Qt::Key_2: zoomAround(viewCentre(), 2.0 / devicePixelRatioF()); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomAround(viewCentre(), zoom() * ZoomStep); break;
    case Qt::Key_Minus: zoomAround(viewCentre(), zoom() / ZoomStep); break;
    case Qt::Key_I: setInfoShown(!m_infoShown); break;
    case Qt::Key_F5: toggleSlideshow(); break;
    case Qt::Key_F11: emit fullScreenWanted(!m_fullScreen); break;
    case Qt::Key_Escape:
        if (m_fullScreen) { // full screen (and the slideshow) first, then the viewer
            m_slideshow.stop();
            emit fullScreenWanted(false);
            break;
        }
        m_slideshow.stop();
        m_loader->cancel();
        stopAnimation();
        if (m_videoPane) {
            m_videoPane->stop();
            m_videoPane->hide();
        }
        emit closed(m_row);
        break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void PhotoViewer::mouseDoubleClickEvent(QMouseEvent *event)
{
    // Between fitted and 100 %, around the point clicked.
    if (event->button() != Qt::LeftButton)
        return;
    if (m_fit)
        zoomAround(event->position(), 1.0 / devicePixelRatioF());
    else
        setFit(true);
}

void PhotoViewer::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && canPan()) {
        m_dragFrom = event->position();
        updateCursor();
        event->accept();
        return;
    }
    QWidget::mousePressEvent(event);
}

void PhotoViewer::mouseMoveEvent(QMouseEvent *event)
{
    showCaptionForAMoment();
    if (!m_dragFrom) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    // The picture follows the pointer: the point grabbed stays under it.
    panBy(event->position() - *m_dragFrom);
    m_dragFrom = event->position();
}

void PhotoViewer::showCaptionForAMoment()
{
    if (!m_fullScreen)
        return;
    m_captionRest.start();
    if (m_videoPane)
        m_videoPane->setControlsShown(true);
    if (!m_captionShown) {
        m_captionShown = true;
        layoutParts();
        update(captionRect());
    }
}

void PhotoViewer::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom && event->button() == Qt::LeftButton) {
        m_dragFrom.reset();
        updateCursor();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void PhotoViewer::wheelEvent(QWheelEvent *event)
{
    // The wheel zooms around the pointer (with Ctrl too, as in the grid); a notch is a step of 1.25.
    const int delta = event->angleDelta().y();
    if (delta == 0 || !m_fullSize.isValid()) {
        event->ignore();
        return;
    }
    zoomAround(event->position(), zoom() * std::pow(ZoomStep, delta / 120.0));
    event->accept();
}

void PhotoViewer::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutParts();
    if (!m_fit)
        m_centre = clampedCentre(m_centre, m_zoom);
    updateCursor();
    // A bigger window wants a sharper fit.
    if (m_fit && !m_image.isNull() && !m_fullAsked &&
        (fitBox().width() > m_image.width() * 1.25 || fitBox().height() > m_image.height() * 1.25))
        load();
}

void PhotoViewer::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    if (event->spontaneous()) // the window minimised: it goes on where it was
        return;
    // The window went back to the grid (Esc, or the info panel's folder): nothing plays on unseen.
    m_slideshow.stop();
    stopAnimation();
    if (m_videoPane)
        m_videoPane->stop();
}

} // namespace koodrive::ui
