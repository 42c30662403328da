#pragma once

#include "UploadQueue.h"
#include "api/ApiError.h"
#include "net/Transfer.h"

#include <QFile>
#include <QObject>
#include <QPointer>
#include <memory>

class QNetworkAccessManager;

namespace koodrive::transfers {

// Saves one original to disk (Save to…): its bytes are fetched from a pre-signed download link
// (README.md "download links"; object storage: no KooDrive header goes there) into the hidden part file
// DownloadRunner named for it, streamed (net::Transfer::setSink: memory stays flat whatever the size), from
// where an earlier attempt stopped: `Range: bytes=<part size>-` with `If-Range: <ETag>` (the vendor's
// pages are silent on ranges; README.md's decisions table). A 206 that starts elsewhere, or a 200, begins
// the part again. Once whole (the size the answer announced), the file's time is set (taken, else
// edited) and the part becomes `localPath`, or, if that name was taken meanwhile, the next free
// "name (n).ext" in the same folder: nothing is ever overwritten or written outside `localFolder`.
// finished() comes once, unless cancel() came first.
class FileDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileDownload)

public:
    enum class Outcome
    {
        Done,
        LinkRefused, // 403: the link expired (their lifetime is not documented): ask for a new one
        Failed,      // error(): retryable() says whether going on later may help
    };

    // `entry` has localPath and partPath chosen (DownloadRunner). `budget`: the most bytes the whole
    // file may take.
    FileDownload(QNetworkAccessManager *network, const QueuedUpload &entry, const QByteArray &url,
                 qint64 budget, QObject *parent = nullptr);
    ~FileDownload() override;

    void start();
    void cancel();

    Outcome outcome() const { return m_outcome; }
    const api::ApiError &error() const { return m_error; }
    // Where the file was saved (Done).
    const QString &savedPath() const { return m_savedPath; }
    // Bytes in the part file (this attempt and earlier ones), and the whole file's size once known.
    qint64 received() const { return m_offset + (m_transfer ? m_transfer->bytesSunk() : 0); }
    qint64 total() const { return m_total; }
    const QString &etag() const { return m_etag; }

signals:
    void progress(qint64 received, qint64 total);
    void finished();

private:
    void onAnswered();
    void onFinished();
    void finish(Outcome outcome);
    void fail(const QString &message, bool retryable, int httpStatus = 0);
    bool complete();

    QNetworkAccessManager *m_network;
    QueuedUpload m_entry;
    QByteArray m_url;
    qint64 m_budget;
    std::unique_ptr<QFile> m_part;
    QPointer<net::Transfer> m_transfer;
    qint64 m_offset = 0; // bytes the part held when this attempt began
    qint64 m_total = -1;
    QString m_etag;
    QString m_savedPath;
    Outcome m_outcome = Outcome::Failed;
    api::ApiError m_error;
    bool m_ended = false;
};

} // namespace koodrive::transfers
