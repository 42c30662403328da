#pragma once

#include "api/KooDriveClient.h"

#include <QImage>
#include <QObject>
#include <QPointer>

class QNetworkAccessManager;
class QNetworkReply;

namespace koodrive::thumbnails {

// Loads one photo at full quality for the viewer: its download link (../shared/koodrive-api/README.md,
// "download links"), the bytes on the shared QNAM, and decoding on a worker thread, fitted to the box the
// viewer paints (or at full size for 100 %), with the EXIF orientation. One photo at a time: asking for
// another cancels the previous one.
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

signals:
    void loaded(const QString &fileId, const QImage &image);
    void failed(const QString &fileId, const koodrive::api::ApiError &error);

private:
    void fetch(const QByteArray &url, QSize box, quint64 ticket);

    api::KooDriveClient *m_client;
    QNetworkAccessManager *m_network;
    api::CallHandle m_link;
    QPointer<QNetworkReply> m_reply;
    QString m_fileId;
    quint64 m_ticket = 0;
};

} // namespace koodrive::thumbnails
