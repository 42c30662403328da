#include "ThumbnailDiskCache.h"

#include <QIODevice>
#include <QUrlQuery>
#include <memory>

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

QString ThumbnailDiskCache::cacheRef(const QByteArray &url)
{
    constexpr qsizetype MaxRef = 2048;
    const qsizetype scheme = url.indexOf("://");
    const qsizetype path = scheme < 0 ? -1 : url.indexOf('/', scheme + 3);
    if (path < 0 || url.size() > 4 * MaxRef)
        return {};
    const qsizetype query = url.indexOf('?', path);
    QByteArray ref = url.mid(path, (query < 0 ? url.size() : query) - path);
    if (query >= 0) {
        static const QByteArray Key = QByteArrayLiteral("x-image-process=");
        for (qsizetype at = url.indexOf(Key, query); at >= 0; at = url.indexOf(Key, at + 1)) {
            if (url[at - 1] != '?' && url[at - 1] != '&')
                continue;
            const qsizetype end = url.indexOf('&', at);
            ref += '?' + url.mid(at, (end < 0 ? url.size() : end) - at);
            break;
        }
    }
    return ref.size() > MaxRef ? QString() : QString::fromLatin1(ref);
}

QByteArray ThumbnailDiskCache::cacheRefUrl(const QString &ref)
{
    if (ref.isEmpty() || !ref.startsWith(QLatin1Char('/')))
        return {};
    return "https://thumbnails.invalid" + ref.toLatin1();
}

std::optional<QByteArray> ThumbnailDiskCache::readStored(const QString &directory, const QUrl &url,
                                                         qint64 maxBytes)
{
    thread_local std::unique_ptr<QNetworkDiskCache> reader;
    if (!reader || reader->cacheDirectory() != directory) {
        reader = std::make_unique<QNetworkDiskCache>();
        reader->setCacheDirectory(directory);
    }
    const std::unique_ptr<QIODevice> stored(reader->data(cacheUrl(url)));
    if (!stored || stored->size() > maxBytes)
        return std::nullopt;
    return stored->readAll();
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
