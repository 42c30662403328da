#include "UrlSigner.h"

#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QTimeZone>

namespace koodrive::sim {

namespace {
const QString ProcessKey = QStringLiteral("x-image-process");
const QString DateKey = QStringLiteral("X-Amz-Date");
const QString ExpiresKey = QStringLiteral("X-Amz-Expires");
const QString SignatureKey = QStringLiteral("X-Amz-Signature");
const QString DateFormat = QStringLiteral("yyyyMMdd'T'HHmmss'Z'");
} // namespace

UrlSigner::UrlSigner(QByteArray secret)
    : m_secret(std::move(secret))
{
}

QString UrlSigner::amzDate(qint64 secs)
{
    return QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc()).toString(DateFormat);
}

QByteArray UrlSigner::signature(const QString &objectKey, const QString &process, const QString &date,
                                const QString &expires) const
{
    const QByteArray message = objectKey.toUtf8() + '\n' + process.toUtf8() + '\n' + date.toLatin1() + '\n'
                               + expires.toLatin1();
    return QMessageAuthenticationCode::hash(message, m_secret, QCryptographicHash::Sha256).toHex();
}

QUrl UrlSigner::sign(const QUrl &server, const QString &objectKey, const QString &process,
                     const QString &fileName, qint64 signedAtSecs, qint64 lifetimeSecs) const
{
    const QString date = amzDate(signedAtSecs);
    const QString expires = QString::number(lifetimeSecs);
    QUrlQuery query;
    if (!process.isEmpty())
        query.addQueryItem(ProcessKey, QString::fromLatin1(QUrl::toPercentEncoding(process)));
    query.addQueryItem(QStringLiteral("response-content-disposition"),
                       QString::fromLatin1(QUrl::toPercentEncoding(
                           QStringLiteral("attachment; filename*=UTF-8''")
                           + QString::fromLatin1(QUrl::toPercentEncoding(fileName)))));
    query.addQueryItem(QStringLiteral("X-Amz-Algorithm"), QStringLiteral("AWS4-HMAC-SHA256"));
    query.addQueryItem(DateKey, date);
    query.addQueryItem(QStringLiteral("X-Amz-SignedHeaders"), QStringLiteral("host"));
    query.addQueryItem(ExpiresKey, expires);
    query.addQueryItem(QStringLiteral("X-Amz-Credential"),
                       QStringLiteral("KOODRIVESIM%2F") + date.left(8) + QStringLiteral("%2Flocal%2Fs3%2Faws4_request"));
    query.addQueryItem(SignatureKey, QString::fromLatin1(signature(objectKey, process, date, expires)));
    QUrl url = server;
    url.setPath(QStringLiteral("/obs/") + objectKey);
    url.setQuery(query);
    return url;
}

UrlSigner::Verdict UrlSigner::verify(const QString &objectKey, const QUrlQuery &query, qint64 nowSecs) const
{
    const QString process = query.queryItemValue(ProcessKey, QUrl::FullyDecoded);
    const QString date = query.queryItemValue(DateKey);
    const QString expires = query.queryItemValue(ExpiresKey);
    const QByteArray given = query.queryItemValue(SignatureKey).toLatin1();
    if (date.isEmpty() || expires.isEmpty() || given.isEmpty())
        return Verdict::Forged;
    const QByteArray expected = signature(objectKey, process, date, expires);
    // Constant-time comparison: the signature is a secret-derived value.
    if (given.size() != expected.size())
        return Verdict::Forged;
    char diff = 0;
    for (qsizetype i = 0; i < given.size(); ++i)
        diff = char(diff | (given.at(i) ^ expected.at(i)));
    if (diff != 0)
        return Verdict::Forged;
    const QDateTime signedAt = QDateTime::fromString(date, DateFormat);
    bool ok = false;
    const qint64 lifetime = expires.toLongLong(&ok);
    if (!signedAt.isValid() || !ok)
        return Verdict::Forged;
    QDateTime utc = signedAt;
    utc.setTimeZone(QTimeZone::utc());
    return nowSecs > utc.toSecsSinceEpoch() + lifetime ? Verdict::Expired : Verdict::Valid;
}

} // namespace koodrive::sim
