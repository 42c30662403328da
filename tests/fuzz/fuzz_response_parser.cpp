// The response parsers under libFuzzer, one program for all of them: KOODRIVE_FUZZ_PARSER in the environment
// names the parser a run fuzzes (run-fuzzers.sh runs each in turn; one program instead of one per parser keeps
// the suite's build short). Any bytes a server could send must give a value or an ApiError, never a crash, a
// hang or undefined behaviour.
#include "api/ResponseParsers.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

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

using Parse = void (*)(const QJsonObject &);

struct Named {
    const char *name;
    Parse parse;
};

#define KOODRIVE_PARSER(name) Named{#name, [](const QJsonObject &json) { consume(P::name(json)); }}
const Named parsers[] = {
    KOODRIVE_PARSER(albumPage),     KOODRIVE_PARSER(createdAlbumId), KOODRIVE_PARSER(filePage),
    KOODRIVE_PARSER(file),          KOODRIVE_PARSER(albumContents),  KOODRIVE_PARSER(downloadLinks),
    KOODRIVE_PARSER(space),         KOODRIVE_PARSER(shareFolders),   KOODRIVE_PARSER(session),
    KOODRIVE_PARSER(createdUpload), KOODRIVE_PARSER(partUrls),       KOODRIVE_PARSER(createdFolder),
    KOODRIVE_PARSER(renamedFileName), KOODRIVE_PARSER(jobId),        KOODRIVE_PARSER(jobDetail),
    KOODRIVE_PARSER(jobPage),       KOODRIVE_PARSER(starBatch),      KOODRIVE_PARSER(starredPage),
    KOODRIVE_PARSER(searchPage),
};
#undef KOODRIVE_PARSER

Parse chosen = nullptr;

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    const char *wanted = std::getenv("KOODRIVE_FUZZ_PARSER");
    for (const Named &parser : parsers) {
        if (wanted != nullptr && std::strcmp(wanted, parser.name) == 0)
            chosen = parser.parse;
    }
    if (chosen == nullptr) {
        std::fprintf(stderr, "KOODRIVE_FUZZ_PARSER must name a parser of ResponseParsers.h:");
        for (const Named &parser : parsers)
            std::fprintf(stderr, " %s", parser.name);
        std::fprintf(stderr, "\n");
        std::exit(2);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    for (int status : {200, 400, 503}) {
        const auto json = P::envelope(status, body, QStringLiteral("trace"), QStringLiteral("request"));
        consume(json);
        if (json.ok())
            chosen(json.value());
    }
    static_cast<void>(P::isoTime(QString::fromUtf8(body)));
    return 0;
}
