#include "HttpAnswer.h"

#include <algorithm>
#include <cstring>

namespace koodrive::net {

namespace {
// A line of the chunked framing: a size with its extensions, or a trailer.
constexpr qint64 MaxFramingLine = 4 * 1024;

bool isToken(const QByteArray &name)
{
    if (name.isEmpty())
        return false;
    return std::all_of(name.cbegin(), name.cend(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
               (c != '\0' && std::strchr("!#$%&'*+-.^_`|~", c) != nullptr);
    });
}

bool hasToken(const QByteArray &list, QByteArrayView token)
{
    const QList<QByteArray> items = list.split(',');
    return std::any_of(items.cbegin(), items.cend(), [token](const QByteArray &item) {
        return item.trimmed().compare(token, Qt::CaseInsensitive) == 0;
    });
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// 1*DIGIT, at most 18 of them (what fits a qint64): -1 otherwise.
qint64 decimal(const QByteArray &text)
{
    if (text.isEmpty() || text.size() > 18)
        return -1;
    qint64 value = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}
} // namespace

HttpAnswer::HttpAnswer(qint64 maxBodyBytes, qint64 maxHeadBytes)
    : m_maxBody(maxBodyBytes)
    , m_maxHead(maxHeadBytes)
{}

void HttpAnswer::fail(State state)
{
    m_state = state;
    m_head.clear();
    m_body.clear();
    m_headers.clear();
}

qint64 HttpAnswer::feed(const char *data, qint64 size)
{
    qint64 taken = 0;
    while (taken < size && (m_state == State::Head || m_state == State::Body)) {
        const qint64 used = m_state == State::Head ? feedHead(data + taken, size - taken)
                                                   : feedBody(data + taken, size - taken);
        taken += used;
        if (used == 0 && (m_state == State::Head || m_state == State::Body))
            break; // cannot happen (every step takes a byte or ends); never loop on it
    }
    return taken;
}

void HttpAnswer::endOfStream()
{
    if (m_state == State::Body && m_framing == Framing::UntilClose)
        m_state = State::Complete;
    else if (m_state == State::Head || m_state == State::Body)
        fail(State::Malformed); // cut short
}

qint64 HttpAnswer::feedHead(const char *data, qint64 size)
{
    const qint64 room = m_maxHead - m_headBytes;
    const qint64 before = m_head.size();
    // One byte past the room shows a head that is too long.
    const qint64 appended = std::min(size, std::max<qint64>(0, room - before + 1));
    m_head.append(data, appended);
    const qint64 from = std::max<qint64>(0, before - 3);
    qint64 end = -1;
    const qint64 crlf = m_head.indexOf("\r\n\r\n", from);
    const qint64 lf = m_head.indexOf("\n\n", std::max<qint64>(0, before - 1));
    if (crlf >= 0)
        end = crlf + 4;
    if (lf >= 0 && (end < 0 || lf + 2 < end))
        end = lf + 2;
    if (end < 0) {
        if (m_head.size() > room)
            fail(State::TooLarge);
        return appended;
    }
    m_head.truncate(end);
    m_headBytes += end;
    const qint64 used = end - before;
    if (!parseHead())
        return used;
    m_head.clear();
    return used;
}

bool HttpAnswer::parseHead()
{
    QList<QByteArray> lines = m_head.split('\n');
    for (QByteArray &line : lines)
        if (line.endsWith('\r'))
            line.chop(1);
    // The status line: HTTP/1.x SP 3DIGIT [SP reason]
    const QByteArray &first = lines.value(0);
    if (!first.startsWith("HTTP/1.") || first.size() < 12 || (first.at(7) != '0' && first.at(7) != '1') ||
        first.at(8) != ' ' || (first.size() > 12 && first.at(12) != ' ')) {
        fail(State::Malformed);
        return false;
    }
    const qint64 status = decimal(first.mid(9, 3));
    if (status < 100 || status > 599) {
        fail(State::Malformed);
        return false;
    }
    QList<QPair<QByteArray, QByteArray>> headers;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.isEmpty())
            continue; // the blank line that ends the head
        if (line.startsWith(' ') || line.startsWith('\t')) {
            fail(State::Malformed); // obsolete line folding (RFC 9112 §5.2: may be refused)
            return false;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon > 0 ? line.left(colon) : QByteArray();
        if (!isToken(name)) {
            fail(State::Malformed);
            return false;
        }
        headers.append({name, line.mid(colon + 1).trimmed()});
    }
    if (status < 200) {
        if (status == 101) { // nothing of ours asks to switch protocols
            fail(State::Malformed);
            return false;
        }
        return true; // an interim answer (100 Continue, 103 Early Hints): the real one follows
    }
    m_status = int(status);
    m_http11 = first.at(7) == '1';
    m_headers = std::move(headers);

    // How the body is delimited (RFC 9112 §6.3).
    const QByteArray transferEncoding = header("Transfer-Encoding");
    qint64 length = -1;
    for (const auto &[name, value] : std::as_const(m_headers)) {
        if (name.compare("Content-Length", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &item : value.split(',')) {
            const qint64 one = decimal(item.trimmed());
            if (one < 0 || (length >= 0 && one != length)) {
                fail(State::Malformed);
                return false;
            }
            length = one;
        }
    }
    if (m_status == 204 || m_status == 304) {
        m_framing = Framing::None;
    } else if (!transferEncoding.isEmpty()) {
        const QList<QByteArray> codings = transferEncoding.split(',');
        m_framing = codings.constLast().trimmed().compare("chunked", Qt::CaseInsensitive) == 0
                        ? Framing::Chunked
                        : Framing::UntilClose;
    } else if (length >= 0) {
        if (length > m_maxBody) {
            fail(State::TooLarge);
            return false;
        }
        m_framing = length == 0 ? Framing::None : Framing::Length;
        m_remaining = length;
    } else {
        m_framing = Framing::UntilClose;
    }
    m_state = m_framing == Framing::None ? State::Complete : State::Body;
    return true;
}

bool HttpAnswer::appendBody(const char *data, qint64 size)
{
    if (m_body.size() + size > m_maxBody) {
        fail(State::TooLarge);
        return false;
    }
    m_body.append(data, size);
    return true;
}

qint64 HttpAnswer::feedBody(const char *data, qint64 size)
{
    switch (m_framing) {
    case Framing::Length: {
        const qint64 used = std::min(size, m_remaining);
        if (!appendBody(data, used))
            return used;
        m_remaining -= used;
        if (m_remaining == 0)
            m_state = State::Complete;
        return used;
    }
    case Framing::UntilClose: appendBody(data, size); return size;
    case Framing::Chunked: return feedChunked(data, size);
    case Framing::None: m_state = State::Complete; return 0;
    }
    return 0;
}

bool HttpAnswer::takeLine(const char *data, qint64 size, qint64 *used, QByteArray *line)
{
    const char *newline = static_cast<const char *>(memchr(data, '\n', size_t(size)));
    const qint64 length = newline ? newline - data + 1 : size;
    *used = length;
    if (m_head.size() + length > MaxFramingLine) {
        fail(State::TooLarge);
        return false;
    }
    m_head.append(data, length);
    if (!newline)
        return false;
    *line = m_head;
    m_head.clear();
    line->chop(1);
    if (line->endsWith('\r'))
        line->chop(1);
    return true;
}

qint64 HttpAnswer::feedChunked(const char *data, qint64 size)
{
    qint64 used = 0;
    while (used < size && m_state == State::Body) {
        qint64 n = 0;
        QByteArray line;
        switch (m_chunkStep) {
        case ChunkStep::Size: {
            if (!takeLine(data + used, size - used, &n, &line)) {
                used += n;
                break;
            }
            used += n;
            // chunk-size [; extensions]: 1*HEXDIG, at most 15 of them
            qsizetype digits = 0;
            qint64 value = 0;
            while (digits < line.size() && hexValue(line.at(digits)) >= 0)
                ++digits;
            for (qsizetype i = 0; i < std::min<qsizetype>(digits, 15); ++i)
                value = value * 16 + hexValue(line.at(i)); // 15 digits fit; more are refused below
            const QByteArray rest = line.mid(digits).trimmed();
            if (digits == 0 || digits > 15 || (!rest.isEmpty() && !rest.startsWith(';'))) {
                fail(State::Malformed);
                return used;
            }
            if (value == 0) {
                m_chunkStep = ChunkStep::Trailer;
            } else if (m_body.size() + value > m_maxBody) {
                fail(State::TooLarge);
                return used;
            } else {
                m_remaining = value;
                m_chunkStep = ChunkStep::Data;
            }
            break;
        }
        case ChunkStep::Data:
            n = std::min(size - used, m_remaining);
            if (!appendBody(data + used, n))
                return used + n;
            used += n;
            m_remaining -= n;
            if (m_remaining == 0)
                m_chunkStep = ChunkStep::DataEnd;
            break;
        case ChunkStep::DataEnd:
            if (!takeLine(data + used, size - used, &n, &line)) {
                used += n;
                break;
            }
            used += n;
            if (!line.isEmpty()) {
                fail(State::Malformed);
                return used;
            }
            m_chunkStep = ChunkStep::Size;
            break;
        case ChunkStep::Trailer: {
            const bool whole = takeLine(data + used, size - used, &n, &line);
            used += n;
            m_headBytes += n; // every trailer byte counts, however it arrives
            if (m_state == State::Body && m_headBytes > m_maxHead) {
                fail(State::TooLarge);
                return used;
            }
            if (whole && line.isEmpty())
                m_state = State::Complete;
            break;
        }
        }
    }
    return used;
}

QByteArray HttpAnswer::header(const QByteArray &name) const
{
    for (const auto &[key, value] : m_headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

bool HttpAnswer::keepsConnection() const
{
    if (!m_http11 || m_state != State::Complete || hasToken(header("Connection"), "close"))
        return false;
    if (m_framing == Framing::Chunked)
        return header("Content-Length").isEmpty(); // both: a smuggling attempt, or a broken server
    return m_framing == Framing::Length || m_framing == Framing::None;
}

} // namespace koodrive::net
