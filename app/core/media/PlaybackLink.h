#pragma once

#include "api/ApiError.h"
#include "api/KooDriveClient.h"

#include <QElapsedTimer>
#include <QObject>
#include <QUrl>

namespace koodrive::media {

// The address a video is streamed from: its download link (../shared/koodrive-api/README.md, "Download
// links": pre-signed, short-lived, lifetime not documented), asked for when the video is opened and asked
// again when the player finds it refused (an expired signature answers 403). The link comes from the
// server and is checked before a player is given it: https, or plain http to loopback only (the signature is
// a credential for the file, as an upload part's URL is: net::TransferPolicy::uploadPart). Renewals are
// bounded: MaxRenewals per video, each at least MinRenewalGapMs after the one before (a renewal asked for
// sooner waits), and one at a time (a player reports one failure as several errors), so a link that keeps
// failing ends in an error, not a loop.
class PlaybackLink final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PlaybackLink)

public:
    static constexpr int MaxRenewals = 3;
    static constexpr int MinRenewalGapMs = 1000;

    PlaybackLink(api::KooDriveClient *client, QObject *parent = nullptr);

    // Asks for `fileId`'s link (forgetting the file before: an answer for it is not taken).
    void request(const QString &fileId, const QString &containerId);
    // The player could not read the link it had: asks for a fresh one (or lets the renewal under way
    // stand). False when the renewals are spent (then nothing is asked and the caller shows its error).
    bool renew();
    // A renewal is asked for and its link has not come yet: the player's errors now are about the old one.
    bool isRenewing() const { return m_renewing; }
    void cancel();
    const QString &fileId() const { return m_fileId; }
    QUrl url() const { return m_url; }
    int renewals() const { return m_renewals; }

    // The rule for a link a player may be given (see the class comment).
    static bool isPlayable(const QUrl &url);

signals:
    // A link to play from; `renewed` when it replaces one that failed.
    void ready(const QUrl &url, bool renewed);
    void failed(const koodrive::api::ApiError &error);

private:
    void ask(bool renewal);

    api::KooDriveClient *m_client;
    api::CallHandle m_call;
    QString m_fileId;
    QString m_containerId;
    QUrl m_url;
    int m_renewals = 0;
    bool m_renewing = false;
    QElapsedTimer m_lastRenewal;
    quint64 m_ticket = 0; // a file asked for (a renewal waiting for its turn checks it)
};

} // namespace koodrive::media
