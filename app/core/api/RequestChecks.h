#pragma once
// How KooDriveClient's calls are checked and made: the pages' ranges, checked before anything is sent, and
// the JSON bodies. Internal to app/core/api (the KooDriveClient*.cpp files).
#include "ApiError.h"
#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <functional>
#include <initializer_list>
#include <optional>

namespace koodrive::api::checks {

inline const QString Api = QStringLiteral("/koodrive/ose/v1");

// Characters as the pages count them: code points, not UTF-16 units.
int characters(const QString &text);

std::optional<ApiError> checkRange(const char *name, qint64 value, qint64 min, qint64 max);
std::optional<ApiError> checkText(const char *name, const QString &value, int min, int max);
// min..max ids of 1..64 characters each.
std::optional<ApiError> checkIds(const char *name, const QStringList &ids, int min, int max);
// A file or folder name (OPERATIONS.md §3, §4): 1..250 characters, none of < > | : " * ? /, not "." or
// "..", and (koodrive-sim's reading, README) no control characters.
std::optional<ApiError> checkFileName(const char *name, const QString &value);
// x-hw-share-folder-id: a share folder's id (ShareFolder::shareFolderId, a Long), or 0 for none.
std::optional<ApiError> checkShareFolder(qint64 shareFolderId);
std::optional<ApiError> firstOf(std::initializer_list<std::optional<ApiError>> checks);

QByteArray json(const QJsonObject &object);
// A path segment made of a caller's value (an id), percent-encoded.
QString segment(const QString &value);

// A page holds at most the rows asked for: more is a bad answer, not a bigger page (a hostile server could
// otherwise fill the window with as many rows as its bytes allow).
template<typename T, typename Count>
std::function<Result<T>(const QJsonObject &)> atMost(int asked, Result<T> (*parse)(const QJsonObject &),
                                                     Count count)
{
    return [asked, parse, count](const QJsonObject &json) -> Result<T> {
        Result<T> page = parse(json);
        if (page.ok() && count(page.value()) > asked)
            return ApiError::badResponse(
                QCoreApplication::translate("ApiError", "The server sent %1 items where %2 were asked for.")
                    .arg(count(page.value()))
                    .arg(asked),
                200, QString());
        return page;
    };
}

// Calls that answer only {"code":0,"msg":...}.
inline Result<Done> acknowledged(const QJsonObject &)
{
    return Done{};
}

} // namespace koodrive::api::checks
