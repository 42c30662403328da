// The floor of bench_startup: a bare Qt Widgets window of the app's size, made and painted once, reporting
// its moments the way the app does (logging category koodrive.startup). Nothing is read, no model, no
// server: what linking Qt, connecting to the display and painting one window costs on this machine.
//
//   bench_bare_window        (started by bench_startup; stays open until terminated)
#include <QApplication>
#include <QLoggingCategory>
#include <QPaintEvent>
#include <QPainter>
#include <QWidget>

namespace {

Q_LOGGING_CATEGORY(lcStartup, "koodrive.startup", QtWarningMsg)

class BareWindow : public QWidget
{
public:
    using QWidget::QWidget;

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        painter.fillRect(event->rect(), palette().base());
        if (!m_painted) {
            m_painted = true;
            qCInfo(lcStartup) << "window shown";
            qCInfo(lcStartup) << "first screen of thumbnails painted";
        }
    }

private:
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    BareWindow window;
    window.resize(1200, 780); // the main window's first size
    window.show();
    return QApplication::exec();
}
