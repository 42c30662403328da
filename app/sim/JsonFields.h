#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace koodrive::sim {

// Reads request values the way the pages write them. Integers come as numbers or numeric strings, and an
// empty string means "not given" (../shared/koodrive-api/README.md, "Where the pages are loose").
// Every reader throws SimError::parameter naming the field when a value is of the wrong form.
namespace JsonFields {

std::optional<qint64> integer(const QJsonValue &value, const QString &name);
qint64 integerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max, qint64 fallback);
std::optional<qint64> optionalIntegerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max);
qint64 requiredIntegerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max);

// Absent, null and "" are "not given". maxLength counts characters (code points).
std::optional<QString> string(const QJsonValue &value, const QString &name, int maxLength = -1);
QString requiredString(const QJsonValue &value, const QString &name, int minLength, int maxLength);

std::optional<bool> boolean(const QJsonValue &value, const QString &name);

// An array of strings, each 1..maxItemLength characters, at most maxCount entries.
std::optional<QStringList> stringList(const QJsonValue &value, const QString &name, int maxCount,
                                      int maxItemLength);

// An object member: absent or null is "not given" (an empty object); anything else must be an object.
QJsonObject optionalObject(const QJsonObject &body, const QString &name);

int characterCount(const QString &text);

} // namespace JsonFields
} // namespace koodrive::sim
