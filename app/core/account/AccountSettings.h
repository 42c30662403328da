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
    QString displayName;
    QString email;
};
void remember(const ServerConnection &connection);
void forget();
std::optional<Remembered> remembered();
// x-hw-agentName for sign-in (the carrier's name): "account/agentName" in the settings file, for a carrier
// whose service wants another name; KooDriveClient::DefaultAgentName otherwise.
QString agentName();
} // namespace AccountSettings

} // namespace koodrive
