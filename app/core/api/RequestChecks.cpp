#include "RequestChecks.h"

#include <QJsonDocument>
#include <QUrl>
#include <limits>

namespace koodrive::api::checks {

int characters(const QString &text)
{
    return int(text.toUcs4().size());
}

std::optional<ApiError> checkRange(const char *name, qint64 value, qint64 min, qint64 max)
{
    if (value >= min && value <= max)
        return std::nullopt;
    return ApiError::invalidInput(QLatin1String(name),
                                  QCoreApplication::translate("KooDriveClient", "%1 must be from %2 to %3.")
                                      .arg(QLatin1String(name))
                                      .arg(min)
                                      .arg(max));
}

std::optional<ApiError> checkText(const char *name, const QString &value, int min, int max)
{
    const int length = characters(value);
    if (length >= min && length <= max)
        return std::nullopt;
    if (min > 0 && length == 0)
        return ApiError::invalidInput(
            QLatin1String(name),
            QCoreApplication::translate("KooDriveClient", "%1 is required.").arg(QLatin1String(name)));
    return ApiError::invalidInput(
        QLatin1String(name),
        QCoreApplication::translate("KooDriveClient", "%1 must be %2 to %3 characters long.")
            .arg(QLatin1String(name))
            .arg(min)
            .arg(max));
}

std::optional<ApiError> checkIds(const char *name, const QStringList &ids, int min, int max)
{
    if (ids.size() < min || ids.size() > max)
        return ApiError::invalidInput(
            QLatin1String(name), QCoreApplication::translate("KooDriveClient", "%1 takes %2 to %3 entries.")
                                     .arg(QLatin1String(name))
                                     .arg(min)
                                     .arg(max));
    for (const QString &id : ids)
        if (auto error = checkText(name, id, 1, 64))
            return error;
    return std::nullopt;
}

std::optional<ApiError> checkFileName(const char *name, const QString &value)
{
    if (auto error = checkText(name, value, 1, 250))
        return error;
    if (value == QLatin1String(".") || value == QLatin1String(".."))
        return ApiError::invalidInput(
            QLatin1String(name),
            QCoreApplication::translate("KooDriveClient", "A name cannot be \".\" or \"..\"."));
    for (const QChar c : value) {
        if (QStringView(u"<>|:\"*?/").contains(c))
            return ApiError::invalidInput(
                QLatin1String(name),
                QCoreApplication::translate("KooDriveClient",
                                            "A name cannot contain any of < > | : \" * ? / (it has %1).")
                    .arg(c));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return ApiError::invalidInput(
                QLatin1String(name),
                QCoreApplication::translate("KooDriveClient", "A name cannot contain control characters."));
    }
    return std::nullopt;
}

std::optional<ApiError> checkShareFolder(qint64 shareFolderId)
{
    return checkRange("shareFolderId", shareFolderId, 0, std::numeric_limits<qint64>::max());
}

std::optional<ApiError> firstOf(std::initializer_list<std::optional<ApiError>> checks)
{
    for (const auto &check : checks)
        if (check)
            return check;
    return std::nullopt;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString segment(const QString &value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

} // namespace koodrive::api::checks
