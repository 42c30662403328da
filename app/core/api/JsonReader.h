#pragma once

#include "ApiError.h"
#include "ApiTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>

namespace koodrive::api {

// A JSON number as an integer, when it is one: exact, and within what a double holds exactly (2^53).
// A cast of anything else (1e300, NaN) would be undefined behaviour; the fuzzer found that.
std::optional<qint64> exactInteger(double number);

// Reads fields of one JSON object for the response parsers and remembers the first field that was missing
// or of the wrong type, so that a parser either yields a complete value or a BadResponse naming the field.
class JsonReader final
{
public:
    JsonReader(QJsonObject object, QString where)
        : m_object(std::move(object))
        , m_where(std::move(where))
    {}

    // A string, or an id written as a number.
    QString string(const char *name, bool required = false);
    QByteArray url(const char *name) { return string(name).toLatin1(); }
    // An integer, or one written as a String (the pages mix both).
    qint64 integer(const char *name, bool required = false, qint64 fallback = 0);
    bool boolean(const char *name, bool required = false);
    // "2025-10-13T03:11:51.147Z" to milliseconds; 0 when absent.
    qint64 time(const char *name);
    QJsonArray array(const char *name, bool required = false);
    QJsonObject object(const char *name, bool required = false);
    QStringList strings(const char *name);
    bool has(const char *name) const;

    void fail(const char *name);
    void fail(const QString &name);
    // An inner object's failure (its `where` names the whole path) becomes this reader's.
    void takeFailure(const JsonReader &inner)
    {
        if (m_failed.isEmpty())
            m_failed = inner.m_failed;
    }
    bool ok() const { return m_failed.isEmpty(); }
    ApiError error() const;
    const QString &where() const { return m_where; }

private:
    QJsonObject m_object; // a copy: implicitly shared, and often made from a temporary
    QString m_where;
    QString m_failed;
};

// One file's metadata as files list, detail, favourites and search give it (files-list.txt, Table 7).
DriveFile readDriveFile(JsonReader &r);
// A video's "duration" in `object` (ms, a number or a numeric string), 0 when absent, not a whole number,
// negative, or past MaxDurationMs (then not believed).
qint64 videoLengthMs(const QJsonObject &object);

} // namespace koodrive::api
