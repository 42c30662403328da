#pragma once

#include "account/ServerConnection.h"

#include <QMainWindow>

namespace koodrive::ui {

// The app's window. For now it shows which library it is connected to; the album sidebar, folder tree
// and thumbnail grid come with the models (issues 4 and 5).
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(const ServerConnection &connection, QWidget *parent = nullptr);
};

} // namespace koodrive::ui
