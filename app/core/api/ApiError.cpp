#include "ApiError.h"

#include <QCoreApplication>

namespace koodrive::api {

QString ApiError::details() const
{
    QStringList parts;
    if (httpStatus)
        parts << QStringLiteral("HTTP %1").arg(httpStatus);
    if (!code.isEmpty())
        parts << QCoreApplication::translate("ApiError", "code %1").arg(code);
    if (!parameter.isEmpty())
        parts << QCoreApplication::translate("ApiError", "field %1").arg(parameter);
    if (!traceId.isEmpty())
        parts << QCoreApplication::translate("ApiError", "trace id %1").arg(traceId);
    if (!requestId.isEmpty())
        parts << QCoreApplication::translate("ApiError", "request id %1").arg(requestId);
    if (!serverMessage.isEmpty())
        parts << QCoreApplication::translate("ApiError", "the server said: %1").arg(serverMessage);
    return parts.isEmpty() ? message
                           : QStringLiteral("%1 (%2)").arg(message, parts.join(QStringLiteral(", ")));
}

ApiError ApiError::invalidInput(const QString &parameter, const QString &message)
{
    ApiError error;
    error.kind = Kind::InvalidInput;
    error.parameter = parameter;
    error.message = message;
    return error;
}

ApiError ApiError::sessionEnded(const QString &traceId)
{
    ApiError error;
    error.kind = Kind::Unauthorized;
    error.httpStatus = 401;
    error.message =
        QCoreApplication::translate("ApiError", "Your KooDrive session has ended. Sign in again.");
    error.traceId = traceId;
    return error;
}

ApiError ApiError::badResponse(const QString &message, int httpStatus, const QString &traceId)
{
    ApiError error;
    error.kind = Kind::BadResponse;
    error.httpStatus = httpStatus;
    error.message = message;
    error.traceId = traceId;
    // Often a glitch on the way (a proxy, a cut connection): asking again by hand may well work.
    error.retryable = true;
    return error;
}

} // namespace koodrive::api
