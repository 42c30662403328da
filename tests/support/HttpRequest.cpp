#include "HttpRequest.h"

#include <QDateTime>

namespace koodrive::test {

QByteArray HttpRequest::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString HttpRequest::path() const
{
    return QString::fromLatin1(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
}

QString HttpRequest::query() const
{
    const qsizetype at = target.indexOf('?');
    return at < 0 ? QString() : QString::fromLatin1(target.mid(at + 1));
}

bool HttpRequest::take(QByteArray &buffer, HttpRequest *request)
{
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return false;
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    HttpRequest parsed;
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    parsed.method = requestLine.value(0);
    parsed.target = requestLine.value(1);
    qsizetype length = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        parsed.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
        if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (buffer.size() < end + 4 + length)
        return false; // the body is still on its way
    parsed.body = buffer.mid(end + 4, length);
    parsed.receivedMs = QDateTime::currentMSecsSinceEpoch();
    buffer.remove(0, end + 4 + length);
    *request = std::move(parsed);
    return true;
}

} // namespace koodrive::test
