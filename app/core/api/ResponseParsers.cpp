#include "ResponseParsers.h"

#include "JsonReader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace koodrive::api::ResponseParsers {

namespace {

int digitsAt(QStringView text, qsizetype at, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const QChar c = text.at(at + i);
        if (!c.isDigit())
            return -1;
        value = value * 10 + c.digitValue();
    }
    return value;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
qint64 daysFromCivil(qint64 y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const qint64 yoe = y - era * 400;
    const qint64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const qint64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

ApiError refusal(int httpStatus, const QString &code, const QString &parameter, const QString &message,
                 const QString &traceId)
{
    ApiError error;
    error.kind = httpStatus == 401   ? ApiError::Kind::Unauthorized
                 : httpStatus == 429 ? ApiError::Kind::RateLimited
                 : httpStatus >= 500 ? ApiError::Kind::Server
                                     : ApiError::Kind::Refused;
    error.httpStatus = httpStatus;
    error.code = code;
    error.parameter = parameter;
    // A person reads what happened and what to do; what the service said goes to the details.
    switch (error.kind) {
    case ApiError::Kind::Server:
        error.message =
            QCoreApplication::translate(
                "ApiError", "KooDrive is not available right now (HTTP %1). Try again in a moment.")
                .arg(httpStatus);
        break;
    case ApiError::Kind::RateLimited:
        error.message = QCoreApplication::translate("ApiError", "KooDrive is busy. Try again in a moment.");
        break;
    case ApiError::Kind::Unauthorized:
        error.message =
            QCoreApplication::translate("ApiError", "Your KooDrive session has ended. Sign in again.");
        break;
    default:
        error.message = message.isEmpty()
                            ? QCoreApplication::translate("ApiError", "KooDrive refused the request.")
                            : message;
        break;
    }
    if (!message.isEmpty() && message != error.message)
        error.serverMessage = message;
    error.traceId = traceId;
    error.retryable = httpStatus == 429 || httpStatus >= 500;
    return error;
}

} // namespace

qint64 isoTime(QStringView text)
{
    // yyyy-MM-ddTHH:mm:ss[.zzz]Z; QDateTime::fromString costs 30 times more per call
    // (../shared/PERFORMANCE-FACTS.md), and a listing parses two per file.
    if (text.size() != 20 && text.size() != 24)
        return -1;
    if (text.at(4) != u'-' || text.at(7) != u'-' || text.at(10) != u'T' || text.at(13) != u':' ||
        text.at(16) != u':' || text.back() != u'Z')
        return -1;
    const int year = digitsAt(text, 0, 4), month = digitsAt(text, 5, 2), day = digitsAt(text, 8, 2);
    const int hour = digitsAt(text, 11, 2), minute = digitsAt(text, 14, 2), second = digitsAt(text, 17, 2);
    int millis = 0;
    if (text.size() == 24) {
        if (text.at(19) != u'.')
            return -1;
        millis = digitsAt(text, 20, 3);
    }
    if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 ||
        minute > 59 || second < 0 || second > 60 || millis < 0)
        return -1;
    return ((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60000LL + second * 1000LL + millis;
}

namespace {
// A code written as a String or an Integer; empty for none, and for 0 (success).
QString codeText(const QJsonValue &code)
{
    const QString text = code.isString()   ? code.toString()
                         : code.isDouble() ? QString::number(exactInteger(code.toDouble()).value_or(-1))
                                           : QString();
    return text == QLatin1String("0") ? QString() : text;
}

Result<QJsonObject> readEnvelope(int httpStatus, const QByteArray &body, const QString &traceId)
{
    QJsonParseError parseError;
    QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error == QJsonParseError::IllegalUTF8String) {
        // One name with bytes that are not UTF-8 must not cost the whole page: those bytes become U+FFFD
        // (QString::fromUtf8 replaces each invalid sequence) and the rest is read as sent.
        doc = QJsonDocument::fromJson(QString::fromUtf8(body).toUtf8(), &parseError);
    }
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        if (httpStatus >= 400)
            return refusal(httpStatus, QString(), QString(), QString(), traceId);
        return ApiError::badResponse(
            QCoreApplication::translate("ApiError", "The server's answer is not JSON."), httpStatus, traceId);
    }
    const QJsonObject json = doc.object();
    if (json.contains(QStringLiteral("error"))) {
        const QJsonObject error = json.value(QStringLiteral("error")).toObject();
        const QJsonObject detail = error.value(QStringLiteral("errorDetail")).toArray().at(0).toObject();
        QString message = detail.value(QStringLiteral("description")).toString();
        if (message.isEmpty())
            message = error.value(QStringLiteral("description")).toString();
        QString code = detail.value(QStringLiteral("errorCode")).toString();
        if (code.isEmpty())
            code = QString::number(
                exactInteger(detail.value(QStringLiteral("errorCode")).toDouble()).value_or(0));
        if (code == QLatin1String("0"))
            code.clear();
        return refusal(httpStatus >= 400 ? httpStatus : 400, code,
                       detail.value(QStringLiteral("errorParam")).toString(), message, traceId);
    }
    // OPERATIONS.md §5 (ent.): the job calls may answer {error_code, error_msg}, on a 4xx or a 200.
    const QString enterpriseCode = codeText(json.value(QStringLiteral("error_code")));
    if (!enterpriseCode.isEmpty() || (httpStatus >= 400 && json.contains(QStringLiteral("error_msg"))))
        return refusal(httpStatus, enterpriseCode, QString(),
                       json.value(QStringLiteral("error_msg")).toString(), traceId);
    if (httpStatus >= 400)
        return refusal(httpStatus, codeText(json.value(QStringLiteral("code"))), QString(),
                       json.value(QStringLiteral("msg")).toString(), traceId);
    // "code" is an Integer on some pages and a String on others.
    if (const QString code = codeText(json.value(QStringLiteral("code"))); !code.isEmpty())
        return refusal(httpStatus, code, QString(), json.value(QStringLiteral("msg")).toString(), traceId);
    return json;
}
} // namespace

Result<QJsonObject> envelope(int httpStatus, const QByteArray &body, const QString &traceId,
                             const QString &requestId)
{
    Result<QJsonObject> result = readEnvelope(httpStatus, body, traceId);
    if (result.ok() || requestId.isEmpty())
        return result;
    ApiError error = result.error();
    error.requestId = requestId;
    return error;
}

Result<AlbumPage> albumPage(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("album list"));
    AlbumPage page;
    const QJsonArray list = r.array("albumList", true);
    page.total = int(r.integer("total", false, list.size()));
    page.albums.reserve(list.size());
    for (qsizetype i = 0; i < list.size() && r.ok(); ++i) {
        JsonReader a(list.at(i).toObject(), QStringLiteral("albumList[%1]").arg(i));
        Album album;
        album.id = a.string("id", true);
        album.name = a.string("name");
        album.coverUrl = a.url("coverImg");
        const qint64 type = a.integer("albumType", true);
        const qint64 kind = a.integer("albumKind", true);
        if (type != 1 && type != 2)
            a.fail("albumType");
        if (kind != 1 && kind != 2)
            a.fail("albumKind");
        album.type = AlbumType(type);
        album.kind = AlbumKind(kind);
        album.scopeDirs = a.strings("scopeDir");
        album.scopeKind = a.string("scopeKind");
        album.scopeParentFolderId = a.string("scopeParentFolderId");
        album.ownerId = a.string("albumOwnerId");
        album.groupId = a.string("groupId");
        album.createdMs = a.time("createTime");
        album.updatedMs = a.time("updateTime");
        if (album.id.isEmpty())
            a.fail("id");
        if (!a.ok())
            return a.error();
        page.albums.append(std::move(album));
    }
    if (!r.ok())
        return r.error();
    return page;
}

Result<QString> createdAlbumId(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("album create"));
    const QString id = r.string("albumId", true);
    if (!r.ok() || id.isEmpty()) {
        r.fail("albumId");
        return r.error();
    }
    return id;
}

Result<DriveFile> file(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("file"));
    DriveFile f = readDriveFile(r);
    if (!r.ok())
        return r.error();
    return f;
}

Result<FilePage> filePage(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("files list"));
    FilePage page;
    const QJsonArray files = r.array("files", true);
    page.nextCursor = r.string("nextCursor");
    page.files.reserve(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QJsonObject object = files.at(i).toObject();
        JsonReader f(object, QStringLiteral("files[%1]").arg(i));
        page.files.append(readDriveFile(f));
        if (!f.ok())
            return f.error();
    }
    if (!r.ok())
        return r.error();
    return page;
}

Result<AlbumContentsPage> albumContents(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("album contents"));
    AlbumContentsPage page;
    const QJsonArray list = r.array("contentList", true);
    page.total = int(r.integer("total", false, list.size()));
    page.nextCursor = r.string("nextPageCursor");
    page.items.reserve(list.size());
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader c(list.at(i).toObject(), QStringLiteral("contentList[%1]").arg(i));
        DriveFile item;
        item.id = c.string("id", true);
        item.ownerId = c.string("ownerId");
        item.containerId = c.string("containerId");
        item.name = c.string("fileName");
        item.fileType = int(c.integer("fileType"));
        item.mimeType = c.string("mimeType");
        item.size = c.integer("size");
        item.dimensions = QSize(int(c.integer("width")), int(c.integer("height")));
        item.takenMs = c.time("takeTime");
        item.durationMs = videoLengthMs(list.at(i).toObject()); // as files list's properties
        item.createdMs = c.time("createdTime");
        item.editedMs = c.time("editedTime");
        item.thumbnailUrl = c.url("thumbnailUrl");
        if (!c.ok())
            return c.error();
        page.items.append(std::move(item));
    }
    if (!r.ok())
        return r.error();
    return page;
}

Result<QVector<DownloadLink>> downloadLinks(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("download links"));
    QVector<DownloadLink> links;
    const QJsonArray list = r.array("downloads", true);
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader d(list.at(i).toObject(), QStringLiteral("downloads[%1]").arg(i));
        DownloadLink link{d.string("fileId", true), d.string("fileName"), d.url("url"), d.string("code"),
                          d.string("msg")};
        if (!d.ok())
            return d.error();
        links.append(std::move(link));
    }
    if (!r.ok())
        return r.error();
    return links;
}

Result<SpaceInfo> space(const QJsonObject &json)
{
    JsonReader r(json, QStringLiteral("space"));
    JsonReader d(r.object("data", true), QStringLiteral("data"));
    SpaceInfo info{d.string("containerId", true), d.string("bizRootFileId"), d.integer("capacity"),
                   d.integer("spaceUsed")};
    if (!r.ok())
        return r.error();
    if (!d.ok() || info.containerId.isEmpty()) {
        d.fail("containerId");
        return d.error();
    }
    return info;
}

Result<QVector<ShareFolder>> shareFolders(const QJsonObject &json)
{
    // OPERATIONS.md §2: {folders[…], code, msg}; each entry as GetShareFolderMetadata describes it.
    JsonReader r(json, QStringLiteral("share folders"));
    QVector<ShareFolder> folders;
    const QJsonArray list = r.array("folders", true);
    for (qsizetype i = 0; i < list.size(); ++i) {
        JsonReader s(list.at(i).toObject(), QStringLiteral("folders[%1]").arg(i));
        ShareFolder folder{s.string("groupId", true),  s.integer("id", true),   s.string("name"),
                           s.string("ownerId"),        s.string("containerId"), s.string("shareFolderFileId"),
                           int(s.integer("maxMember"))};
        if (!s.ok())
            return s.error();
        folders.append(std::move(folder));
    }
    if (!r.ok())
        return r.error();
    return folders;
}

Result<Session> session(const QJsonObject &json)
{
    // OPERATIONS.md §1: the user and the session sit under "data"; a renewal answers only sessionInfo.
    JsonReader r(json, QStringLiteral("session"));
    JsonReader data(r.object("data", true), QStringLiteral("data"));
    JsonReader user(data.object("userInfo"), QStringLiteral("data.userInfo"));
    JsonReader info(data.object("sessionInfo", true), QStringLiteral("data.sessionInfo"));
    Session s;
    s.userId = user.string("userId");
    const QString first = user.string("firstname");
    const QString last = user.string("surname");
    s.displayName = QString(first + QLatin1Char(' ') + last).trimmed();
    s.email = user.string("email");
    s.accessToken = info.string("accessToken", true);
    s.refreshToken = info.string("refreshToken");
    s.expiresInSecs = info.integer("expiresIn");
    s.issuedAtMs = info.integer("issuedAt"); // epoch milliseconds, written as a String
    for (JsonReader *reader : {&r, &data, &user, &info})
        if (!reader->ok())
            return reader->error();
    if (s.accessToken.isEmpty()) {
        info.fail("accessToken");
        return info.error();
    }
    return s;
}

} // namespace koodrive::api::ResponseParsers
