#include "AlbumOutbox.h"

#include "AlbumAddJob.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace koodrive::models {

using api::AlbumAddBatch;
using api::ApiError;
using catalog::OutboxEntry;

namespace {
constexpr int MaxRetryMs = 60'000;
constexpr int RemoveChunk = 1000; // the remove call takes at most 1000 ids (koodrive-api/README.md)
// An album whose create call went out before a crash is the newest of its list with its name, made at
// most this long before the call (the server's clock may differ from this one's).
constexpr qint64 CreatedSlackMs = 10 * 60 * 1000;
// "13000309 resource does not exist" (koodrive-api/README.md, error codes): the album is gone.
const QString ResourceMissing = QStringLiteral("13000309");
const QString LocalPrefix = QStringLiteral("pending:");

QJsonObject payloadOf(const OutboxEntry &entry)
{
    return QJsonDocument::fromJson(entry.payload).object();
}

bool albumMissing(const ApiError &error)
{
    return error.code == ResourceMissing || error.httpStatus == 404;
}
} // namespace

AlbumOutbox::AlbumOutbox(api::KooDriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &AlbumOutbox::replay);
}

AlbumOutbox::~AlbumOutbox()
{
    m_call.cancel();
    if (m_addJob) { // cancelling finishes it at once: nothing of this half-gone outbox may run then
        disconnect(m_addJob, nullptr, this, nullptr);
        m_addJob->cancel();
    }
}

void AlbumOutbox::setCatalog(catalog::Catalog *catalog)
{
    clear();
    m_catalog = catalog;
    if (m_catalog)
        m_entries = m_catalog->pendingEdits();
    emit changed();
}

void AlbumOutbox::clear()
{
    m_call.cancel();
    if (m_addJob) {
        disconnect(m_addJob, nullptr, this, nullptr);
        m_addJob->cancel();
        m_addJob->deleteLater();
    }
    m_retry.stop();
    m_retryMs = m_firstRetryMs;
    m_entries.clear();
    m_direct.clear();
    ++m_epoch;
    m_reports.clear();
    m_sending = false;
    emit changed();
}

// Not the edit's fault: it waits for the server (or for the person to sign in again) and goes again. An
// answer that is not the documented shape (a captive portal's page) says nothing about the edit either.
bool AlbumOutbox::mustWait(const ApiError &error)
{
    return error.unreachable() || error.kind == ApiError::Kind::Unauthorized ||
           error.kind == ApiError::Kind::Cancelled || error.kind == ApiError::Kind::BadResponse;
}

bool AlbumOutbox::isLocalId(const QString &albumId)
{
    return albumId.startsWith(LocalPrefix);
}

int AlbumOutbox::pendingFor(const QString &albumId) const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [&albumId](const OutboxEntry &entry) { return entry.albumId == albumId; }));
}

qint64 AlbumOutbox::enqueue(Kind kind, const QString &albumId, const QString &name,
                            const QJsonObject &payload, bool direct)
{
    OutboxEntry entry;
    entry.kind = int(kind);
    entry.albumId = albumId;
    entry.albumName = name;
    entry.payload = QJsonDocument(payload).toJson(QJsonDocument::Compact);
    entry.createdMs = QDateTime::currentMSecsSinceEpoch();
    entry.sent = direct; // its call goes now
    entry.seq = m_catalog ? m_catalog->enqueueEdit(entry) : ++m_memorySeq;
    if (entry.seq < 0)
        return -1;
    if (kind == Kind::Create) { // its pending id names the edit that makes it
        entry.albumId = LocalPrefix + QString::number(entry.seq);
        if (m_catalog)
            m_catalog->setEditAlbum(entry.seq, entry.albumId);
    }
    m_entries.append(entry);
    if (direct) {
        m_direct.insert(entry.seq);
        return entry.seq;
    }
    emit changed();
    emit queued(kind, name, filesOf(entry));
    replay();
    return entry.seq;
}

int AlbumOutbox::filesOf(const OutboxEntry &entry)
{
    const QJsonObject payload = payloadOf(entry);
    switch (Kind(entry.kind)) {
    case Kind::Add: return int(payload.value(QStringLiteral("items")).toArray().size());
    case Kind::Remove: return int(payload.value(QStringLiteral("ids")).toArray().size());
    default: return 0;
    }
}

qint64 AlbumOutbox::sending(Kind kind, const QString &albumId, const QString &name,
                            const QJsonObject &payload)
{
    const qint64 seq = enqueue(kind, albumId, name, payload, true);
    return seq < 0 ? -1 : (m_epoch << TicketBits) | seq;
}

void AlbumOutbox::sent(qint64 ticket)
{
    const qint64 seq = seqOf(ticket);
    if (seq < 0 || !m_direct.remove(seq))
        return;
    m_entries.removeIf([seq](const OutboxEntry &entry) { return entry.seq == seq; });
    if (m_catalog)
        m_catalog->finishEdit(seq);
    replay(); // what was made meanwhile goes now
}

void AlbumOutbox::waitsAfterAll(qint64 ticket, const std::optional<QJsonObject> &payload, bool mayHaveArrived)
{
    const qint64 seq = seqOf(ticket);
    if (seq < 0 || !m_direct.remove(seq))
        return;
    for (OutboxEntry &entry : m_entries) {
        if (entry.seq != seq)
            continue;
        if (payload)
            entry.payload = QJsonDocument(*payload).toJson(QJsonDocument::Compact);
        entry.sent = mayHaveArrived;
        if (m_catalog)
            m_catalog->rewriteEdit(seq, entry.payload, entry.sent);
        emit changed();
        emit queued(Kind(entry.kind), entry.albumName, filesOf(entry));
        break;
    }
    replay();
}

QString AlbumOutbox::albumIdOf(qint64 ticket) const
{
    // A ticket of sending(), or the seq queueCreate() has (a ticket of epoch 0 is its seq).
    const qint64 seq = (ticket >> TicketBits) != 0 ? seqOf(ticket) : ticket;
    for (const OutboxEntry &entry : m_entries)
        if (entry.seq == seq)
            return entry.albumId;
    return {};
}

QJsonObject AlbumOutbox::renamePayload(const QString &name)
{
    return {{QStringLiteral("name"), name}};
}

QJsonObject AlbumOutbox::addPayload(const QVector<DriveItem> &items)
{
    QJsonArray list;
    for (const DriveItem &item : items)
        list.append(QJsonObject{{QStringLiteral("id"), item.id},
                                {QStringLiteral("owner"), item.ownerId},
                                {QStringLiteral("container"), item.containerId},
                                {QStringLiteral("name"), item.name},
                                {QStringLiteral("folder"), item.folder}});
    return {{QStringLiteral("items"), list}};
}

QJsonObject AlbumOutbox::removePayload(const QStringList &fileIds)
{
    return {{QStringLiteral("ids"), QJsonArray::fromStringList(fileIds)}};
}

QJsonObject AlbumOutbox::createPayload(const api::KooDriveClient::NewAlbum &album)
{
    QJsonArray dirs;
    for (const QString &dir : album.scopeDirs)
        dirs.append(dir);
    return {{QStringLiteral("type"), int(album.type)},
            {QStringLiteral("kind"), int(album.kind)},
            {QStringLiteral("name"), album.name},
            {QStringLiteral("scopeDirs"), dirs},
            {QStringLiteral("scopeParent"), album.scopeParentFolderId},
            {QStringLiteral("images"), album.scopeImages},
            {QStringLiteral("videos"), album.scopeVideos},
            {QStringLiteral("groupId"), album.groupId},
            {QStringLiteral("shareFolderId"), QString::number(album.shareFolderId)},
            {QStringLiteral("containerId"), album.containerId}};
}

QString AlbumOutbox::queueCreate(const api::KooDriveClient::NewAlbum &album)
{
    return albumIdOf(enqueue(Kind::Create, QString(), album.name, createPayload(album), false));
}

bool AlbumOutbox::queueRename(const QString &albumId, const QString &oldName, const QString &newName)
{
    return enqueue(Kind::Rename, albumId, oldName, renamePayload(newName), false) >= 0;
}

bool AlbumOutbox::queueDelete(const QString &albumId, const QString &name)
{
    return enqueue(Kind::Delete, albumId, name, {}, false) >= 0;
}

bool AlbumOutbox::queueAdd(const QString &albumId, const QString &name, const QVector<DriveItem> &items)
{
    return enqueue(Kind::Add, albumId, name, addPayload(items), false) >= 0;
}

bool AlbumOutbox::queueRemove(const QString &albumId, const QString &name, const QStringList &fileIds)
{
    return enqueue(Kind::Remove, albumId, name, removePayload(fileIds), false) >= 0;
}

api::KooDriveClient::NewAlbum AlbumOutbox::newAlbumOf(const QByteArray &payload)
{
    const QJsonObject o = QJsonDocument::fromJson(payload).object();
    api::KooDriveClient::NewAlbum album;
    album.type = api::AlbumType(o.value(QStringLiteral("type")).toInt(int(api::AlbumType::Manual)));
    album.kind = api::AlbumKind(o.value(QStringLiteral("kind")).toInt(int(api::AlbumKind::Personal)));
    album.name = o.value(QStringLiteral("name")).toString();
    for (const QJsonValue &dir : o.value(QStringLiteral("scopeDirs")).toArray())
        album.scopeDirs << dir.toString();
    album.scopeParentFolderId = o.value(QStringLiteral("scopeParent")).toString();
    album.scopeImages = o.value(QStringLiteral("images")).toBool(true);
    album.scopeVideos = o.value(QStringLiteral("videos")).toBool(true);
    album.groupId = o.value(QStringLiteral("groupId")).toString();
    album.shareFolderId = o.value(QStringLiteral("shareFolderId")).toString().toLongLong();
    album.containerId = o.value(QStringLiteral("containerId")).toString();
    return album;
}

api::Album AlbumOutbox::albumOf(const api::KooDriveClient::NewAlbum &made, const QString &albumId,
                                const QString &ownerId, qint64 createdMs)
{
    api::Album album;
    album.id = albumId;
    album.name = made.name;
    album.type = made.type;
    album.kind = made.kind;
    if (made.type == api::AlbumType::Collection) {
        album.scopeDirs = made.scopeDirs;
        album.scopeParentFolderId = made.scopeParentFolderId;
        album.scopeKind = made.scopeImages && made.scopeVideos ? QStringLiteral("1,2")
                          : made.scopeVideos                   ? QStringLiteral("2")
                                                               : QStringLiteral("1");
    }
    album.ownerId = ownerId;
    album.groupId = made.groupId;
    album.createdMs = album.updatedMs = createdMs;
    return album;
}

QVector<api::Album> AlbumOutbox::createdAlbums() const
{
    QVector<api::Album> albums;
    for (const OutboxEntry &entry : m_entries) {
        if (Kind(entry.kind) != Kind::Create || entry.albumId.isEmpty() || m_direct.contains(entry.seq))
            continue;
        albums.prepend(albumOf(newAlbumOf(entry.payload), entry.albumId, m_client->connection().userId,
                               entry.createdMs)); // the newest first, as the server lists them
    }
    return albums;
}

std::optional<QString> AlbumOutbox::pendingName(const QString &albumId) const
{
    std::optional<QString> name;
    for (const OutboxEntry &entry : m_entries)
        if (entry.albumId == albumId && Kind(entry.kind) == Kind::Rename)
            name = payloadOf(entry).value(QStringLiteral("name")).toString();
    return name;
}

bool AlbumOutbox::isPendingDelete(const QString &albumId) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&albumId](const OutboxEntry &entry) {
        return entry.albumId == albumId && Kind(entry.kind) == Kind::Delete;
    });
}

QSet<QString> AlbumOutbox::pendingRemovals(const QString &albumId) const
{
    QSet<QString> ids;
    for (const OutboxEntry &entry : m_entries)
        if (entry.albumId == albumId && Kind(entry.kind) == Kind::Remove)
            for (const QJsonValue &id : payloadOf(entry).value(QStringLiteral("ids")).toArray())
                ids.insert(id.toString());
    return ids;
}

// --- sending ---------------------------------------------------------------------------------------------

void AlbumOutbox::replay()
{
    m_retry.stop();
    if (m_sending || m_entries.isEmpty())
        return;
    m_sending = true;
    sendFirst();
}

void AlbumOutbox::sendFirst()
{
    if (m_entries.isEmpty()) {
        m_sending = false;
        m_retryMs = m_firstRetryMs;
        const QVector<Report> reports = std::exchange(m_reports, {});
        if (!reports.isEmpty())
            emit drained(reports);
        return;
    }
    OutboxEntry &entry = m_entries.first();
    if (m_direct.contains(entry.seq)) { // a model is sending it: the rest waits for its answer
        m_sending = false;
        return;
    }
    if (entry.albumId.isEmpty()) { // a create written down but not given its pending id (a crash between)
        entry.albumId = LocalPrefix + QString::number(entry.seq);
        if (m_catalog)
            m_catalog->setEditAlbum(entry.seq, entry.albumId);
    }
    const bool sentBefore = entry.sent;
    if (!entry.sent) {
        entry.sent = true; // written before the call goes: a crash after it finds the edit marked
        if (m_catalog)
            m_catalog->markEditSent(entry.seq);
    }
    const OutboxEntry current = entry;
    const QJsonObject payload = payloadOf(current);
    auto onDone = [this](const api::Result<api::Done> &result) {
        m_call = {};
        if (result.ok())
            settle(Outcome::Done);
        else if (mustWait(result.error()))
            stall(result.error());
        else
            settle(Outcome::Conflict, 0, &result.error());
    };
    switch (Kind(current.kind)) {
    case Kind::Create: sentBefore ? findCreated(current) : sendCreate(current); return;
    case Kind::Rename: {
        api::KooDriveClient::AlbumChange change;
        change.name = payload.value(QStringLiteral("name")).toString();
        m_call = m_client->updateAlbum(current.albumId, change, this, onDone);
        return;
    }
    case Kind::Delete:
        m_call = m_client->deleteAlbum(current.albumId, this, [this](const api::Result<api::Done> &result) {
            m_call = {};
            if (result.ok())
                settle(Outcome::Done);
            else if (mustWait(result.error()))
                stall(result.error());
            else if (albumMissing(result.error()))
                settle(Outcome::AlreadyDone); // deleted elsewhere, or by this call before its answer was lost
            else
                settle(Outcome::Conflict, 0, &result.error());
        });
        return;
    case Kind::Add: sendAdd(current); return;
    case Kind::Remove: {
        QStringList ids;
        for (const QJsonValue &id : payload.value(QStringLiteral("ids")).toArray())
            ids << id.toString();
        sendRemove(current, ids);
        return;
    }
    }
    settle(Outcome::Conflict); // a kind this version does not know (written by a newer one): dropped
}

void AlbumOutbox::sendCreate(const OutboxEntry &entry)
{
    m_call = m_client->createAlbum(newAlbumOf(entry.payload), this,
                                   [this, entry](const api::Result<QString> &result) {
                                       m_call = {};
                                       if (result.ok())
                                           created(entry, result.value());
                                       else if (mustWait(result.error()))
                                           stall(result.error());
                                       else
                                           settle(Outcome::Conflict, 0, &result.error());
                                   });
}

void AlbumOutbox::findCreated(const OutboxEntry &entry)
{
    // The call went out before (the app was killed, or its answer lost): made again only if the server
    // does not have it. The list is newest first; its first page is enough for an album made that recently.
    const auto made = newAlbumOf(entry.payload);
    m_call = m_client->listAlbums({made.kind, made.type, 1, 100, made.groupId}, this,
                                  [this, entry, made](const api::Result<api::AlbumPage> &result) {
                                      m_call = {};
                                      if (!result.ok()) {
                                          if (mustWait(result.error()))
                                              stall(result.error());
                                          else
                                              sendCreate(entry);
                                          return;
                                      }
                                      for (const api::Album &album : result.value().albums)
                                          if (album.name == made.name &&
                                              album.ownerId == m_client->connection().userId &&
                                              album.createdMs >= entry.createdMs - CreatedSlackMs) {
                                              created(entry, album.id);
                                              return;
                                          }
                                      sendCreate(entry);
                                  });
}

void AlbumOutbox::created(const OutboxEntry &entry, const QString &albumId)
{
    // The edits that name the pending id take the server's before this one leaves the outbox: a crash in
    // between finds them pointing at the real album, and this create marked sent (then found by name).
    if (m_catalog)
        m_catalog->retargetEdits(entry.albumId, albumId);
    for (OutboxEntry &later : m_entries)
        if (later.albumId == entry.albumId && later.seq != entry.seq)
            later.albumId = albumId;
    emit albumCreated(entry.albumId, albumId);
    settle(Outcome::Done);
}

void AlbumOutbox::sendAdd(const OutboxEntry &entry)
{
    QVector<DriveItem> items;
    for (const QJsonValue &value : payloadOf(entry).value(QStringLiteral("items")).toArray()) {
        const QJsonObject o = value.toObject();
        items.append({o.value(QStringLiteral("id")).toString(), o.value(QStringLiteral("owner")).toString(),
                      o.value(QStringLiteral("container")).toString(),
                      o.value(QStringLiteral("name")).toString(),
                      o.value(QStringLiteral("folder")).toBool()});
    }
    auto *job = new AlbumAddJob(m_client, entry.albumId, items, this);
    m_addJob = job;
    connect(job, &AlbumAddJob::finished, this, [this, job] {
        job->deleteLater();
        m_addJob = nullptr;
        using FileOutcome = AlbumAddBatch::Outcome;
        if (const auto &folderError = job->folderError()) {
            mustWait(*folderError) ? stall(*folderError) : settle(Outcome::Conflict, 0, &*folderError);
            return;
        }
        const QVector<AlbumAddBatch::FileReport> report = job->report(); // a copy: pointers into it live
        std::optional<ApiError> refusal;
        for (const auto &file : report) {
            if (file.outcome == FileOutcome::Cancelled) { // not by the person: the outbox is going away
                ApiError cancelled;
                cancelled.kind = ApiError::Kind::Cancelled;
                stall(cancelled);
                return;
            }
            if (file.outcome != FileOutcome::Failed)
                continue;
            if (mustWait(file.error)) { // sent again as a whole: what went in is found there
                stall(file.error);
                return;
            }
            if (!refusal)
                refusal = file.error;
        }
        const int files = int(report.size());
        if (refusal)
            settle(Outcome::Conflict, files, &*refusal);
        else
            settle(job->count(FileOutcome::Added) > 0 || files == 0 ? Outcome::Done : Outcome::AlreadyDone,
                   files);
    });
    job->start();
}

void AlbumOutbox::sendRemove(const OutboxEntry &entry, QStringList remaining)
{
    if (remaining.isEmpty()) {
        settle(Outcome::Done, int(payloadOf(entry).value(QStringLiteral("ids")).toArray().size()));
        return;
    }
    const QStringList chunk = remaining.mid(0, RemoveChunk);
    remaining.erase(remaining.begin(), remaining.begin() + chunk.size());
    m_call = m_client->removeFromAlbum(entry.albumId, chunk, this,
                                       [this, entry, remaining](const api::Result<api::Done> &result) {
                                           m_call = {};
                                           if (result.ok())
                                               sendRemove(entry, remaining);
                                           else if (mustWait(result.error()))
                                               stall(result.error());
                                           else
                                               settle(Outcome::Conflict, 0, &result.error());
                                       });
}

void AlbumOutbox::settle(Outcome outcome, int files, const ApiError *error)
{
    if (m_entries.isEmpty())
        return;
    const OutboxEntry entry = m_entries.takeFirst();
    if (m_catalog)
        m_catalog->finishEdit(entry.seq);
    Report report{Kind(entry.kind), entry.albumName, outcome, files > 0 ? files : filesOf(entry)};
    if (error) {
        report.message = albumMissing(*error) ? tr("The album was deleted elsewhere.") : error->message;
        report.traceId = error->traceId;
    }
    m_reports.append(report);
    // An album that could not be made takes the edits waiting for it along, reported the same way.
    if (Kind(entry.kind) == Kind::Create && outcome == Outcome::Conflict) {
        for (int i = int(m_entries.size()) - 1; i >= 0; --i) {
            if (m_entries[i].albumId != entry.albumId)
                continue;
            const OutboxEntry orphan = m_entries.takeAt(i);
            if (m_catalog)
                m_catalog->finishEdit(orphan.seq);
            m_reports.append({Kind(orphan.kind), orphan.albumName, Outcome::Conflict, filesOf(orphan),
                              tr("The album could not be created."), QString()});
        }
    }
    emit reported(report);
    emit changed();
    sendFirst();
}

void AlbumOutbox::stall(const ApiError &error)
{
    m_sending = false;
    m_retry.start(m_retryMs);
    m_retryMs = qMin(MaxRetryMs, m_retryMs * 2);
    emit stalled(error);
}

} // namespace koodrive::models
