// The HTTP/1.1 answer reader (net::HttpAnswer) that reads object storage's answers to upload parts, under
// any bytes a server could send. It must never hold a body past its budget, must reach the same outcome
// however the bytes are split into reads, and must never take bytes past a complete answer.
#include "net/HttpAnswer.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}

koodrive::net::HttpAnswer read(const QByteArray &bytes, qint64 maxBody, qint64 step, bool close,
                               qint64 *taken)
{
    koodrive::net::HttpAnswer answer(maxBody, 2048);
    *taken = 0;
    for (qint64 at = 0; at < bytes.size(); at += step) {
        const QByteArray piece = bytes.mid(at, step);
        const qint64 used = answer.feed(piece);
        check(used >= 0 && used <= piece.size());
        *taken += used;
        check(answer.body().size() <= maxBody);
        if (used < piece.size()) {
            check(answer.isComplete() || answer.failed());
            break;
        }
    }
    if (close)
        answer.endOfStream();
    return answer;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    const qint64 maxBody = data[0] * 4;   // 0 … 1020 bytes
    const qint64 step = 1 + data[1] % 32; // reads of 1 … 32 bytes
    const bool close = data[2] & 1;       // the peer hangs up after the bytes
    const QByteArray bytes(reinterpret_cast<const char *>(data + 3), qsizetype(size - 3));
    qint64 wholeTaken = 0, piecesTaken = 0;
    const auto whole = read(bytes, maxBody, bytes.size() + 1, close, &wholeTaken);
    const auto pieces = read(bytes, maxBody, step, close, &piecesTaken);
    check(whole.state() == pieces.state());
    check(whole.status() == pieces.status());
    check(whole.body() == pieces.body());
    check(whole.keepsConnection() == pieces.keepsConnection());
    if (whole.isComplete() && !close)
        check(wholeTaken == piecesTaken);
    if (whole.failed())
        check(whole.body().isEmpty());
    return 0;
}
