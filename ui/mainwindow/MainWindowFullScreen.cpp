// MainWindow: the viewer full screen (F11, a slideshow), and the window back exactly as it was.
#include "MainWindow.h"
#include "viewer/PhotoViewer.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenuBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>

namespace koodrive::ui {

void MainWindow::setViewerFullScreen(bool on)
{
    if (on == m_beforeFullScreen.has_value())
        return;
    if (on) {
        if (m_centreStack->currentWidget() != m_viewer)
            return;
        BeforeFullScreen before{windowState(), saveGeometry(), m_splitter->saveState(), {}};
        // Everything but the viewer goes: the menus, the toolbars, the sidebar, the location, the status bar,
        // the Transfers panel (docked or floating).
        QList<QWidget *> around{menuBar(), m_splitter->widget(0), m_breadcrumb, statusBar(), m_transfersDock};
        for (QToolBar *toolBar : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly))
            around << toolBar;
        for (QWidget *widget : std::as_const(around))
            if (widget && widget->isVisible()) {
                before.hidden << widget;
                widget->hide();
            }
        m_beforeFullScreen = std::move(before);
        setWindowState((windowState() & ~(Qt::WindowMinimized | Qt::WindowMaximized)) | Qt::WindowFullScreen);
    } else {
        const BeforeFullScreen before = *std::exchange(m_beforeFullScreen, std::nullopt);
        for (const QPointer<QWidget> &widget : before.hidden)
            if (widget)
                widget->show();
        // The platform keeps the normal geometry across full screen (restoreGeometry() here would move the
        // window by its frame on some).
        setWindowState(before.state);
        m_splitter->restoreState(before.splitter);
    }
    m_viewer->setFullScreenShown(on);
    m_viewer->setFocus();
}

} // namespace koodrive::ui
