// One libFuzzer target per response parser (KOODRIVE_FUZZ_PARSER names it): any bytes a server could send
// must give a value or an ApiError, never a crash, a hang or undefined behaviour.
#include "api/ResponseParsers.h"

#include <cstddef>
#include <cstdint>

namespace P = koodrive::api::ResponseParsers;

namespace {
template<typename T>
void consume(const koodrive::api::Result<T> &result)
{
    // Reading the value or the error must be safe whichever it is.
    if (result.ok())
        static_cast<void>(&result.value());
    else
        static_cast<void>(result.error().details().size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    for (int status : {200, 400, 503}) {
        const auto json = P::envelope(status, body, QStringLiteral("trace"), QStringLiteral("request"));
        consume(json);
        if (json.ok())
            consume(P::KOODRIVE_FUZZ_PARSER(json.value()));
    }
    static_cast<void>(P::isoTime(QString::fromUtf8(body)));
    return 0;
}
