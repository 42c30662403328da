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

private:
    QByteArray signature(const QString &objectKey, const QString &process, const QByteArray &date,
                         const QByteArray &expires) const;

    QByteArray m_secret;
    // The files list signs a hundred URLs with one process: encode it once.
    mutable QString m_lastProcess;
    mutable QByteArray m_lastProcessEncoded;
};

} // namespace koodrive::sim
