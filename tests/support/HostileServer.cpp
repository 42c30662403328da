#include "HostileServer.h"

#include <QNetworkReply>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <zlib.h>

namespace koodrive::test {

namespace {
QByteArray head(int status, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + " Hostile\r\n";
    for (const auto &[name, value] : headers)
        answer += name + ": " + value + "\r\n";
    return answer + "\r\n";
}

// gzip of `size` bytes of one JSON-looking line repeated: about a thousandth of its size on the wire.
QByteArray gzipOf(qint64 size)
{
    z_stream stream{};
    deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    QByteArray out;
    QByteArray chunk(1 << 20, ' ');
    chunk[0] = '{';
    char buffer[1 << 16];
    for (qint64 written = 0; written < size; written += chunk.size()) {
        stream.next_in = reinterpret_cast<Bytef *>(chunk.data());
        stream.avail_in = uInt(chunk.size());
        const bool last = written + chunk.size() >= size;
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, last ? Z_FINISH : Z_NO_FLUSH);
            out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return out;
}
} // namespace

HostileServer::HostileServer(const QHostAddress &address, QObject *parent)
    : QObject(parent)
    , m_address(address)
{
    m_server.listen(address, 0);
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

HostileServer::~HostileServer()
{
    for (QTcpSocket *socket : m_server.findChildren<QTcpSocket *>())
        socket->disconnect(this);
}

QUrl HostileServer::url() const
{
    return QUrl(QStringLiteral("http://%1:%2").arg(m_address.toString()).arg(m_server.serverPort()));
}

void HostileServer::on(const QString &prefix, Behaviour behaviour, int times)
{
    m_behaviours.append({prefix, std::move(behaviour), times});
}

void HostileServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    Request request;
    while (HttpRequest::take(buffer, &request)) {
        m_requests.append(request);
        Scripted *best = nullptr;
        for (Scripted &scripted : m_behaviours)
            if (scripted.timesLeft != 0 && request.path().startsWith(scripted.prefix) &&
                (!best || scripted.prefix.size() > best->prefix.size()))
                best = &scripted;
        if (best) {
            if (best->timesLeft > 0)
                --best->timesLeft;
            const Behaviour behaviour = best->behaviour; // may outlive a clearBehaviours() it triggers
            behaviour(request, socket);
        } else {
            forward(request, socket);
        }
    }
}

void HostileServer::forward(const Request &request, QTcpSocket *socket)
{
    if (!m_upstream.isValid()) {
        reply(404, R"({"code":"404","msg":"nothing here"})")(request, socket);
        return;
    }
    QUrl target = m_upstream;
    target.setPath(request.path());
    target.setQuery(request.query(), QUrl::StrictMode);
    QNetworkRequest upstream(target);
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (lower != "host" && lower != "content-length" && lower != "connection" &&
            lower != "accept-encoding")
            upstream.setRawHeader(name, value);
    }
    QNetworkReply *answer = m_network.sendCustomRequest(upstream, request.method, request.body);
    QPointer<QTcpSocket> client(socket);
    connect(answer, &QNetworkReply::finished, this, [answer, client] {
        answer->deleteLater();
        if (!client)
            return;
        const QByteArray body = answer->readAll();
        QList<QPair<QByteArray, QByteArray>> headers;
        for (const QByteArray &name :
             {QByteArray("Content-Type"), QByteArray("Date"), QByteArray("X-Traceid"),
              QByteArray("Retry-After"), QByteArray("ETag"), QByteArray("Cache-Control")})
            if (answer->hasRawHeader(name))
                headers.append({name, answer->rawHeader(name)});
        headers.append({"Content-Length", QByteArray::number(body.size())});
        const int status = answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        client->write(head(status ? status : 502, headers) + body);
    });
}

void HostileServer::stream(QTcpSocket *socket, std::function<QByteArray()> next)
{
    // Written as the socket drains (never more than 1 MiB waiting), so the test process stays small and
    // one turn of its event loop (the window's too: they share the thread) writes little.
    auto pump = [this, socket, next] {
        while (socket->state() == QAbstractSocket::ConnectedState && socket->bytesToWrite() < (1 << 20)) {
            const QByteArray piece = next();
            if (piece.isEmpty()) {
                socket->disconnectFromHost();
                return;
            }
            m_bytesOffered += piece.size();
            socket->write(piece);
        }
    };
    connect(socket, &QTcpSocket::bytesWritten, socket, pump);
    pump();
}

HostileServer::Behaviour HostileServer::reply(int status, const QByteArray &body,
                                              const QList<QPair<QByteArray, QByteArray>> &headers,
                                              const QByteArray &contentType)
{
    return [=](const Request &, QTcpSocket *socket) {
        auto all = headers;
        all.append({"Content-Type", contentType});
        all.append({"Content-Length", QByteArray::number(body.size())});
        socket->write(head(status, all) + body);
    };
}

HostileServer::Behaviour HostileServer::redirect(int status, const QUrl &location)
{
    return reply(status, {}, {{"Location", location.toEncoded()}});
}

HostileServer::Behaviour HostileServer::redirectTo(int status, const QUrl &origin)
{
    return [status, origin](const Request &request, QTcpSocket *socket) {
        redirect(status, QUrl::fromEncoded(origin.toEncoded() + request.target))(request, socket);
    };
}

HostileServer::Behaviour HostileServer::endless(const QByteArray &start, const QByteArray &chunk)
{
    return [this, start, chunk](const Request &, QTcpSocket *socket) {
        socket->write(head(200, {{"Content-Type", "application/json"}, {"Connection", "close"}}) + start);
        stream(socket, [chunk] { return chunk; });
    };
}

HostileServer::Behaviour HostileServer::huge(const QByteArray &contentType, qint64 bytes, bool announceLength)
{
    return [this, contentType, bytes, announceLength](const Request &, QTcpSocket *socket) {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", contentType}, {"Connection", "close"}};
        if (announceLength)
            headers.append({"Content-Length", QByteArray::number(bytes)});
        socket->write(head(200, headers));
        auto left = std::make_shared<qint64>(bytes);
        stream(socket, [left] {
            // One block shared by every piece (the socket's buffer keeps a reference, not a copy): what the
            // server spends on its own thread, which is the window's too, stays small beside the app's work.
            static const QByteArray block(1 << 20, 'x');
            const qint64 size = qMin<qint64>(*left, block.size());
            *left -= size;
            return size == block.size() ? block : block.left(size);
        });
    };
}

HostileServer::Behaviour HostileServer::trickle(const QByteArray &body, int intervalMs)
{
    return [this, body, intervalMs](const Request &, QTcpSocket *socket) {
        socket->write(head(200, {{"Content-Type", "application/json"},
                                 {"Content-Length", QByteArray::number(body.size())}}));
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [this, timer, socket, body, sent] {
            if (*sent >= body.size() || socket->state() != QAbstractSocket::ConnectedState) {
                timer->stop();
                return;
            }
            socket->write(body.mid((*sent)++, 1));
            ++m_bytesOffered;
        });
        timer->start(intervalMs);
    };
}

QByteArray HostileServer::pngBomb(int width, int height)
{
    auto chunk = [](const char *type, const QByteArray &data) {
        QByteArray out;
        const quint32 length = quint32(data.size());
        out.append(char(length >> 24))
            .append(char(length >> 16))
            .append(char(length >> 8))
            .append(char(length));
        const QByteArray typed = QByteArray(type) + data;
        out.append(typed);
        const quint32 crc =
            quint32(crc32(0, reinterpret_cast<const Bytef *>(typed.constData()), uInt(typed.size())));
        out.append(char(crc >> 24)).append(char(crc >> 16)).append(char(crc >> 8)).append(char(crc));
        return out;
    };
    QByteArray header;
    for (int value : {width, height})
        header.append(char(value >> 24))
            .append(char(value >> 16))
            .append(char(value >> 8))
            .append(char(value));
    header.append(char(8)).append(char(0)).append(char(0)).append(char(0)).append(char(0)); // 8-bit grey
    // Rows of zeros (filter byte 0 and the pixels), deflated.
    z_stream stream{};
    deflateInit(&stream, 9);
    QByteArray idat;
    QByteArray row(width + 1, '\0');
    char buffer[1 << 16];
    for (int y = 0; y < height; ++y) {
        stream.next_in = reinterpret_cast<Bytef *>(row.data());
        stream.avail_in = uInt(row.size());
        do {
            stream.next_out = reinterpret_cast<Bytef *>(buffer);
            stream.avail_out = sizeof buffer;
            deflate(&stream, y + 1 == height ? Z_FINISH : Z_NO_FLUSH);
            idat.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
        } while (stream.avail_out == 0);
    }
    deflateEnd(&stream);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", header) + chunk("IDAT", idat) +
           chunk("IEND", {});
}

HostileServer::Behaviour HostileServer::gzipBomb(qint64 decompressedBytes)
{
    const QByteArray compressed = gzipOf(decompressedBytes);
    return reply(200, compressed, {{"Content-Encoding", "gzip"}});
}

} // namespace koodrive::test
