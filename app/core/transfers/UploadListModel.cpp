#include "UploadListModel.h"

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
    connect(m_queue, &UploadQueue::added, this, &UploadListModel::onAdded);
    connect(m_queue, &UploadQueue::changed, this, &UploadListModel::onChanged);
    connect(m_queue, &UploadQueue::removed, this, &UploadListModel::onRemoved);
    if (runner)
        connect(runner, &UploadRunner::progress, this,
                [this](qint64 id, qint64 sent, qint64) { onProgress(id, sent); });
}

int UploadListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int UploadListModel::rowOf(qint64 id) const
{
    for (qsizetype row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == id)
            return int(row);
    return -1;
}

QString UploadListModel::stateText(const QueuedUpload &upload)
{
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
    case Qt::ToolTipRole: return text::toolTip(upload.localPath);
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
                  {AlbumRole, "album"}});
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
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
    m_rows.append(added);
    endInsertRows();
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
    emit dataChanged(index(row), index(row));
}

void UploadListModel::onRemoved()
{
    QSet<qint64> kept;
    for (const QueuedUpload &upload : m_queue->all())
        kept.insert(upload.id);
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (kept.contains(m_rows.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
}

void UploadListModel::onProgress(qint64 id, qint64 sent)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    m_rows[row].bytesSent = sent;
    emit dataChanged(index(row), index(row), {SentRole, ProgressRole});
}

} // namespace koodrive::transfers
