#include "MediaRoutes.h"

#include "DemoClips.h"
#include "FileStore.h"
#include "ImageProcess.h"
#include "ObjectStorage.h"
#include "PhotoRenderer.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimFutures.h"
#include "SimHttpServer.h"
#include "UrlSigner.h"

#include <QCryptographicHash>
#include <QFile>
#include <QImageReader>
#include <QPainter>
#include <QRandomGenerator>

namespace koodrive::sim {

namespace {
// Pictures up to this many pixels are painted on the server's thread; larger ones (originals) off it.
constexpr qint64 InlinePixels = 1024 * 1024;
constexpr QByteArrayView CacheControl = "private, max-age=86400";

QByteArray contentTypeFor(const QByteArray &format)
{
    if (format == "png")
        return "image/png";
    if (format == "webp")
        return "image/webp";
    return "image/jpeg";
}

QByteArray blob(const FileRow &file)
{
    QByteArray bytes(qMin(file.size, MediaRoutes::MaxBlobBytes), Qt::Uninitialized);
    QRandomGenerator random(qHash(file.id));
    random.fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return bytes;
}

// A thumbnail of an uploaded picture, decoded from its stored bytes (EXIF orientation applied unless the
// process says auto-orient,0); empty when the bytes are not a picture Qt can decode.
QByteArray renderStored(const QString &path, const ImageProcess &process, const QByteArray &format)
{
    QImageReader reader(path);
    reader.setAutoTransform(process.autoOrient());
    const QImage picture = reader.read();
    if (picture.isNull())
        return {};
    const ImageProcess::Placement placement = process.place(picture.size());
    QImage canvas(placement.canvas, QImage::Format_RGB32);
    canvas.fill(process.padColor());
    QPainter painter(&canvas);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(placement.picture, picture);
    painter.end();
    return PhotoRenderer::encode(canvas, format, process.quality());
}

SimReply imageReply(QByteArray body, const QByteArray &contentType, const QByteArray &etag)
{
    SimReply reply;
    reply.contentType = contentType;
    reply.body = std::move(body);
    reply.setHeader("ETag", etag);
    reply.setHeader("Cache-Control", CacheControl.toByteArray());
    // Like any object store, every object is served in ranges (SimHttpServer::finish cuts them): a saved
    // original that was cut short goes on where it stopped.
    reply.setHeader("Accept-Ranges", "bytes");
    return reply;
}
} // namespace

MediaRoutes::MediaRoutes(SimContext &context)
    : m_context(context)
    , m_rendered(96 * 1024)
{}

void MediaRoutes::install(SimHttpServer &server)
{
    server.route(
        "GET", QStringLiteral("/obs/{fileId}"), SimHttpServer::Access::Open,
        [this, &server](SimRequest &request) -> SimHttpServer::Result {
            const QString fileId = request.args.at(0);
            switch (m_context.signer.verify(fileId, request.query, m_context.clock.nowSecs())) {
            case UrlSigner::Verdict::Forged:
                throw SimError(403, QString::fromLatin1(ErrorCode::NoPermission),
                               QStringLiteral("X-Amz-Signature"),
                               QStringLiteral("the URL's signature does not match"));
            case UrlSigner::Verdict::Expired:
                throw SimError(403, QString::fromLatin1(ErrorCode::NoPermission),
                               QStringLiteral("X-Amz-Expires"), QStringLiteral("the URL has expired"));
            case UrlSigner::Verdict::Valid: break;
            }
            const auto file = m_context.files.file(fileId);
            if (!file || file->isFolder())
                throw SimError::notFound(request.path);

            const QString processText = request.queryValue(QStringLiteral("x-image-process"));
            std::optional<ImageProcess> process;
            if (!processText.isEmpty()) {
                QString error;
                process = ImageProcess::parse(processText, &error);
                if (!process)
                    throw SimError::parameter(QStringLiteral("x-image-process"), error);
            }
            const QString key = fileId + QLatin1Char('|') + (process ? process->canonical() : QString());
            const QByteArray etag =
                '"' + QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1).toHex().left(32) + '"';
            const QByteArray ifNoneMatch = request.header("If-None-Match");
            if (!ifNoneMatch.isEmpty() && (ifNoneMatch.contains(etag) || ifNoneMatch.trimmed() == "*")) {
                SimReply notModified = imageReply({}, {}, etag);
                notModified.status = 304;
                return notModified;
            }

            if (!process && file->hasBytes()) {
                // An uploaded file's original: its bytes as they were sent, streamed from disk.
                const QString path = m_context.storage.blobPath(file->blobKey);
                if (path.isEmpty() || !QFile::exists(path))
                    throw SimError::notFound(request.path);
                SimReply reply = imageReply({},
                                            file->mimeType.isEmpty() ? QByteArray("application/octet-stream")
                                                                     : file->mimeType.toLatin1(),
                                            etag);
                reply.filePath = path;
                return reply;
            }
            if (!process && file->isVideo()) {
                // A demo video plays a real clip (DemoClips); its listed size is the clip's.
                const DemoClip &clip = DemoClips::forFile(file->id);
                return imageReply(DemoClips::bytes(clip), file->mimeType.toLatin1(), etag);
            }
            if (!process && !file->isImage()) {
                SimReply reply = imageReply(blob(*file), file->mimeType.toLatin1(), etag);
                return reply;
            }
            const QByteArray sourceFormat = file->suffix == QLatin1String("png") ? "png" : "jpg";
            const QByteArray format =
                process && !process->format().isEmpty() ? process->format() : sourceFormat;
            const QByteArray contentType = contentTypeFor(format);
            if (const QByteArray *cached = m_rendered.object(key))
                return imageReply(*cached, contentType, etag);

            if (process && file->hasBytes() && file->isImage()) {
                // Decoded off the server's thread; a picture that does not decode gets the painted stand-in.
                const QString path = m_context.storage.blobPath(file->blobKey);
                const PhotoRenderer::Spec spec = PhotoRenderer::specFor(file->id, file->name, file->fileType,
                                                                        QSize(file->width, file->height));
                auto render = [path, spec, process = *process, format] {
                    QByteArray body = renderStored(path, process, format);
                    if (body.isEmpty()) {
                        const auto placement = process.place(spec.size);
                        body = PhotoRenderer::encode(PhotoRenderer::render(spec, placement.canvas,
                                                                           placement.picture,
                                                                           process.padColor()),
                                                     format, process.quality());
                    }
                    return body;
                };
                return runThen(&m_context.workers, render, &server,
                               [this, key, contentType, etag](QByteArray body) {
                                   m_rendered.insert(key, new QByteArray(body), int(body.size() / 1024) + 1);
                                   return imageReply(std::move(body), contentType, etag);
                               });
            }
            const PhotoRenderer::Spec spec = PhotoRenderer::specFor(file->id, file->name, file->fileType,
                                                                    QSize(file->width, file->height));
            const ImageProcess::Placement placement =
                process ? process->place(spec.size)
                        : ImageProcess::Placement{spec.size, QRectF(QPointF(), QSizeF(spec.size))};
            const QColor background = process ? process->padColor() : QColor(Qt::white);
            const int quality = process ? process->quality() : 0;
            auto render = [spec, placement, background, format, quality] {
                return PhotoRenderer::encode(
                    PhotoRenderer::render(spec, placement.canvas, placement.picture, background), format,
                    quality);
            };
            if (qint64(placement.canvas.width()) * placement.canvas.height() <= InlinePixels) {
                QByteArray body = render();
                m_rendered.insert(key, new QByteArray(body), int(body.size() / 1024) + 1);
                return imageReply(std::move(body), contentType, etag);
            }
            return runThen(&m_context.workers, render, &server,
                           [this, key, contentType, etag](QByteArray body) {
                               m_rendered.insert(key, new QByteArray(body), int(body.size() / 1024) + 1);
                               return imageReply(std::move(body), contentType, etag);
                           });
        });
}

} // namespace koodrive::sim
