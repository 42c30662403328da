#pragma once

#include "BoundedBody.h"
#include "TransferPolicy.h"

#include <QByteArray>
#include <QIODevice>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;

namespace koodrive::net {

// One request on the shared QNAM under a TransferPolicy: the one place where the app's transfers are
// bounded (bytes, deadline, idle time) and where redirects are judged hop by hop (Qt's default policy
// follows a redirect to another origin with every raw header, Authorization included:
// ../shared/QT-6.4-NOTES.md). finished() is emitted exactly once, unless abort() came first.
class Transfer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Transfer)

public:
    // The most a reply buffers ahead of what is read (a piece of a body).
    static constexpr qint64 ReadBufferBytes = 1024 * 1024;

    enum class Failure
    {
        None,                // an HTTP answer arrived whole (its status may still be an error)
        Network,             // no complete answer: refused, reset, cut short, DNS, TLS
        IdleTimeout,         // nothing arrived for idleTimeoutMs
        Deadline,            // the whole transfer took longer than deadlineMs
        TooLarge,            // the body went past maxBytes (announced or counted)
        CrossOriginRedirect, // a request with credentials was sent to another origin
        TooManyRedirects,    // more than maxRedirects hops, e.g. a loop
        Insecure,            // https to http, or plain http to a host that is not loopback
        Undecodable,         // a compressed body that could not be unpacked (a gzip bomb stops here)
        LocalWrite,          // the sink (setSink) did not take what arrived: a full or missing disk
    };

    // Sends `request` (its headers are the caller's) with `verb` and `body`. The Transfer belongs to
    // `parent`; the reply is its own and dies with it.
    static Transfer *start(QNetworkAccessManager *network, QNetworkRequest request, const QByteArray &verb,
                           const QByteArray &body, const TransferPolicy &policy, QObject *parent);
    static Transfer *get(QNetworkAccessManager *network, const QNetworkRequest &request,
                         const TransferPolicy &policy, QObject *parent)
    {
        return start(network, request, "GET", {}, policy, parent);
    }
    ~Transfer() override;

    // Stops the transfer; finished() will not be emitted.
    void abort();

    // The body of a 2xx answer goes to `sink` as it arrives (a download to disk: memory stays flat
    // whatever the size) instead of being held; the byte budget counts it all the same. Another status's
    // body (an error document) is held as usual. Call before returning to the event loop. What was
    // written stays written when the transfer fails: the caller decides (a resumable download keeps it).
    void setSink(QIODevice *sink) { m_sink = sink; }
    qint64 bytesSunk() const { return m_sunk; }

    bool isFinished() const { return m_finished; }
    Failure failure() const { return m_failure; }
    int httpStatus() const { return m_status; }
    // The body, once finished without a failure (read in pieces: a body of unknown length never costs
    // twice its size while it grows).
    QByteArray takeBody();
    qint64 bytesReceived() const { return m_body.size() + m_sunk; }
    QByteArray rawHeader(const QByteArray &name) const;
    QString contentType() const;
    bool fromCache() const { return m_fromCache; }
    QUrl url() const { return m_url; }               // where the answer came from, after redirects
    QUrl refusedUrl() const { return m_refusedUrl; } // the redirect that was not followed
    QNetworkReply::NetworkError networkError() const { return m_networkError; }
    QString networkErrorString() const { return m_networkErrorString; }
    const TransferPolicy &policy() const { return m_policy; }

    // The rules, for whoever checks a URL before sending.
    static bool isLoopback(const QString &host);
    static bool sameOrigin(const QUrl &a, const QUrl &b);
    // Plain http is for loopback only when credentials travel; https never becomes http.
    static bool allowedHop(const QUrl &from, const QUrl &to, const TransferPolicy &policy);

signals:
    void finished();
    // Bytes of the body so far (for progress).
    void progress(qint64 received, qint64 total);
    // The status and headers of the answer (not of a redirect) arrived; no byte of its body yet. A slot
    // may abort() here (then finished() does not come).
    void answered();

private:
    Transfer(QNetworkReply *reply, const TransferPolicy &policy, bool sendsBody, QObject *parent);
    static void prepare(QNetworkRequest &request, const TransferPolicy &policy);
    void onRedirected(const QUrl &target);
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void fail(Failure failure);
    bool sinks() const { return m_sink && m_status >= 200 && m_status < 300; }
    bool take(QByteArray piece);

    QPointer<QNetworkReply> m_reply;
    TransferPolicy m_policy;
    QTimer m_deadline;
    QUrl m_url;
    QUrl m_refusedUrl;
    QList<QUrl> m_visited; // every address of this transfer so far
    BoundedBody m_body;
    QPointer<QIODevice> m_sink;
    qint64 m_sunk = 0;
    int m_hops = 0;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    int m_status = 0;
    Failure m_failure = Failure::None;
    QNetworkReply::NetworkError m_networkError = QNetworkReply::NoError;
    QString m_networkErrorString;
    bool m_fromCache = false;
    bool m_finished = false;
    bool m_sendsBody = false; // a body never follows a redirect to another origin
};

} // namespace koodrive::net
