#include "ThumbnailDiskCache.h"

#include <QUrlQuery>

namespace koodrive::thumbnails {

namespace {
const QString ProcessKey = QStringLiteral("x-image-process");

QNetworkCacheMetaData withCacheUrl(QNetworkCacheMetaData metaData)
{
    metaData.setUrl(ThumbnailDiskCache::cacheUrl(metaData.url()));
    return metaData;
}
} // namespace

ThumbnailDiskCache::ThumbnailDiskCache(const QString &directory, qint64 maximumBytes, QObject *parent)
    : QNetworkDiskCache(parent)
{
    setCacheDirectory(directory);
    setMaximumCacheSize(maximumBytes);
}

QUrl ThumbnailDiskCache::cacheUrl(const QUrl &url)
{
    if (url.scheme() == QLatin1String("koodrive-cache"))
        return url;
    QUrl key;
    key.setScheme(QStringLiteral("koodrive-cache"));
    key.setHost(QStringLiteral("thumbnails"));
    key.setPath(url.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    const QString process = QUrlQuery(url).queryItemValue(ProcessKey, QUrl::FullyEncoded);
    if (!process.isEmpty())
        key.setQuery(ProcessKey + QLatin1Char('=') + process);
    return key;
}

QNetworkCacheMetaData ThumbnailDiskCache::metaData(const QUrl &url)
{
    return QNetworkDiskCache::metaData(cacheUrl(url));
}

void ThumbnailDiskCache::updateMetaData(const QNetworkCacheMetaData &metaData)
{
    QNetworkDiskCache::updateMetaData(withCacheUrl(metaData));
}

QIODevice *ThumbnailDiskCache::data(const QUrl &url)
{
    return QNetworkDiskCache::data(cacheUrl(url));
}

bool ThumbnailDiskCache::remove(const QUrl &url)
{
    return QNetworkDiskCache::remove(cacheUrl(url));
}

QIODevice *ThumbnailDiskCache::prepare(const QNetworkCacheMetaData &metaData)
{
    return QNetworkDiskCache::prepare(withCacheUrl(metaData));
}

} // namespace koodrive::thumbnails
