#pragma once

#include "ServerConnection.h"

#include <QString>

namespace koodrive {

// The name of an account's own file in the app's data location ("<prefix>-<16 hex>.sqlite"): one per
// server and user, so that one account's uploads or saved library never reach another's window. The
// name says nothing readable about the account.
QString accountFileName(const ServerConnection &connection, const QString &prefix);

} // namespace koodrive
