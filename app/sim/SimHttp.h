#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace koodrive::sim {

// One request as the handlers see it: a copy of what arrived, the path's captured segments, and after the
// guard has run, the authenticated user.
struct SimRequest
{
    QByteArray method;
    QString path;
    QUrlQuery query;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QStringList args; // the path's {placeholders}, in order
    QString userId;   // set for authenticated routes
    QString traceId;
    int damage = 0;    // a scripted fault to do to the answer (SimHttpServer::FaultStep::Kind), 0 for none
    int delayMs = 0;   // a scripted delay before the answer
    int trickleMs = 0; // scripted: a stored file's body in pieces this far apart

    QByteArray header(const QByteArray &name) const; // case-insensitive; empty when absent
    QString queryValue(const QString &key) const;    // fully decoded
    // The body as a JSON object; a body that is not one is refused naming "body".
    QJsonObject json() const;
};

struct SimReply
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int delayMs = 0;          // scripted: written this much later
    bool dropMidBody = false; // scripted: half the body, then the connection is closed
    // When set, the body is this file, streamed from disk (stored originals may be gigabytes).
    QString filePath;
    // A byte range of it (a 206 answer to `Range`): from fileOffset, fileLength bytes (-1: to the end).
    qint64 fileOffset = 0;
    qint64 fileLength = -1;
    int pieceDelayMs = 0; // scripted (FaultStep::Kind::Trickle): 256 KiB of the file, then this long

    static SimReply json(const QJsonObject &object, int status = 200);
    static SimReply jsonText(QByteArray text, int status = 200); // already serialised (see JsonWriter)
    // The success shape of the pages: the fields given plus "code": 0 and "msg".
    static SimReply success(QJsonObject fields = {}, const QString &message = QStringLiteral("Success."));
    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray headerValue(const QByteArray &name) const;
};

} // namespace koodrive::sim
