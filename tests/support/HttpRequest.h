#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace koodrive::test {

// One HTTP/1.1 request as a loopback test server received it, byte for byte.
struct HttpRequest
{
    QByteArray method;
    QByteArray target; // path and query as sent
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    qint64 receivedMs = 0;

    QByteArray header(const QByteArray &name) const;
    QString path() const;
    QString query() const; // as sent, still encoded

    // Takes the first whole request (head and Content-Length body) off the front of `buffer`; false when
    // it has not all arrived yet.
    static bool take(QByteArray &buffer, HttpRequest *request);
};

} // namespace koodrive::test
