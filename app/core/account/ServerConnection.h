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
    // Who is signed in, as a person reads it (OPERATIONS.md §1 userInfo): not secret, remembered.
    QString displayName{};
    QString email{};

    bool isComplete() const { return server.isValid() && !userId.isEmpty() && !accessToken.isEmpty(); }
    // For logs and the status bar: the server and the user, never the token.
    QString describe() const;
    // The person: their name, else their email, else the user id.
    QString who() const;
};

} // namespace koodrive
