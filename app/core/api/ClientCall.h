#pragma once
// KooDriveClient::call and reject, for the KooDriveClient*.cpp files that define the calls (internal to
// app/core/api): the calls are split by subject over several files, and each makes its ApiCall here.
#include "KooDriveClient.h"
#include "RequestChecks.h"
#include "ResponseParsers.h"

#include <QPointer>

namespace koodrive::api {

template<typename T>
CallHandle KooDriveClient::call(ApiRequest request, QObject *context, Callback<T> done, Parser<T> parse)
{
    QPointer<QObject> receiver(context);
    // Runs on a parser thread (ApiCall): the envelope and the page's parser, both pure functions.
    auto parseAnswer = [parse = std::move(parse)](const ApiCall::Answer &answer) -> std::any {
        Result<QJsonObject> envelope =
            ResponseParsers::envelope(answer.httpStatus, answer.body, answer.traceId, answer.requestId);
        if (!envelope.ok())
            return Result<T>(envelope.error());
        Result<T> value = parse(envelope.value());
        if (!value.ok()) {
            ApiError parseError = value.error();
            parseError.traceId = answer.traceId;
            parseError.httpStatus = answer.httpStatus;
            return Result<T>(parseError);
        }
        return value;
    };
    auto *apiCall =
        new ApiCall(this, std::move(request), std::move(parseAnswer),
                    [receiver, done = std::move(done)](const std::any &parsed, const ApiError *error) {
                        if (!receiver)
                            return; // whoever asked is gone
                        if (error)
                            done(*error);
                        else
                            done(std::any_cast<const Result<T> &>(parsed));
                    });
    if (context)
        connect(context, &QObject::destroyed, apiCall, &ApiCall::cancel);
    apiCall->start();
    return CallHandle(apiCall);
}

template<typename T>
CallHandle KooDriveClient::reject(const ApiError &error, QObject *context, Callback<T> done)
{
    QPointer<QObject> receiver(context);
    auto *apiCall =
        new ApiCall(this, {}, {}, [receiver, done = std::move(done)](const std::any &, const ApiError *e) {
            if (receiver && e)
                done(*e);
        });
    apiCall->failSoon(error);
    return CallHandle(apiCall);
}

} // namespace koodrive::api
