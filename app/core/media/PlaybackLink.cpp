#include "PlaybackLink.h"

#include "net/Transfer.h"

#include <QTimer>

namespace koodrive::media {

PlaybackLink::PlaybackLink(api::KooDriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

bool PlaybackLink::isPlayable(const QUrl &url)
{
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty())
        return false;
    if (url.scheme() == QLatin1String("https"))
        return true;
    return url.scheme() == QLatin1String("http") && net::Transfer::isLoopback(url.host());
}

void PlaybackLink::cancel()
{
    ++m_ticket;
    m_renewing = false;
    m_call.cancel();
    m_fileId.clear();
    m_url.clear();
}

void PlaybackLink::request(const QString &fileId, const QString &containerId)
{
    cancel();
    m_fileId = fileId;
    m_containerId = containerId;
    m_renewals = 0;
    m_lastRenewal.invalidate();
    ask(false);
}

bool PlaybackLink::renew()
{
    if (m_renewing)
        return true; // the renewal under way answers this failure too
    if (m_fileId.isEmpty() || m_renewals >= MaxRenewals)
        return false;
    ++m_renewals;
    m_renewing = true;
    const qint64 wait =
        m_lastRenewal.isValid() ? qMax<qint64>(0, MinRenewalGapMs - m_lastRenewal.elapsed()) : 0;
    const quint64 ticket = m_ticket;
    QTimer::singleShot(int(wait), this, [this, ticket] {
        if (ticket == m_ticket)
            ask(true);
    });
    return true;
}

void PlaybackLink::ask(bool renewal)
{
    m_call.cancel();
    if (renewal)
        m_lastRenewal.start();
    const QString fileId = m_fileId;
    m_call = m_client->downloadLinks(
        m_containerId, {fileId}, this,
        [this, fileId, renewal](const api::Result<QVector<api::DownloadLink>> &links) {
            if (fileId != m_fileId)
                return;
            m_renewing = false;
            if (!links.ok()) {
                emit failed(links.error());
                return;
            }
            api::ApiError error;
            error.kind = api::ApiError::Kind::Refused;
            const QVector<api::DownloadLink> &list = links.value();
            const auto mine = std::find_if(list.cbegin(), list.cend(), [&](const api::DownloadLink &link) {
                return link.fileId == fileId;
            });
            if (mine == list.cend() || mine->url.isEmpty()) {
                // The server's own words when it gave some (shown as plain text), else ours.
                error.code = mine == list.cend() ? QString() : mine->code;
                error.message = mine == list.cend() || mine->message.isEmpty()
                                    ? tr("This video cannot be downloaded.")
                                    : mine->message;
                emit failed(error);
                return;
            }
            const QUrl url = QUrl::fromEncoded(mine->url, QUrl::StrictMode);
            if (!isPlayable(url)) {
                error.kind = api::ApiError::Kind::Insecure;
                error.message =
                    tr("The video's address is not one the app plays from (only https, or http on "
                       "this computer).");
                emit failed(error);
                return;
            }
            m_url = url;
            emit ready(url, renewal);
        });
}

} // namespace koodrive::media
