#include "PartSender.h"

#include <QTcpSocket>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

namespace koodrive::net {

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;      // read from the file at a time
constexpr qint64 WindowBytes = 4 * 1024 * 1024; // queued in the socket at most
constexpr qint64 ReadBytes = 64 * 1024;         // taken from the socket at a time

bool isRedirect(int status)
{
    // 303 means "see another resource with GET": no part goes there, the answer stands as it is.
    return status == 301 || status == 302 || status == 307 || status == 308;
}
} // namespace

PartSender::PartSender(QObject *parent)
    : QObject(parent)
{
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::PreciseTimer); // never before the budget is spent (as net::Transfer)
    m_idle.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] { finish(Transfer::Failure::Deadline); });
    connect(&m_idle, &QTimer::timeout, this, [this] { finish(Transfer::Failure::IdleTimeout); });
}

PartSender::~PartSender()
{
    dropSocket();
}

void PartSender::send(const Part &part)
{
    abort();
    m_part = part;
    m_outcome = {};
    m_url = part.url;
    m_visited = {part.url};
    m_hops = 0;
    m_retried = false;
    m_busy = true;
    if (m_file.fileName() != part.path) {
        m_file.close();
        m_file.setFileName(part.path);
    }
    m_deadline.start(part.policy.deadlineMs);
    // Begun from the event loop: finished() never comes from inside send(), even for a file that is gone.
    const int generation = ++m_generation;
    QTimer::singleShot(0, this, [this, generation] {
        if (m_busy && generation == m_generation)
            startAttempt();
    });
}

void PartSender::abort()
{
    ++m_generation;
    if (!m_busy)
        return;
    m_busy = false;
    m_deadline.stop();
    m_idle.stop();
    dropSocket(); // a request cut short leaves the connection in no state to carry another
}

void PartSender::startAttempt()
{
    const bool scheme = m_url.scheme() == QLatin1String("https") ||
                        (m_url.scheme() == QLatin1String("http") && Transfer::isLoopback(m_url.host()));
    if (!m_url.isValid() || m_url.host().isEmpty() || !scheme) {
        m_outcome.refusedUrl = m_url;
        return finish(Transfer::Failure::Insecure);
    }
    if (!m_file.isOpen() && !m_file.open(QIODevice::ReadOnly)) {
        m_outcome.localError = m_file.errorString();
        return finish(Transfer::Failure::None);
    }
    if (m_file.size() < m_part.offset + m_part.size || !m_file.seek(m_part.offset)) {
        m_outcome.localError = tr("The file is shorter than when the upload began.");
        return finish(Transfer::Failure::None);
    }
    m_left = m_part.size;
    m_received = 0;
    m_trailingBytes = false;
    m_answer.emplace(m_part.policy.maxBytes);
    m_idle.start(m_part.policy.idleTimeoutMs);
    if (m_socket && m_reusable && Transfer::sameOrigin(m_origin, m_url) &&
        m_socket->state() == QAbstractSocket::ConnectedState) {
        m_reused = true;
        m_reusable = false;
        writeRequest();
        return;
    }
    m_reused = false;
    connectSocket();
}

void PartSender::connectSocket()
{
    dropSocket();
    const bool tls = m_url.scheme() == QLatin1String("https");
    QAbstractSocket *socket = nullptr;
#if QT_CONFIG(ssl)
    if (tls) {
        auto *ssl = new QSslSocket(this);
        connect(ssl, &QSslSocket::encrypted, this, &PartSender::writeRequest);
        socket = ssl;
    }
#else
    if (tls)
        return finish(Transfer::Failure::Insecure, tr("This build of the app has no TLS."));
#endif
    if (!socket) {
        socket = new QTcpSocket(this);
        connect(socket, &QAbstractSocket::connected, this, &PartSender::writeRequest);
    }
    // What the socket holds of an answer before it is read: a hostile answer waits in the kernel instead.
    socket->setReadBufferSize(ReadBytes * 4);
    connect(socket, &QAbstractSocket::bytesWritten, this, &PartSender::onBytesWritten);
    connect(socket, &QAbstractSocket::readyRead, this, &PartSender::onReadyRead);
    connect(socket, &QAbstractSocket::disconnected, this, &PartSender::onClosed);
    connect(socket, &QAbstractSocket::errorOccurred, this, &PartSender::onSocketError);
    m_socket = socket;
    m_origin = m_url;
    ++m_connections;
#if QT_CONFIG(ssl)
    if (tls) {
        static_cast<QSslSocket *>(socket)->connectToHostEncrypted(m_url.host(), quint16(m_url.port(443)));
        return;
    }
#endif
    socket->connectToHost(m_url.host(), quint16(m_url.port(80)));
}

void PartSender::writeRequest()
{
    if (!m_busy || !m_socket)
        return;
    QByteArray target = m_url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (!target.startsWith('/'))
        target.prepend('/');
    QByteArray host = m_url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':'))
        host = '[' + host + ']';
    if (m_url.port() != -1)
        host += ':' + QByteArray::number(m_url.port());
    // Only what the URL signed and what the bytes are: no KooDrive header ever goes to object storage.
    const QByteArray head = "PUT " + target + " HTTP/1.1\r\nHost: " + host +
                            "\r\nContent-Type: " + m_part.contentType +
                            "\r\nContent-Length: " + QByteArray::number(m_part.size) +
                            "\r\nAccept-Encoding: identity\r\nUser-Agent: KooDriveAlbums\r\n\r\n";
    m_headBytes = head.size();
    m_socket->write(head);
    fill();
}

void PartSender::fill()
{
    if (m_chunk.size() != ChunkBytes)
        m_chunk.resize(ChunkBytes);
    while (m_busy && m_socket && m_left > 0 && m_socket->bytesToWrite() < WindowBytes) {
        const qint64 read = m_file.read(m_chunk.data(), std::min(ChunkBytes, m_left));
        if (read <= 0) {
            m_outcome.localError =
                read < 0 ? m_file.errorString() : tr("The file is shorter than when the upload began.");
            return finish(Transfer::Failure::None);
        }
        m_socket->write(m_chunk.constData(), read);
        m_left -= read;
    }
}

void PartSender::onBytesWritten()
{
    if (!m_busy || !m_socket || sender() != m_socket)
        return;
    m_idle.start(m_part.policy.idleTimeoutMs);
    const qint64 queued = m_headBytes + (m_part.size - m_left);
    const qint64 bodyOut =
        std::clamp<qint64>(queued - m_socket->bytesToWrite() - m_headBytes, 0, m_part.size);
    emit sent(bodyOut, m_part.size);
    fill();
}

void PartSender::onReadyRead()
{
    if (!m_busy || !m_socket || sender() != m_socket)
        return;
    m_idle.start(m_part.policy.idleTimeoutMs);
    while (m_busy && m_socket && m_socket->bytesAvailable() > 0 && m_answer &&
           (m_answer->state() == HttpAnswer::State::Head || m_answer->state() == HttpAnswer::State::Body)) {
        const QByteArray piece = m_socket->read(ReadBytes);
        m_received += piece.size();
        if (m_answer->feed(piece) < piece.size())
            m_trailingBytes = true; // bytes past the answer: no request of ours asked for them
    }
    if (!m_busy || !m_answer)
        return;
    if (m_answer->state() == HttpAnswer::State::TooLarge)
        return finish(Transfer::Failure::TooLarge);
    if (m_answer->state() == HttpAnswer::State::Malformed)
        return finish(Transfer::Failure::Undecodable);
    if (m_answer->isComplete())
        onAnswer();
}

bool PartSender::retryOnFreshConnection()
{
    // A connection kept from the last part may have been closed by the server meanwhile (its keep-alive
    // time ran out): the part goes again on a new one, once, if no byte of an answer came.
    if (!m_reused || m_received > 0 || m_retried)
        return false;
    m_retried = true;
    dropSocket();
    startAttempt();
    return true;
}

void PartSender::onClosed()
{
    if (!m_busy || !m_socket || sender() != m_socket)
        return;
    onReadyRead(); // what arrived before the close
    if (!m_busy || !m_answer)
        return;
    m_answer->endOfStream();
    if (m_answer->isComplete())
        return onAnswer();
    if (retryOnFreshConnection())
        return;
    finish(Transfer::Failure::Network,
           m_received > 0 ? tr("The storage closed the connection in the middle of its answer.")
                          : tr("The storage closed the connection before it answered."));
}

void PartSender::onSocketError()
{
    if (!m_busy || !m_socket || sender() != m_socket)
        return;
    const QAbstractSocket::SocketError error = m_socket->error();
    if (error == QAbstractSocket::RemoteHostClosedError)
        return onClosed();
    if (error == QAbstractSocket::SocketTimeoutError)
        return; // our own timers decide
    // A storage that answered before the part was all sent and then reset the connection: the answer
    // stands if it arrived whole.
    onReadyRead();
    if (!m_busy || !m_socket)
        return;
    if (retryOnFreshConnection())
        return;
    const QString words = m_socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError ||
        error == QAbstractSocket::SslInvalidUserDataError || error == QAbstractSocket::SslInternalError)
        return finish(Transfer::Failure::Insecure, words);
    finish(Transfer::Failure::Network, words);
}

void PartSender::onAnswer()
{
    const HttpAnswer &answer = *m_answer;
    const bool wholePartSent = m_left == 0 && m_socket && m_socket->bytesToWrite() == 0;
    m_outcome.answeredEarly = !wholePartSent;
    m_reusable =
        answer.keepsConnection() && wholePartSent && !m_trailingBytes && m_socket->bytesAvailable() == 0;
    const int status = answer.status();
    const QByteArray location = answer.header("Location");
    if (isRedirect(status) && !location.isEmpty()) {
        const QUrl target = m_url.resolved(QUrl::fromEncoded(location, QUrl::StrictMode));
        m_outcome.refusedUrl = target;
        if (!target.isValid() || !Transfer::sameOrigin(m_url, target))
            return finish(Transfer::Failure::CrossOriginRedirect);
        if (!Transfer::allowedHop(m_url, target, m_part.policy))
            return finish(Transfer::Failure::Insecure);
        if (m_hops >= m_part.policy.maxRedirects || m_visited.contains(target))
            return finish(Transfer::Failure::TooManyRedirects);
        m_outcome.refusedUrl.clear();
        ++m_hops;
        m_visited.append(target);
        m_url = target;
        if (!m_reusable)
            dropSocket();
        startAttempt();
        return;
    }
    m_outcome.status = status;
    m_outcome.body = answer.body();
    finish(Transfer::Failure::None);
}

void PartSender::finish(Transfer::Failure failure, const QString &errorString)
{
    if (!m_busy)
        return;
    m_busy = false;
    m_deadline.stop();
    m_idle.stop();
    m_outcome.failure = failure;
    m_outcome.errorString = errorString;
    if (failure != Transfer::Failure::None || !m_outcome.localError.isEmpty() || !m_reusable)
        dropSocket();
    m_answer.reset();
    emit finished();
}

void PartSender::dropSocket()
{
    m_reusable = false;
    if (!m_socket)
        return;
    QAbstractSocket *socket = m_socket;
    m_socket = nullptr;
    disconnect(socket, nullptr, this, nullptr);
    socket->abort();
    socket->deleteLater();
}

} // namespace koodrive::net
