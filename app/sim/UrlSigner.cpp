#include "UrlSigner.h"

#include "UtcTime.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QUrl>

namespace koodrive::sim {

namespace {
const QString ProcessKey = QStringLiteral("x-image-process");
const QString DateKey = QStringLiteral("X-Amz-Date");
const QString ExpiresKey = QStringLiteral("X-Amz-Expires");
const QString SignatureKey = QStringLiteral("X-Amz-Signature");
} // namespace

UrlSigner::UrlSigner(QByteArray secret)
    : m_secret(std::move(secret))
{}

QByteArray UrlSigner::signature(const QString &objectKey, const QString &process, const QByteArray &date,
                                const QByteArray &expires) const
{
    const QByteArray message = objectKey.toUtf8() + '\n' + process.toUtf8() + '\n' + date + '\n' + expires;
    return QMessageAuthenticationCode::hash(message, m_secret, QCryptographicHash::Sha256).toHex();
}

QByteArray UrlSigner::sign(const QByteArray &origin, const QString &objectKey, const QString &process,
                           const QString &fileName, qint64 signedAtSecs, qint64 lifetimeSecs) const
{
    const QByteArray date = UtcTime::compact(signedAtSecs);
    const QByteArray expires = QByteArray::number(lifetimeSecs);
    if (process != m_lastProcess) {
        m_lastProcess = process;
        m_lastProcessEncoded = QUrl::toPercentEncoding(process);
    }
    const QByteArray disposition = QUrl::toPercentEncoding(
        QString::fromLatin1("attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(fileName)));
    QByteArray url;
    url.reserve(origin.size() + 420);
    url.append(origin).append("/obs/").append(QUrl::toPercentEncoding(objectKey)).append('?');
    if (!process.isEmpty())
        url.append("x-image-process=").append(m_lastProcessEncoded).append('&');
    url.append("response-content-disposition=")
        .append(disposition)
        .append("&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=")
        .append(date)
        .append("&X-Amz-SignedHeaders=host&X-Amz-Expires=")
        .append(expires)
        .append("&X-Amz-Credential=KOODRIVESIM%2F")
        .append(date.left(8))
        .append("%2Flocal%2Fs3%2Faws4_request")
        .append("&X-Amz-Signature=")
        .append(signature(objectKey, process, date, expires));
    return url;
}

UrlSigner::Verdict UrlSigner::verify(const QString &objectKey, const QUrlQuery &query, qint64 nowSecs) const
{
    return check(objectKey, query.queryItemValue(ProcessKey, QUrl::FullyDecoded), query, nowSecs);
}

QString UrlSigner::uploadKey(const QString &fileId, int partNumber)
{
    return QStringLiteral("upload/%1/%2").arg(fileId).arg(partNumber);
}

QString UrlSigner::uploadTerms(const QString &uploadId, const QByteArray &contentLength)
{
    return QStringLiteral("PUT\nuploadId:%1\ncontent-length:%2")
        .arg(uploadId, QString::fromLatin1(contentLength));
}

QByteArray UrlSigner::signUpload(const QByteArray &origin, const QString &fileId, int partNumber,
                                 const QString &uploadId, qint64 partSize, qint64 signedAtSecs,
                                 qint64 lifetimeSecs) const
{
    const QByteArray date = UtcTime::compact(signedAtSecs);
    const QByteArray expires = QByteArray::number(lifetimeSecs);
    const QString key = uploadKey(fileId, partNumber);
    QByteArray url = origin + "/obs/" + QUrl::toPercentEncoding(key, "/") +
                     "?uploadId=" + QUrl::toPercentEncoding(uploadId) +
                     "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + date +
                     "&X-Amz-SignedHeaders=content-length%3Bhost&X-Amz-Expires=" + expires +
                     "&X-Amz-Credential=KOODRIVESIM%2F" + date.left(8) + "%2Flocal%2Fs3%2Faws4_request" +
                     "&X-Amz-Signature=" +
                     signature(key, uploadTerms(uploadId, QByteArray::number(partSize)), date, expires);
    return url;
}

UrlSigner::Verdict UrlSigner::verifyUpload(const QString &fileId, int partNumber,
                                           const QByteArray &contentLength, const QUrlQuery &query,
                                           qint64 nowSecs) const
{
    const QString uploadId = query.queryItemValue(QStringLiteral("uploadId"), QUrl::FullyDecoded);
    return check(uploadKey(fileId, partNumber), uploadTerms(uploadId, contentLength.trimmed()), query,
                 nowSecs);
}

UrlSigner::Verdict UrlSigner::check(const QString &objectKey, const QString &signedTerms,
                                    const QUrlQuery &query, qint64 nowSecs) const
{
    const QByteArray date = query.queryItemValue(DateKey).toLatin1();
    const QByteArray expires = query.queryItemValue(ExpiresKey).toLatin1();
    const QByteArray given = query.queryItemValue(SignatureKey).toLatin1();
    if (date.isEmpty() || expires.isEmpty() || given.isEmpty())
        return Verdict::Forged;
    const QByteArray expected = signature(objectKey, signedTerms, date, expires);
    // Constant-time comparison: the signature is a secret-derived value.
    if (given.size() != expected.size())
        return Verdict::Forged;
    char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff = char(diff | (given.at(i) ^ expected.at(i)));
    if (diff != 0)
        return Verdict::Forged;
    QDateTime signedAt =
        QDateTime::fromString(QString::fromLatin1(date), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    bool ok = false;
    const qint64 lifetime = expires.toLongLong(&ok);
    if (!signedAt.isValid() || !ok)
        return Verdict::Forged;
    signedAt.setTimeSpec(Qt::UTC);
    return nowSecs > signedAt.toSecsSinceEpoch() + lifetime ? Verdict::Expired : Verdict::Valid;
}

} // namespace koodrive::sim
