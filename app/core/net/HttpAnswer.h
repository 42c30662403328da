#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

namespace koodrive::net {

// An HTTP/1.1 answer read from a connection under a byte budget (RFC 9112): the status line and headers
// (at most maxHeadBytes together), then the body as the head delimits it (Content-Length, chunked, or until
// the connection closes), at most maxBodyBytes. Interim 1xx heads are skipped. Past a budget, or on
// anything that is not HTTP/1.x, it stops for good: what was held is let go, and the connection must be
// dropped. Pure (no network), fuzzed on its own; net::PartSender reads object storage's answers with it.
class HttpAnswer final
{
public:
    enum class State
    {
        Head,
        Body,
        Complete,
        TooLarge,  // the head or the body went past its budget (an announced length counts at once)
        Malformed, // not an HTTP/1.x answer, or one whose framing cannot be trusted
    };

    explicit HttpAnswer(qint64 maxBodyBytes, qint64 maxHeadBytes = 64 * 1024);

    // Takes bytes as they arrive; returns how many were taken: fewer than given only once the answer is
    // complete (the rest belongs to no request of ours) or refused.
    qint64 feed(const char *data, qint64 size);
    qint64 feed(const QByteArray &bytes) { return feed(bytes.constData(), bytes.size()); }
    // The peer closed the connection: a body read until the close is complete; anything else unfinished is
    // Malformed (cut short).
    void endOfStream();

    State state() const { return m_state; }
    bool isComplete() const { return m_state == State::Complete; }
    bool failed() const { return m_state == State::TooLarge || m_state == State::Malformed; }
    // True once a head (not 1xx) was read: its status and headers are known even while the body arrives.
    bool hasHead() const { return m_status >= 200; }
    int status() const { return m_status; }
    // The first value of a header (names compare case-insensitively); empty when absent.
    QByteArray header(const QByteArray &name) const;
    const QByteArray &body() const { return m_body; }
    // The connection can carry another request after this answer: HTTP/1.1, no "Connection: close", and a
    // body delimited by its length or chunks.
    bool keepsConnection() const;

private:
    enum class Framing
    {
        None,
        Length,
        Chunked,
        UntilClose,
    };
    enum class ChunkStep
    {
        Size,
        Data,
        DataEnd,
        Trailer,
    };
    qint64 feedHead(const char *data, qint64 size);
    qint64 feedBody(const char *data, qint64 size);
    qint64 feedChunked(const char *data, qint64 size);
    bool parseHead();
    bool appendBody(const char *data, qint64 size);
    // A line of the chunked framing (size line or trailer), bounded like the head.
    bool takeLine(const char *data, qint64 size, qint64 *used, QByteArray *line);
    void fail(State state);

    qint64 m_maxBody;
    qint64 m_maxHead;
    State m_state = State::Head;
    QByteArray m_head;      // the head being read (or the chunked framing's current line)
    qint64 m_headBytes = 0; // every head byte so far, interim heads and trailers included
    int m_status = 0;
    bool m_http11 = false;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    Framing m_framing = Framing::None;
    qint64 m_remaining = 0; // Length: of the body; Chunked: of the current chunk
    ChunkStep m_chunkStep = ChunkStep::Size;
    QByteArray m_body;
};

} // namespace koodrive::net
