#include "SimError.h"

#include <QJsonArray>

namespace koodrive::sim {

namespace {
QString statusText(int status)
{
    switch (status) {
    case 400: return QStringLiteral("Bad Request");
    case 401: return QStringLiteral("Unauthorized");
    case 403: return QStringLiteral("Forbidden");
    case 404: return QStringLiteral("Not Found");
    case 405: return QStringLiteral("Method Not Allowed");
    case 429: return QStringLiteral("Too Many Requests");
    case 503: return QStringLiteral("Service Unavailable");
    default: return QStringLiteral("Internal Server Error");
    }
}
} // namespace

SimError::SimError(int httpStatus, QString errorCode, QString parameter, QString description)
    : m_httpStatus(httpStatus)
    , m_errorCode(std::move(errorCode))
    , m_parameter(std::move(parameter))
    , m_description(std::move(description))
{}

SimError SimError::parameter(const QString &name, const QString &description)
{
    return {400, QString::fromLatin1(ErrorCode::ParameterInvalid), name, description};
}

SimError SimError::missing(const QString &name, const QString &description)
{
    return {400, QString::fromLatin1(ErrorCode::ResourceMissing), name, description};
}

SimError SimError::forbidden(const QString &name, const QString &description)
{
    return {400, QString::fromLatin1(ErrorCode::NoPermission), name, description};
}

SimError SimError::unauthorized(const QString &name, const QString &description)
{
    return {401, QString::fromLatin1(ErrorCode::Unauthorized), name, description};
}

SimError SimError::notFound(const QString &path)
{
    return {404, QString::fromLatin1(ErrorCode::ResourceMissing), QStringLiteral("path"),
            QStringLiteral("No operation at %1").arg(path)};
}

SimError SimError::methodNotAllowed(const QString &method, const QString &path)
{
    return {405, QString::fromLatin1(ErrorCode::ParameterInvalid), QStringLiteral("method"),
            QStringLiteral("%1 is not allowed on %2").arg(method, path)};
}

SimError SimError::internal(const QString &description)
{
    return {500, QString::fromLatin1(ErrorCode::InternalCallFailed), QString(), description};
}

QJsonObject SimError::toJson() const
{
    QJsonObject detail{
        {QStringLiteral("domain"), QStringLiteral("koodrive")},
        {QStringLiteral("reason"), m_description},
        {QStringLiteral("errorCode"), m_errorCode},
        {QStringLiteral("description"), m_description},
    };
    if (!m_parameter.isEmpty()) {
        detail.insert(QStringLiteral("errorPos"), QStringLiteral("parameter"));
        detail.insert(QStringLiteral("errorParam"), m_parameter);
    }
    const QJsonObject error{
        {QStringLiteral("code"), m_httpStatus},
        {QStringLiteral("description"), statusText(m_httpStatus)},
        {QStringLiteral("errorDetail"), QJsonArray{detail}},
    };
    return {{QStringLiteral("error"), error}};
}

} // namespace koodrive::sim
