#pragma once

#include <QString>
#include <QUrl>

namespace koodrive {

// Where the app talks to and as whom: a KooDrive server (or the embedded demo library) and a session.
// The access token is a secret: describe() and every log line leave it out.
struct ServerConnection
{
    QUrl server;
    QString userId;
    QString accessToken;
    bool demoLibrary = false;

    bool isComplete() const { return server.isValid() && !userId.isEmpty() && !accessToken.isEmpty(); }
    // For logs and the status bar: the server and the user, never the token.
    QString describe() const;
};

} // namespace koodrive
