#include "FileDownload.h"

#include "LocalNames.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QNetworkRequest>
#include <limits>

namespace koodrive::transfers {

namespace {
using Failure = net::Transfer::Failure;

// "bytes first-last/total" (RFC 9110 §14.4) or "bytes */total": first (-1 for "*") and total (-1 unknown).
std::pair<qint64, qint64> contentRange(const QByteArray &header)
{
    const QByteArray value = header.trimmed();
    if (!value.startsWith("bytes "))
        return {-1, -1};
    const qsizetype slash = value.indexOf('/');
    if (slash < 0)
        return {-1, -1};
    bool ok = false;
    qint64 total = value.mid(slash + 1).toLongLong(&ok);
    if (!ok || total < 0)
        total = -1;
    const QByteArray range = value.mid(6, slash - 6);
    const qint64 first = range == "*" ? -1 : range.left(range.indexOf('-')).toLongLong(&ok);
    return {ok || range == "*" ? first : -1, total};
}
} // namespace

FileDownload::FileDownload(QNetworkAccessManager *network, const QueuedUpload &entry, const QByteArray &url,
                           qint64 budget, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_entry(entry)
    , m_url(url)
    , m_budget(budget)
{}

FileDownload::~FileDownload()
{
    if (m_transfer)
        m_transfer->abort();
}

void FileDownload::cancel()
{
    m_ended = true;
    if (m_transfer) {
        m_transfer->abort();
        m_transfer->deleteLater();
    }
    if (m_part)
        m_part->close();
}

void FileDownload::start()
{
    // The names were made safe when they were chosen; checked again here, where bytes are written.
    if (!LocalNames::isInside(m_entry.localFolder, m_entry.localPath) ||
        !LocalNames::isInside(m_entry.localFolder, m_entry.partPath) ||
        QFileInfo(m_entry.localPath).absolutePath() != QFileInfo(m_entry.localFolder).absoluteFilePath())
        return fail(tr("Its name would put it outside the folder it is saved to."), false);
    if (!QFileInfo(m_entry.localFolder).isDir())
        return fail(
            tr("The folder %1 is not there any more.").arg(QDir::toNativeSeparators(m_entry.localFolder)),
            false);
    // Renamed into place just before the app (or the power) went away, before the queue could say so.
    if (!QFileInfo::exists(m_entry.partPath) && m_entry.size > 0 &&
        QFileInfo(m_entry.localPath).size() == m_entry.size) {
        m_savedPath = m_entry.localPath;
        m_etag = m_entry.etag;
        m_offset = m_total = m_entry.size;
        return finish(Outcome::Done);
    }
    m_part = std::make_unique<QFile>(m_entry.partPath);
    if (!m_part->open(QIODevice::WriteOnly | QIODevice::Append))
        return fail(tr("It cannot be written in %1: %2")
                        .arg(QDir::toNativeSeparators(m_entry.localFolder), m_part->errorString()),
                    false);
    m_offset = m_part->size();
    // Bytes whose version is not known (no ETag was given) are not gone on from: they start again.
    if (m_offset > 0 && m_entry.etag.isEmpty()) {
        m_part->resize(0);
        m_offset = 0;
    }
    m_etag = m_entry.etag;

    QNetworkRequest request(QUrl::fromEncoded(m_url));
    // Bytes as stored: a range of a compressed answer would not be a range of the file.
    request.setRawHeader("Accept-Encoding", "identity");
    if (m_offset > 0) {
        request.setRawHeader("Range", "bytes=" + QByteArray::number(m_offset) + '-');
        request.setRawHeader("If-Range", m_etag.toLatin1());
    }
    // The budget of the whole file, less what is here; a minute plus the file at 64 KiB/s.
    const qint64 expected = std::max<qint64>(m_entry.size, 8 * 1024 * 1024);
    const qint64 deadline = std::min<qint64>(60'000 + expected / 64, std::numeric_limits<int>::max());
    const net::TransferPolicy policy{m_budget - m_offset, int(deadline), 30'000, 3, false};
    m_transfer = net::Transfer::get(m_network, request, policy, this);
    m_transfer->setSink(m_part.get());
    connect(m_transfer, &net::Transfer::answered, this, &FileDownload::onAnswered);
    connect(m_transfer, &net::Transfer::progress, this, [this] { emit progress(received(), m_total); });
    connect(m_transfer, &net::Transfer::finished, this, &FileDownload::onFinished);
}

void FileDownload::onAnswered()
{
    const int status = m_transfer->httpStatus();
    const QByteArray etag = m_transfer->rawHeader("ETag");
    if (status == 206) {
        const auto [first, total] = contentRange(m_transfer->rawHeader("Content-Range"));
        if (first != m_offset) {
            // Not the range asked for: nothing of it is appended; the next attempt starts again.
            m_transfer->abort();
            m_transfer->deleteLater();
            m_part->resize(0);
            return fail(tr("The server sent another part of the file than the one asked for."), true, status);
        }
        m_total = total;
    } else if (status >= 200 && status < 300) {
        // The whole file (a server that takes no ranges, or another version): from the start.
        if (m_offset > 0) {
            m_part->resize(0);
            m_offset = 0;
        }
        bool known = false;
        const qint64 length = m_transfer->rawHeader("Content-Length").toLongLong(&known);
        m_total = known ? length : -1;
        m_etag = QString::fromLatin1(etag);
    }
    if (m_total > m_budget) {
        m_transfer->abort();
        m_transfer->deleteLater();
        return fail(
            tr("The server says it is %1 MiB, more than it was listed with.").arg(m_total / (1024 * 1024)),
            false, status);
    }
    emit progress(received(), m_total);
}

void FileDownload::onFinished()
{
    net::Transfer *transfer = m_transfer;
    transfer->deleteLater();
    const int status = transfer->httpStatus();
    m_part->flush();
    switch (transfer->failure()) {
    case Failure::None: break;
    case Failure::LocalWrite:
        return fail(tr("It cannot be written in %1: %2")
                        .arg(QDir::toNativeSeparators(m_entry.localFolder), m_part->errorString()),
                    false, status);
    case Failure::TooLarge:
        return fail(tr("The server sent more than the file's size (over %1 MiB); the app stopped reading.")
                        .arg(m_budget / (1024 * 1024)),
                    false, status);
    case Failure::Deadline:
    case Failure::IdleTimeout:
    case Failure::Network:
        return fail(tr("The transfer stopped after %1 of its bytes: %2")
                        .arg(QLocale().formattedDataSize(received()), transfer->networkErrorString()),
                    true, status);
    case Failure::CrossOriginRedirect:
    case Failure::TooManyRedirects:
    case Failure::Insecure:
    case Failure::Undecodable:
        return fail(tr("The file's address sent the app somewhere it does not follow."), false, status);
    }
    if (status == 403)
        return finish(Outcome::LinkRefused);
    if (status == 416 && m_offset > 0) {
        // Asked for what is after the end: the part may be whole already.
        const qint64 total = contentRange(transfer->rawHeader("Content-Range")).second;
        if (total == m_offset) {
            m_total = total;
            if (!complete())
                return;
            return finish(Outcome::Done);
        }
        m_part->resize(0);
        return fail(tr("The file changed on the server while it was saved; it starts again."), true, status);
    }
    if (status == 404 || status == 410)
        return fail(tr("The file is not in the drive any more."), false, status);
    if (status == 429 || status >= 500)
        return fail(tr("The server could not send it now (HTTP %1).").arg(status), true, status);
    if (status < 200 || status >= 300)
        return fail(tr("The server refused to send it (HTTP %1).").arg(status), false, status);
    if (m_total >= 0 && m_part->size() != m_total)
        return fail(tr("It arrived cut short (%1 of %2 bytes).").arg(m_part->size()).arg(m_total), true,
                    status);
    if (!complete())
        return;
    finish(Outcome::Done);
}

bool FileDownload::complete()
{
    if (m_entry.timeMs > 0)
        m_part->setFileTime(QDateTime::fromMSecsSinceEpoch(m_entry.timeMs),
                            QFileDevice::FileModificationTime);
    m_part->close();
    // The name chosen when it started, unless a file took it since: then the next free one.
    QString target = m_entry.localPath;
    if (QFileInfo::exists(target)) {
        const QDir folder(m_entry.localFolder);
        const QString name =
            LocalNames::firstFreeName(QFileInfo(target).fileName(), [&folder](const QString &n) {
                return QFileInfo::exists(folder.filePath(n));
            });
        target = name.isEmpty() ? QString() : folder.filePath(name);
    }
    if (target.isEmpty() || !LocalNames::isInside(m_entry.localFolder, target) ||
        !QFile::rename(m_entry.partPath, target)) {
        fail(tr("It arrived but could not be given its name in %1.")
                 .arg(QDir::toNativeSeparators(m_entry.localFolder)),
             false);
        return false;
    }
    m_savedPath = target;
    return true;
}

void FileDownload::fail(const QString &message, bool retryable, int httpStatus)
{
    m_error = api::ApiError{};
    m_error.kind = retryable ? api::ApiError::Kind::Network : api::ApiError::Kind::Refused;
    m_error.httpStatus = httpStatus;
    m_error.message = message;
    m_error.retryable = retryable;
    finish(Outcome::Failed);
}

void FileDownload::finish(Outcome outcome)
{
    if (m_ended)
        return;
    m_ended = true;
    m_outcome = outcome;
    if (m_part && m_part->isOpen())
        m_part->close();
    emit finished();
}

} // namespace koodrive::transfers
