#include "MainWindow.h"

#include <QLabel>
#include <QStatusBar>
#include <QVBoxLayout>

namespace koodrive::ui {

MainWindow::MainWindow(const ServerConnection &connection, QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(connection.demoLibrary ? tr("KooDrive Albums — Demo library") : tr("KooDrive Albums"));
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    auto *title = new QLabel(tr("KooDrive Albums"), central);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *where = new QLabel(connection.describe(), central);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addStretch();
    layout->addWidget(title, 0, Qt::AlignHCenter);
    layout->addWidget(where, 0, Qt::AlignHCenter);
    layout->addStretch();
    setCentralWidget(central);
    statusBar()->showMessage(connection.describe());
    resize(1100, 720);
}

} // namespace koodrive::ui
