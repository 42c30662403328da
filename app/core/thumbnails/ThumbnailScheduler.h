#pragma once

#include "net/Transfer.h"

#include <QCache>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QSize>
#include <QThreadPool>

class QNetworkAccessManager;

namespace koodrive::thumbnails {

enum class ThumbnailState
{
    None,       // never asked for, or cancelled
    Loading,    // queued, on the wire or being decoded
    Ready,      // in the memory cache
    Unavailable // broken, missing, or failing for now: paint "unavailable", do not ask again in a loop
};

// Loads thumbnails and covers on the shared QNAM: what is on screen now first (newest request first), then
// what a model prefetches; never more than a few transfers at once; identical keys coalesced into one
// transfer; what nobody wants any more cancelled, its reply aborted. Decoding runs on a worker thread
// (QImageReader, scaled decoding, EXIF orientation); images live in a memory cache bounded by bytes.
// The disk cache is the QNAM's (ThumbnailDiskCache).
//
// A key names one picture at one size (the requester chooses it, e.g. "<fileId>|<imageProcess>"); the URL
// is only how to get it now: signed URLs expire, and an expired one is reported once through expired(key)
// so that its owner can ask again with a fresh URL. A second refusal makes the key unavailable.
class ThumbnailScheduler final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ThumbnailScheduler)

public:
    enum class Priority
    {
        Prefetch = 0,
        Visible = 1
    };
    struct Stats
    {
        qint64 requests = 0;      // request() calls that created or renewed a job
        qint64 started = 0;       // network replies created
        qint64 fromDiskCache = 0; // of those, answered by the disk cache
        qint64 diskOnly = 0;      // requestCached() jobs started (read from the disk, no network)
        qint64 notCached = 0;     // of those, not on the disk
        qint64 aborted = 0;       // replies aborted because nobody wanted them any more
        qint64 dropped = 0;       // queued jobs dropped before they started
        qint64 decoded = 0;       // images that reached the memory cache
        qint64 unavailable = 0;   // keys that became unavailable
        qint64 expired = 0;       // expired URLs reported
        qint64 refused = 0;       // answers refused by the transfer rules (too large, too slow, redirects)
    };

    explicit ThumbnailScheduler(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~ThumbnailScheduler() override;

    void setMaxConcurrent(int transfers) { m_maxConcurrent = qMax(1, transfers); }
    int maxConcurrent() const { return m_maxConcurrent; }
    void setMemoryLimitBytes(qint64 bytes) { m_images.setMaxCost(bytes); }
    qint64 memoryLimitBytes() const { return m_images.maxCost(); }
    qint64 memoryUsedBytes() const { return m_images.totalCost(); }
    // The byte and time budget of each transfer (net::TransferPolicy::thumbnail() by default).
    void setTransferPolicy(const net::TransferPolicy &policy) { m_policy = policy; }
    // How long a transfer that failed (network, 5xx) keeps its key unavailable before it may be asked again.
    void setRetryAfterFailureMs(int ms) { m_failureHoldMs = ms; }

    // Asks for `key` from `url`, decoded to fit in `box` device pixels, on behalf of `owner`. Nothing happens
    // when the key is cached, unavailable, or already asked for (then `owner` joins and the job is renewed:
    // its priority raised, its URL refreshed if it has not started). ready(), unavailable() or expired()
    // follows, unless every owner cancels first.
    void request(QObject *owner, const QByteArray &key, const QByteArray &url, QSize box, Priority priority);
    // The same from the disk cache only (the server's URL is not known, or the server cannot be reached):
    // `url` is any URL the picture was stored under (ThumbnailDiskCache::cacheUrl). When the disk has no
    // copy (or the network's cache is no ThumbnailDiskCache), notCached(key) follows and the key stays free
    // to be asked for again from the network.
    void requestCached(QObject *owner, const QByteArray &key, const QByteArray &url, QSize box,
                       Priority priority);
    // `owner` wants only these keys now: its other queued jobs are dropped, transfers that nobody else wants
    // are aborted.
    void retainOnly(QObject *owner, const QSet<QByteArray> &keys);
    void cancelAll(QObject *owner) { retainOnly(owner, {}); }

    QImage image(const QByteArray &key) const;
    ThumbnailState state(const QByteArray &key) const;
    // Forgets that a key was unavailable or expired (e.g. after the user asks to refresh).
    void forgetFailures();
    // Forgets every picture held in memory, and the failures (signing out: nothing of the account stays).
    // Jobs under way finish as they would; their owners are gone or cancel them.
    void forgetImages();

    const Stats &stats() const { return m_stats; }
    int pendingJobs() const { return int(m_jobs.size()); }
    int transfersInFlight() const { return m_inFlight; }

    // "image/resize,m_lfit,h_N,w_N" for a box of N device pixels, N rounded up to a step so that a small
    // zoom does not fetch every thumbnail again (../shared/koodrive-api/README.md, "Thumbnails").
    static int boxFor(int devicePixels);
    static QString imageProcess(int box);
    // Decodes `bytes` to fit in `box` (no upscaling), applying the EXIF orientation. Null when broken, or
    // when the decoded picture would need more than `allocationLimitMiB` (a thumbnail needs a few MiB).
    static constexpr int ThumbnailAllocationLimitMiB = 64;
    static QImage decode(const QByteArray &bytes, QSize box,
                         int allocationLimitMiB = ThumbnailAllocationLimitMiB);

signals:
    void ready(const QByteArray &key);
    void unavailable(const QByteArray &key);
    void expired(const QByteArray &key);
    void notCached(const QByteArray &key);

private:
    struct Job
    {
        QByteArray url;
        QSize box;
        QSet<QObject *> owners;
        Priority priority = Priority::Prefetch;
        quint64 ticket = 0;
        QPointer<net::Transfer> reply;
        bool decoding = false;
        bool cacheOnly = false;
    };
    void enqueue(QObject *owner, const QByteArray &key, const QByteArray &url, QSize box, Priority priority,
                 bool cacheOnly);
    void startFromDisk(const QByteArray &key, Job &job);
    void notOnDisk(const QByteArray &key);
    void scheduleSoon();
    void startJobs();
    void start(const QByteArray &key, Job &job);
    void onReplyFinished(const QByteArray &key, net::Transfer *reply);
    void decoded(const QByteArray &key, const QImage &image);
    void markUnavailable(const QByteArray &key, qint64 forMs);
    void removeJob(const QByteArray &key);

    QNetworkAccessManager *m_network;
    net::TransferPolicy m_policy = net::TransferPolicy::thumbnail();
    QHash<QByteArray, Job> m_jobs;
    QCache<QByteArray, QImage> m_images;
    QHash<QByteArray, qint64> m_unavailableUntilMs;
    QSet<QByteArray> m_expiredOnce;
    QThreadPool m_decoders;
    Stats m_stats;
    quint64 m_tickets = 0;
    int m_inFlight = 0;
    int m_maxConcurrent = 6; // QNAM's connections per host for HTTP/1.1
    int m_failureHoldMs = 30000;
    bool m_schedulePending = false;
};

} // namespace koodrive::thumbnails
