// AlbumListModel: the album edits waiting in the outbox (AlbumOutbox), as the lists show them, and the
// answers to the edits the model sent itself.
#include "AlbumListModel.h"

namespace koodrive::models {

using api::Album;

void AlbumListModel::settleDirect(qint64 seq, const api::Result<api::Done> &result, const Done &done,
                                  const std::function<void()> &apply)
{
    if (seq >= 0 && m_outbox && !m_outbox->isCurrent(seq))
        return; // an answer for the account signed out of: nothing of it is shown
    if (!result.ok() && seq >= 0 && m_outbox && AlbumOutbox::mustWait(result.error())) {
        m_outbox->waitsAfterAll(seq);
        apply();
        return;
    }
    if (seq >= 0 && m_outbox)
        m_outbox->sent(seq);
    if (!result.ok())
        fail(result.error(), done);
    else
        apply();
}

// --- what waits ------------------------------------------------------------------------------------------

void AlbumListModel::setOutbox(AlbumOutbox *outbox)
{
    if (m_outbox)
        disconnect(m_outbox, nullptr, this, nullptr);
    m_outbox = outbox;
    if (!m_outbox)
        return;
    connect(m_outbox, &AlbumOutbox::changed, this, [this] {
        if (!m_rows.isEmpty())
            emit dataChanged(index(0), index(int(m_rows.size()) - 1), {PendingRole});
    });
    connect(m_outbox, &AlbumOutbox::albumCreated, this, &AlbumListModel::onAlbumCreated);
    // A refused edit leaves the outbox: what the server has is shown again.
    connect(m_outbox, &AlbumOutbox::reported, this, [this](const AlbumOutbox::Report &report) {
        if (report.outcome == AlbumOutbox::Outcome::Conflict) {
            reload(); // what the server has is shown again
            fetchMore();
            return;
        }
        if (report.kind != AlbumOutbox::Kind::Delete)
            return;
        // A deleted album the lists counted while hiding it is gone from the server's list now.
        for (auto it = m_hidden.begin(); it != m_hidden.end();) {
            if (m_outbox->isPendingDelete(it.key())) {
                ++it;
                continue;
            }
            uncount(it.value());
            it = m_hidden.erase(it);
        }
    });
}

bool AlbumListModel::waits(const QString &albumId) const
{
    return m_outbox && (m_outbox->isHolding() || AlbumOutbox::isLocalId(albumId));
}

bool AlbumListModel::applyPending(Album &album) const
{
    if (!m_outbox)
        return true;
    if (m_outbox->isPendingDelete(album.id))
        return false;
    if (const auto name = m_outbox->pendingName(album.id))
        album.name = *name;
    return true;
}

void AlbumListModel::showCreatedHere()
{
    if (!m_outbox)
        return;
    const QVector<Album> made = m_outbox->createdAlbums(); // newest first: each goes on top of its list
    for (auto it = made.crbegin(); it != made.crend(); ++it) {
        const int section = sectionOf(it->kind, it->type);
        Album shown = *it;
        if (rowOfId(shown.id) < 0 && applyPending(shown))
            m_rows.insert(sectionStart(section), Row{shown, section, 1});
    }
}

void AlbumListModel::insertCreated(const Album &album, int section)
{
    const int at = sectionStart(section); // the newest comes first, as the server lists them
    beginInsertRows({}, at, at);
    m_rows.insert(at, Row{album, section, 1});
    endInsertRows();
}

void AlbumListModel::onAlbumCreated(const QString &pendingId, const QString &albumId)
{
    const int at = rowOfId(pendingId);
    if (at < 0)
        return;
    if (rowOfId(albumId) >= 0) { // the server's list came first
        removeRowOf(pendingId);
        return;
    }
    m_rows[at].album.id = albumId;
    Section &s = m_sections[size_t(m_rows[at].section)];
    ++s.loaded;
    if (s.total >= 0)
        ++s.total;
    emit dataChanged(index(at), index(at));
    refreshAlbum(albumId); // the server's times and cover
}

} // namespace koodrive::models
