#pragma once

#include <QNetworkDiskCache>

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

    QNetworkCacheMetaData metaData(const QUrl &url) override;
    void updateMetaData(const QNetworkCacheMetaData &metaData) override;
    QIODevice *data(const QUrl &url) override;
    bool remove(const QUrl &url) override;
    QIODevice *prepare(const QNetworkCacheMetaData &metaData) override;
};

} // namespace koodrive::thumbnails
