#include "AccountRoutes.h"

#include "FileStore.h"
#include "JsonFields.h"
#include "RequestGuard.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimServer.h"
#include "SimStore.h"

#include <QJsonArray>

namespace koodrive::sim {

namespace {
using Access = SimHttpServer::Access;
// A family's size is not documented; koodrive-sim says what a family plan usually allows.
constexpr int MaxMembers = 6;

// OPERATIONS.md §1: sessionInfo{accessToken, expiresIn (s, Long), issuedAt (epoch ms, String), refreshToken}.
QJsonObject sessionInfo(SimContext &ctx, const SimServer::Tokens &tokens)
{
    return {
        {QStringLiteral("accessToken"), tokens.accessToken},
        {QStringLiteral("refreshToken"), tokens.refreshToken},
        {QStringLiteral("expiresIn"), ctx.tokenLifetimeSecs},
        {QStringLiteral("issuedAt"), QString::number(ctx.clock.nowMs())},
    };
}

// OPERATIONS.md §1: userInfo{userId, firstname, surname, phone, email}. koodrive-sim keeps one display
// name: its first word is the first name, the rest the surname; an account with '@' is the email.
QJsonObject userInfo(const UserRow &user)
{
    const qsizetype space = user.displayName.indexOf(QLatin1Char(' '));
    return {
        {QStringLiteral("userId"), user.id},
        {QStringLiteral("firstname"), space < 0 ? user.displayName : user.displayName.left(space)},
        {QStringLiteral("surname"), space < 0 ? QString() : user.displayName.mid(space + 1)},
        {QStringLiteral("phone"), QString()},
        {QStringLiteral("email"), user.account.contains(QLatin1Char('@')) ? user.account : QString()},
    };
}

// The session answers of OPERATIONS.md §1 put the user and the session under "data", with "code" a String.
SimReply sessionReply(QJsonObject data)
{
    return SimReply::json({{QStringLiteral("code"), QStringLiteral("0")},
                           {QStringLiteral("msg"), QStringLiteral("Success.")},
                           {QStringLiteral("data"), data}});
}

SimReply login(SimContext &ctx, SimRequest &request)
{
    // OPERATIONS.md §1: x-hw-agentName (the carrier's name) is required on sign-in.
    if (request.header("x-hw-agentName").isEmpty())
        throw SimError::parameter(QStringLiteral("x-hw-agentName"),
                                  QStringLiteral("x-hw-agentName is required"));
    const QJsonObject body = request.json();
    const QString account =
        JsonFields::requiredString(body.value(QStringLiteral("account")), QStringLiteral("account"), 1, 128);
    // authType is a String: "1" password, "2" SMS code. A number is not the documented form.
    const QJsonValue authType = body.value(QStringLiteral("authType"));
    if (!authType.isString() ||
        (authType.toString() != QLatin1String("1") && authType.toString() != QLatin1String("2")))
        throw SimError::parameter(QStringLiteral("authType"),
                                  QStringLiteral("authType must be the String \"1\" or \"2\""));
    if (authType.toString() == QLatin1String("2"))
        throw SimError::parameter(
            QStringLiteral("authType"),
            QStringLiteral("koodrive-sim signs in with a password (authType \"1\") only"));
    const QString password = JsonFields::requiredString(body.value(QStringLiteral("password")),
                                                        QStringLiteral("password"), 1, 256);
    const auto user = ctx.store.userByAccount(account);
    // One answer for an unknown account and a wrong password.
    if (!user || user->passwordHash != SimStore::tokenDigest(password))
        throw SimError::unauthorized(QStringLiteral("password"),
                                     QStringLiteral("the account or the password is wrong"));

    SimStore::Transaction transaction(ctx.store);
    const SimServer::Tokens tokens =
        SimServer::createSession(ctx.store, user->id, ctx.clock.nowMs(), ctx.tokenLifetimeSecs);
    transaction.commit();
    return sessionReply({{QStringLiteral("userInfo"), userInfo(*user)},
                         {QStringLiteral("sessionInfo"), sessionInfo(ctx, tokens)}});
}

SimReply refresh(SimContext &ctx, SimRequest &request)
{
    // OPERATIONS.md §1: the renewal carries the current access token in Authorization (it may have
    // expired: that is why one renews) and the refresh token in the body; both must be of one session.
    const QString userId = QString::fromUtf8(request.header("X-User-Id")).trimmed();
    if (userId.isEmpty())
        throw SimError::parameter(QStringLiteral("X-User-Id"), QStringLiteral("X-User-Id is required"));
    const QString accessToken = RequestGuard::tokenFrom(request.header("Authorization"));
    if (accessToken.isEmpty())
        throw SimError::unauthorized(
            QStringLiteral("Authorization"),
            QStringLiteral("Authorization with the current access token is required"));
    const QJsonObject body = request.json();
    const QString token = JsonFields::requiredString(body.value(QStringLiteral("refreshToken")),
                                                     QStringLiteral("refreshToken"), 1, 512);
    const auto session = ctx.store.sessionForTokens(accessToken, token);
    if (!session || session->userId != userId)
        throw SimError::unauthorized(QStringLiteral("refreshToken"),
                                     QStringLiteral("the refresh token is not valid for this session"));
    // The page's example answers with the same refresh token: the access token is renewed in place.
    SimStore::Transaction transaction(ctx.store);
    const SimServer::Tokens fresh{SimServer::newToken(), token};
    ctx.store.renewSession(token, fresh.accessToken, ctx.clock.nowMs(),
                           ctx.clock.nowMs() + ctx.tokenLifetimeSecs * 1000);
    transaction.commit();
    return sessionReply({{QStringLiteral("sessionInfo"), sessionInfo(ctx, fresh)}});
}

SimReply logout(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString userId =
        JsonFields::requiredString(body.value(QStringLiteral("userId")), QStringLiteral("userId"), 1, 64);
    const QString token = JsonFields::requiredString(body.value(QStringLiteral("accessToken")),
                                                     QStringLiteral("accessToken"), 1, 512);
    if (userId != request.userId)
        throw SimError::forbidden(QStringLiteral("userId"),
                                  QStringLiteral("userId is not the signed-in user"));
    const auto session = ctx.store.sessionForAccessToken(token);
    if (!session || session->userId != request.userId)
        throw SimError::parameter(QStringLiteral("accessToken"),
                                  QStringLiteral("accessToken is not a session of this user"));
    SimStore::Transaction transaction(ctx.store);
    ctx.store.revokeByAccessToken(token);
    transaction.commit();
    return SimReply::success();
}

SimReply spaceInfo(SimContext &ctx, SimRequest &request)
{
    const QString ownerId = request.args.at(0);
    JsonFields::requiredIntegerIn(QJsonValue(request.queryValue(QStringLiteral("type"))),
                                  QStringLiteral("type"), 1, 1);
    if (ownerId != request.userId)
        throw SimError(400, QString::fromLatin1(ErrorCode::NoPermission), QStringLiteral("ownerId"),
                       QStringLiteral("no permission on this space"));
    const auto user = ctx.store.user(ownerId);
    return SimReply::success(
        {{QStringLiteral("data"),
          QJsonObject{{QStringLiteral("containerId"), user->containerId},
                      {QStringLiteral("bizRootFileId"), user->rootFolderId},
                      {QStringLiteral("capacity"), user->capacity},
                      {QStringLiteral("spaceUsed"), ctx.files.usedBytes(user->containerId)},
                      {QStringLiteral("status"), 1},
                      {QStringLiteral("ownerId"), user->id}}}});
}

SimReply shareFolders(SimContext &ctx, SimRequest &request)
{
    auto param = [&request](const char *name) { return QJsonValue(request.queryValue(QLatin1String(name))); };
    // OPERATIONS.md §2: offset and limit (1..1000) are required.
    const qint64 offset = JsonFields::requiredIntegerIn(param("offset"), QStringLiteral("offset"), 0,
                                                        std::numeric_limits<int>::max());
    const qint64 limit = JsonFields::requiredIntegerIn(param("limit"), QStringLiteral("limit"), 1, 1000);
    // queryType: 0 all, 1 those the user created, 2 those the user joined.
    const qint64 queryType = JsonFields::integerIn(param("queryType"), QStringLiteral("queryType"), 0, 2, 0);
    QJsonArray list;
    qint64 total = 0;
    for (const GroupRow &group : ctx.store.groupsOf(request.userId)) {
        const bool mine = group.ownerId == request.userId;
        if ((queryType == 1 && !mine) || (queryType == 2 && mine))
            continue;
        if (total++ < offset || list.size() >= limit)
            continue;
        // OPERATIONS.md §2: the list's entries carry GetShareFolderMetadata's fields (id, name,
        // containerId, shareFolderFileId, groupId, ownerId, status, maxMember).
        list.append(QJsonObject{{QStringLiteral("id"), QString::number(group.shareFolderId)},
                                {QStringLiteral("name"), group.name},
                                {QStringLiteral("containerId"), group.containerId},
                                {QStringLiteral("shareFolderFileId"), group.rootFolderId},
                                {QStringLiteral("groupId"), group.groupId},
                                {QStringLiteral("ownerId"), group.ownerId},
                                {QStringLiteral("status"), QStringLiteral("0")},
                                {QStringLiteral("maxMember"), MaxMembers},
                                {QStringLiteral("memberCount"), group.memberCount},
                                {QStringLiteral("createTime"), SimContext::isoTime(group.createdMs)}});
    }
    // OPERATIONS.md §2: the array is named "folders".
    return SimReply::success({{QStringLiteral("folders"), list}, {QStringLiteral("total"), total}});
}
} // namespace

void AccountRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", ApiRoot + QStringLiteral("/auth/login"), Access::DateOnly, withContext(ctx, login));
    server.route("POST", ApiRoot + QStringLiteral("/auth/refreshToken"), Access::DateOnly,
                 withContext(ctx, refresh));
    server.route("POST", ApiRoot + QStringLiteral("/auth/logout"), Access::Session, withContext(ctx, logout));
    server.route("GET", ApiRoot + QStringLiteral("/space/{ownerId}"), Access::Session,
                 withContext(ctx, spaceInfo));
    server.route("GET", ApiRoot + QStringLiteral("/sharefolder/list"), Access::Session,
                 withContext(ctx, shareFolders));
}

} // namespace koodrive::sim
