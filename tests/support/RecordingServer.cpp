#include "RecordingServer.h"

#include <QDateTime>
#include <QTcpSocket>
#include <algorithm>

namespace koodrive::test {

QByteArray RecordingServer::Request::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString RecordingServer::Request::path() const
{
    return QString::fromLatin1(target.left(target.indexOf('?') < 0 ? target.size() : target.indexOf('?')));
}

QString RecordingServer::Request::query() const
{
    const qsizetype at = target.indexOf('?');
    return at < 0 ? QString() : QString::fromLatin1(target.mid(at + 1));
}

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
    for (;;) {
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        Request request;
        const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
        request.method = requestLine.value(0);
        request.target = requestLine.value(1);
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            request.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
            if (line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        if (buffer.size() < end + 4 + length)
            return; // the body is still on its way
        request.body = buffer.mid(end + 4, length);
        request.receivedMs = QDateTime::currentMSecsSinceEpoch();
        buffer.remove(0, end + 4 + length);
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
