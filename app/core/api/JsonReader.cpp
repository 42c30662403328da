#include "JsonReader.h"

#include "ResponseParsers.h"

#include <QCoreApplication>
#include <cmath>

namespace koodrive::api {

std::optional<qint64> exactInteger(double number)
{
    constexpr double limit = 9007199254740992.0;
    if (!(number >= -limit && number <= limit) || std::floor(number) != number)
        return std::nullopt;
    return qint64(number);
}

QString JsonReader::string(const char *name, bool required)
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isString())
        return v.toString();
    if (v.isDouble()) { // ids written as numbers
        if (const auto id = exactInteger(v.toDouble()))
            return QString::number(*id);
    }
    if (required || !(v.isUndefined() || v.isNull()))
        fail(name);
    return {};
}

qint64 videoLengthMs(const QJsonObject &object)
{
    JsonReader reader(object, QString());
    const qint64 ms = reader.integer("duration");
    return reader.ok() && ms > 0 && ms <= MaxDurationMs ? ms : 0;
}

qint64 JsonReader::integer(const char *name, bool required, qint64 fallback)
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (v.isDouble()) {
        if (const auto number = exactInteger(v.toDouble()))
            return *number;
    }
    if (v.isString()) {
        bool ok = false;
        const qint64 parsed = v.toString().toLongLong(&ok);
        if (ok)
            return parsed;
    }
    if (required || !(v.isUndefined() || v.isNull()))
        fail(name);
    return fallback;
}

bool JsonReader::boolean(const char *name, bool required)
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (!v.isBool() && (required || !(v.isUndefined() || v.isNull())))
        fail(name);
    return v.toBool();
}

qint64 JsonReader::time(const char *name)
{
    const QString text = string(name);
    if (text.isEmpty())
        return 0;
    const qint64 ms = ResponseParsers::isoTime(text);
    if (ms < 0)
        fail(name);
    return ms;
}

QJsonArray JsonReader::array(const char *name, bool required)
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (!v.isArray() && (required || !(v.isUndefined() || v.isNull())))
        fail(name);
    return v.toArray();
}

QJsonObject JsonReader::object(const char *name, bool required)
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    if (!v.isObject() && (required || !(v.isUndefined() || v.isNull())))
        fail(name);
    return v.toObject();
}

QStringList JsonReader::strings(const char *name)
{
    QStringList out;
    for (const QJsonValue &v : array(name)) {
        if (!v.isString())
            fail(name);
        out << v.toString();
    }
    return out;
}

bool JsonReader::has(const char *name) const
{
    const QJsonValue v = m_object.value(QLatin1String(name));
    return !(v.isUndefined() || v.isNull());
}

void JsonReader::fail(const char *name)
{
    fail(QString::fromLatin1(name));
}

void JsonReader::fail(const QString &name)
{
    if (m_failed.isEmpty())
        m_failed = m_where + QLatin1Char('.') + name;
}

ApiError JsonReader::error() const
{
    return ApiError::badResponse(
        QCoreApplication::translate("ApiError", "The server's answer is not what KooDrive documents (%1).")
            .arg(m_failed),
        200, QString());
}

DriveFile readDriveFile(JsonReader &r)
{
    DriveFile f;
    f.id = r.string("id", true);
    f.name = r.string("fileName", true);
    f.fileType = int(r.integer("fileType", true));
    f.mimeType = r.string("mimeType");
    f.suffix = r.string("fileSuffix");
    f.size = r.integer("size");
    f.createdMs = r.time("createdTime");
    f.editedMs = r.time("editedTime");
    f.recycled = r.boolean("recycled");
    f.recycledMs = r.time("recycledTime");
    // files-list.txt, Table 7; OPERATIONS.md §6: every listing says whether the file is a favourite.
    f.favorite = r.boolean("favorite");
    const QStringList parents = r.strings("parentFolder");
    f.parentId = parents.value(0); // files-list.txt: "Currently, only the first ID is used."
    f.containerId = r.strings("containers").value(0);
    const QJsonArray owners = r.array("owners");
    if (!owners.isEmpty()) {
        JsonReader owner(owners.at(0).toObject(), QStringLiteral("owners[0]"));
        f.ownerId = owner.string("userId");
    }
    const QJsonObject properties = r.object("properties");
    JsonReader p(properties, QStringLiteral("properties"));
    f.dimensions = QSize(int(p.integer("width")), int(p.integer("height")));
    f.takenMs = p.time("takeTime");
    // files-list.txt: properties is the file's "Map<String,Object>" of attributes; the pages name no video
    // length, so ours is "duration" in ms (README's decisions). Anything but a count of ms is ignored:
    // read apart, so that a field of our own reading never costs the file its place.
    f.durationMs = videoLengthMs(properties);
    if (!p.ok())
        r.fail("properties");
    // files-list.txt, Tables 9 to 14: attachments[].asset.resource.object.{downloadUrl, image[]}.
    for (const QJsonValue &attachment : r.array("attachments")) {
        const QJsonObject object = attachment.toObject()
                                       .value(QStringLiteral("asset"))
                                       .toObject()
                                       .value(QStringLiteral("resource"))
                                       .toObject()
                                       .value(QStringLiteral("object"))
                                       .toObject();
        if (f.originalUrl.isEmpty())
            f.originalUrl = object.value(QStringLiteral("downloadUrl"))
                                .toObject()
                                .value(QStringLiteral("url"))
                                .toString()
                                .toLatin1();
        const QJsonArray images = object.value(QStringLiteral("image")).toArray();
        if (f.thumbnailUrl.isEmpty() && !images.isEmpty())
            f.thumbnailUrl = images.at(0)
                                 .toObject()
                                 .value(QStringLiteral("downloadUrl"))
                                 .toObject()
                                 .value(QStringLiteral("url"))
                                 .toString()
                                 .toLatin1();
    }
    // QString::toLatin1() on a temporary keeps the string's buffer, two bytes a character: a signed URL
    // of 450 characters would hold 900 bytes, twice for each file of a listing read.
    f.originalUrl.squeeze();
    f.thumbnailUrl.squeeze();
    if (f.id.isEmpty())
        r.fail("id");
    return f;
}

} // namespace koodrive::api
