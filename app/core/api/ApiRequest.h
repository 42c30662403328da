#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>
#include <functional>

namespace koodrive::api {

// One KooDrive call before the headers are added: what KooDriveClient turns into a QNetworkRequest.
struct ApiRequest
{
    QByteArray method; // "GET", "POST", "DELETE"
    QString path;      // e.g. "/koodrive/ose/v1/album/list"
    QUrlQuery query;
    QByteArray body;           // JSON; empty for none
    bool idempotent = false;   // reads are retried on transient failures; mutations are not replayed blindly
    bool authenticated = true; // Authorization and X-User-Id; sign-in carries neither (OPERATIONS.md §1)
    bool renewal = false;      // the renewal itself: a 401 ends the session instead of renewing again
    // OPERATIONS.md, common rules: x-hw-share-folder-id makes the call act inside that shared folder
    // ("family") instead of the personal space; 0 for none.
    qint64 shareFolderId = 0;
    // Given a 200 answer's body on the call's thread, before the body is parsed on a worker: a listing
    // finds its next cursor here and asks for the next page while this one is parsed.
    std::function<void(const QByteArray &body)> peek{};
};

} // namespace koodrive::api
