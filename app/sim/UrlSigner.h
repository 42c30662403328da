#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

namespace koodrive::sim {

// Pre-signed object URLs in the style of the pages' coverImg (X-Amz-Date + X-Amz-Expires + X-Amz-Signature):
// anyone holding the URL may fetch the object until it expires; changing any signed part voids it.
class UrlSigner final
{
public:
    explicit UrlSigner(QByteArray secret);

    // objectKey is a file id; process an image-process chain ("" for the original).
    QUrl sign(const QUrl &server, const QString &objectKey, const QString &process, const QString &fileName,
              qint64 signedAtSecs, qint64 lifetimeSecs) const;

    enum class Verdict { Valid, Expired, Forged };
    Verdict verify(const QString &objectKey, const QUrlQuery &query, qint64 nowSecs) const;

    static QString amzDate(qint64 secs);

private:
    QByteArray signature(const QString &objectKey, const QString &process, const QString &date,
                         const QString &expires) const;

    QByteArray m_secret;
};

} // namespace koodrive::sim
