#include "Transfer.h"

#include <QHostAddress>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <algorithm>

Q_LOGGING_CATEGORY(lcNet, "koodrive.net", QtInfoMsg)

namespace koodrive::net {

bool Transfer::isLoopback(const QString &host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool Transfer::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme().compare(b.scheme(), Qt::CaseInsensitive) == 0 &&
           a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
           a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
               b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

bool Transfer::allowedHop(const QUrl &from, const QUrl &to, const TransferPolicy &policy)
{
    const bool toHttps = to.scheme() == QLatin1String("https");
    const bool toHttp = to.scheme() == QLatin1String("http");
    if (!toHttps && !toHttp)
        return false; // no file:, data:, ftp: from a server's Location
    if (from.scheme() == QLatin1String("https") && !toHttps)
        return false; // never downgrade
    if (policy.carriesCredentials && toHttp && !isLoopback(to.host()))
        return false;
    return true;
}

void Transfer::prepare(QNetworkRequest &request, const TransferPolicy &policy)
{
    // Each hop is judged in onRedirected(); Qt only counts them.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(policy.maxRedirects);
    request.setTransferTimeout(policy.idleTimeoutMs);
    // A compressed answer (gzip keeps listings a fifth of their size) is checked for a bomb once 1 MiB is
    // unpacked: past 40 times its compressed size, Qt stops unpacking. Left to the byte budget alone, Qt
    // would unpack a whole 1 GiB bomb on the GUI thread before the budget could stop it.
    request.setDecompressedSafetyCheckThreshold(1024 * 1024);
}

Transfer *Transfer::start(QNetworkAccessManager *network, QNetworkRequest request, const QByteArray &verb,
                          const QByteArray &body, const TransferPolicy &policy, QObject *parent)
{
    prepare(request, policy);
    QNetworkReply *reply = verb == "GET" && body.isEmpty() ? network->get(request)
                                                           : network->sendCustomRequest(request, verb, body);
    return new Transfer(reply, policy, !body.isEmpty(), parent);
}

Transfer::Transfer(QNetworkReply *reply, const TransferPolicy &policy, bool sendsBody, QObject *parent)
    : QObject(parent)
    , m_reply(reply)
    , m_policy(policy)
    , m_url(reply->url())
    , m_visited{reply->url()}
    , m_body(policy.maxBytes)
    , m_sendsBody(sendsBody)
{
    // QNetworkAccessManager reads from the socket into the reply's buffer on a thread of its own, without
    // bound unless told: while this thread is busy an endless body piles up there (tst_MainWindowHostile
    // saw 130 MiB for six thumbnails). The buffer holds at most a piece; what is past the budget stays in
    // the socket (QT-6.4-NOTES.md, "Response size").
    reply->setReadBufferSize(std::min<qint64>(policy.maxBytes + 1, ReadBufferBytes));
    connect(reply, &QNetworkReply::redirected, this, &Transfer::onRedirected);
    connect(reply, &QNetworkReply::metaDataChanged, this, &Transfer::onMetaData);
    connect(reply, &QNetworkReply::readyRead, this, &Transfer::onReadyRead);
    connect(reply, &QNetworkReply::finished, this, &Transfer::onFinished);
    m_deadline.setSingleShot(true);
    // Never before the budget is spent: a coarse timer may fire 5% early (tst_HostileServer saw 1899 ms of
    // a 2 s deadline).
    m_deadline.setTimerType(Qt::PreciseTimer);
    connect(&m_deadline, &QTimer::timeout, this, [this] { fail(Failure::Deadline); });
    m_deadline.start(policy.deadlineMs);
}

Transfer::~Transfer()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void Transfer::abort()
{
    m_finished = true; // no finished() from here on
    m_deadline.stop();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QByteArray Transfer::takeBody()
{
    return m_body.take();
}

QByteArray Transfer::rawHeader(const QByteArray &name) const
{
    if (m_reply)
        return m_reply->rawHeader(name);
    for (const auto &[key, value] : m_headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString Transfer::contentType() const
{
    return QString::fromLatin1(rawHeader("Content-Type"));
}

void Transfer::onRedirected(const QUrl &target)
{
    if (!m_reply || m_finished)
        return;
    // A hop back to an address already visited is a loop: it ends here, not after Qt's count (and Qt
    // 6.4 can lose a reply that is redirected to its own URL on a kept-alive connection).
    if (++m_hops > m_policy.maxRedirects || m_visited.contains(target)) {
        fail(Failure::TooManyRedirects);
        return;
    }
    m_visited.append(target);
    // The first URL was judged by whoever built the request; from here on each hop is judged here. Neither
    // credentials nor a body (a person's file, or what they typed) go on to another origin.
    if ((m_policy.carriesCredentials || m_sendsBody) && !sameOrigin(m_url, target)) {
        m_refusedUrl = target;
        qCInfo(lcNet).noquote() << "not following a redirect to another origin:" << target.host();
        fail(Failure::CrossOriginRedirect);
        return;
    }
    if (!allowedHop(m_url, target, m_policy)) {
        m_refusedUrl = target;
        fail(Failure::Insecure);
        return;
    }
    m_url = target;
    emit m_reply->redirectAllowed();
}

void Transfer::onMetaData()
{
    if (!m_reply || m_finished)
        return;
    m_status = m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant length = m_reply->header(QNetworkRequest::ContentLengthHeader);
    // A redirect's own headers do not count; the answer's do.
    const bool isRedirect = m_status >= 300 && m_status < 400 &&
                            !m_reply->attribute(QNetworkRequest::RedirectionTargetAttribute).isNull();
    if (!isRedirect && length.isValid() && !m_body.announce(length.toLongLong())) {
        fail(Failure::TooLarge); // refused before a byte of it is read
        return;
    }
    if (!isRedirect)
        emit answered();
}

void Transfer::onReadyRead()
{
    if (!m_reply || m_finished)
        return;
    // Only what the budget still allows is read: a piece past it is never taken off the socket.
    const qint64 available = m_reply->bytesAvailable();
    if (available > m_body.budget() - bytesReceived()) {
        fail(Failure::TooLarge);
        return;
    }
    if (take(m_reply->read(available)))
        emit progress(bytesReceived(), m_body.announced());
}

bool Transfer::take(QByteArray piece)
{
    if (!sinks()) {
        m_body.append(std::move(piece));
        return true;
    }
    if (m_sink->write(piece) != piece.size()) {
        fail(Failure::LocalWrite);
        return false;
    }
    m_sunk += piece.size();
    return true;
}

void Transfer::fail(Failure failure)
{
    if (m_finished)
        return;
    m_failure = failure;
    m_body.clear();
    if (m_reply)
        m_reply->abort(); // finished() follows at once, and onFinished() keeps the failure set here
    if (!m_finished)
        onFinished();
}

void Transfer::onFinished()
{
    if (m_finished || !m_reply)
        return;
    m_deadline.stop();
    QNetworkReply *reply = m_reply;
    m_networkError = reply->error();
    m_networkErrorString = reply->errorString();
    m_status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_fromCache = reply->attribute(QNetworkRequest::SourceIsFromCacheAttribute).toBool();
    m_headers = reply->rawHeaderPairs(); // kept: the reply goes now
    if (m_failure == Failure::None && reply->isOpen() && reply->bytesAvailable() > 0) {
        if (reply->bytesAvailable() > m_body.budget() - bytesReceived())
            m_failure = Failure::TooLarge;
        else if (!sinks())
            m_body.append(reply->readAll());
        else if (const QByteArray rest = reply->readAll(); m_sink->write(rest) != rest.size())
            m_failure = Failure::LocalWrite;
        else
            m_sunk += rest.size();
    }
    // A redirect answered as the last word: Qt stops following after maxRedirects.
    if (m_failure == Failure::None && m_status >= 300 && m_status < 400 &&
        !reply->attribute(QNetworkRequest::RedirectionTargetAttribute).isNull())
        m_failure = Failure::TooManyRedirects;
    if (m_failure == Failure::None) {
        switch (m_networkError) {
        case QNetworkReply::OperationCanceledError: // the idle timeout (setTransferTimeout) aborts this way
        case QNetworkReply::TimeoutError: m_failure = Failure::IdleTimeout; break;
        case QNetworkReply::TooManyRedirectsError: m_failure = Failure::TooManyRedirects; break;
        case QNetworkReply::InsecureRedirectError: m_failure = Failure::Insecure; break;
        case QNetworkReply::UnknownContentError:
            // A 2xx whose body could not be unpacked (Content-Encoding): a bomb, or broken on the way.
            if (m_status >= 200 && m_status < 300)
                m_failure = Failure::Undecodable;
            break;
        default:
            // Transport errors (QNetworkReply's 1..199) leave no complete answer, even after a status line.
            if (m_networkError > QNetworkReply::NoError &&
                m_networkError < QNetworkReply::ContentAccessDenied)
                m_failure = Failure::Network;
            else if (m_status == 0 && m_networkError != QNetworkReply::NoError)
                m_failure = Failure::Network;
            break;
        }
    }
    // No status line at all (Qt reports its initial 100): no answer arrived.
    if (m_failure == Failure::None && m_status < 200)
        m_failure = Failure::Network;
    if (m_failure != Failure::None)
        m_body.clear();
    m_finished = true;
    m_reply = nullptr;
    reply->disconnect(this);
    reply->deleteLater();
    emit finished();
}

} // namespace koodrive::net
