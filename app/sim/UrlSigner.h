#pragma once

#include <QByteArray>
#include <QString>
#include <QUrlQuery>

namespace koodrive::sim {

// Pre-signed object URLs in the style of the pages' coverImg (X-Amz-Date + X-Amz-Expires + X-Amz-Signature):
// anyone holding the URL may fetch the object until it expires; changing any signed part voids it.
class UrlSigner final
{
public:
    explicit UrlSigner(QByteArray secret);

    // origin: "http://127.0.0.1:PORT"; objectKey: a file id; process: an image-process chain ("" for the
    // original). Returns the URL, percent-encoded, as the pages show them.
    QByteArray sign(const QByteArray &origin, const QString &objectKey, const QString &process,
                    const QString &fileName, qint64 signedAtSecs, qint64 lifetimeSecs) const;

    enum class Verdict
    {
        Valid,
        Expired,
        Forged
    };
    Verdict verify(const QString &objectKey, const QUrlQuery &query, qint64 nowSecs) const;

    // A part's upload URL (OPERATIONS.md §3, PUT <uploadUrl>): /obs/upload/<fileId>/<partNumber>, signed
    // over the upload, the part and its size, which the PUT's Content-Length must repeat (a signed header,
    // X-Amz-SignedHeaders=content-length;host).
    QByteArray signUpload(const QByteArray &origin, const QString &fileId, int partNumber,
                          const QString &uploadId, qint64 partSize, qint64 signedAtSecs,
                          qint64 lifetimeSecs) const;
    Verdict verifyUpload(const QString &fileId, int partNumber, const QByteArray &contentLength,
                         const QUrlQuery &query, qint64 nowSecs) const;

private:
    static QString uploadKey(const QString &fileId, int partNumber);
    static QString uploadTerms(const QString &uploadId, const QByteArray &contentLength);
    Verdict check(const QString &objectKey, const QString &signedTerms, const QUrlQuery &query,
                  qint64 nowSecs) const;
    QByteArray signature(const QString &objectKey, const QString &process, const QByteArray &date,
                         const QByteArray &expires) const;

    QByteArray m_secret;
    // The files list signs a hundred URLs with one process: encode it once.
    mutable QString m_lastProcess;
    mutable QByteArray m_lastProcessEncoded;
};

} // namespace koodrive::sim
