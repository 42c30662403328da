#include "RecordingServer.h"

#include <QDateTime>
#include <QTcpSocket>
#include <algorithm>

namespace koodrive::test {

RecordingServer::RecordingServer(QObject *parent)
    : QObject(parent)
{
    m_server.listen(QHostAddress::LocalHost, 0);
    connect(&m_server, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
                m_buffers.remove(socket);
                socket->deleteLater();
            });
        }
    });
}

QUrl RecordingServer::url() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
}

void RecordingServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    Request request;
    while (HttpRequest::take(buffer, &request)) {
        m_requests.append(request);

        const auto byPath = m_repliesByPath.constFind(request.path());
        const Reply reply = byPath != m_repliesByPath.constEnd() ? *byPath
                            : m_replies.isEmpty()                ? m_defaultReply
                                                                 : m_replies.dequeue();
        QByteArray answer = "HTTP/1.1 " + QByteArray::number(reply.status) + " Status\r\n";
        for (const auto &[name, value] : reply.headers)
            answer += name + ": " + value + "\r\n";
        answer +=
            "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(reply.body.size()) +
            "\r\n\r\n";
        if (reply.dropConnection) {
            socket->write(answer + reply.body.left(reply.body.size() / 2));
            socket->flush();
            socket->abort();
            return;
        }
        socket->write(answer + reply.body);
    }
}

} // namespace koodrive::test

int koodrive::test::RecordingServer::requestsFor(const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
                             [&path](const Request &request) { return request.path() == path; }));
}
