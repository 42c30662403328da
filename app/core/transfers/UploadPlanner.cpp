#include "UploadPlanner.h"

#include "api/KooDriveClient.h"
#include "threads/WorkPools.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

namespace koodrive::transfers {

using api::ApiError;
using api::KooDriveClient;

namespace {
constexpr int MaxNameLength = 250; // OPERATIONS.md §3 fileName, §4 createDirectory
constexpr int MaxLookupPages = 20; // a folder whose name is taken is looked for among this many pages
constexpr int MaxDepth = 64;       // deeper folders are not walked (a loop the links did not show)

bool isMedia(const QMimeDatabase &mimes, const QString &path)
{
    const QString name = mimes.mimeTypeForFile(path, QMimeDatabase::MatchExtension).name();
    return name.startsWith(QLatin1String("image/")) || name.startsWith(QLatin1String("video/"));
}

struct Walker
{
    LocalTree tree;
    QMimeDatabase mimes;
    bool mediaOnly = false;
    int maxFiles = 0;
    QHash<QString, int> dirIndex; // relative path → tree.dirs

    int dirOf(const QStringList &relative)
    {
        const QString key = relative.join(QLatin1Char('/'));
        if (const auto it = dirIndex.constFind(key); it != dirIndex.constEnd())
            return *it;
        tree.dirs.append({relative, {}});
        dirIndex.insert(key, int(tree.dirs.size() - 1));
        return int(tree.dirs.size() - 1);
    }

    void addFile(const QStringList &relative, const QFileInfo &info)
    {
        if (mediaOnly && !isMedia(mimes, info.fileName())) {
            ++tree.leftOut;
            return;
        }
        if (tree.files >= maxFiles) {
            tree.truncated = true;
            return;
        }
        // Unreadable files are queued all the same: they fail in the Transfers panel with the reason.
        tree.dirs[dirOf(relative)].files.append(info.absoluteFilePath());
        ++tree.files;
    }

    void addDir(const QStringList &relative, const QString &path, int depth)
    {
        if (!mediaOnly)
            dirOf(relative); // an empty folder is made too, as a file manager copies it
        QDir dir(path);
        if (!dir.isReadable() || depth > MaxDepth) {
            tree.unreadable.append(path);
            return;
        }
        const QFileInfoList entries =
            dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name | QDir::DirsLast);
        for (const QFileInfo &entry : entries) {
            if (tree.truncated)
                return;
            if (entry.isDir()) {
                if (!entry.isSymLink()) // a link to a folder may lead back up: not followed
                    addDir(relative + QStringList{UploadPlanner::driveName(entry.fileName())},
                           entry.absoluteFilePath(), depth + 1);
            } else {
                addFile(relative, entry);
            }
        }
    }
};
} // namespace

LocalTree LocalTree::walk(const QStringList &paths, bool mediaOnly, int maxFiles)
{
    Walker walker;
    walker.mediaOnly = mediaOnly;
    walker.maxFiles = maxFiles;
    walker.dirOf({}); // the target comes first
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.exists())
            walker.tree.unreadable.append(path);
        else if (info.isDir())
            walker.addDir({UploadPlanner::driveName(info.fileName())}, info.absoluteFilePath(), 0);
        else
            walker.addFile({}, info);
    }
    // Folders go parents first; with mediaOnly, only those that lead to a file are kept.
    LocalTree &tree = walker.tree;
    QSet<QString> wanted;
    for (const LocalTree::Dir &dir : std::as_const(tree.dirs))
        if (!mediaOnly || !dir.files.isEmpty())
            for (qsizetype n = 0; n <= dir.relative.size(); ++n)
                wanted.insert(dir.relative.mid(0, n).join(QLatin1Char('/')));
    QList<LocalTree::Dir> kept;
    for (LocalTree::Dir &dir : tree.dirs)
        if (dir.relative.isEmpty() || wanted.contains(dir.relative.join(QLatin1Char('/'))))
            kept.append(std::move(dir));
    std::stable_sort(kept.begin(), kept.end(), [](const LocalTree::Dir &a, const LocalTree::Dir &b) {
        return a.relative.size() < b.relative.size();
    });
    tree.dirs = std::move(kept);
    return std::move(tree);
}

QString UploadPlanner::driveName(const QString &localName)
{
    QString name;
    name.reserve(localName.size());
    for (const QChar c : localName)
        name += (c.unicode() < 0x20 || c.unicode() == 0x7f || QStringView(u"<>|:\"*?/\\").contains(c))
                    ? QLatin1Char('_')
                    : c;
    if (name == QLatin1String(".") || name == QLatin1String("..") || name.trimmed().isEmpty())
        name = QStringLiteral("_") + name;
    if (name.size() > MaxNameLength) {
        const int dot = int(name.lastIndexOf(QLatin1Char('.')));
        const QString suffix = dot > 0 && name.size() - dot <= 16 ? name.mid(dot) : QString();
        name = name.left(MaxNameLength - suffix.size()) + suffix;
        if (name.at(MaxNameLength - suffix.size() - 1).isHighSurrogate())
            name.remove(MaxNameLength - suffix.size() - 1, 1); // never half a character
    }
    return name;
}

UploadPlanner::UploadPlanner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_queue(queue)
{
    connect(&m_walk, &QFutureWatcher<LocalTree>::finished, this, &UploadPlanner::onWalked);
}

UploadPlanner::~UploadPlanner()
{
    m_call.cancel();
    m_walk.waitForFinished();
}

void UploadPlanner::start(const QStringList &localPaths, const UploadTarget &target)
{
    m_target = target;
    m_walk.setFuture(
        QtConcurrent::run(threads::longWork(), &LocalTree::walk, localPaths, target.mediaOnly, MaxFiles));
}

void UploadPlanner::onWalked()
{
    m_tree = m_walk.result();
    m_outcome.leftOut = m_tree.leftOut;
    m_outcome.unreadable = m_tree.unreadable;
    m_outcome.truncated = m_tree.truncated;
    if (m_tree.files == 0 && m_tree.dirs.size() <= 1) {
        enqueue(); // nothing to make or send: said as such
        return;
    }
    if (m_target.remembered)
        checkRemembered();
    else
        nextSubfolder(m_target.folderId, 0);
}

// A folder remembered from an earlier drop may have been deleted since: one listing of it says
// (files-list.txt refuses a parentFileId that is not a folder of the space: 13000309, 13000302; one in the
// recycle bin: 13000404, README's error table).
void UploadPlanner::checkRemembered()
{
    KooDriveClient::FileListQuery query;
    query.containerId = m_target.containerId;
    query.parentFileId = m_target.folderId;
    query.fileType = api::FileType::Folder;
    query.pageSize = 1;
    query.shareFolderId = m_target.shareFolderId;
    m_call = m_client->listFiles(query, this, [this](const api::Result<api::FilePage> &result) {
        if (result.ok()) {
            nextSubfolder(m_target.folderId, 0);
            return;
        }
        const QString &code = result.error().code;
        if (result.error().kind != ApiError::Kind::Refused ||
            (code != api::ErrorCode::ResourceMissing && code != api::ErrorCode::FileMissing &&
             code != api::ErrorCode::ParentRecycled)) {
            fail(result.error());
            return;
        }
        m_outcome.rememberedGone = true;
        m_target.folderId = m_target.fallbackFolderId;
        m_target.subfolders = m_target.fallbackSubfolders;
        nextSubfolder(m_target.folderId, 0);
    });
}

void UploadPlanner::nextSubfolder(const QString &parentId, int index)
{
    if (index >= m_target.subfolders.size()) {
        m_folderIds.insert(QString(), parentId);
        m_outcome.folderId = parentId;
        nextDir(1); // dirs[0] is the target itself
        return;
    }
    ensureFolder(parentId, driveName(m_target.subfolders[index]),
                 [this, index](const QString &id) { nextSubfolder(id, index + 1); });
}

void UploadPlanner::nextDir(int index)
{
    if (index >= m_tree.dirs.size()) {
        enqueue();
        return;
    }
    const QStringList &relative = m_tree.dirs[index].relative;
    const QString parentId = m_folderIds.value(relative.mid(0, relative.size() - 1).join(QLatin1Char('/')));
    ensureFolder(parentId, relative.last(), [this, index](const QString &id) {
        m_folderIds.insert(m_tree.dirs[index].relative.join(QLatin1Char('/')), id);
        nextDir(index + 1);
    });
}

void UploadPlanner::ensureFolder(const QString &parentId, const QString &name,
                                 std::function<void(const QString &)> next)
{
    KooDriveClient::NewFolder folder;
    folder.name = name;
    folder.parentFolderId = parentId;
    folder.containerId = m_target.containerId;
    folder.onClash = KooDriveClient::OnNameClash::Fail;
    folder.shareFolderId = m_target.shareFolderId;
    m_call = m_client->createFolder(
        folder, this, [this, parentId, name, next](const api::Result<api::CreatedFolder> &result) {
            if (result.ok()) {
                ++m_outcome.foldersMade;
                m_outcome.made.append({parentId, result.value().id, name});
                next(result.value().id);
            } else if (result.error().code == QLatin1String("13000405")) {
                findFolder(parentId, name, QString(), 0, next); // there already: that one is used
            } else {
                fail(result.error());
            }
        });
}

void UploadPlanner::findFolder(const QString &parentId, const QString &name, const QString &cursor, int pages,
                               std::function<void(const QString &)> next)
{
    KooDriveClient::FileListQuery query;
    query.containerId = m_target.containerId;
    query.parentFileId = parentId;
    query.fileType = api::FileType::Folder;
    query.fileName = name.left(80); // files-list.txt: fileName at most 80, a part of the name
    query.cursor = cursor;
    query.shareFolderId = m_target.shareFolderId;
    m_call = m_client->listFiles(
        query, this, [this, parentId, name, pages, next](const api::Result<api::FilePage> &result) {
            if (!result.ok()) {
                fail(result.error());
                return;
            }
            for (const api::DriveFile &file : result.value().files)
                if (file.isFolder() && file.name == name) {
                    next(file.id);
                    return;
                }
            if (!result.value().nextCursor.isEmpty() && pages + 1 < MaxLookupPages) {
                findFolder(parentId, name, result.value().nextCursor, pages + 1, next);
                return;
            }
            // Taken by a file of that name, not a folder.
            fail(ApiError::invalidInput(
                QStringLiteral("fileName"),
                tr("“%1” is taken in the drive by something that is not a folder.").arg(name)));
        });
}

void UploadPlanner::enqueue()
{
    QList<QueuedUpload> uploads;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const LocalTree::Dir &dir : std::as_const(m_tree.dirs)) {
        const QString folderId = m_folderIds.value(dir.relative.join(QLatin1Char('/')));
        for (const QString &path : dir.files) {
            const QFileInfo info(path);
            QueuedUpload upload;
            upload.localPath = path;
            upload.fileName = driveName(info.fileName());
            upload.parentFolderId = folderId;
            upload.albumId = m_target.albumId;
            upload.shareFolderId = m_target.shareFolderId;
            upload.size = info.size();
            upload.queuedMs = now;
            uploads.append(upload);
        }
    }
    if (!uploads.isEmpty()) {
        m_outcome.ids = m_queue->add(uploads);
        if (m_outcome.ids.size() != uploads.size()) {
            fail(ApiError::invalidInput(QString(), tr("The upload queue could not be written.")));
            return;
        }
    }
    m_outcome.queued = int(uploads.size());
    m_done = true;
    emit finished(m_outcome);
}

void UploadPlanner::fail(const ApiError &error)
{
    if (m_done)
        return;
    m_done = true;
    m_outcome.error = error;
    emit finished(m_outcome);
}

} // namespace koodrive::transfers
