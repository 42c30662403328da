#pragma once

#include "HttpAnswer.h"
#include "Transfer.h"
#include "TransferPolicy.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <optional>

class QAbstractSocket;

namespace koodrive::net {

// Sends the parts of an upload to their pre-signed object-storage URLs (OPERATIONS.md §3): an HTTP/1.1
// PUT of a byte range of a local file, on a connection kept for the next part of the same origin.
//
// Why not QNetworkAccessManager: Qt 6.4 sends a request body from its HTTP thread and fetches it from the
// device's thread 16 KiB at a time (QHttpProtocolHandler's socketWriteMaxSize), one cross-thread round trip
// each: 64–72 MiB/s on loopback where curl sends 270 (tests/bench/bench_upload). Here the file is read in
// 1 MiB pieces straight into the socket, with up to 4 MiB queued, and the socket's own notifications drive
// it: nothing of the file is held beyond that window.
//
// The rules are net::Transfer's, for the answer and for the hops: the answer is read by HttpAnswer under the
// policy's byte budget (head 64 KiB, body maxBytes); the whole part has the policy's deadline and idle
// time; a redirect is followed (the part sent again) only to the same origin, never from https to http,
// plain http only to loopback, at most maxRedirects hops and never back to an address already visited.
// Proxies: the socket's default (the application's proxy, tunnelled with CONNECT).
class PartSender final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartSender)

public:
    struct Part
    {
        QUrl url;
        QByteArray contentType = "application/octet-stream";
        QString path;      // the local file
        qint64 offset = 0; // of the part in the file
        qint64 size = 0;
        TransferPolicy policy = TransferPolicy::uploadPart(size);
    };
    struct Outcome
    {
        Transfer::Failure failure = Transfer::Failure::None;
        int status = 0;      // the answer's, when failure is None
        QByteArray body;     // at most the policy's maxBytes
        QUrl refusedUrl;     // the redirect that was not followed
        QString errorString; // the network's words, for Failure::Network and Insecure
        QString localError;  // the file could not be read as planned (it changed or vanished): nothing sent
        bool answeredEarly = false; // the answer came before the whole part was sent (e.g. 403 at once)
    };

    explicit PartSender(QObject *parent = nullptr);
    ~PartSender() override;

    // Sends one part; finished() follows, unless abort() (or another send) comes first.
    void send(const Part &part);
    // Stops the part under way (its connection is dropped); finished() is not emitted.
    void abort();

    bool isBusy() const { return m_busy; }
    const Outcome &outcome() const { return m_outcome; }
    // Connections opened so far (a second part to the same origin reuses the first's).
    int connectionsOpened() const { return m_connections; }

signals:
    // Bytes of the part that left for the network so far.
    void sent(qint64 bytes, qint64 total);
    void finished();

private:
    void startAttempt();
    void connectSocket();
    void writeRequest();
    void fill();
    void onBytesWritten();
    void onReadyRead();
    void onClosed();
    void onSocketError();
    void onAnswer();
    bool retryOnFreshConnection();
    void finish(Transfer::Failure failure, const QString &errorString = QString());
    void dropSocket();

    Part m_part;
    Outcome m_outcome;
    QUrl m_url;            // where this part goes now (after redirects)
    QList<QUrl> m_visited; // every address of this part so far
    int m_hops = 0;
    QPointer<QAbstractSocket> m_socket;
    QUrl m_origin;           // of the socket's connection
    bool m_reusable = false; // the last answer left the connection open for the next request
    bool m_reused = false;   // this attempt went on a connection kept from before
    bool m_retried = false;  // a kept connection that had gone stale was replaced once
    QFile m_file;
    QByteArray m_chunk;
    qint64 m_left = 0;            // bytes of the part not yet handed to the socket
    qint64 m_headBytes = 0;       // of the request head, queued before the body
    qint64 m_received = 0;        // bytes of the answer so far, this attempt
    bool m_trailingBytes = false; // the storage sent more than its answer: the connection is not reused
    std::optional<HttpAnswer> m_answer;
    QTimer m_deadline;
    QTimer m_idle;
    int m_connections = 0;
    int m_generation = 0; // of send() and abort(): a start that was overtaken does nothing
    bool m_busy = false;
};

} // namespace koodrive::net
