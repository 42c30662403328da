#pragma once

#include "api/KooDriveClient.h"
#include "net/Transfer.h"

#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSize>

class QNetworkAccessManager;

namespace koodrive::thumbnails {

// Loads one photo at full quality for the viewer: its download link (../shared/koodrive-api/README.md,
// "download links"), the bytes on the shared QNAM, and decoding on a worker thread, fitted to the box the
// viewer paints (or at full size for 100 %), with the EXIF orientation. One photo at a time: asking for
// another cancels the previous one.
//
// A picture in a format the app cannot decode (HEIC from a phone, where no plugin reads it) is asked of the
// server as a JPEG instead: the file's detail with OBS image processing ("image/resize,m_lfit,…/format,jpg",
// ../shared/koodrive-api/README.md, "Thumbnails"), fitted to the same box, its thumbnail URL fetched with
// the same budget. Once: a rendition that does not decode either is the error.
class OriginalLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OriginalLoader)

public:
    OriginalLoader(api::KooDriveClient *client, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OriginalLoader() override;

    // box: device pixels to fit in; an invalid size decodes the picture at its full size.
    void load(const QString &fileId, const QString &containerId, QSize box);
    void cancel();
    const QString &fileId() const { return m_fileId; }
    // The byte and time budget of a download (net::TransferPolicy::original() by default).
    void setTransferPolicy(const net::TransferPolicy &policy) { m_policy = policy; }
    // What a decoded original may take in memory: 256 MiB is a 64-megapixel photo; a picture that claims
    // more from a few bytes is a decompression bomb.
    static constexpr int OriginalAllocationLimitMiB = 256;

    // The OBS image process that asks for a picture as a JPEG fitted in `box` (its full size when invalid).
    static QString renditionProcess(QSize box);

    static constexpr qint64 MostAnimationBytes = 32LL << 20;
    static constexpr qint64 MostAnimationPixels = 4096LL * 4096;
    // Whether `bytes` are an animation the viewer plays (see animationFound).
    static bool isPlayableAnimation(const QByteArray &bytes);

    // The picture's size at full resolution as shown (EXIF orientation applied), from its header alone.
    static QSize fullSizeOf(const QByteArray &bytes);

signals:
    // fullSize: the original's size as shown, which `image` may be a fitted copy of.
    void loaded(const QString &fileId, const QImage &image, QSize fullSize);
    void failed(const QString &fileId, const koodrive::api::ApiError &error);
    // After loaded(): the picture is an animation (a GIF or WebP of more than one frame, small enough to
    // play: at most MostAnimationBytes and MostAnimationPixels a frame); `bytes` are the file, to play.
    void animationFound(const QString &fileId, const QByteArray &bytes);

private:
    // `rendition`: the URL is the server's JPEG of the picture (`fullSize`: the original's, from its detail).
    void fetch(const QByteArray &url, QSize box, quint64 ticket, bool rendition = false,
               QSize fullSize = QSize());
    void askForRendition(QSize box, quint64 ticket);
    void notAPicture();

    api::KooDriveClient *m_client;
    QNetworkAccessManager *m_network;
    api::CallHandle m_link;
    QPointer<net::Transfer> m_reply;
    net::TransferPolicy m_policy = net::TransferPolicy::original();
    QString m_fileId;
    QString m_containerId;
    quint64 m_ticket = 0;
};

} // namespace koodrive::thumbnails
