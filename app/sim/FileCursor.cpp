#include "FileCursor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace koodrive::sim {

namespace {
constexpr int CursorVersion = 1;
const auto Base64Options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
} // namespace

QString FileCursor::encode() const
{
    const QJsonValue keyValue =
        key.typeId() == QMetaType::QString ? QJsonValue(key.toString()) : QJsonValue(key.toLongLong());
    const QJsonArray parts{CursorVersion, listing, sortType, descending ? 2 : 1, phase, keyValue, id};
    return QString::fromLatin1(QJsonDocument(parts).toJson(QJsonDocument::Compact).toBase64(Base64Options));
}

std::optional<FileCursor> FileCursor::decode(const QString &text)
{
    const QByteArray raw = text.toLatin1();
    auto decoded = QByteArray::fromBase64Encoding(raw, QByteArray::Base64UrlEncoding |
                                                           QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || text.size() > 2048)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray())
        return std::nullopt;
    const QJsonArray parts = doc.array();
    if (parts.size() != 7 || parts.at(0).toInt() != CursorVersion || !parts.at(1).isString() ||
        !parts.at(2).isDouble() || !parts.at(3).isDouble() || !parts.at(4).isDouble() ||
        !parts.at(6).isString())
        return std::nullopt;
    FileCursor cursor;
    cursor.listing = parts.at(1).toString();
    cursor.sortType = parts.at(2).toInt();
    cursor.descending = parts.at(3).toInt() == 2;
    cursor.phase = parts.at(4).toInt();
    const QJsonValue keyValue = parts.at(5);
    if (keyValue.isString())
        cursor.key = keyValue.toString();
    else if (keyValue.isDouble())
        cursor.key = qint64(keyValue.toDouble());
    else
        return std::nullopt;
    cursor.id = parts.at(6).toString();
    if (cursor.phase < 0 || cursor.phase > 1 || cursor.id.isEmpty())
        return std::nullopt;
    return cursor;
}

} // namespace koodrive::sim
