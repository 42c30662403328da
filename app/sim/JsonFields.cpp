#include "JsonFields.h"

#include "SimError.h"

#include <QJsonArray>
#include <cmath>

namespace koodrive::sim::JsonFields {

QJsonObject optionalObject(const QJsonObject &body, const QString &name)
{
    const QJsonValue value = body.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject())
        throw SimError::parameter(name, QStringLiteral("%1 must be an object").arg(name));
    return value.toObject();
}

int characterCount(const QString &text)
{
    return int(text.toUcs4().size());
}

std::optional<qint64> integer(const QJsonValue &value, const QString &name)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (std::floor(d) != d || std::abs(d) > 9007199254740992.0)
            throw SimError::parameter(name, QStringLiteral("%1 must be an integer").arg(name));
        return qint64(d);
    }
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.isEmpty())
            return std::nullopt;
        bool ok = false;
        const qint64 parsed = text.toLongLong(&ok);
        if (!ok)
            throw SimError::parameter(name,
                                      QStringLiteral("%1 must be an integer, not \"%2\"").arg(name, text));
        return parsed;
    }
    throw SimError::parameter(name, QStringLiteral("%1 must be an integer").arg(name));
}

std::optional<qint64> optionalIntegerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max)
{
    const auto parsed = integer(value, name);
    if (parsed && (*parsed < min || *parsed > max))
        throw SimError::parameter(name,
                                  QStringLiteral("%1 must be from %2 to %3").arg(name).arg(min).arg(max));
    return parsed;
}

qint64 integerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max, qint64 fallback)
{
    return optionalIntegerIn(value, name, min, max).value_or(fallback);
}

qint64 requiredIntegerIn(const QJsonValue &value, const QString &name, qint64 min, qint64 max)
{
    const auto parsed = optionalIntegerIn(value, name, min, max);
    if (!parsed)
        throw SimError::parameter(name, QStringLiteral("%1 is required").arg(name));
    return *parsed;
}

std::optional<QString> string(const QJsonValue &value, const QString &name, int maxLength)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    QString text;
    if (value.isString())
        text = value.toString();
    else if (value.isDouble() && std::floor(value.toDouble()) == value.toDouble())
        text = QString::number(qint64(value.toDouble())); // ids written as numbers, e.g. shareFolderId
    else
        throw SimError::parameter(name, QStringLiteral("%1 must be a string").arg(name));
    if (text.isEmpty())
        return std::nullopt;
    if (maxLength >= 0 && characterCount(text) > maxLength)
        throw SimError::parameter(
            name, QStringLiteral("%1 must be at most %2 characters").arg(name).arg(maxLength));
    return text;
}

QString requiredString(const QJsonValue &value, const QString &name, int minLength, int maxLength)
{
    const auto text = string(value, name, maxLength);
    if (!text)
        throw SimError::parameter(name, QStringLiteral("%1 is required").arg(name));
    if (characterCount(*text) < minLength)
        throw SimError::parameter(
            name, QStringLiteral("%1 must be at least %2 characters").arg(name).arg(minLength));
    return *text;
}

std::optional<bool> boolean(const QJsonValue &value, const QString &name)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (value.isBool())
        return value.toBool();
    if (value.isString()) {
        const QString text = value.toString();
        if (text.isEmpty())
            return std::nullopt;
        if (text == QLatin1String("true"))
            return true;
        if (text == QLatin1String("false"))
            return false;
    }
    throw SimError::parameter(name, QStringLiteral("%1 must be true or false").arg(name));
}

std::optional<QStringList> stringList(const QJsonValue &value, const QString &name, int maxCount,
                                      int maxItemLength)
{
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isArray())
        throw SimError::parameter(name, QStringLiteral("%1 must be an array of strings").arg(name));
    const QJsonArray array = value.toArray();
    if (array.size() > maxCount)
        throw SimError::parameter(name,
                                  QStringLiteral("%1 may hold at most %2 entries").arg(name).arg(maxCount));
    QStringList out;
    out.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString itemName = QStringLiteral("%1[%2]").arg(name).arg(i);
        const auto item = string(array.at(i), itemName, maxItemLength);
        if (!item)
            throw SimError::parameter(itemName, QStringLiteral("%1 must not be empty").arg(itemName));
        out.append(*item);
    }
    return out;
}

} // namespace koodrive::sim::JsonFields
