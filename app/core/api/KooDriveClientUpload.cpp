// KooDriveClient: the three upload calls of OPERATIONS.md §3 (createFile, uploadUrl, completeFile). The
// bytes never go to the API host: transfers::FileUpload PUTs each part to the URL these calls give.
#include "ClientCall.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QTimeZone>

namespace koodrive::api {

using namespace checks;

namespace {
std::optional<ApiError> checkFileType(int fileType)
{
    // OPERATIONS.md §3: 15 image, 20 video, 26 word, 27 excel, 28 ppt, 30 audio, 35 archive, 40 app, 45
    // other.
    static const QSet<int> known{FileType::Image,   FileType::Video,        FileType::Word,
                                 FileType::Excel,   FileType::Presentation, FileType::Audio,
                                 FileType::Archive, FileType::App,          FileType::Other};
    if (known.contains(fileType))
        return std::nullopt;
    return ApiError::invalidInput(
        QStringLiteral("fileType"),
        QCoreApplication::translate("KooDriveClient",
                                    "fileType must be one of 15, 20, 26, 27, 28, 30, 35, 40 and 45."));
}

std::optional<ApiError> checkSha256(const QByteArray &sha256, bool required)
{
    if (sha256.isEmpty() && !required)
        return std::nullopt;
    bool hex = sha256.size() == 64;
    for (const char c : sha256)
        hex = hex && QByteArrayView("0123456789abcdefABCDEF").contains(c);
    if (hex)
        return std::nullopt;
    return ApiError::invalidInput(
        QStringLiteral("sha256"),
        QCoreApplication::translate("KooDriveClient", "sha256 must be 64 hexadecimal digits."));
}

// multiParts: part numbers 1..10000, none twice, parts of 5 MiB to 5 GiB. When `length` is known (create),
// the parts fit in it, and only the part that ends the file may be smaller than 5 MiB.
std::optional<ApiError> checkParts(const QVector<KooDriveClient::PartSize> &parts, qint64 length)
{
    if (auto error = checkRange("multiParts", parts.size(), 0, KooDriveClient::MaxParts))
        return error;
    QSet<int> numbers;
    qint64 total = 0;
    int highest = 0;
    for (const KooDriveClient::PartSize &part : parts) {
        if (auto error = firstOf({checkRange("partNumber", part.partNumber, 1, KooDriveClient::MaxParts),
                                  checkRange("partSize", part.partSize, 0, KooDriveClient::MaxPartSize)}))
            return error;
        if (numbers.contains(part.partNumber))
            return ApiError::invalidInput(
                QStringLiteral("partNumber"),
                QCoreApplication::translate("KooDriveClient", "Part %1 is asked for twice.")
                    .arg(part.partNumber));
        numbers.insert(part.partNumber);
        total += part.partSize;
        highest = std::max(highest, part.partNumber);
    }
    if (length < 0)
        return std::nullopt;
    if (total > length)
        return checkRange("partSize", total, 0, length);
    for (const KooDriveClient::PartSize &part : parts)
        if (part.partSize < KooDriveClient::MinPartSize && (part.partNumber != highest || total != length))
            return checkRange("partSize", part.partSize, KooDriveClient::MinPartSize,
                              KooDriveClient::MaxPartSize);
    return std::nullopt;
}

QJsonArray partsJson(const QVector<KooDriveClient::PartSize> &parts)
{
    // Sequential parts: no partOffset and no hashCtx (those are for parallel parts, OPERATIONS.md §3).
    QJsonArray list;
    for (const KooDriveClient::PartSize &part : parts)
        list.append(QJsonObject{{QStringLiteral("partNumber"), part.partNumber},
                                {QStringLiteral("partSize"), part.partSize}});
    return list;
}
} // namespace

QVector<KooDriveClient::PartSize> KooDriveClient::planParts(qint64 length, qint64 partSize)
{
    // No more than 10 000 parts: a file of over 50 GB takes bigger ones, whole MiB.
    constexpr qint64 MiB = 1024 * 1024;
    partSize = std::clamp(partSize, MinPartSize, MaxPartSize);
    if (length > partSize * MaxParts)
        partSize = std::min(MaxPartSize, ((length + MaxParts - 1) / MaxParts + MiB - 1) / MiB * MiB);
    QVector<PartSize> parts;
    qint64 offset = 0;
    do {
        const qint64 size = std::min(partSize, length - offset);
        parts.append({int(parts.size() + 1), size});
        offset += size;
    } while (offset < length);
    return parts;
}

CallHandle KooDriveClient::createFile(const NewUpload &upload, QObject *context, Callback<CreatedUpload> done)
{
    // OPERATIONS.md §3, step 1: POST /files/create, every field of its table.
    if (auto error =
            firstOf({checkFileName("fileName", upload.fileName), checkFileType(upload.fileType),
                     checkText("parentFolder", upload.parentFolderId, 1, 64),
                     checkRange("length", upload.length, 0, MaxUploadLength),
                     checkSha256(upload.sha256, upload.onClash == OnUploadClash::SkipIfSame),
                     checkParts(upload.parts, upload.length), checkText("mimeType", upload.mimeType, 0, 255),
                     checkText("description", upload.description, 0, 512),
                     checkRange("createdTime", upload.createdMs, 0, 253402300799999), // year 9999
                     checkShareFolder(upload.shareFolderId)}))
        return reject(*error, context, std::move(done));
    QJsonObject body{{QStringLiteral("fileName"), upload.fileName},
                     {QStringLiteral("fileType"), QString::number(upload.fileType)}, // a String
                     {QStringLiteral("parentFolder"), QJsonArray{upload.parentFolderId}},
                     {QStringLiteral("length"), upload.length},
                     {QStringLiteral("uploadMode"), QStringLiteral("multipart")}, // the only mode documented
                     {QStringLiteral("uploadType"), 1}, // 0 and 2 are "not supported yet"
                     {QStringLiteral("autoRename"), int(upload.onClash)}};
    if (!upload.sha256.isEmpty())
        body.insert(QStringLiteral("sha256"), QString::fromLatin1(upload.sha256.toLower()));
    if (!upload.parts.isEmpty())
        body.insert(QStringLiteral("multiParts"), partsJson(upload.parts));
    if (upload.createdMs > 0) // ISO 8601 as the pages write times (koodrive-sim's reading, README)
        body.insert(QStringLiteral("createdTime"),
                    QDateTime::fromMSecsSinceEpoch(upload.createdMs, QTimeZone::utc())
                        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")));
    if (!upload.mimeType.isEmpty())
        body.insert(QStringLiteral("mimeType"), upload.mimeType);
    if (!upload.description.isEmpty())
        body.insert(QStringLiteral("description"), upload.description);
    ApiRequest request{"POST", Api + QStringLiteral("/files/create"), {}, json(body), false};
    request.shareFolderId = upload.shareFolderId;
    return call<CreatedUpload>(std::move(request), context, std::move(done), &ResponseParsers::createdUpload);
}

CallHandle KooDriveClient::uploadUrls(const PartUrlsQuery &query, QObject *context,
                                      Callback<QVector<UploadPart>> done)
{
    // OPERATIONS.md §3, step 3: POST /files/multipart/uploadUrl {fileId, multiParts[{partNumber, partSize}]}.
    if (auto error = firstOf({checkText("fileId", query.fileId, 1, 64),
                              checkRange("multiParts", query.parts.size(), 1, MaxParts),
                              checkParts(query.parts, -1), checkShareFolder(query.shareFolderId)}))
        return reject(*error, context, std::move(done));
    ApiRequest request{"POST",
                       Api + QStringLiteral("/files/multipart/uploadUrl"),
                       {},
                       json({{QStringLiteral("fileId"), query.fileId},
                             {QStringLiteral("multiParts"), partsJson(query.parts)}}),
                       false};
    request.shareFolderId = query.shareFolderId;
    return call<QVector<UploadPart>>(std::move(request), context, std::move(done),
                                     atMost(int(query.parts.size()), &ResponseParsers::partUrls,
                                            [](const QVector<UploadPart> &parts) { return parts.size(); }));
}

CallHandle KooDriveClient::completeFile(const Completion &completion, QObject *context, Callback<Done> done)
{
    // OPERATIONS.md §3, step 4: POST /files/complete {fileId, sha256}; the server joins the parts and checks
    // the hash.
    if (auto error =
            firstOf({checkText("fileId", completion.fileId, 1, 64), checkSha256(completion.sha256, true),
                     checkShareFolder(completion.shareFolderId)}))
        return reject(*error, context, std::move(done));
    ApiRequest request{"POST",
                       Api + QStringLiteral("/files/complete"),
                       {},
                       json({{QStringLiteral("fileId"), completion.fileId},
                             {QStringLiteral("sha256"), QString::fromLatin1(completion.sha256.toLower())}}),
                       false};
    request.shareFolderId = completion.shareFolderId;
    return call<Done>(
        std::move(request), context,
        [done = std::move(done)](const Result<Done> &result) {
            if (result.ok() || result.error().code != ErrorCode::HashMismatch)
                return done(result);
            // 13000402: what arrived is not the file that was hashed (changed on disk meanwhile, or
            // damaged on the way). Its own kind, so that an uploader can say so and start again.
            ApiError error = result.error();
            error.kind = ApiError::Kind::HashMismatch;
            if (error.serverMessage.isEmpty())
                error.serverMessage = error.message;
            error.message =
                tr("The uploaded bytes do not match the file (SHA-256). The file may have changed "
                   "while it was sent; nothing was kept. Upload it again.");
            done(error);
        },
        &acknowledged);
}

} // namespace koodrive::api
