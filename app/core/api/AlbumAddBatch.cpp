#include "AlbumAddBatch.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <numeric>

namespace koodrive::api {

AlbumAddBatch::AlbumAddBatch(KooDriveClient *client, QString albumId,
                             const QVector<KooDriveClient::FileRef> &files, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_albumId(std::move(albumId))
{
    QSet<QString> seen;
    for (const auto &file : files) {
        if (seen.contains(file.fileId))
            continue; // the same photo dragged twice is added once
        seen.insert(file.fileId);
        m_report.append({file, Outcome::Pending, {}});
    }
}

int AlbumAddBatch::count(Outcome outcome) const
{
    return int(std::count_if(m_report.cbegin(), m_report.cend(),
                             [outcome](const FileReport &r) { return r.outcome == outcome; }));
}

int AlbumAddBatch::done() const
{
    return int(m_report.size()) - count(Outcome::Pending);
}

void AlbumAddBatch::start()
{
    if (m_started)
        return;
    m_started = true;
    if (m_report.isEmpty()) {
        finishIfDone();
        return;
    }
    readExisting(QString());
}

void AlbumAddBatch::readExisting(const QString &cursor)
{
    // What the album holds already, so that the report can say so (the add call answers only success).
    KooDriveClient::AlbumContentsQuery query;
    query.albumId = m_albumId;
    query.cursor = cursor;
    m_calls.append(m_client->listAlbumContents(query, this, [this](const Result<AlbumContentsPage> &page) {
        if (page.ok()) {
            for (const DriveFile &item : page.value().items)
                m_existing.insert(item.id);
            if (!page.value().nextCursor.isEmpty()) {
                readExisting(page.value().nextCursor);
                return;
            }
        } else if (page.error().kind == ApiError::Kind::Refused) {
            // The album itself is refused (gone, or not a manual album): every file fails with that reason.
            settle(
                [this] {
                    QVector<int> all(m_report.size());
                    std::iota(all.begin(), all.end(), 0);
                    return all;
                }(),
                Outcome::Failed, page.error());
            finishIfDone();
            return;
        }
        // A read that could not be done leaves "already there" unknown; adding is idempotent on the server.
        planChunks();
        sendMore();
    }));
}

void AlbumAddBatch::planChunks()
{
    QVector<int> chunk;
    for (int i = 0; i < m_report.size(); ++i) {
        if (m_existing.contains(m_report.at(i).file.fileId)) {
            m_report[i].outcome = Outcome::AlreadyThere;
            continue;
        }
        chunk.append(i);
        if (chunk.size() == MaxFilesPerCall) {
            m_pending.append(chunk);
            chunk.clear();
        }
    }
    if (!chunk.isEmpty())
        m_pending.append(chunk);
    emit progress(done(), int(m_report.size()));
}

void AlbumAddBatch::sendMore()
{
    while (!m_finished && m_inFlight < m_concurrency && !m_pending.isEmpty())
        send(m_pending.takeFirst());
    finishIfDone();
}

void AlbumAddBatch::send(QVector<int> chunk)
{
    QVector<KooDriveClient::FileRef> files;
    files.reserve(chunk.size());
    for (int index : std::as_const(chunk))
        files.append(m_report.at(index).file);
    ++m_inFlight;
    ++m_callsSent;
    m_calls.append(m_client->addToAlbum(m_albumId, files, this, [this, chunk](const Result<Done> &result) {
        --m_inFlight;
        if (result.ok()) {
            settle(chunk, Outcome::Added);
        } else {
            // "fileIds[7].fileId": the call was refused because of that one file; nothing was added.
            static const QRegularExpression oneFile(QStringLiteral(R"(^fileIds\[(\d+)\])"));
            const auto match = oneFile.match(result.error().parameter);
            const int position = match.hasMatch() ? match.captured(1).toInt() : -1;
            if (result.error().kind == ApiError::Kind::Refused && position >= 0 && position < chunk.size()) {
                settle({chunk.at(position)}, Outcome::Failed, result.error());
                QVector<int> rest = chunk;
                rest.removeAt(position);
                if (!rest.isEmpty())
                    m_pending.prepend(rest);
            } else {
                settle(chunk, Outcome::Failed, result.error());
            }
        }
        emit progress(done(), int(m_report.size()));
        sendMore();
    }));
}

void AlbumAddBatch::settle(const QVector<int> &chunk, Outcome outcome, const ApiError &error)
{
    for (int index : chunk) {
        m_report[index].outcome = outcome;
        m_report[index].error = error;
    }
}

void AlbumAddBatch::cancel()
{
    if (m_finished)
        return;
    for (CallHandle &call : m_calls)
        call.cancel();
    // Calls already answered stay as they are; what was in flight may or may not have been added.
    for (FileReport &report : m_report)
        if (report.outcome == Outcome::Pending)
            report.outcome = Outcome::Cancelled;
    m_pending.clear();
    m_inFlight = 0;
    finishIfDone();
}

void AlbumAddBatch::finishIfDone()
{
    if (m_finished || m_inFlight > 0 || !m_pending.isEmpty() || count(Outcome::Pending) > 0)
        return;
    m_finished = true;
    emit progress(done(), int(m_report.size()));
    emit finished();
}

} // namespace koodrive::api
