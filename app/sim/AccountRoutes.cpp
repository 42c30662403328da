#include "AccountRoutes.h"

#include "FileStore.h"
#include "JsonFields.h"
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
const QString Api = QStringLiteral("/koodrive/ose/v1");

QJsonObject sessionJson(SimContext &ctx, const QString &userId)
{
    const SimServer::Tokens tokens =
        SimServer::createSession(ctx.store, userId, ctx.clock.nowMs(), ctx.tokenLifetimeSecs);
    return {
        {QStringLiteral("accessToken"), tokens.accessToken},
        {QStringLiteral("refreshToken"), tokens.refreshToken},
        {QStringLiteral("expiresIn"), ctx.tokenLifetimeSecs},
        {QStringLiteral("issuedAt"), SimContext::isoTime(ctx.clock.nowMs())},
    };
}

SimReply login(SimContext &ctx, SimRequest &request)
{
    if (request.header("x-hw-agentName").isEmpty())
        throw SimError::parameter(QStringLiteral("x-hw-agentName"),
                                  QStringLiteral("x-hw-agentName is required"));
    const QJsonObject body = request.json();
    const QString account =
        JsonFields::requiredString(body.value(QStringLiteral("account")), QStringLiteral("account"), 1, 128);
    const int authType = int(JsonFields::requiredIntegerIn(body.value(QStringLiteral("authType")),
                                                           QStringLiteral("authType"), 1, 2));
    if (authType == 2)
        throw SimError::parameter(QStringLiteral("authType"),
                                  QStringLiteral("koodrive-sim signs in with a password (authType 1) only"));
    const QString password = JsonFields::requiredString(body.value(QStringLiteral("password")),
                                                        QStringLiteral("password"), 1, 256);
    const auto user = ctx.store.userByAccount(account);
    // One answer for an unknown account and a wrong password.
    if (!user || user->passwordHash != SimStore::tokenDigest(password))
        throw SimError::unauthorized(QStringLiteral("password"),
                                     QStringLiteral("the account or the password is wrong"));

    SimStore::Transaction transaction(ctx.store);
    const QJsonObject session = sessionJson(ctx, user->id);
    transaction.commit();
    return SimReply::success({
        {QStringLiteral("userInfo"), QJsonObject{{QStringLiteral("userId"), user->id},
                                                 {QStringLiteral("account"), user->account},
                                                 {QStringLiteral("displayName"), user->displayName}}},
        {QStringLiteral("sessionInfo"), session},
    });
}

SimReply refresh(SimContext &ctx, SimRequest &request)
{
    const QJsonObject body = request.json();
    const QString token = JsonFields::requiredString(body.value(QStringLiteral("refreshToken")),
                                                     QStringLiteral("refreshToken"), 1, 512);
    const auto session = ctx.store.sessionForRefreshToken(token);
    if (!session)
        throw SimError::unauthorized(QStringLiteral("refreshToken"),
                                     QStringLiteral("the refresh token is not valid"));
    SimStore::Transaction transaction(ctx.store);
    ctx.store.revokeByRefreshToken(token); // a refresh token is used once
    const QJsonObject fresh = sessionJson(ctx, session->userId);
    transaction.commit();
    return SimReply::success(
        {{QStringLiteral("userInfo"), QJsonObject{{QStringLiteral("userId"), session->userId}}},
         {QStringLiteral("sessionInfo"), fresh}});
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
    const qint64 offset = JsonFields::integerIn(param("offset"), QStringLiteral("offset"), 0,
                                                std::numeric_limits<int>::max(), 0);
    const qint64 limit = JsonFields::integerIn(param("limit"), QStringLiteral("limit"), 1, 1000, 100);
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
        list.append(
            QJsonObject{{QStringLiteral("groupId"), group.groupId},
                        {QStringLiteral("shareFolderId"), group.shareFolderId},
                        {QStringLiteral("name"), group.name},
                        {QStringLiteral("ownerId"), group.ownerId},
                        {QStringLiteral("containerId"), group.containerId},
                        {QStringLiteral("rootFileId"), group.rootFolderId},
                        {QStringLiteral("memberCount"), group.memberCount},
                        {QStringLiteral("role"), mine ? QStringLiteral("owner") : QStringLiteral("member")},
                        {QStringLiteral("createTime"), SimContext::isoTime(group.createdMs)}});
    }
    return SimReply::success({{QStringLiteral("shareFolderList"), list}, {QStringLiteral("total"), total}});
}
} // namespace

void AccountRoutes::install(SimHttpServer &server, SimContext &ctx)
{
    server.route("POST", Api + QStringLiteral("/auth/login"), Access::DateOnly, withContext(ctx, login));
    server.route("POST", Api + QStringLiteral("/auth/refreshToken"), Access::DateOnly,
                 withContext(ctx, refresh));
    server.route("POST", Api + QStringLiteral("/auth/logout"), Access::Session, withContext(ctx, logout));
    server.route("GET", Api + QStringLiteral("/space/{ownerId}"), Access::Session,
                 withContext(ctx, spaceInfo));
    server.route("GET", Api + QStringLiteral("/sharefolder/list"), Access::Session,
                 withContext(ctx, shareFolders));
}

} // namespace koodrive::sim
