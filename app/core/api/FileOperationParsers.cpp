// The response parsers of OPERATIONS.md §3 to §7: upload, folders and names, jobs, favourites, search.
#include "JsonReader.h"
#include "ResponseParsers.h"

namespace koodrive::api::ResponseParsers {

namespace {
// multiParts[{partNumber, partSize, partOffset, uploadUrl, partId}] (OPERATIONS.md §3).
bool readParts(JsonReader &r, const QJsonArray &list, QVector<UploadPart> *parts)
{
    parts->reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader p(list.at(i).toObject(), r.where() + QStringLiteral(".multiParts[%1]").arg(i));
        UploadPart part;
        part.number = int(p.integer("partNumber", true));
        part.size = p.integer("partSize", true);
        part.offset = p.integer("partOffset");
        part.url = p.url("uploadUrl");
        part.partId = p.string("partId");
        if (p.ok() && (part.number < 1 || part.number > 10000))
            p.fail("partNumber");
        if (p.ok() && part.size < 0)
            p.fail("partSize");
        if (p.ok() && part.url.isEmpty())
            p.fail("uploadUrl");
        if (!p.ok()) {
            r.takeFailure(p);
            return false;
        }
        parts->append(std::move(part));
    }
    return true;
}
} // namespace

Result<CreatedUpload> createdUpload(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("files create"));
    CreatedUpload upload;
    upload.fileId = r.string("fileId", true);
    upload.fileName = r.string("fileName", true);
    upload.containerId = r.string("containerId");
    // A String array as in files list (koodrive-sim), or a plain String.
    upload.parentFolderId = json.value(QStringLiteral("parentFolder")).isArray()
                                ? r.strings("parentFolder").value(0)
                                : r.string("parentFolder");
    upload.uploadId = r.string("uploadId");
    upload.rapidUpload = r.boolean("rapidUpload");
    upload.exist = r.boolean("exist");
    // Nothing is sent for a rapid upload or a file already there: they need no parts.
    const QJsonArray parts = r.array("multiParts", !upload.rapidUpload && !upload.exist);
    if (r.ok() && upload.fileId.isEmpty())
        r.fail("fileId");
    if (r.ok() && upload.fileName.isEmpty())
        r.fail("fileName");
    if (!r.ok() || !readParts(r, parts, &upload.parts))
        return r.error();
    return upload;
}

Result<QVector<UploadPart>> partUrls(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("uploadUrl"));
    QVector<UploadPart> parts;
    const QJsonArray list = r.array("multiParts", true);
    if (!r.ok() || !readParts(r, list, &parts))
        return r.error();
    return parts;
}

Result<CreatedFolder> createdFolder(const QJsonObject &json)
{
    // OPERATIONS.md §4: "→ the new folder's id"; koodrive-sim answers its whole metadata.
    JsonReader r(json, QStringLiteral("directory"));
    CreatedFolder folder{r.string("id", true), r.string("fileName")};
    if (r.ok() && folder.id.isEmpty())
        r.fail("id");
    if (!r.ok())
        return r.error();
    return folder;
}

Result<QString> renamedFileName(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("rename"));
    const QString name = r.string("fileName");
    if (!r.ok())
        return r.error();
    return name;
}

} // namespace koodrive::api::ResponseParsers
