#include "ThumbnailScheduler.h"

#include "ThumbnailDiskCache.h"
#include "threads/RunThen.h"

#include <QAbstractNetworkCache>
#include <QBuffer>
#include <QDateTime>
#include <QImageReader>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QTimer>
#include <limits>
#include <memory>
#include <string_view>

Q_LOGGING_CATEGORY(lcThumbnails, "koodrive.thumbnails", QtInfoMsg)

namespace koodrive::thumbnails {

namespace {
constexpr qint64 Forever = std::numeric_limits<qint64>::max();
constexpr int Steps[] = {64, 96, 128, 192, 256, 384, 512, 768, 1024};

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// The format a picture's first bytes name, for the formats pictures come in; empty for any other. Named, the
// reader asks that format's plugin only; unnamed, Qt asks each of its ten plugins in turn whether the
// picture is its own (and loads them all the first time).
QByteArray formatOf(const QByteArray &bytes)
{
    const auto startsWith = [&bytes](std::string_view magic, qsizetype at = 0) {
        return bytes.size() >= at + qsizetype(magic.size()) &&
               std::string_view(bytes.constData() + at, magic.size()) == magic;
    };
    if (startsWith("\xFF\xD8\xFF"))
        return QByteArrayLiteral("jpeg");
    if (startsWith("\x89PNG\r\n\x1A\n"))
        return QByteArrayLiteral("png");
    if (startsWith("GIF87a") || startsWith("GIF89a"))
        return QByteArrayLiteral("gif");
    if (startsWith("RIFF") && startsWith("WEBP", 8))
        return QByteArrayLiteral("webp");
    return {};
}
} // namespace

ThumbnailScheduler::ThumbnailScheduler(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_network(network)
{
    m_images.setMaxCost(128LL << 20);
    // Decoding a server-scaled thumbnail takes a fraction of a millisecond (../shared/PERFORMANCE-FACTS.md);
    // two workers keep up with six transfers and leave the GUI thread alone.
    m_decoders.setMaxThreadCount(2);
    // Qt loads every image format plugin it has (ten here, with libtiff, libwebp, libmng and lcms) the first
    // time it looks at a picture whose format is not named: the window's first icons do (its menu bar's is a
    // PNG file). That is done now, on a decoder, while the window is being made.
    m_decoders.start([] {
        QBuffer buffer;
        buffer.open(QIODevice::ReadOnly);
        QImageReader(&buffer).canRead();
    });
}

ThumbnailScheduler::~ThumbnailScheduler()
{
    for (auto &job : m_jobs)
        if (job.reply)
            job.reply->abort();
    m_decoders.waitForDone();
}

int ThumbnailScheduler::boxFor(int devicePixels)
{
    for (int step : Steps)
        if (devicePixels <= step)
            return step;
    return Steps[std::size(Steps) - 1];
}

QString ThumbnailScheduler::imageProcess(int box)
{
    return QStringLiteral("image/resize,m_lfit,h_%1,w_%1").arg(box);
}

QImage ThumbnailScheduler::decode(const QByteArray &bytes, QSize box, int allocationLimitMiB)
{
    QBuffer buffer;
    buffer.setData(bytes);
    buffer.open(QIODevice::ReadOnly);
    QImageReader reader(&buffer, formatOf(bytes)); // named by its first bytes, or found by Qt
    // A few compressed bytes can claim a picture of gigapixels (a decompression bomb): the reader refuses
    // to allocate more than this for the picture it makes.
    reader.setAllocationLimit(allocationLimitMiB);
    reader.setAutoTransform(true); // EXIF orientation
    QSize stored = reader.size();
    if (stored.isValid() && box.isValid()) {
        // The box is for the picture as shown; a rotated picture is stored with its sides swapped.
        const bool swapped = reader.transformation().testFlag(QImageIOHandler::TransformationRotate90);
        const QSize storedBox = swapped ? box.transposed() : box;
        if (stored.width() > storedBox.width() || stored.height() > storedBox.height())
            reader.setScaledSize(stored.scaled(storedBox, Qt::KeepAspectRatio).expandedTo({1, 1}));
    }
    QImage image = reader.read();
    if (image.isNull())
        return {};
    return image.convertToFormat(image.hasAlphaChannel() ? QImage::Format_ARGB32_Premultiplied
                                                         : QImage::Format_RGB32);
}

void ThumbnailScheduler::request(QObject *owner, const QByteArray &key, const QByteArray &url, QSize box,
                                 Priority priority)
{
    enqueue(owner, key, url, box, priority, false);
}

void ThumbnailScheduler::requestCached(QObject *owner, const QByteArray &key, const QByteArray &url,
                                       QSize box, Priority priority)
{
    enqueue(owner, key, url, box, priority, true);
}

void ThumbnailScheduler::enqueue(QObject *owner, const QByteArray &key, const QByteArray &url, QSize box,
                                 Priority priority, bool cacheOnly)
{
    if (key.isEmpty() || m_images.contains(key))
        return;
    if (auto held = m_unavailableUntilMs.constFind(key); held != m_unavailableUntilMs.constEnd()) {
        if (*held > nowMs())
            return;
        m_unavailableUntilMs.erase(held);
    }
    if (url.isEmpty())
        return;
    ++m_stats.requests;
    auto existing = m_jobs.find(key);
    if (existing == m_jobs.end()) {
        Job job;
        job.url = url;
        job.box = box;
        job.owners.insert(owner);
        job.priority = priority;
        job.ticket = ++m_tickets;
        job.cacheOnly = cacheOnly;
        m_jobs.insert(key, std::move(job));
    } else {
        existing->owners.insert(owner);
        existing->priority = qMax(existing->priority, priority);
        existing->ticket = ++m_tickets; // newest request first
        if (!existing->reply && !existing->decoding) {
            existing->url = url;
            existing->box = box;
            existing->cacheOnly = cacheOnly;
        }
    }
    scheduleSoon();
}

void ThumbnailScheduler::retainOnly(QObject *owner, const QSet<QByteArray> &keys)
{
    for (auto it = m_jobs.begin(); it != m_jobs.end();) {
        Job &job = *it;
        if (!job.owners.contains(owner) || keys.contains(it.key())) {
            ++it;
            continue;
        }
        job.owners.remove(owner);
        if (!job.owners.isEmpty() || job.decoding) {
            ++it; // someone else still wants it, or it is nearly done: let it land in the cache
            continue;
        }
        if (job.reply) {
            ++m_stats.aborted;
            --m_inFlight;
            net::Transfer *reply = job.reply;
            reply->abort();
            reply->deleteLater();
        } else {
            ++m_stats.dropped;
        }
        it = m_jobs.erase(it);
    }
    scheduleSoon();
}

QImage ThumbnailScheduler::image(const QByteArray &key) const
{
    const QImage *image = m_images.object(key);
    return image ? *image : QImage();
}

ThumbnailState ThumbnailScheduler::state(const QByteArray &key) const
{
    if (m_images.contains(key))
        return ThumbnailState::Ready;
    if (m_jobs.contains(key))
        return ThumbnailState::Loading;
    if (auto held = m_unavailableUntilMs.constFind(key);
        held != m_unavailableUntilMs.constEnd() && *held > nowMs())
        return ThumbnailState::Unavailable;
    return ThumbnailState::None;
}

void ThumbnailScheduler::forgetFailures()
{
    m_unavailableUntilMs.clear();
    m_expiredOnce.clear();
}

void ThumbnailScheduler::forgetImages()
{
    m_images.clear();
    forgetFailures();
}

void ThumbnailScheduler::scheduleSoon()
{
    // Start on the next turn of the event loop: a paint asks for a whole screen at once, and the newest
    // of those requests (and a retainOnly() that follows them) must be seen before anything starts.
    if (m_schedulePending)
        return;
    m_schedulePending = true;
    QTimer::singleShot(0, this, [this] {
        m_schedulePending = false;
        startJobs();
    });
}

void ThumbnailScheduler::startJobs()
{
    while (m_inFlight < m_maxConcurrent) {
        auto best = m_jobs.end();
        for (auto it = m_jobs.begin(); it != m_jobs.end(); ++it) {
            if (it->reply || it->decoding)
                continue;
            if (best == m_jobs.end() || it->priority > best->priority ||
                (it->priority == best->priority && it->ticket > best->ticket))
                best = it;
        }
        if (best == m_jobs.end())
            return;
        start(best.key(), *best);
    }
}

void ThumbnailScheduler::start(const QByteArray &key, Job &job)
{
    if (job.cacheOnly) {
        startFromDisk(key, job);
        return;
    }
    QNetworkRequest request(QUrl::fromEncoded(job.url));
    // Thumbnails do not change under a file id and image process: a stored copy is as good as a new one.
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::PreferCache);
    // A signed object URL carries no KooDrive header; its answer is bounded like every transfer.
    net::Transfer *reply = net::Transfer::get(m_network, request, m_policy, this);
    job.reply = reply;
    ++m_inFlight;
    ++m_stats.started;
    connect(reply, &net::Transfer::finished, this, [this, key, reply] { onReplyFinished(key, reply); });
}

void ThumbnailScheduler::onReplyFinished(const QByteArray &key, net::Transfer *reply)
{
    reply->deleteLater();
    auto it = m_jobs.find(key);
    if (it == m_jobs.end() || it->reply != reply)
        return;
    --m_inFlight;
    it->reply = nullptr;
    const int status = reply->httpStatus();
    if (reply->fromCache())
        ++m_stats.fromDiskCache;
    using Failure = net::Transfer::Failure;

    if (reply->failure() == Failure::TooLarge || reply->failure() == Failure::Deadline ||
        reply->failure() == Failure::TooManyRedirects || reply->failure() == Failure::Insecure ||
        reply->failure() == Failure::Undecodable) {
        // Not a thumbnail any server should send: asking again would bring the same.
        qCInfo(lcThumbnails).noquote()
            << "thumbnail refused:" << int(reply->failure()) << "from" << reply->url().host();
        ++m_stats.refused;
        removeJob(key);
        markUnavailable(key, Forever);
    } else if (status == 403) {
        // The signature has expired (or was refused): the owner may ask once more with a fresh URL.
        removeJob(key);
        if (m_expiredOnce.contains(key)) {
            markUnavailable(key, Forever);
        } else {
            m_expiredOnce.insert(key);
            ++m_stats.expired;
            emit expired(key);
        }
    } else if (reply->failure() != Failure::None || status != 200) {
        // A missing object never comes back; a network failure or a server error may, but not in a loop.
        const bool lasting = status == 404 || status == 410 || (status >= 400 && status < 500);
        qCDebug(lcThumbnails).noquote() << "thumbnail failed:" << status << reply->networkErrorString();
        removeJob(key);
        markUnavailable(key, lasting ? Forever : m_failureHoldMs);
    } else {
        it->decoding = true;
        const QByteArray bytes = reply->takeBody();
        const QSize box = it->box;
        threads::runThen(
            &m_decoders, [bytes, box] { return decode(bytes, box, ThumbnailAllocationLimitMiB); }, this,
            [this, key](const QImage &image) { decoded(key, image); });
    }
    startJobs();
}

void ThumbnailScheduler::startFromDisk(const QByteArray &jobKey, Job &job)
{
    const QByteArray key = jobKey; // the job's own key goes with it below
    ++m_stats.diskOnly;
    const auto *cache = qobject_cast<const ThumbnailDiskCache *>(m_network->cache());
    if (!cache) {
        notOnDisk(key); // the network keeps no thumbnails on disk
        return;
    }
    job.decoding = true;
    // Read and decoded on a decoder: the window's thread only hears what came of it.
    threads::runThen(
        &m_decoders,
        [directory = cache->cacheDirectory(), url = job.url, box = job.box,
         maxBytes = m_policy.maxBytes]() -> std::optional<QImage> {
            const std::optional<QByteArray> bytes =
                ThumbnailDiskCache::readStored(directory, QUrl::fromEncoded(url), maxBytes);
            if (!bytes)
                return std::nullopt;
            return decode(*bytes, box, ThumbnailAllocationLimitMiB);
        },
        this,
        [this, key](const std::optional<QImage> &image) {
            if (image)
                decoded(key, *image);
            else
                notOnDisk(key);
        });
}

void ThumbnailScheduler::notOnDisk(const QByteArray &key)
{
    // A stored thumbnail is a few KiB; one that claims more than a transfer may bring is not read.
    ++m_stats.notCached;
    removeJob(key);
    emit notCached(key);
}

void ThumbnailScheduler::decoded(const QByteArray &key, const QImage &image)
{
    const auto job = m_jobs.constFind(key);
    const bool fromDisk = job != m_jobs.constEnd() && job->cacheOnly;
    removeJob(key);
    if (image.isNull() && fromDisk) {
        ++m_stats.notCached; // a damaged copy on disk: the network may give a good one
        emit notCached(key);
        return;
    }
    if (image.isNull()) {
        markUnavailable(key, Forever); // not a picture: asking again would give the same bytes
        return;
    }
    m_expiredOnce.remove(key);
    ++m_stats.decoded;
    m_images.insert(key, new QImage(image), qMax<qsizetype>(1, image.sizeInBytes()));
    emit ready(key);
}

void ThumbnailScheduler::markUnavailable(const QByteArray &key, qint64 forMs)
{
    ++m_stats.unavailable;
    m_unavailableUntilMs.insert(key, forMs == Forever ? Forever : nowMs() + forMs);
    emit unavailable(key);
}

void ThumbnailScheduler::removeJob(const QByteArray &key)
{
    m_jobs.remove(key);
}

} // namespace koodrive::thumbnails
