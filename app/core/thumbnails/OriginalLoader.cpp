#include "OriginalLoader.h"

#include "ThumbnailScheduler.h"
#include "threads/RunThen.h"
#include "threads/WorkPools.h"

#include <QBuffer>
#include <QImageReader>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <algorithm>
#include <cmath>

namespace koodrive::thumbnails {

namespace {
struct Decoded
{
    QImage image;
    QSize fullSize;
    QByteArray animation; // the bytes, when they are an animation to play
};
} // namespace

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
    m_containerId = containerId;
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

QString OriginalLoader::renditionProcess(QSize box)
{
    // README "Thumbnails": w and h in 1..9999, no upscaling (so a box past the picture is its full size).
    const int width = box.isValid() ? std::clamp(box.width(), 1, 9999) : 9999;
    const int height = box.isValid() ? std::clamp(box.height(), 1, 9999) : 9999;
    return QStringLiteral("image/resize,m_lfit,w_%1,h_%2/format,jpg").arg(width).arg(height);
}

void OriginalLoader::askForRendition(QSize box, quint64 ticket)
{
    const QString fileId = m_fileId;
    m_link =
        m_client->fileDetail(fileId, m_containerId, renditionProcess(box), this,
                             [this, fileId, box, ticket](const api::Result<api::DriveFile> &file) {
                                 if (ticket != m_ticket)
                                     return;
                                 if (!file.ok()) {
                                     emit failed(fileId, file.error());
                                     return;
                                 }
                                 if (file.value().thumbnailUrl.isEmpty()) {
                                     notAPicture();
                                     return;
                                 }
                                 fetch(file.value().thumbnailUrl, box, ticket, true, file.value().dimensions);
                             });
}

void OriginalLoader::notAPicture()
{
    api::ApiError error;
    error.kind = api::ApiError::Kind::BadResponse;
    error.message = tr("This file is not a picture the app can show.");
    emit failed(m_fileId, error);
}

void OriginalLoader::fetch(const QByteArray &url, QSize box, quint64 ticket, bool rendition, QSize fullSize)
{
    QNetworkRequest request(QUrl::fromEncoded(url));
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    // A download link is object storage: no KooDrive header goes there, and the answer is bounded.
    net::Transfer *reply = net::Transfer::get(m_network, request, m_policy, this);
    m_reply = reply;
    const QString fileId = m_fileId;
    connect(reply, &net::Transfer::finished, this, [this, reply, box, ticket, fileId, rendition, fullSize] {
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
                return Decoded{ThumbnailScheduler::decode(bytes, decodeBox, OriginalAllocationLimitMiB),
                               fullSizeOf(bytes), isPlayableAnimation(bytes) ? bytes : QByteArray()};
            },
            this,
            [this, ticket, fileId, box, rendition, fullSize](const Decoded &decoded) {
                if (ticket != m_ticket)
                    return;
                const QImage &image = decoded.image;
                if (image.isNull()) {
                    // Not a format the app reads: the server's JPEG of it, once.
                    if (rendition)
                        notAPicture();
                    else
                        askForRendition(box, ticket);
                    return;
                }
                // A rendition's own size is what was fitted; the original's is the detail's (files-list.txt
                // "properties" width and height), when it says one no smaller than the rendition.
                QSize full = decoded.fullSize.isValid() ? decoded.fullSize : image.size();
                // (and of the same shape: a size that would stretch the picture is not believed).
                if (rendition && fullSize.isValid() && fullSize.width() >= image.width() &&
                    fullSize.height() >= image.height() &&
                    std::abs(double(fullSize.width()) / fullSize.height() -
                             double(image.width()) / image.height()) <
                        0.02 * fullSize.width() / fullSize.height())
                    full = fullSize;
                emit loaded(fileId, image, full);
                if (!decoded.animation.isEmpty() && ticket == m_ticket)
                    emit animationFound(fileId, decoded.animation);
            });
    });
}

bool OriginalLoader::isPlayableAnimation(const QByteArray &bytes)
{
    if (bytes.size() > MostAnimationBytes)
        return false;
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer);
    const QSize size = reader.size();
    return reader.supportsAnimation() && size.isValid() &&
           qint64(size.width()) * size.height() <= MostAnimationPixels && reader.imageCount() > 1;
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
