#include "OriginalLoader.h"

#include "ThumbnailScheduler.h"
#include "threads/RunThen.h"
#include "threads/WorkPools.h"

#include <QBuffer>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace koodrive::thumbnails {

OriginalLoader::OriginalLoader(api::KooDriveClient *client, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_network(network)
{}

OriginalLoader::~OriginalLoader()
{
    cancel();
}

void OriginalLoader::cancel()
{
    ++m_ticket;
    m_link.cancel();
    if (m_reply) {
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void OriginalLoader::load(const QString &fileId, const QString &containerId, QSize box)
{
    cancel();
    m_fileId = fileId;
    const quint64 ticket = m_ticket;
    m_link = m_client->downloadLinks(
        containerId, {fileId}, this,
        [this, fileId, box, ticket](const api::Result<QVector<api::DownloadLink>> &links) {
            if (ticket != m_ticket)
                return;
            if (!links.ok()) {
                emit failed(fileId, links.error());
                return;
            }
            const auto &list = links.value();
            if (list.isEmpty() || list.first().url.isEmpty()) {
                api::ApiError error;
                error.kind = api::ApiError::Kind::Refused;
                error.code = list.isEmpty() ? QString() : list.first().code;
                error.message = list.isEmpty() || list.first().message.isEmpty()
                                    ? tr("This photo cannot be downloaded.")
                                    : list.first().message;
                emit failed(fileId, error);
                return;
            }
            fetch(list.first().url, box, ticket);
        });
}

void OriginalLoader::fetch(const QByteArray &url, QSize box, quint64 ticket)
{
    QNetworkRequest request(QUrl::fromEncoded(url));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    // A download link is object storage: no KooDrive header goes there, and the answer is bounded.
    net::Transfer *reply = net::Transfer::get(m_network, request, m_policy, this);
    m_reply = reply;
    const QString fileId = m_fileId;
    connect(reply, &net::Transfer::finished, this, [this, reply, box, ticket, fileId] {
        reply->deleteLater();
        if (ticket != m_ticket)
            return;
        const int status = reply->httpStatus();
        using Failure = net::Transfer::Failure;
        if (reply->failure() != Failure::None || status != 200) {
            api::ApiError error;
            error.kind = status >= 500 ? api::ApiError::Kind::Server : api::ApiError::Kind::Network;
            error.httpStatus = status;
            error.retryable = status == 0 || status >= 500 || status == 403;
            error.message = tr("The photo could not be downloaded: %1").arg(reply->networkErrorString());
            if (reply->failure() == Failure::TooLarge) {
                error.kind = api::ApiError::Kind::BadResponse;
                error.retryable = false;
                error.message = tr("This photo is larger than the app opens (over %1 MiB).")
                                    .arg(m_policy.maxBytes / (1024 * 1024));
            } else if (reply->failure() == Failure::Deadline) {
                error.kind = api::ApiError::Kind::Timeout;
                error.message = tr("The photo was still arriving after %1 s; the app stopped waiting.")
                                    .arg(m_policy.deadlineMs / 1000);
            } else if (reply->failure() == Failure::TooManyRedirects ||
                       reply->failure() == Failure::Insecure) {
                error.retryable = false;
                error.message = tr("The photo's address sent the app somewhere it does not follow.");
            }
            emit failed(fileId, error);
            return;
        }
        const QByteArray bytes = reply->takeBody();
        const QSize decodeBox = box.isValid() ? box : QSize(65535, 65535);
        threads::runThen(
            threads::longWork(),
            [bytes, decodeBox] {
                return std::pair(ThumbnailScheduler::decode(bytes, decodeBox, OriginalAllocationLimitMiB),
                                 fullSizeOf(bytes));
            },
            this,
            [this, ticket, fileId](const std::pair<QImage, QSize> &decoded) {
                if (ticket != m_ticket)
                    return;
                const QImage &image = decoded.first;
                if (image.isNull()) {
                    api::ApiError error;
                    error.kind = api::ApiError::Kind::BadResponse;
                    error.message = tr("This file is not a picture the app can show.");
                    emit failed(fileId, error);
                    return;
                }
                emit loaded(fileId, image, decoded.second.isValid() ? decoded.second : image.size());
            });
    });
}

QSize OriginalLoader::fullSizeOf(const QByteArray &bytes)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    reader.setAutoTransform(true);
    const QSize stored = reader.size();
    return reader.transformation().testFlag(QImageIOHandler::TransformationRotate90) ? stored.transposed()
                                                                                     : stored;
}

} // namespace koodrive::thumbnails
