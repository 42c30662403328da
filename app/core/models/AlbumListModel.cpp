#include "AlbumListModel.h"

#include "ModelTimes.h"
#include "text/DisplayText.h"
#include "thumbnails/ThumbnailDiskCache.h"

#include <QDateTime>
#include <QMimeData>

namespace koodrive::models {

using api::Album;
using api::AlbumKind;
using api::AlbumType;
using thumbnails::ThumbnailScheduler;
using thumbnails::ThumbnailState;

namespace {
constexpr int PageSize = 100;       // album-list.txt: pageSize 1..100
constexpr QSize CoverBox{256, 256}; // covers come at the server's size (128 in the pages); never enlarged
} // namespace

AlbumListModel::AlbumListModel(api::KooDriveClient *client, ThumbnailScheduler *thumbnails, QObject *parent)
    : QAbstractListModel(parent)
    , m_client(client)
    , m_thumbnails(thumbnails)
    , m_sections{{{AlbumKind::Personal, AlbumType::Manual},
                  {AlbumKind::Personal, AlbumType::Collection},
                  {AlbumKind::Shared, AlbumType::Manual},
                  {AlbumKind::Shared, AlbumType::Collection}}}
{
    if (m_thumbnails) {
        connect(m_thumbnails, &ThumbnailScheduler::ready, this, &AlbumListModel::onCoverEvent);
        connect(m_thumbnails, &ThumbnailScheduler::unavailable, this, &AlbumListModel::onCoverEvent);
        connect(m_thumbnails, &ThumbnailScheduler::expired, this, &AlbumListModel::onCoverExpired);
        connect(m_thumbnails, &ThumbnailScheduler::notCached, this, &AlbumListModel::onCoverNotCached);
    }
}

AlbumListModel::~AlbumListModel()
{
    m_fetching.cancel();
    if (m_thumbnails)
        m_thumbnails->cancelAll(this);
}

int AlbumListModel::sectionOf(AlbumKind kind, AlbumType type)
{
    return (kind == AlbumKind::Shared ? 2 : 0) + (type == AlbumType::Collection ? 1 : 0);
}

int AlbumListModel::sectionStart(int section) const
{
    int row = 0;
    while (row < m_rows.size() && m_rows[row].section < section)
        ++row;
    return row;
}

int AlbumListModel::sectionEnd(int section) const
{
    int row = sectionStart(section);
    while (row < m_rows.size() && m_rows[row].section == section)
        ++row;
    return row;
}

int AlbumListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QByteArray AlbumListModel::coverKey(const Row &row) const
{
    if (row.album.coverUrl.isEmpty())
        return {};
    return thumbnails::ThumbnailDiskCache::cacheUrl(QUrl::fromEncoded(row.album.coverUrl)).toEncoded();
}

QVariant AlbumListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows[index.row()];
    const Album &album = row.album;
    switch (role) {
    // The name is the server's text: shown with its bidi controls neutralised, and tooltips (rich text
    // whenever they look like markup) carry it escaped.
    case Qt::DisplayRole: return text::displayText(album.name);
    case Qt::EditRole: return album.name;
    case Qt::ToolTipRole:
        return text::toolTip(
            album.isManual()
                ? tr("%1 — album; drop photos here to add them").arg(text::displayText(album.name))
                : tr("%1 — collection of %n folder(s)", nullptr, int(album.scopeDirs.size()))
                      .arg(text::displayText(album.name)));
    case IdRole: return album.id;
    case KindRole: return int(album.kind);
    case TypeRole: return int(album.type);
    case IsManualRole: return album.isManual();
    case CoverRole: {
        const QByteArray key = coverKey(row);
        if (key.isEmpty() || !m_thumbnails)
            return {};
        const QImage image = m_thumbnails->image(key);
        if (image.isNull()) { // asked for because it is shown
            if (row.saved && m_coversNotOnDisk.contains(key))
                return image;                            // until the list is read from the server
            QStringList &waiting = m_pendingCovers[key]; // albums can share a cover (the same first photo)
            if (!waiting.contains(album.id))
                waiting << album.id;
            if (row.saved) // a cover URL of the disk cache's (Catalog::albums), never sent anywhere
                m_thumbnails->requestCached(const_cast<AlbumListModel *>(this), key, album.coverUrl, CoverBox,
                                            ThumbnailScheduler::Priority::Visible);
            else
                m_thumbnails->request(const_cast<AlbumListModel *>(this), key, album.coverUrl, CoverBox,
                                      ThumbnailScheduler::Priority::Visible);
        }
        return image;
    }
    case CoverStateRole: {
        const QByteArray key = coverKey(row);
        return int(key.isEmpty() || !m_thumbnails ? ThumbnailState::None : m_thumbnails->state(key));
    }
    case ScopeDirsRole: return album.scopeDirs;
    case ScopeKindRole: return album.scopeKind;
    case ScopeParentRole: return album.scopeParentFolderId;
    case OwnerRole: return album.ownerId;
    case GroupRole: return album.groupId;
    case PendingRole: return m_outbox ? m_outbox->pendingFor(album.id) : 0;
    case CountRole: {
        if (AlbumOutbox::isLocalId(album.id))
            return -1; // made here: nothing on the server to count yet
        const auto known = m_counts.constFind(album.id);
        if (known == m_counts.constEnd()) {
            readCount(album.id); // asked for because it is shown
            return -1;
        }
        return *known;
    }
    case CreatedRole: return utcTime(album.createdMs);
    case UpdatedRole: return utcTime(album.updatedMs);
    default: return {};
    }
}

bool AlbumListModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid() || !(flags(index) & Qt::ItemIsEditable))
        return false;
    const QString name = value.toString().trimmed();
    if (name.isEmpty() || name == m_rows[index.row()].album.name)
        return false;
    renameAlbum(index.row(), name); // the row changes when the server has agreed
    return true;
}

QHash<int, QByteArray> AlbumListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {KindRole, "albumKind"},
                  {TypeRole, "albumType"},
                  {IsManualRole, "isManual"},
                  {CoverRole, "cover"},
                  {CoverStateRole, "coverState"},
                  {ScopeDirsRole, "scopeDir"},
                  {ScopeKindRole, "scopeKind"},
                  {ScopeParentRole, "scopeParentFolderId"},
                  {OwnerRole, "ownerId"},
                  {GroupRole, "groupId"},
                  {CreatedRole, "createTime"},
                  {UpdatedRole, "updateTime"},
                  {CountRole, "count"}});
    return names;
}

Qt::ItemFlags AlbumListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (m_rows[index.row()].album.isManual())
        flags |= Qt::ItemIsEditable |
                 Qt::ItemIsDropEnabled; // album-update.txt: only manual albums have a name to change
    return flags;
}

Album AlbumListModel::albumAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows[row].album : Album();
}

int AlbumListModel::rowOfId(const QString &albumId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].album.id == albumId)
            return row;
    return -1;
}

// --- paging ----------------------------------------------------------------------------------------------

bool AlbumListModel::isComplete() const
{
    return std::all_of(m_sections.cbegin(), m_sections.cend(), [](const Section &s) { return s.complete(); });
}

bool AlbumListModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && !isComplete() && !m_failed;
}

void AlbumListModel::fetchMore(const QModelIndex &parent)
{
    if (parent.isValid() || m_fetching.isActive() || m_failed)
        return;
    for (int section = 0; section < SectionCount; ++section) {
        if (!m_sections[size_t(section)].complete()) {
            fetchPage(section, m_sections[size_t(section)].nextPage, false);
            return;
        }
    }
}

void AlbumListModel::retry()
{
    m_failed = false;
    fetchMore({});
}

void AlbumListModel::forgetReading()
{
    m_failed = false;
    ++m_generation;
    m_fetching.cancel();
    m_refreshing.clear();
    m_refreshAgain.clear();
    m_pendingCovers.clear();
}

void AlbumListModel::dropRows(int total)
{
    m_rows.clear();
    m_hidden.clear();
    m_coversNotOnDisk.clear();
    for (Section &section : m_sections) {
        section.nextPage = 1;
        section.total = total;
        section.loaded = 0;
    }
}

void AlbumListModel::reload()
{
    forgetReading();
    beginResetModel();
    dropRows(-1); // unknown until each list's first page
    showSaved();
    showCreatedHere();
    endResetModel();
}

void AlbumListModel::clear()
{
    forgetReading();
    m_counts.clear();
    if (m_thumbnails)
        m_thumbnails->cancelAll(this);
    // Adds under way stop, and nobody hears of them: what they had left stays in the account's outbox.
    for (AlbumAddJob *job : findChildren<AlbumAddJob *>(Qt::FindDirectChildrenOnly)) {
        disconnect(job, &AlbumAddJob::finished, nullptr, nullptr);
        job->cancel();
        job->deleteLater();
    }
    beginResetModel();
    dropRows(0); // complete: nothing to read
    endResetModel();
}

void AlbumListModel::showSaved()
{
    if (!m_catalog)
        return;
    for (int section = 0; section < SectionCount; ++section) {
        const auto saved = m_catalog->albums(section);
        if (!saved)
            continue;
        const Section &s = m_sections[size_t(section)];
        for (Album album : *saved) {
            // Each in its own list: a row of another list's kind would break the sections' order.
            if (album.kind != s.kind || album.type != s.type || album.id.isEmpty() ||
                rowOfId(album.id) >= 0 || !applyPending(album))
                continue;
            album.coverUrl = thumbnails::ThumbnailDiskCache::cacheRefUrl(QString::fromLatin1(album.coverUrl));
            Row row{album, section, 1};
            row.saved = true;
            m_rows.append(row);
        }
    }
}

bool AlbumListModel::showsSaved() const
{
    return std::any_of(m_rows.cbegin(), m_rows.cend(), [](const Row &row) { return row.saved; });
}

void AlbumListModel::sectionRead(int section)
{
    // Albums the list no longer has (deleted elsewhere), removed now that the whole list was read.
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows[row].section != section || !m_rows[row].saved)
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    saveSection(section);
}

void AlbumListModel::saveSection(int section)
{
    if (!m_catalog || !m_sections[size_t(section)].complete())
        return;
    QVector<Album> albums;
    for (const Row &row : std::as_const(m_rows))
        if (row.section == section && !row.saved && !AlbumOutbox::isLocalId(row.album.id))
            albums.append(row.album); // an album made here is the outbox's until the server has it
    m_catalog->storeAlbums(section, albums);
}

void AlbumListModel::onCoverNotCached(const QByteArray &key)
{
    const QStringList waiting = m_pendingCovers.take(key);
    if (waiting.isEmpty())
        return;
    m_coversNotOnDisk.insert(key);
    for (const QString &albumId : waiting)
        if (const int row = rowOfId(albumId); row >= 0)
            emit dataChanged(index(row), index(row), {CoverRole, CoverStateRole});
}

void AlbumListModel::fetchPage(int section, int page, bool refreshOnly)
{
    const Section &s = m_sections[size_t(section)];
    const QString tag = QStringLiteral("%1/%2").arg(section).arg(page);
    if (refreshOnly) {
        if (m_refreshing.contains(tag)) {
            // What is in flight may have been read before the change that asks again: read it once more.
            m_refreshAgain.insert(tag);
            return;
        }
        m_refreshing.insert(tag);
    }
    const quint64 generation = m_generation;
    const quint64 askedAt = m_edits;
    auto handle =
        m_client->listAlbums({s.kind, s.type, page, PageSize, {}}, this,
                             [this, generation, askedAt, section, page, refreshOnly,
                              tag](const api::Result<api::AlbumPage> &result) {
                                 if (generation != m_generation)
                                     return;
                                 if (!refreshOnly)
                                     m_failed =
                                         !result.ok(); // settled before anyone hears that loading ended
                                 if (refreshOnly)
                                     m_refreshing.remove(tag);
                                 else
                                     emit loadingChanged(false);
                                 const bool again = refreshOnly && m_refreshAgain.remove(tag);
                                 if (!result.ok()) {
                                     // Saved lists shown with the server gone: a state, not an error.
                                     if (!showsSaved() || !result.error().unreachable())
                                         emit errorOccurred(result.error());
                                 } else {
                                     mergePage(section, page, result.value(), refreshOnly, askedAt);
                                 }
                                 if (again)
                                     fetchPage(section, page, true);
                             });
    if (!refreshOnly) {
        m_fetching = handle;
        emit loadingChanged(true);
    }
}

void AlbumListModel::mergePage(int section, int page, const api::AlbumPage &albums, bool refreshOnly,
                               quint64 askedAt)
{
    Section &s = m_sections[size_t(section)];
    QVector<Album> fresh;
    int confirmed = 0;
    for (Album album : albums.albums) {
        const bool shown = applyPending(album); // what waits in the outbox is what the person sees
        const int existing = rowOfId(album.id);
        if (existing < 0) {
            if (shown)
                fresh.append(album);
            else if (!m_hidden.contains(album.id)) {
                m_hidden.insert(album.id, section);
                ++confirmed; // in the list, though not shown (its deletion waits): the section counts it once
            }
            continue;
        }
        Row &row = m_rows[existing];
        row.page = page;
        if (row.saved && row.section == section) {
            // A saved album the server still lists: from now on it is the server's (its cover URL too).
            row.saved = false;
            ++confirmed;
        }
        if (row.editedAt > askedAt)
            continue; // read before the rename done here: the row is newer than this answer
        row.album = album;
        emit dataChanged(index(existing), index(existing)); // its name, scope, times or cover
    }
    // The section's state is settled before rows go in: a view may call fetchMore() from rowsInserted.
    if (!refreshOnly) {
        s.nextPage = page + 1;
        s.total = albums.total;
    }
    s.loaded += int(fresh.size()) + confirmed;
    if (!refreshOnly && albums.albums.isEmpty())
        s.total = s.loaded; // nothing more, whatever total says
    if (fresh.isEmpty()) {
        if (!refreshOnly && s.complete())
            sectionRead(section);
        else
            saveSection(section);
        return;
    }
    // Pages are newest first (album-list.txt); albums not seen yet go after what is there.
    const int at = sectionEnd(section);
    beginInsertRows({}, at, at + int(fresh.size()) - 1);
    for (int i = 0; i < fresh.size(); ++i)
        m_rows.insert(at + i, Row{fresh[i], section, page});
    endInsertRows();
    if (!refreshOnly && s.complete())
        sectionRead(section);
    else
        saveSection(section);
}

void AlbumListModel::refreshAlbum(const QString &albumId)
{
    if (m_counts.value(albumId, -1) >= 0) {
        m_counts.remove(albumId); // read again when shown: items may have come or gone
        if (const int row = rowOfId(albumId); row >= 0)
            emit dataChanged(index(row), index(row), {CountRole});
    }
    const int row = rowOfId(albumId);
    if (row >= 0)
        fetchPage(m_rows[row].section, m_rows[row].page, true);
}

void AlbumListModel::refreshAll()
{
    if (!m_counts.isEmpty() && !m_rows.isEmpty()) {
        m_counts.clear(); // read again when shown
        emit dataChanged(index(0), index(int(m_rows.size()) - 1), {CountRole});
    }
    for (int section = 0; section < SectionCount; ++section)
        for (int page = 1; page < m_sections[size_t(section)].nextPage; ++page)
            fetchPage(section, page, true);
}

// --- changes ---------------------------------------------------------------------------------------------

void AlbumListModel::fail(const api::ApiError &error, const Done &done)
{
    emit errorOccurred(error);
    if (done)
        done(error);
}

void AlbumListModel::createAlbum(const api::KooDriveClient::NewAlbum &album, Done done)
{
    auto showPending = [this, done](const QString &pendingId) {
        for (const Album &made : m_outbox->createdAlbums())
            if (made.id == pendingId && rowOfId(pendingId) < 0)
                insertCreated(made, sectionOf(made.kind, made.type));
        if (done)
            done(pendingId);
    };
    if (waits(QString())) {
        const QString pendingId = m_outbox->queueCreate(album);
        if (pendingId.isEmpty())
            fail(api::ApiError::invalidInput(QString(), tr("The album could not be written down here.")),
                 done);
        else
            showPending(pendingId);
        return;
    }
    // Written down as being sent: a crash before the answer finds it (and looks for it by name first).
    const qint64 seq = m_outbox ? m_outbox->sending(AlbumOutbox::Kind::Create, QString(), album.name,
                                                    AlbumOutbox::createPayload(album))
                                : -1;
    m_client->createAlbum(
        album, this, [this, album, done, seq, showPending](const api::Result<QString> &result) {
            if (seq >= 0 && m_outbox && !m_outbox->isCurrent(seq))
                return; // an answer for the account signed out of: nothing of it is shown
            if (!result.ok() && seq >= 0 && AlbumOutbox::mustWait(result.error())) {
                // Sent again later; a call refused at the connection surely made nothing.
                const QString pendingId = m_outbox->albumIdOf(seq);
                m_outbox->waitsAfterAll(seq, {}, result.error().kind != api::ApiError::Kind::Network);
                showPending(pendingId);
                return;
            }
            if (seq >= 0 && m_outbox)
                m_outbox->sent(seq);
            if (!result.ok()) {
                fail(result.error(), done);
                return;
            }
            const Album created = AlbumOutbox::albumOf(album, result.value(), m_client->connection().userId,
                                                       QDateTime::currentMSecsSinceEpoch());
            const int section = sectionOf(album.kind, album.type);
            Section &s = m_sections[size_t(section)];
            insertCreated(created, section);
            ++s.loaded;
            if (s.total >= 0)
                ++s.total;
            refreshAlbum(created.id); // the server's times and cover
            if (done)
                done(created.id);
        });
}

void AlbumListModel::renameAlbum(int row, const QString &name, Done done)
{
    const QString id = albumAt(row).id;
    const QString oldName = albumAt(row).name;
    auto renamed = [this, id, name, done] {
        if (const int at = rowOfId(id); at >= 0) {
            // A name given after this one and still waiting is the one the person sees.
            m_rows[at].album.name = m_outbox ? m_outbox->pendingName(id).value_or(name) : name;
            m_rows[at].album.updatedMs = QDateTime::currentMSecsSinceEpoch();
            m_rows[at].editedAt = ++m_edits;
            emit dataChanged(index(at), index(at), {Qt::DisplayRole, Qt::EditRole, UpdatedRole, PendingRole});
            // The lists as kept have the new name: a reload shows it from the start, not the old one until
            // the server's page comes.
            saveSection(m_rows[at].section);
        }
        if (done)
            done(id);
    };
    if (waits(id)) {
        if (m_outbox->queueRename(id, oldName, name))
            renamed();
        else
            fail(api::ApiError::invalidInput(QString(), tr("The new name could not be written down here.")),
                 done);
        return;
    }
    const qint64 seq =
        m_outbox ? m_outbox->sending(AlbumOutbox::Kind::Rename, id, oldName, AlbumOutbox::renamePayload(name))
                 : -1;
    api::KooDriveClient::AlbumChange change;
    change.name = name;
    // A name is the same however often it is given: one that could not be sent waits, shown as given.
    m_client->updateAlbum(id, change, this, [this, done, seq, renamed](const api::Result<api::Done> &result) {
        settleDirect(seq, result, done, renamed);
    });
}

void AlbumListModel::rescopeAlbum(int row, const QStringList &scopeDirs, const QString &scopeParentFolderId,
                                  bool images, bool videos, Done done)
{
    const QString id = albumAt(row).id;
    if (AlbumOutbox::isLocalId(id)) {
        fail(api::ApiError::invalidInput(QString(), tr("The album is not on KooDrive yet: change its folders "
                                                       "once it is.")),
             done);
        return;
    }
    api::KooDriveClient::AlbumChange change;
    change.scopeDirs = scopeDirs;
    change.scopeParentFolderId = scopeParentFolderId;
    change.scopeKinds = std::make_pair(images, videos);
    m_client->updateAlbum(id, change, this, [this, id, done](const api::Result<api::Done> &result) {
        if (!result.ok()) {
            fail(result.error(), done);
            return;
        }
        refreshAlbum(id); // its scope, kinds and cover as the server has them now
        if (done)
            done(id);
    });
}

void AlbumListModel::deleteAlbum(int row, Done done)
{
    const QString id = albumAt(row).id;
    const QString name = albumAt(row).name;
    auto deleted = [this, id, done] {
        removeRowOf(id);
        if (done)
            done(id);
    };
    if (waits(id)) {
        if (m_outbox->queueDelete(id, name))
            deleted();
        else
            fail(api::ApiError::invalidInput(QString(), tr("The deletion could not be written down here.")),
                 done);
        return;
    }
    const qint64 seq = m_outbox ? m_outbox->sending(AlbumOutbox::Kind::Delete, id, name, {}) : -1;
    // Sent again later when it could not be sent: an album already gone is done.
    m_client->deleteAlbum(id, this, [this, done, seq, deleted](const api::Result<api::Done> &result) {
        settleDirect(seq, result, done, deleted);
    });
}

void AlbumListModel::uncount(int section)
{
    Section &s = m_sections[size_t(section)];
    --s.loaded;
    if (s.total > 0)
        --s.total;
    if (!s.complete())
        s.nextPage = qMax(1, s.nextPage - 1); // the pages after it moved up by one
    saveSection(section);
}

void AlbumListModel::removeRowOf(const QString &albumId)
{
    const int at = rowOfId(albumId);
    if (at < 0)
        return;
    Section &s = m_sections[size_t(m_rows[at].section)];
    const bool counted = !AlbumOutbox::isLocalId(albumId) && !m_rows[at].saved;
    beginRemoveRows({}, at, at);
    m_rows.removeAt(at);
    endRemoveRows();
    if (!counted)
        return;
    uncount(int(&s - m_sections.data()));
}

// --- drops -----------------------------------------------------------------------------------------------

QStringList AlbumListModel::mimeTypes() const
{
    return {QString::fromLatin1(DriveItemsMime::Type)};
}

bool AlbumListModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent) const
{
    Q_UNUSED(column)
    // Onto an album (not between two), a manual one, with drive items.
    return action == Qt::CopyAction && row < 0 && parent.isValid() && parent.model() == this &&
           m_rows[parent.row()].album.isManual() && DriveItemsMime::has(data);
}

bool AlbumListModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                  const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QVector<DriveItem> items = DriveItemsMime::read(data);
    if (items.isEmpty())
        return false;
    bool queued = false;
    return addToAlbum(parent.row(), items, &queued) != nullptr || queued;
}

AlbumAddJob *AlbumListModel::addToAlbum(int row, const QVector<DriveItem> &items, bool *queued)
{
    if (queued)
        *queued = false;
    const Album album = albumAt(row);
    if (album.id.isEmpty() || !album.isManual() || items.isEmpty())
        return nullptr;
    if (waits(album.id)) {
        const bool written = m_outbox->queueAdd(album.id, album.name, items);
        if (queued)
            *queued = written;
        if (!written)
            emit errorOccurred(api::ApiError::invalidInput(
                QString(), tr("The photos to add could not be written down here.")));
        return nullptr;
    }
    // Written down as being sent: a crash meanwhile finds it (sending again reads the album first).
    const qint64 seq = m_outbox ? m_outbox->sending(AlbumOutbox::Kind::Add, album.id, album.name,
                                                    AlbumOutbox::addPayload(items))
                                : -1;
    auto *job = new AlbumAddJob(m_client, album.id, items, this);
    connect(job, &AlbumAddJob::finished, this, [this, job, items, seq] {
        // What could not reach the server waits in the outbox: the folders as they were dropped (what they
        // hold is read when sent), the files that failed for now. A refusal or an answer not understood is
        // the person's to see (with Retry), as is what they stopped.
        if (seq >= 0 && m_outbox) {
            QVector<DriveItem> later;
            // Not reached, or the session to renew: it waits (an answer not understood gets Retry).
            const auto waits = [](const api::ApiError &error) {
                return error.unreachable() || error.kind == api::ApiError::Kind::Unauthorized;
            };
            if (job->folderError() && waits(*job->folderError())) {
                later = items;
            } else {
                const auto report = job->report();
                for (const auto &file : report)
                    if (file.outcome == api::AlbumAddBatch::Outcome::Failed && waits(file.error))
                        later.append({file.file.fileId, file.file.ownerId, QString(), QString(), false});
            }
            if (later.isEmpty()) {
                m_outbox->sent(seq);
            } else {
                m_outbox->waitsAfterAll(seq, AlbumOutbox::addPayload(later));
                job->setQueuedForLater(int(later.size()));
            }
        }
        refreshAlbum(job->albumId()); // a first photo gives it a cover
        if (job->folderError() && job->queuedForLater() == 0)
            emit errorOccurred(*job->folderError());
        job->deleteLater();
    });
    emit addStarted(job);
    job->start();
    return job;
}

// --- counts ----------------------------------------------------------------------------------------------

void AlbumListModel::readCount(const QString &albumId) const
{
    // The album list has no item count; the album contents call's total has (one item asked for).
    m_counts.insert(albumId, -1);
    auto *self = const_cast<AlbumListModel *>(this);
    api::KooDriveClient::AlbumContentsQuery query;
    query.albumId = albumId;
    query.pageSize = 1;
    m_client->listAlbumContents(
        query, self, [self, albumId](const api::Result<api::AlbumContentsPage> &result) {
            if (!result.ok()) {
                self->m_counts.remove(albumId); // asked again when shown again
                return;
            }
            self->m_counts.insert(albumId, result.value().total);
            if (const int row = self->rowOfId(albumId); row >= 0)
                emit self->dataChanged(self->index(row), self->index(row), {CountRole});
        });
}

// --- covers ----------------------------------------------------------------------------------------------

// The scheduler announces every thumbnail; only the covers this model asked for concern it.
void AlbumListModel::onCoverEvent(const QByteArray &key)
{
    for (const QString &albumId : m_pendingCovers.take(key))
        if (const int row = rowOfId(albumId); row >= 0)
            emit dataChanged(index(row), index(row), {CoverRole, CoverStateRole});
}

void AlbumListModel::onCoverExpired(const QByteArray &key)
{
    for (const QString &albumId : m_pendingCovers.take(key))
        if (const int row = rowOfId(albumId); row >= 0)
            fetchPage(m_rows[row].section, m_rows[row].page, true); // fresh URLs; the view asks again
}

} // namespace koodrive::models
