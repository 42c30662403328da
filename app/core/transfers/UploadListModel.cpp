#include "UploadListModel.h"

#include "DownloadRunner.h"
#include "UploadRunner.h"
#include "text/DisplayText.h"

#include <QSet>

namespace koodrive::transfers {

using State = QueuedUpload::State;

UploadListModel::UploadListModel(UploadQueue *queue, UploadRunner *runner, QObject *parent)
    : QAbstractListModel(parent)
    , m_queue(queue)
    , m_rows(queue->all())
{
    m_clock.start();
    reindex();
    for (const QueuedUpload &upload : std::as_const(m_rows))
        if (!upload.hasEnded())
            m_batch.insert(upload.id);
    connect(m_queue, &UploadQueue::added, this, &UploadListModel::onAdded);
    connect(m_queue, &UploadQueue::changed, this, &UploadListModel::onChanged);
    connect(m_queue, &UploadQueue::removed, this, &UploadListModel::onRemoved);
    if (runner)
        connect(runner, &UploadRunner::progress, this,
                [this](qint64 id, qint64 sent, qint64) { onProgress(id, sent); });
}

void UploadListModel::followDownloads(DownloadRunner *runner)
{
    connect(runner, &DownloadRunner::progress, this,
            [this](qint64 id, qint64 received, qint64) { onProgress(id, received); });
}

int UploadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UploadListModel::rowOf(qint64 id) const
{
    return m_rowOfId.value(id, -1);
}

void UploadListModel::reindex()
{
    m_rowOfId.clear();
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        m_rowOfId.insert(m_rows.at(row).id, int(row));
}

UploadListModel::Totals UploadListModel::totals() const
{
    Totals totals;
    for (qint64 id : m_batch) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        const QueuedUpload &upload = m_rows.at(row);
        ++totals.files;
        if (upload.direction == QueuedUpload::Direction::Download)
            ++totals.downloads;
        if (upload.hasEnded())
            ++totals.ended;
        if (upload.state == State::Failed)
            ++totals.failed;
        if (upload.state == State::Paused)
            ++totals.paused;
        if (upload.state == State::Cancelled)
            continue;
        totals.bytes += upload.size;
        const bool whole = upload.state == State::Done || upload.state == State::AlreadyThere ||
                           upload.state == State::Uploaded;
        totals.sent += whole ? upload.size : std::min(upload.bytesSent, upload.size);
    }
    double rate = 0;
    for (const Rate &r : m_rates)
        rate += r.bytesPerSecond;
    totals.bytesPerSecond = qint64(rate);
    return totals;
}

// A running file's speed: an average that forgets what is more than a few seconds old.
void UploadListModel::noteBytes(qint64 id, qint64 sent)
{
    const qint64 now = m_clock.elapsed();
    auto it = m_rates.find(id);
    if (it == m_rates.end()) {
        m_rates.insert(id, Rate{now, sent, 0});
        return;
    }
    const qint64 ms = now - it->atMs;
    if (ms < 250)
        return; // too close to the last to say anything
    const double instant = double(std::max<qint64>(0, sent - it->bytes)) * 1000.0 / double(ms);
    const double weight = std::min(1.0, double(ms) / 3000.0);
    it->bytesPerSecond =
        it->bytesPerSecond <= 0 ? instant : it->bytesPerSecond + weight * (instant - it->bytesPerSecond);
    it->atMs = now;
    it->bytes = sent;
    emit totalsChanged();
}

QString UploadListModel::stateText(const QueuedUpload &upload)
{
    if (upload.direction == QueuedUpload::Direction::Download) {
        switch (upload.state) {
        case State::Waiting: return upload.bytesSent > 0 ? tr("Waiting to go on") : tr("Waiting");
        case State::Running: return tr("Downloading");
        case State::Done: return tr("Saved");
        default: break; // as an upload's
        }
    }
    switch (upload.state) {
    case State::Waiting: return upload.resume.partsSent > 0 ? tr("Waiting to go on") : tr("Waiting");
    case State::Running: return tr("Uploading");
    case State::Uploaded: return tr("Adding to the album");
    case State::Done: return tr("Done");
    case State::AlreadyThere: return tr("Already there");
    case State::Paused: return tr("Paused");
    case State::Failed: return tr("Failed: %1").arg(text::displayText(upload.error));
    case State::Cancelled: return tr("Cancelled");
    }
    return {};
}

QVariant UploadListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueuedUpload &upload = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return text::displayText(upload.fileName);
    case Qt::ToolTipRole:
        return text::toolTip(upload.localPath.isEmpty() ? upload.localFolder : upload.localPath);
    case DirectionRole: return int(upload.direction);
    case IdRole: return upload.id;
    case StateRole: return int(upload.state);
    case StateTextRole: return stateText(upload);
    case SentRole: return upload.bytesSent;
    case SizeRole: return upload.size;
    case ProgressRole:
        if (upload.state == State::Done || upload.state == State::AlreadyThere ||
            upload.state == State::Uploaded)
            return 1000;
        return upload.size > 0 ? int(std::min<qint64>(1000, upload.bytesSent * 1000 / upload.size)) : 0;
    case ErrorRole: return upload.error;
    case TraceIdRole: return upload.traceId;
    case LocalPathRole: return upload.localPath;
    case AlbumRole: return upload.albumId;
    case SpeedRole:
        return upload.state == State::Running ? qint64(m_rates.value(upload.id).bytesPerSecond) : qint64(0);
    default: return {};
    }
}

QHash<int, QByteArray> UploadListModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{IdRole, "id"},
                  {StateRole, "state"},
                  {StateTextRole, "stateText"},
                  {SentRole, "sent"},
                  {SizeRole, "size"},
                  {ProgressRole, "progress"},
                  {ErrorRole, "error"},
                  {TraceIdRole, "traceId"},
                  {LocalPathRole, "localPath"},
                  {AlbumRole, "album"},
                  {SpeedRole, "speed"},
                  {DirectionRole, "direction"}});
    return names;
}

void UploadListModel::onAdded(const QList<qint64> &ids)
{
    QList<QueuedUpload> added;
    for (qint64 id : ids)
        if (const auto upload = m_queue->upload(id))
            added.append(*upload);
    if (added.isEmpty())
        return;
    if (!totals().active())
        m_batch.clear(); // the queue had nothing to do: a new batch begins
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
    for (const QueuedUpload &upload : std::as_const(added)) {
        m_rowOfId.insert(upload.id, int(m_rows.size()));
        m_rows.append(upload);
        m_batch.insert(upload.id);
    }
    endInsertRows();
    emit totalsChanged();
}

void UploadListModel::onChanged(qint64 id)
{
    const int row = rowOf(id);
    const auto upload = m_queue->upload(id);
    if (row < 0 || !upload)
        return;
    // The live count of a running file is ahead of the one written at the last part: keep the larger.
    const qint64 live = m_rows.at(row).state == State::Running ? m_rows.at(row).bytesSent : 0;
    m_rows[row] = *upload;
    if (upload->state == State::Running)
        m_rows[row].bytesSent = std::max(upload->bytesSent, live);
    else
        m_rates.remove(id);
    if (!upload->hasEnded())
        m_batch.insert(id); // retried or resumed: part of what is under way again
    emit dataChanged(index(row), index(row));
    emit totalsChanged();
}

void UploadListModel::onRemoved()
{
    QSet<qint64> kept;
    for (const QueuedUpload &upload : m_queue->all())
        kept.insert(upload.id);
    // Runs of removed rows, from the end, each one removal (Clear finished may take thousands at once).
    for (int row = int(m_rows.size()) - 1; row >= 0;) {
        if (kept.contains(m_rows.at(row).id)) {
            --row;
            continue;
        }
        int first = row;
        while (first > 0 && !kept.contains(m_rows.at(first - 1).id))
            --first;
        beginRemoveRows({}, first, row);
        for (int i = first; i <= row; ++i) {
            m_batch.remove(m_rows.at(i).id);
            m_rates.remove(m_rows.at(i).id);
            m_rowOfId.remove(m_rows.at(i).id);
        }
        m_rows.remove(first, row - first + 1);
        endRemoveRows();
        row = first - 1;
    }
    reindex();
    emit totalsChanged();
}

void UploadListModel::onProgress(qint64 id, qint64 sent)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[row].bytesSent = sent;
    // A download is written Running only once it has been coming for a while (DownloadRunner): its
    // bytes say so sooner.
    const bool began = m_rows[row].state == State::Waiting;
    if (began)
        m_rows[row].state = State::Running;
    noteBytes(id, sent);
    if (began)
        emit dataChanged(index(row), index(row));
    else
        emit dataChanged(index(row), index(row), {SentRole, ProgressRole, SpeedRole});
}

} // namespace koodrive::transfers
