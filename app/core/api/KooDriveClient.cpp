#include "KooDriveClient.h"

#include "ClientCall.h"
#include "ResponseParsers.h"
#include "account/TokenStore.h"
#include "i18n/Language.h"
#include "net/Transfer.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>

namespace koodrive::api {

using namespace checks;

namespace {
bool isWrongCredentials(const ApiError &error)
{
    return error.kind == ApiError::Kind::Unauthorized ||
           (error.kind == ApiError::Kind::Refused &&
            (error.parameter == QLatin1String("password") || error.parameter == QLatin1String("account")));
}
} // namespace

KooDriveClient::KooDriveClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
    // The language the app speaks (i18n::install makes it the default locale) until told otherwise.
    , m_language(i18n::apiLanguage(QLocale().name()))
{}

KooDriveClient::~KooDriveClient() = default;

void KooDriveClient::setConnection(const ServerConnection &connection)
{
    m_connection = connection;
    m_sessionEnded = false; // a session the person just gave: calls may go again
    setAccessExpiry(0, 0);  // its expiry, when known, is set after
    m_noEarlyRenewalBeforeMs = 0;
}

QString KooDriveClient::newTraceId()
{
    // X-Traceid: 58 letters, digits or '_' (../shared/koodrive-api/README.md).
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    QString id(58, Qt::Uninitialized);
    for (QChar &c : id)
        c = QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

QByteArray KooDriveClient::xDate() const
{
    // X-Date: UTC, yyyyMMdd'T'HHmmss'Z', on the server's clock as far as we know it.
    return QDateTime::currentDateTimeUtc()
        .addSecs(m_clockOffsetSecs)
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

bool KooDriveClient::learnClockOffset(const QByteArray &httpDate)
{
    QDateTime server = QLocale::c().toDateTime(QString::fromLatin1(httpDate.trimmed()),
                                               QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
    if (!server.isValid())
        return false;
    server.setTimeSpec(Qt::UTC);
    // One second behind the server's clock: X-Date may never be later than it.
    m_clockOffsetSecs = QDateTime::currentDateTimeUtc().secsTo(server) - 1;
    return true;
}

net::Transfer *KooDriveClient::send(const ApiRequest &request, const QString &traceId, QObject *owner,
                                    ApiError *refused)
{
    QUrl url = m_connection.server;
    if (!url.isValid() || url.host().isEmpty()) {
        *refused = ApiError::invalidInput(QStringLiteral("server"), tr("No KooDrive server is set."));
        return nullptr;
    }
    // Tokens and passwords never travel in the clear: plain http is for the local server only. The same
    // rule holds on every redirect (net::Transfer).
    if (url.scheme() != QLatin1String("https") &&
        !(url.scheme() == QLatin1String("http") && net::Transfer::isLoopback(url.host()))) {
        refused->kind = ApiError::Kind::Insecure;
        refused->message = tr("Refusing to send your KooDrive session over an unencrypted connection to %1.")
                               .arg(url.host());
        return nullptr;
    }
    if (request.authenticated && m_sessionEnded) {
        *refused = ApiError::sessionEnded(traceId);
        return nullptr;
    }
    url.setPath(url.path() + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);

    QNetworkRequest http(url);
    // The QNAM is shared with the thumbnail loader and may carry its disk cache: API answers never go there.
    http.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    http.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    // The common headers of every page, built here and nowhere else.
    if (request.authenticated) {
        const QString token = m_connection.accessToken;
        // The pages write "Bearer+{access_token}"; real servers hand out tokens already carrying a scheme.
        http.setRawHeader("Authorization",
                          token.contains(QLatin1Char(' ')) ? token.toLatin1() : "Bearer " + token.toLatin1());
        http.setRawHeader("X-User-Id", m_connection.userId.toUtf8());
    } else {
        // OPERATIONS.md §1: sign-in names the carrier in x-hw-agentName.
        http.setRawHeader("x-hw-agentName", m_agentName.toUtf8());
    }
    http.setRawHeader("X-Date", xDate());
    http.setRawHeader("X-Traceid", traceId.toLatin1());
    http.setRawHeader("language", m_language.toLatin1());
    if (request.shareFolderId > 0)
        http.setRawHeader("x-hw-share-folder-id", QByteArray::number(request.shareFolderId));
    if (!request.body.isEmpty())
        http.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    // Every request, the sign-in with its password included, carries credentials: redirects stay on the
    // server's origin, and the answer is bounded in bytes and time.
    return net::Transfer::start(m_network, http, request.method, request.body, m_policy, owner);
}

ApiRequest KooDriveClient::refreshRequest() const
{
    // OPERATIONS.md §1: the renewal carries the current access token in Authorization (it may have
    // expired) and the refresh token in the body.
    ApiRequest request{"POST",
                       Api + QStringLiteral("/auth/refreshToken"),
                       {},
                       json({{QStringLiteral("refreshToken"), m_refreshToken}})};
    request.renewal = true;
    return request;
}

void KooDriveClient::setAccessExpiry(qint64 expiresAtMs, qint64 lifetimeSecs)
{
    m_accessExpiresAtMs = qMax<qint64>(0, expiresAtMs);
    m_accessLifetimeSecs = qMax<qint64>(0, lifetimeSecs);
}

bool KooDriveClient::renewalDue() const
{
    if (m_refreshToken.isEmpty() || m_sessionEnded)
        return false;
    if (m_renewing)
        return true;
    if (m_accessExpiresAtMs <= 0 || QDateTime::currentMSecsSinceEpoch() < m_noEarlyRenewalBeforeMs)
        return false;
    // A minute ahead, or a fifth of a short lifetime: a token is not renewed at every call.
    const qint64 aheadMs = std::clamp<qint64>(m_accessLifetimeSecs * 1000 / 5, 0, 60'000);
    return QDateTime::currentMSecsSinceEpoch() >= m_accessExpiresAtMs - aheadMs;
}

void KooDriveClient::adoptSession(const Session &session)
{
    m_connection.accessToken = session.accessToken;
    if (!session.refreshToken.isEmpty())
        m_refreshToken = session.refreshToken;
    // OPERATIONS.md §1: expiresIn in seconds, counted from the answer's arrival (this computer's clock and the
    // server's may differ; issuedAt is the server's), with the bounds the keychain's copy uses.
    const StoredSession kept = StoredSession::answeredNow(session.accessToken, {}, session.expiresInSecs);
    setAccessExpiry(kept.expiresAtMs, kept.lifetimeSecs);
    m_sessionEnded = false;
    emit sessionRenewed(session);
}

void KooDriveClient::renewSession(std::function<void(const ApiError *error)> whenDone)
{
    m_renewWaiters.append(std::move(whenDone));
    if (m_renewing)
        return;
    m_renewing = true;
    call<Session>(
        refreshRequest(), this,
        [this, sentWith = m_connection.accessToken](const Result<Session> &result) {
            m_renewing = false;
            std::optional<ApiError> error;
            if (m_connection.accessToken != sentWith) {
                // Another session was taken meanwhile (a renewal asked for by itself, a sign-in again, another
                // account, another instance's pair): this answer is of the old one, granted or refused, and
                // the calls go with the new one.
            } else if (result.ok()) {
                adoptSession(result.value());
            } else {
                error = result.error();
                // A renewal that could not be sent or answered (offline, 5xx) ends nothing: the next call
                // tries again. A refusal ends the session until the person signs in again.
                // An answer that is not the page's shape (a captive portal's page) is no refusal either.
                const ApiError::Kind kind = error->kind;
                if (kind != ApiError::Kind::Network && kind != ApiError::Kind::Timeout &&
                    kind != ApiError::Kind::Server && kind != ApiError::Kind::RateLimited &&
                    kind != ApiError::Kind::BadResponse) {
                    m_refreshToken.clear();
                    reportSessionExpired(&*error);
                } else {
                    // Not made now: calls go with the token they have (a 401 still renews) rather than each
                    // waiting on a renewal that fails the same way, until a little later.
                    m_noEarlyRenewalBeforeMs = QDateTime::currentMSecsSinceEpoch() + 30'000;
                }
            }
            const auto waiters = std::exchange(m_renewWaiters, {});
            for (const auto &waiter : waiters)
                waiter(error ? &*error : nullptr);
        },
        &ResponseParsers::session);
}

void KooDriveClient::reportSessionExpired(const ApiError *why)
{
    if (std::exchange(m_sessionEnded, true))
        return; // said once; nothing authenticated has been sent since
    m_sessionEndReason = why ? *why : ApiError{};
    if (!why)
        m_sessionEndReason.message.clear();
    emit sessionExpired();
}

CallHandle KooDriveClient::listAlbums(const AlbumListQuery &query, QObject *context, Callback<AlbumPage> done)
{
    // album-list.txt, Table 1.
    if (auto error =
            firstOf({checkRange("pageSize", query.pageSize, 1, 100),
                     checkRange("pageNum", query.pageNum, 1, std::numeric_limits<int>::max()),
                     query.groupId.isEmpty() ? std::nullopt : checkText("groupId", query.groupId, 1, 64)}))
        return reject(*error, context, std::move(done));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("albumKind"), QString::number(int(query.kind)));
    q.addQueryItem(QStringLiteral("albumType"), QString::number(int(query.type)));
    if (!query.groupId.isEmpty())
        q.addQueryItem(QStringLiteral("groupId"), query.groupId);
    q.addQueryItem(QStringLiteral("pageSize"), QString::number(query.pageSize));
    q.addQueryItem(QStringLiteral("pageNum"), QString::number(query.pageNum));
    return call<AlbumPage>({"GET", Api + QStringLiteral("/album/list"), q, {}, true}, context,
                           std::move(done),
                           atMost(query.pageSize, &ResponseParsers::albumPage,
                                  [](const AlbumPage &page) { return page.albums.size(); }));
}

CallHandle KooDriveClient::createAlbum(const NewAlbum &album, QObject *context, Callback<QString> done)
{
    // album-create.txt, Table 2: integers for type and albumKind as the example sends them.
    QJsonObject body{{QStringLiteral("type"), int(album.type)},
                     {QStringLiteral("albumKind"), int(album.kind)}};
    std::optional<ApiError> error;
    if (album.type == AlbumType::Manual || !album.name.isEmpty()) {
        error = checkText("name", album.name, 1, 20);
        body.insert(QStringLiteral("name"), album.name);
    }
    if (!error && album.type == AlbumType::Collection) {
        error = firstOf({checkIds("scopeDir", album.scopeDirs, 1, 30),
                         checkText("scopeParentFolderId", album.scopeParentFolderId, 1, 64),
                         album.scopeImages || album.scopeVideos
                             ? std::nullopt
                             : std::optional(ApiError::invalidInput(QStringLiteral("scopeKind"),
                                                                    tr("Choose images, videos or both.")))});
        body.insert(QStringLiteral("scopeDir"), QJsonArray::fromStringList(album.scopeDirs));
        body.insert(QStringLiteral("scopeParentFolderId"), album.scopeParentFolderId);
        // create's scopeKind is a String: "1", "2" or "1,2".
        body.insert(QStringLiteral("scopeKind"), album.scopeImages && album.scopeVideos
                                                     ? QStringLiteral("1,2")
                                                 : album.scopeImages ? QStringLiteral("1")
                                                                     : QStringLiteral("2"));
    }
    if (!error && album.kind == AlbumKind::Shared) {
        error = firstOf(
            {checkText("groupId", album.groupId, 1, 64),
             checkRange("shareFolderId", album.shareFolderId, 1, std::numeric_limits<qint64>::max())});
        body.insert(QStringLiteral("groupId"), album.groupId);
        body.insert(QStringLiteral("shareFolderId"), album.shareFolderId);
    }
    if (!error && !album.containerId.isEmpty()) {
        error = checkText("containerId", album.containerId, 1, 64);
        body.insert(QStringLiteral("containerId"), album.containerId);
    }
    if (error)
        return reject(*error, context, std::move(done));
    return call<QString>({"POST", Api + QStringLiteral("/album/create"), {}, json(body), false}, context,
                         std::move(done), &ResponseParsers::createdAlbumId);
}

CallHandle KooDriveClient::updateAlbum(const QString &albumId, const AlbumChange &change, QObject *context,
                                       Callback<Done> done)
{
    // album-update.txt, Table 3: scopeDirList (not scopeDir), an Integer scopeKind; the path has no "album/".
    QJsonObject body;
    std::optional<ApiError> error = checkText("albumId", albumId, 1, 64);
    if (!error && change.name) {
        error = checkText("name", *change.name, 1, 20);
        body.insert(QStringLiteral("name"), *change.name);
    }
    if (!error && change.scopeDirs) {
        error = checkIds("scopeDirList", *change.scopeDirs, 1, 30);
        body.insert(QStringLiteral("scopeDirList"), QJsonArray::fromStringList(*change.scopeDirs));
    }
    if (!error && change.scopeParentFolderId) {
        error = checkText("scopeParentFolderId", *change.scopeParentFolderId, 1, 64);
        body.insert(QStringLiteral("scopeParentFolderId"), *change.scopeParentFolderId);
    }
    if (!error && change.scopeKinds) {
        const auto [images, videos] = *change.scopeKinds;
        if (!images && !videos)
            error = ApiError::invalidInput(QStringLiteral("scopeKind"), tr("Choose images, videos or both."));
        // An Integer on this page; both kinds cannot be one integer, so they go as the page's "1,2".
        body.insert(QStringLiteral("scopeKind"),
                    images && videos ? QJsonValue(QStringLiteral("1,2")) : QJsonValue(images ? 1 : 2));
    }
    if (!error && body.isEmpty())
        error = ApiError::invalidInput(QStringLiteral("name"), tr("Nothing to change."));
    if (error)
        return reject(*error, context, std::move(done));
    return call<Done>({"POST",
                       Api + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(albumId)) +
                           QStringLiteral("/update"),
                       {},
                       json(body),
                       false},
                      context, std::move(done), &acknowledged);
}

CallHandle KooDriveClient::addToAlbum(const QString &albumId, const QVector<FileRef> &files, QObject *context,
                                      Callback<Done> done)
{
    // album-add-content.txt, Tables 3 and 4: at most 100 {fileId (<= 64), ownerId}.
    std::optional<ApiError> error =
        firstOf({checkText("albumId", albumId, 1, 64), checkRange("fileIds", files.size(), 1, 100)});
    QJsonArray list;
    for (const FileRef &file : files) {
        if (!error)
            error =
                firstOf({checkText("fileId", file.fileId, 1, 64), checkText("ownerId", file.ownerId, 1, 64)});
        list.append(
            QJsonObject{{QStringLiteral("fileId"), file.fileId}, {QStringLiteral("ownerId"), file.ownerId}});
    }
    if (error)
        return reject(*error, context, std::move(done));
    return call<Done>(
        {"POST",
         Api + QStringLiteral("/album/%1/add").arg(QString::fromLatin1(QUrl::toPercentEncoding(albumId))),
         {},
         json({{QStringLiteral("fileIds"), list}}),
         false},
        context, std::move(done), &acknowledged);
}

QString KooDriveClient::peekNextCursor(const QByteArray &body)
{
    // files-list.txt, Table 7: nextCursor, a String. A key inside a string value would have its quotes
    // escaped (\"), so `"nextCursor"` then `:` is a key; a name or an extension field could still hold one
    // deeper down, so two are none, and the parsed page's cursor is checked against this guess anyway.
    static const QByteArray key = QByteArrayLiteral("\"nextCursor\"");
    QString found;
    for (qsizetype at = body.indexOf(key); at >= 0; at = body.indexOf(key, at + key.size())) {
        qsizetype i = at + key.size();
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        if (i >= body.size() || body[i] != ':')
            continue;
        ++i;
        while (i < body.size() && (body[i] == ' ' || body[i] == '\n' || body[i] == '\r' || body[i] == '\t'))
            ++i;
        if (i >= body.size() || body[i] != '"')
            return {}; // null or another type: the parser decides
        const qsizetype end = body.indexOf('"', i + 1);
        if (end < 0 || !found.isNull())
            return {};
        const QByteArray value = body.mid(i + 1, end - i - 1);
        if (value.contains('\\') || value.size() > 4096)
            return {};
        found = QString::fromUtf8(value);
    }
    return found.isNull() ? QString() : found;
}

CallHandle KooDriveClient::listFiles(const FileListQuery &query, QObject *context, Callback<FilePage> done)
{
    // files-list.txt, Tables 3 to 5.
    if (auto error = firstOf(
            {checkText("containerId", query.containerId, 1, 64),
             checkText("parentFileId", query.parentFileId, 1, 64),
             checkRange("pageSize", query.pageSize, 1, 100), checkRange("sortType", query.sortType, 0, 6),
             checkRange("sortDirection", query.sortDirection, 0, 2),
             checkText("fileName", query.fileName, 0, 80),
             checkText("imageProcess", query.imageProcess, 0, 300), checkShareFolder(query.shareFolderId)}))
        return reject(*error, context, std::move(done));
    QJsonObject body{{QStringLiteral("containerId"), query.containerId},
                     {QStringLiteral("parentFileId"), query.parentFileId},
                     {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), query.pageSize},
                                                              {QStringLiteral("pageCursor"), query.cursor}}}};
    if (query.sortType)
        body.insert(QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), query.sortType},
                                                            {QStringLiteral("sortDirection"),
                                                             query.sortDirection ? query.sortDirection : 1}});
    if (query.fileType)
        body.insert(QStringLiteral("fileType"), QString::number(query.fileType));
    if (!query.fileName.isEmpty())
        body.insert(QStringLiteral("fileName"), query.fileName);
    if (!query.imageProcess.isEmpty())
        body.insert(QStringLiteral("imageProcess"), query.imageProcess);
    ApiRequest request{"POST",
                       Api + (query.recycleBin ? QStringLiteral("/files/1") : QStringLiteral("/files/0")),
                       {},
                       json(body),
                       true};
    request.shareFolderId = query.shareFolderId;
    if (query.cursorSeen)
        request.peek = [seen = query.cursorSeen](const QByteArray &answer) { seen(peekNextCursor(answer)); };
    return call<FilePage>(std::move(request), context, std::move(done),
                          atMost(query.pageSize, &ResponseParsers::filePage,
                                 [](const FilePage &page) { return page.files.size(); }));
}

CallHandle KooDriveClient::listAlbumContents(const AlbumContentsQuery &query, QObject *context,
                                             Callback<AlbumContentsPage> done)
{
    if (auto error = firstOf({checkText("albumId", query.albumId, 1, 64),
                              checkRange("pageSize", query.pageSize, 1, 100),
                              checkRange("sortType", query.sortType, 0, 3),
                              checkRange("sortDirection", query.sortDirection, 0, 2)}))
        return reject(*error, context, std::move(done));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("pageSize"), QString::number(query.pageSize));
    if (!query.cursor.isEmpty())
        q.addQueryItem(QStringLiteral("pageCursor"),
                       QString::fromLatin1(QUrl::toPercentEncoding(query.cursor)));
    if (query.sortType)
        q.addQueryItem(QStringLiteral("sortType"), QString::number(query.sortType));
    if (query.sortDirection)
        q.addQueryItem(QStringLiteral("sortDirection"), QString::number(query.sortDirection));
    if (!query.imageProcess.isEmpty())
        q.addQueryItem(QStringLiteral("imageProcess"),
                       QString::fromLatin1(QUrl::toPercentEncoding(query.imageProcess)));
    return call<AlbumContentsPage>(
        {"GET",
         Api + QStringLiteral("/album/%1/list")
                   .arg(QString::fromLatin1(QUrl::toPercentEncoding(query.albumId))),
         q,
         {},
         true},
        context, std::move(done),
        atMost(query.pageSize, &ResponseParsers::albumContents,
               [](const AlbumContentsPage &page) { return page.items.size(); }));
}

CallHandle KooDriveClient::deleteAlbum(const QString &albumId, QObject *context, Callback<Done> done)
{
    if (auto error = checkText("albumId", albumId, 1, 64))
        return reject(*error, context, std::move(done));
    return call<Done>(
        {"DELETE",
         Api + QStringLiteral("/album/%1").arg(QString::fromLatin1(QUrl::toPercentEncoding(albumId))),
         {},
         {},
         false},
        context, std::move(done), &acknowledged);
}

CallHandle KooDriveClient::removeFromAlbum(const QString &albumId, const QStringList &fileIds,
                                           QObject *context, Callback<Done> done)
{
    // DELETE /{albumId}/batchDelete with a body {"ids": [...]}, at most 1000.
    if (auto error = firstOf({checkText("albumId", albumId, 1, 64), checkIds("ids", fileIds, 1, 1000)}))
        return reject(*error, context, std::move(done));
    return call<Done>(
        {"DELETE",
         Api + QStringLiteral("/%1/batchDelete").arg(QString::fromLatin1(QUrl::toPercentEncoding(albumId))),
         {},
         json({{QStringLiteral("ids"), QJsonArray::fromStringList(fileIds)}}),
         false},
        context, std::move(done), &acknowledged);
}

CallHandle KooDriveClient::fileDetail(const QString &fileId, const QString &containerId,
                                      const QString &imageProcess, QObject *context, Callback<DriveFile> done)
{
    if (auto error =
            firstOf({checkText("fileId", fileId, 1, 64), checkText("containerId", containerId, 1, 64),
                     checkText("imageProcess", imageProcess, 0, 300)}))
        return reject(*error, context, std::move(done));
    QJsonObject body{{QStringLiteral("containerId"), containerId}};
    if (!imageProcess.isEmpty())
        body.insert(QStringLiteral("imageProcess"), imageProcess);
    return call<DriveFile>(
        {"POST",
         Api + QStringLiteral("/files/%1/detail").arg(QString::fromLatin1(QUrl::toPercentEncoding(fileId))),
         {},
         json(body),
         true},
        context, std::move(done), &ResponseParsers::file);
}

CallHandle KooDriveClient::downloadLinks(const QString &containerId, const QStringList &fileIds,
                                         QObject *context, Callback<QVector<DownloadLink>> done)
{
    if (auto error =
            firstOf({checkText("containerId", containerId, 1, 64), checkIds("fileIds", fileIds, 1, 100)}))
        return reject(*error, context, std::move(done));
    return call<QVector<DownloadLink>>(
        {"POST",
         Api + QStringLiteral("/files/download"),
         {},
         json({{QStringLiteral("containerId"), containerId},
               {QStringLiteral("fileIds"), QJsonArray::fromStringList(fileIds)}}),
         true},
        context, std::move(done), &ResponseParsers::downloadLinks);
}

CallHandle KooDriveClient::spaceInfo(QObject *context, Callback<SpaceInfo> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("type"), QStringLiteral("1"));
    return call<SpaceInfo>({"GET",
                            Api + QStringLiteral("/space/%1")
                                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.userId))),
                            q,
                            {},
                            true},
                           context, std::move(done), &ResponseParsers::space);
}

CallHandle KooDriveClient::shareFolders(QObject *context, Callback<QVector<ShareFolder>> done)
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("offset"), QStringLiteral("0"));
    q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1000"));
    q.addQueryItem(QStringLiteral("queryType"), QStringLiteral("0"));
    return call<QVector<ShareFolder>>({"GET", Api + QStringLiteral("/sharefolder/list"), q, {}, true},
                                      context, std::move(done), &ResponseParsers::shareFolders);
}

CallHandle KooDriveClient::signIn(const QString &account, const QString &password, QObject *context,
                                  Callback<Session> done)
{
    if (auto error =
            firstOf({checkText("account", account, 1, 128), checkText("password", password, 1, 256)}))
        return reject(*error, context, std::move(done));
    // OPERATIONS.md §1: authType is a String, "1" for a password.
    return call<Session>(
        {"POST",
         Api + QStringLiteral("/auth/login"),
         {},
         json({{QStringLiteral("account"), account},
               {QStringLiteral("authType"), QStringLiteral("1")},
               {QStringLiteral("password"), password},
               {QStringLiteral("captchaToken"), QString()}}),
         false,
         false},
        context,
        [done = std::move(done)](const Result<Session> &result) {
            if (result.ok() || !isWrongCredentials(result.error())) {
                done(result);
                return;
            }
            // The pages give no code for a wrong password: a 401, or a refusal naming the account or the
            // password, is one (README, decisions). It is not "your session has ended".
            ApiError error = result.error();
            error.kind = ApiError::Kind::WrongCredentials;
            error.message = tr("The account or the password is wrong.");
            done(error);
        },
        &ResponseParsers::session);
}

CallHandle KooDriveClient::refreshSession(QObject *context, Callback<Session> done)
{
    if (m_refreshToken.isEmpty())
        return reject(ApiError::invalidInput(QStringLiteral("refreshToken"),
                                             tr("There is no refresh token: sign in again.")),
                      context, std::move(done));
    QPointer<QObject> receiver(context);
    // The new tokens are adopted even when the asker is gone: the old ones no longer work.
    return call<Session>(
        refreshRequest(), this,
        [this, receiver, sentWith = m_connection.accessToken, done = std::move(done)](const Result<Session> &result) {
            if (result.ok() && m_connection.accessToken == sentWith) // not over a session taken since
                adoptSession(result.value());
            if (receiver)
                done(result);
        },
        &ResponseParsers::session);
}

CallHandle KooDriveClient::signOut(QObject *context, Callback<Done> done)
{
    return call<Done>({"POST",
                       Api + QStringLiteral("/auth/logout"),
                       {},
                       json({{QStringLiteral("userId"), m_connection.userId},
                             {QStringLiteral("accessToken"), m_connection.accessToken}}),
                       false},
                      context, std::move(done), &acknowledged);
}

} // namespace koodrive::api
