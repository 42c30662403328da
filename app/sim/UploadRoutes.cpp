#include "UploadRoutes.h"

#include "CreateFileRequest.h"
#include "ExifReader.h"
#include "FileNames.h"
#include "FileStore.h"
#include "FileTree.h"
#include "FolderRoutes.h"
#include "JsonFields.h"
#include "JsonWriter.h"
#include "ObjectStorage.h"
#include "PartPlan.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimFutures.h"
#include "SimIds.h"
#include "SimStore.h"
#include "UploadStore.h"
#include "UrlSigner.h"

#include <QDateTime>
#include <QFile>
#include <QImageReader>
#include <QSqlQuery>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;

SimError uploadMissing(const QString &parameter)
{
    return {400, QString::fromLatin1(ErrorCode::UploadMissing), parameter,
            QStringLiteral("there is no such upload under way (finished, cleaned up, or never made)")};
}

struct Completion
{
    ObjectStorage::Joined joined;
    QSize size;                    // as shown: the EXIF orientation applied
    std::optional<qint64> takenMs; // EXIF DateTimeOriginal
};

// Off the server's thread: join, hash, and read the picture's size and shooting time.
Completion joinAndProbe(const QStringList &parts, const QString &target, bool picture)
{
    Completion done;
    done.joined = ObjectStorage::join(parts, target);
    if (!done.joined.ok || !picture)
        return done;
    QImageReader reader(target);
    QSize size = reader.size();
    if (size.isValid()) {
        if (reader.transformation() & QImageIOHandler::TransformationRotate90)
            size.transpose();
        done.size = size;
    }
    QFile file(target);
    if (file.open(QIODevice::ReadOnly))
        done.takenMs = ExifReader::read(file.read(64 * 1024)).takenMs;
    return done;
}
} // namespace

UploadRoutes::UploadRoutes(SimContext &context, QObject *parent)
    : QObject(parent)
    , m_context(context)
{
    m_sweeper.setInterval(10 * 60 * 1000);
    connect(&m_sweeper, &QTimer::timeout, this, &UploadRoutes::sweep);
    m_sweeper.start();
    sweep();
}

void UploadRoutes::install(SimHttpServer &api, SimHttpServer &objects)
{
    api.route("POST", ApiRoot + QStringLiteral("/files/create"), Access::Session,
              [this](SimRequest &request) { return create(request); });
    api.route("POST", ApiRoot + QStringLiteral("/files/multipart/uploadUrl"), Access::Session,
              [this](SimRequest &request) { return moreUrls(request); });
    api.route("POST", ApiRoot + QStringLiteral("/files/complete"), Access::Session,
              [this](SimRequest &request) { return complete(request); });
    objects.route("PUT", QStringLiteral("/obs/upload/{fileId}/{partNumber:[0-9]+}"), Access::Open,
                  [this](SimRequest &request) { return putPart(request); });
}

int UploadRoutes::sweep()
{
    UploadStore uploads(m_context.store);
    int removed = 0;
    for (const QString &fileId : uploads.untouchedSince(m_context.clock.nowMs() - UnfinishedLifetimeMs)) {
        if (m_completing.contains(fileId))
            continue;
        removeUpload(fileId);
        ++removed;
    }
    return removed;
}

void UploadRoutes::removeUpload(const QString &fileId)
{
    SimStore::Transaction transaction(m_context.store);
    UploadStore(m_context.store).remove(fileId);
    transaction.commit();
    m_context.storage.removeUpload(fileId);
}

void UploadRoutes::writeParts(JsonWriter &out, const UploadRow &upload,
                              const QVector<UploadPart> &parts) const
{
    out.beginArray();
    for (const UploadPart &part : parts) {
        out.beginObject()
            .field("partNumber", part.number)
            .field("partSize", part.size)
            .field("partOffset", part.offset)
            .field("uploadUrl",
                   m_context.signer
                       .signUpload(m_context.origin(), upload.fileId, part.number, upload.uploadId, part.size,
                                   m_context.clock.nowSecs(), m_context.urlLifetimeSecs)
                       .constData())
            .field("partId", QStringLiteral("%1-%2").arg(upload.uploadId).arg(part.number))
            .endObject();
    }
    out.endArray();
}

SimReply UploadRoutes::create(SimRequest &request)
{
    SimContext &ctx = m_context;
    const CreateFileRequest asked = CreateFileRequest::read(request.json());
    const QString name = asked.fileName;
    const qint64 length = asked.length;
    const int autoRename = asked.autoRename;
    const QString &sha256 = asked.sha256;
    const qint64 createdMs = asked.createdMs.value_or(ctx.clock.nowMs());
    const SimContext::Space space = ctx.callSpace(request, asked.containerId, QStringLiteral("containerId"));
    const QString parent = ctx.targetFolder(space, asked.parentFolder, QStringLiteral("parentFolder"));
    const QVector<UploadPart> parts = PartPlan::merge(length, {}, asked.parts, QStringLiteral("multiParts"));

    FileTree tree(ctx.store, ctx.files);
    const qint64 now = ctx.clock.nowMs();
    JsonWriter out;
    auto answer = [&](const QString &fileId, const QString &finalName, const QString &uploadId, bool rapid,
                      bool exist) {
        out.beginObject()
            .field("fileId", fileId)
            .field("fileName", finalName)
            .field("containerId", space.containerId)
            .key("parentFolder")
            .beginArray()
            .value(parent)
            .endArray()
            .field("uploadId", uploadId)
            .field("rapidUpload", rapid)
            .field("exist", exist)
            .key("multiParts");
    };
    auto finish = [&out] {
        out.field("code", 0).field("msg", "Success.").endObject();
        return SimReply::jsonText(out.take());
    };

    // autoRename (OPERATIONS.md §3): 3 fails on a clash; 4 makes nothing when the same name holds the same
    // bytes; otherwise a clash gets a timestamp.
    QString finalName = name;
    if (tree.nameTaken(parent, name)) {
        if (autoRename == FolderRoutes::FailOnClash)
            throw SimError(400, QString::fromLatin1(ErrorCode::NameTaken), QStringLiteral("fileName"),
                           QStringLiteral("the folder already holds \"%1\"").arg(name));
        if (autoRename == CreateFileRequest::OnlyIfDifferent) {
            QSqlQuery same =
                ctx.store.exec(QStringLiteral("SELECT id, name FROM files WHERE parent_id = ? AND "
                                              "recycled = 0 AND name = ? AND sha256 = ? LIMIT 1"),
                               {parent, name, sha256});
            if (same.next()) {
                answer(same.value(0).toString(), same.value(1).toString(), QString(), false, true);
                out.beginArray().endArray();
                return finish();
            }
        }
        finalName = tree.freeName(parent, name, false, now);
    }

    sweep(); // what expired frees its room first
    const qint64 used =
        ctx.files.usedBytes(space.containerId) + UploadStore(ctx.store).pendingBytes(space.containerId);
    if (used + length > ctx.capacity(space))
        throw SimError(400, QString::fromLatin1(ErrorCode::NotEnoughSpace), QStringLiteral("length"),
                       QStringLiteral("the space has %1 bytes free; the file needs %2")
                           .arg(qMax<qint64>(0, ctx.capacity(space) - used))
                           .arg(length));

    // Rapid upload: these bytes are stored in the space already, so the file exists at once.
    if (!sha256.isEmpty()) {
        QSqlQuery stored =
            ctx.store.exec(QStringLiteral("SELECT %1 FROM files WHERE container_id = ? AND sha256 = ? "
                                          "AND size = ? AND blob IS NOT NULL LIMIT 1")
                               .arg(FileStore::columns()),
                           {space.containerId, sha256, length});
        if (stored.next()) {
            FileRow file = FileStore::read(stored);
            file.id = SimIds::fileId();
            file.ownerId = request.userId;
            file.parentId = parent;
            file.name = finalName;
            file.suffix = FileNames::suffix(finalName);
            file.fileType = asked.fileType;
            file.mimeType = asked.mimeType;
            file.createdMs = createdMs;
            file.editedMs = now;
            file.recycled = false;
            file.recycledMs = 0;
            file.recycledBy.clear();
            SimStore::Transaction transaction(ctx.store);
            ctx.files.insert({file});
            transaction.commit();
            answer(file.id, finalName, QString(), true, false);
            out.beginArray().endArray();
            return finish();
        }
    }

    UploadRow upload;
    upload.fileId = SimIds::fileId();
    upload.uploadId = SimIds::fileId().mid(1);
    upload.ownerId = request.userId;
    upload.containerId = space.containerId;
    upload.parentId = parent;
    upload.name = finalName;
    upload.fileType = asked.fileType;
    upload.mimeType = asked.mimeType;
    upload.length = length;
    upload.sha256 = sha256;
    upload.createdMs = createdMs;
    upload.touchedMs = now;
    upload.description = asked.description;
    UploadStore uploads(ctx.store);
    SimStore::Transaction transaction(ctx.store);
    uploads.insert(upload);
    for (const UploadPart &part : parts)
        uploads.addPart(upload.fileId, part);
    transaction.commit();
    answer(upload.fileId, finalName, upload.uploadId, false, false);
    writeParts(out, upload, parts);
    return finish();
}

UploadRow UploadRoutes::liveUpload(const SimRequest &request, const QString &fileId) const
{
    const SimContext::Space space = m_context.callSpace(request, std::nullopt, QStringLiteral("containerId"));
    const auto upload = UploadStore(m_context.store).upload(fileId);
    // Another user's upload, or one of another space, answers like one that does not exist.
    if (!upload || upload->ownerId != request.userId || upload->containerId != space.containerId ||
        upload->touchedMs < m_context.clock.nowMs() - UnfinishedLifetimeMs)
        throw uploadMissing(QStringLiteral("fileId"));
    return *upload;
}

SimReply UploadRoutes::moreUrls(SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString fileId =
        JsonFields::requiredString(body.value(QStringLiteral("fileId")), QStringLiteral("fileId"), 1, 64);
    const QVector<PartPlan::Asked> asked =
        PartPlan::read(body.value(QStringLiteral("multiParts")), QStringLiteral("multiParts"));
    if (asked.isEmpty())
        throw SimError::parameter(QStringLiteral("multiParts"),
                                  QStringLiteral("multiParts needs the parts to give URLs for"));
    const UploadRow upload = liveUpload(request, fileId);
    if (m_completing.contains(fileId))
        throw SimError(400, QString::fromLatin1(ErrorCode::UploadFailed), QStringLiteral("fileId"),
                       QStringLiteral("the upload is being completed"));
    UploadStore uploads(m_context.store);
    const QVector<UploadPart> known = uploads.parts(fileId);
    const QVector<UploadPart> all =
        PartPlan::merge(upload.length, known, asked, QStringLiteral("multiParts"));
    QVector<UploadPart> answered;
    for (const PartPlan::Asked &part : asked) {
        for (const UploadPart &placed : all)
            if (placed.number == part.number)
                answered.append(placed);
    }
    SimStore::Transaction transaction(m_context.store);
    for (const UploadPart &part : answered)
        uploads.addPart(fileId, part);
    uploads.touch(fileId, m_context.clock.nowMs());
    transaction.commit();
    JsonWriter out;
    out.beginObject().key("multiParts");
    writeParts(out, upload, answered);
    out.field("code", 0).field("msg", "Success.").endObject();
    return SimReply::jsonText(out.take());
}

SimReply UploadRoutes::putPart(SimRequest &request)
{
    // The URL is the only credential (pre-signed object storage): a KooDrive token sent along is refused
    // as S3 refuses a second authentication, so a client that leaks it here finds out (README).
    if (!request.header("Authorization").isEmpty())
        throw SimError::parameter(QStringLiteral("Authorization"),
                                  QStringLiteral("a pre-signed URL takes no Authorization header"));
    const QString fileId = request.args.at(0);
    const int partNumber = request.args.at(1).toInt();
    const QByteArray contentLength = request.header("Content-Length").trimmed();
    const auto verdict = m_context.signer.verifyUpload(fileId, partNumber, contentLength, request.query,
                                                       m_context.clock.nowSecs());
    const auto upload = UploadStore(m_context.store).upload(fileId);
    if (verdict == UrlSigner::Verdict::Forged) {
        // Content-Length is a signed header: a missing one, or one of another size than the part's, is the
        // forgery worth explaining.
        auto refuse = [](const QString &parameter, const QString &description) {
            return SimError(403, QString::fromLatin1(ErrorCode::NoPermission), parameter, description);
        };
        if (request.query.hasQueryItem(QStringLiteral("X-Amz-Signature"))) {
            if (contentLength.isEmpty())
                throw refuse(QStringLiteral("Content-Length"),
                             QStringLiteral("Content-Length is required: it is a signed header"));
            if (upload) {
                for (const UploadPart &part : UploadStore(m_context.store).parts(fileId))
                    if (part.number == partNumber && QByteArray::number(part.size) != contentLength)
                        throw refuse(QStringLiteral("Content-Length"),
                                     QStringLiteral("Content-Length must be the part's size, %1 bytes")
                                         .arg(part.size));
            }
        }
        throw refuse(QStringLiteral("X-Amz-Signature"), QStringLiteral("the URL's signature does not match"));
    }
    if (verdict == UrlSigner::Verdict::Expired)
        throw SimError(
            403, QString::fromLatin1(ErrorCode::NoPermission), QStringLiteral("X-Amz-Expires"),
            QStringLiteral("the URL has expired: ask POST /files/multipart/uploadUrl for a fresh one"));
    if (!upload || m_completing.contains(fileId))
        throw SimError(404, QString::fromLatin1(ErrorCode::UploadMissing), QStringLiteral("uploadId"),
                       QStringLiteral("the upload is finished or was cleaned up"));
    if (request.body.size() != contentLength.toLongLong())
        throw SimError::parameter(QStringLiteral("Content-Length"),
                                  QStringLiteral("the body is not Content-Length bytes long"));
    // To disk at once: the body is not kept after this.
    const QByteArray etag = m_context.storage.writePart(fileId, partNumber, request.body);
    request.body.clear();
    UploadStore uploads(m_context.store);
    SimStore::Transaction transaction(m_context.store);
    uploads.markReceived(fileId, partNumber, etag);
    uploads.touch(fileId, m_context.clock.nowMs());
    transaction.commit();
    SimReply reply;
    reply.contentType = "text/plain";
    reply.setHeader("ETag", etag);
    return reply;
}

SimHttpServer::Result UploadRoutes::complete(SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString fileId =
        JsonFields::requiredString(body.value(QStringLiteral("fileId")), QStringLiteral("fileId"), 1, 64);
    const QString sha256 =
        CreateFileRequest::sha256Field(body.value(QStringLiteral("sha256")), QStringLiteral("sha256"), true);
    const UploadRow upload = liveUpload(request, fileId);
    if (m_completing.contains(fileId))
        throw SimError(400, QString::fromLatin1(ErrorCode::UploadFailed), QStringLiteral("fileId"),
                       QStringLiteral("the upload is being completed"));
    const QVector<UploadPart> parts = UploadStore(m_context.store).parts(fileId);
    if (const QString missing = PartPlan::incomplete(upload.length, parts); !missing.isEmpty())
        throw SimError(400, QString::fromLatin1(ErrorCode::UploadFailed), QStringLiteral("fileId"),
                       QStringLiteral("the upload cannot be completed: %1").arg(missing));

    QStringList paths;
    for (const UploadPart &part : parts)
        paths.append(m_context.storage.partPath(fileId, part.number));
    const QString target = m_context.storage.joinTarget(fileId);
    m_completing.insert(fileId);
    const bool picture = upload.fileType == FileType::Image;
    return runThen(
        &m_context.workers, [paths, target, picture] { return joinAndProbe(paths, target, picture); }, this,
        [this, upload, sha256](const Completion &done) {
            m_completing.remove(upload.fileId);
            try {
                if (!done.joined.ok)
                    throw SimError(
                        400, QString::fromLatin1(ErrorCode::UploadFailed), QStringLiteral("fileId"),
                        QStringLiteral("the parts could not be joined: %1").arg(done.joined.error));
                const QString actual = QString::fromLatin1(done.joined.sha256Hex);
                if (actual != sha256 || (!upload.sha256.isEmpty() && actual != upload.sha256)) {
                    // A failed check leaves nothing behind: the client starts over (README).
                    removeUpload(upload.fileId);
                    throw SimError(400, QString::fromLatin1(ErrorCode::HashMismatch),
                                   QStringLiteral("sha256"),
                                   QStringLiteral("the parts' SHA-256 is %1, not the one given").arg(actual));
                }
                FileRow file;
                file.id = upload.fileId;
                file.containerId = upload.containerId;
                file.ownerId = upload.ownerId;
                file.parentId = upload.parentId;
                file.name = upload.name;
                file.fileType = upload.fileType;
                file.mimeType = upload.mimeType;
                file.suffix = FileNames::suffix(upload.name);
                file.size = done.joined.size;
                file.createdMs = upload.createdMs;
                file.editedMs = m_context.clock.nowMs();
                file.takenMs = done.takenMs.value_or(upload.createdMs);
                file.width = done.size.width();
                file.height = done.size.height();
                file.sha256 = actual;
                file.blobKey = m_context.storage.keep(done.joined.path, done.joined.sha256Hex);
                {
                    SimStore::Transaction transaction(m_context.store);
                    UploadStore(m_context.store).remove(upload.fileId);
                    m_context.files.insert({file});
                    transaction.commit();
                }
                m_context.storage.removeUpload(upload.fileId);
                return SimReply::success({{QStringLiteral("fileId"), file.id}});
            } catch (const SimError &error) {
                QFile::remove(done.joined.path);
                return SimReply::json(error.toJson(), error.httpStatus());
            }
        });
}

} // namespace koodrive::sim
