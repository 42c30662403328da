#pragma once

#include "ServerConnection.h"

#include <optional>

namespace koodrive {

// Which account the app signs in with at the next start: the server and the user id only. The tokens
// are in the TokenStore (the system keychain), never here.
namespace AccountSettings {
struct Remembered
{
    QUrl server;
    QString userId;
};
void remember(const ServerConnection &connection);
void forget();
std::optional<Remembered> remembered();
} // namespace AccountSettings

} // namespace koodrive
