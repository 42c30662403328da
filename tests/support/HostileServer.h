#pragma once

#include "HttpRequest.h"

#include <QHostAddress>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QTcpServer>
#include <QUrl>
#include <functional>

class QTcpSocket;

namespace koodrive::test {

// A loopback HTTP/1.1 server that treats the client as a hostile network would: per path prefix it answers
// with redirects (to itself or another origin), endless or huge bodies, a trickle, decompression bombs,
// 401 forever, or markup; everything else it forwards to an upstream (an in-process koodrive-sim), so the
// app works as usual around the scripted misbehaviour. It records every request it received, so that a
// test can say what reached it (e.g. whether a token arrived at another origin).
class HostileServer final : public QObject
{
    Q_OBJECT

public:
    using Request = HttpRequest;
    // Writes the answer to `socket` (which it may keep writing to, e.g. forever, until the client hangs up).
    using Behaviour = std::function<void(const Request &request, QTcpSocket *socket)>;

    explicit HostileServer(const QHostAddress &address = QHostAddress::LocalHost, QObject *parent = nullptr);
    ~HostileServer() override;
    QUrl url() const;

    // Requests whose path starts with `prefix` get `behaviour` (the longest prefix wins), `times` times (-1:
    // always); the rest go upstream, or get a plain 404 when there is none.
    void on(const QString &prefix, Behaviour behaviour, int times = -1);
    void clearBehaviours() { m_behaviours.clear(); }
    void forwardTo(const QUrl &upstream) { m_upstream = upstream; }

    const QList<Request> &requests() const { return m_requests; }
    int requestCount() const { return int(m_requests.size()); }
    // Bytes written to clients by the scripted behaviours (what a client was offered).
    qint64 bytesOffered() const { return m_bytesOffered; }

    // --- behaviours ---------------------------------------------------------------------------------
    static Behaviour reply(int status, const QByteArray &body,
                           const QList<QPair<QByteArray, QByteArray>> &headers = {},
                           const QByteArray &contentType = "application/json");
    static Behaviour redirect(int status, const QUrl &location);
    // A redirect to the same path and query at `origin` (this server: a loop; another: a move away).
    static Behaviour redirectTo(int status, const QUrl &origin);
    // 200 with no Content-Length, `chunk` repeated until the client goes away.
    Behaviour endless(const QByteArray &start, const QByteArray &chunk);
    // 200 with `bytes` of body: announced in Content-Length or not.
    Behaviour huge(const QByteArray &contentType, qint64 bytes, bool announceLength);
    // The body one byte every `intervalMs`.
    Behaviour trickle(const QByteArray &body, int intervalMs);
    // `decompressedBytes` of a JSON-looking body sent gzip-compressed (Content-Encoding: gzip).
    static Behaviour gzipBomb(qint64 decompressedBytes);
    // A PNG of width × height grey pixels, a few hundred KB on the wire, gigabytes once decoded.
    static QByteArray pngBomb(int width, int height);

private:
    void onReadyRead(QTcpSocket *socket);
    void forward(const Request &request, QTcpSocket *socket);
    // Keeps writing `next()` to the socket as it drains, until `next` gives nothing or the client leaves.
    void stream(QTcpSocket *socket, std::function<QByteArray()> next);

    struct Scripted
    {
        QString prefix;
        Behaviour behaviour;
        int timesLeft;
    };
    QTcpServer m_server;
    QHostAddress m_address;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<Scripted> m_behaviours;
    QList<Request> m_requests;
    QUrl m_upstream;
    QNetworkAccessManager m_network;
    qint64 m_bytesOffered = 0;
};

} // namespace koodrive::test
