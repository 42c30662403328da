#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace koodrive::sim {

// KooDrive error codes (../shared/koodrive-api/README.md, "Error codes seen (HTTP 400)").
namespace ErrorCode {
inline constexpr auto ParameterInvalid = "13000102";
inline constexpr auto InternalCallFailed = "13000201";
inline constexpr auto SpaceMissing = "13000301";
inline constexpr auto FileNotInSpace = "13000302";
inline constexpr auto ResourceMissing = "13000309";
inline constexpr auto NoPermission = "13000410";
// Upload and file errors of OPERATIONS.md §3. 13000401 also answers a bad session (HTTP 401, below); as a
// 400 it means the upload is unknown.
inline constexpr auto NotEnoughSpace = "13000311";
inline constexpr auto UploadMissing = "13000401";
inline constexpr auto HashMismatch = "13000402";
inline constexpr auto ParentRecycled = "13000404";
inline constexpr auto NameTaken = "13000405";
inline constexpr auto UploadFailed = "13000409";
// The pages document no code for authentication failures; koodrive-sim answers HTTP 401 with this one
// so that a client can tell "sign in again" apart from every other refusal.
inline constexpr auto Unauthorized = "13000401";
} // namespace ErrorCode

// A refusal, thrown from validation and handlers and turned into the documented error body
// (files-list.txt, Tables 18, 19 and 21): {"error":{"code":<http>,"description":...,"errorDetail":[...]}}.
class SimError final
{
public:
    SimError(int httpStatus, QString errorCode, QString parameter, QString description);

    static SimError parameter(const QString &name, const QString &description);
    static SimError missing(const QString &name, const QString &description);
    static SimError forbidden(const QString &name, const QString &description);
    static SimError unauthorized(const QString &name, const QString &description);
    static SimError notFound(const QString &path);
    static SimError methodNotAllowed(const QString &method, const QString &path);
    static SimError internal(const QString &description);

    int httpStatus() const { return m_httpStatus; }
    const QString &errorCode() const { return m_errorCode; }
    const QString &parameter() const { return m_parameter; }
    const QString &description() const { return m_description; }
    // A 429's Retry-After header, in seconds (-1: none).
    SimError &withRetryAfter(int seconds)
    {
        m_retryAfter = seconds;
        return *this;
    }
    int retryAfter() const { return m_retryAfter; }

    QJsonObject toJson() const;

private:
    int m_httpStatus;
    QString m_errorCode;
    QString m_parameter;
    QString m_description;
    int m_retryAfter = -1;
};

} // namespace koodrive::sim
