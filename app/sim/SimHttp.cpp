#include "SimHttp.h"

#include "SimError.h"

#include <QJsonDocument>

namespace koodrive::sim {

QByteArray SimRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

QString SimRequest::queryValue(const QString &key) const
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QJsonObject SimRequest::json() const
{
    if (body.trimmed().isEmpty())
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        throw SimError::parameter(QStringLiteral("body"),
                                  QStringLiteral("the body is not valid JSON: %1 at offset %2")
                                      .arg(error.errorString())
                                      .arg(error.offset));
    if (!doc.isObject())
        throw SimError::parameter(QStringLiteral("body"), QStringLiteral("the body must be a JSON object"));
    return doc.object();
}

SimReply SimReply::json(const QJsonObject &object, int status)
{
    SimReply reply;
    reply.status = status;
    reply.body = QJsonDocument(object).toJson(QJsonDocument::Compact);
    return reply;
}

SimReply SimReply::jsonText(QByteArray text, int status)
{
    SimReply reply;
    reply.status = status;
    reply.body = std::move(text);
    return reply;
}

SimReply SimReply::success(QJsonObject fields, const QString &message)
{
    fields.insert(QStringLiteral("code"), 0);
    fields.insert(QStringLiteral("msg"), message);
    return json(fields);
}

void SimReply::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SimReply::headerValue(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace koodrive::sim
