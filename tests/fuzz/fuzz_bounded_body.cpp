// The bounded reader (net::BoundedBody) under any sequence a server could produce: announced lengths
// (honest, lying, negative, huge) and pieces of any size. It must never hold more than its budget, must
// stay refused once refused, and must give back exactly what it accepted, in order.
#include "net/BoundedBody.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
void check(bool condition)
{
    if (!condition)
        std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    size_t at = 0;
    auto next = [&]() -> uint8_t { return at < size ? data[at++] : 0; };
    // A budget of up to 64 KiB, so that pieces of the input can cross it.
    const qint64 budget = (qint64(next()) << 8 | next()) & 0xffff;
    koodrive::net::BoundedBody body(budget);
    QByteArray expected;
    bool refused = false;
    while (at < size) {
        const uint8_t op = next();
        if (op % 4 == 0) { // Content-Length: any 32-bit value, or a negative one
            const qint64 length = qint64(
                int32_t(uint32_t(next()) << 24 | uint32_t(next()) << 16 | uint32_t(next()) << 8 | next()));
            const bool ok = body.announce(length);
            check(ok == (!refused && (length < 0 || length <= budget)));
            refused = refused || !ok;
        } else { // a piece of the input, repeated to reach any size
            const int length = next();
            const int times = 1 + next() % 64;
            QByteArray piece = QByteArray(reinterpret_cast<const char *>(data + at),
                                          qsizetype(std::min<size_t>(size - at, size_t(length))))
                                   .repeated(times);
            at += std::min<size_t>(size - at, size_t(length));
            const bool ok = body.append(piece);
            check(ok == (!refused && expected.size() + piece.size() <= budget));
            if (ok)
                expected.append(piece);
            refused = refused || !ok;
        }
        check(body.isRefused() == refused);
        check(body.size() <= budget);
        check(body.size() == (refused ? 0 : expected.size()));
    }
    check(body.take() == (refused ? QByteArray() : expected));
    return 0;
}
