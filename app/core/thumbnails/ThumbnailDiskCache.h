#pragma once

#include <QNetworkDiskCache>
#include <optional>

namespace koodrive::thumbnails {

// The QNetworkDiskCache of thumbnails and covers. Signed object URLs change each time a list is read (new
// X-Amz-Date and signature, ../shared/koodrive-api/album-list.txt "coverImg"), so entries are keyed by what
// names the picture: the object's path and its x-image-process. The same thumbnail read again later, from
// a fresh list, on the next start, is found on disk.
class ThumbnailDiskCache final : public QNetworkDiskCache
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailDiskCache)

public:
    explicit ThumbnailDiskCache(const QString &directory, qint64 maximumBytes = 256LL << 20,
                                QObject *parent = nullptr);

    // The URL an object URL is stored under: no host, port or signature, only the path and the image process.
    static QUrl cacheUrl(const QUrl &url);
    // What of a signed object URL names its picture, as kept on disk by the catalog: the path and the
    // x-image-process item ("/obs/…?x-image-process=…"), taken apart by hand (a QUrl per row would cost a
    // page's worth of time). Never a signature. Empty for a URL that is not one, or too long.
    static QString cacheRef(const QByteArray &url);
    // A URL the cache finds that picture under again (cacheUrl() keeps only path and process), for
    // ThumbnailScheduler::requestCached; it is never sent anywhere.
    static QByteArray cacheRefUrl(const QString &ref);

    // The picture stored for `url` in the cache at `directory`, read on the calling thread (a thumbnail
    // decoder: reading 20 entries took 14 ms of the window's thread). Nothing when there is none, or it
    // claims more than `maxBytes`. Each thread reads through a cache object of its own (QNetworkDiskCache
    // is not shared across threads); an entry is written whole under another name and renamed, so a
    // reader never sees half of one.
    static std::optional<QByteArray> readStored(const QString &directory, const QUrl &url, qint64 maxBytes);

    QNetworkCacheMetaData metaData(const QUrl &url) override;
    void updateMetaData(const QNetworkCacheMetaData &metaData) override;
    QIODevice *data(const QUrl &url) override;
    bool remove(const QUrl &url) override;
    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override;
};

} // namespace koodrive::thumbnails
