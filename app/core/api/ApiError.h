#pragma once

#include <QString>

namespace koodrive::api {

// KooDrive's codes that a client acts on (OPERATIONS.md §3; README, "Error codes seen").
namespace ErrorCode {
inline const QString FileMissing = QStringLiteral("13000302");     // not in the space
inline const QString ResourceMissing = QStringLiteral("13000309"); // does not exist
inline const QString NotEnoughSpace = QStringLiteral("13000311");
inline const QString UploadMissing = QStringLiteral("13000401");
inline const QString HashMismatch = QStringLiteral("13000402");
inline const QString ParentRecycled = QStringLiteral("13000404");
inline const QString NameTaken = QStringLiteral("13000405");
inline const QString UploadFailed = QStringLiteral("13000409");
} // namespace ErrorCode

// Every way a KooDrive call can fail, as one value: what the UI shows (message and trace id) and what the
// client decides on (kind, status, whether a retry can help).
struct ApiError
{
    enum class Kind
    {
        Network,          // no answer: refused, reset, DNS, offline
        Timeout,          // no progress within the transfer timeout
        Server,           // 5xx
        RateLimited,      // 429
        Refused,          // the service said no: 4xx error body, or 200 with a non-zero code
        Unauthorized,     // the session is over and could not be renewed
        WrongCredentials, // sign-in refused: the account or the password is wrong
        BadResponse,      // an answer that is not the documented shape
        InvalidInput,     // refused before sending: a value outside the pages' ranges
        HashMismatch,     // completeFile: the bytes that arrived are not the file's SHA-256 (13000402)
        Insecure,         // plain http:// to a host that is not loopback
        Cancelled,
    };

    Kind kind = Kind::Network;
    int httpStatus = 0;
    QString code;            // KooDrive's code, e.g. "13000102"
    QString parameter;       // the field the service or the validation named
    QString message;         // for a person
    QString serverMessage{}; // what the service itself said, when the message above says it otherwise
    QString traceId;         // X-Traceid of the request, to quote to support
    QString requestId{};     // X-request-id of the answer, when the service gave one (OPERATIONS.md §5)
    bool retryable = false;
    int retryAfterSecs = -1;

    // The service could not be reached or could not answer for now (no answer, a timeout, 5xx, 429): what
    // was saved may be shown instead.
    bool unreachable() const
    {
        return kind == Kind::Network || kind == Kind::Timeout || kind == Kind::Server ||
               kind == Kind::RateLimited;
    }
    // "message (code 13000102, trace id …)" for logs and "Copy details".
    QString details() const;

    static ApiError invalidInput(const QString &parameter, const QString &message);
    static ApiError sessionEnded(const QString &traceId);
    static ApiError badResponse(const QString &message, int httpStatus, const QString &traceId);
};

} // namespace koodrive::api
