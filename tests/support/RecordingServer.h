#pragma once

#include "HttpRequest.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPair>
#include <QQueue>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

class QTcpSocket;

namespace koodrive::test {

// A loopback HTTP/1.1 server for wire checks: it records every request as it arrived, byte for byte, and
// answers with scripted replies (in order; a plain success when none is left).
class RecordingServer final : public QObject
{
    Q_OBJECT

public:
    using Request = HttpRequest;
    struct Reply
    {
        int status = 200;
        QByteArray body = R"({"code":0,"msg":"Success."})";
        QList<QPair<QByteArray, QByteArray>> headers{};
        bool dropConnection = false; // close the socket mid-answer
    };

    explicit RecordingServer(QObject *parent = nullptr);
    QUrl url() const;
    void enqueue(const Reply &reply) { m_replies.enqueue(reply); }
    void setDefaultReply(const Reply &reply) { m_defaultReply = reply; } // when nothing is queued
    // Always this reply for this path (before the queue), e.g. one picture per object.
    void setReplyFor(const QString &path, const Reply &reply) { m_repliesByPath.insert(path, reply); }
    int requestsFor(const QString &path) const;
    const QList<Request> &requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket *socket);

    QHash<QTcpSocket *, QByteArray> m_buffers;
    QQueue<Reply> m_replies;
    Reply m_defaultReply;
    QHash<QString, Reply> m_repliesByPath;
    QList<Request> m_requests;
    QTcpServer m_server; // last: destroyed first, so that its sockets' signals find the members above alive
};

} // namespace koodrive::test
