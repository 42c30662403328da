#include "FileLocator.h"

#include "api/ApiError.h"
#include "api/ApiTypes.h"
#include "api/KooDriveClient.h"

#include <QCoreApplication>
#include <QPointer>

namespace koodrive::models {

namespace {
// Bounded lists: a hundred thousand photos stepped through hold at most this many entries each.
constexpr int MostRemembered = 20000;

api::ApiError notFound()
{
    api::ApiError error = api::ApiError::badResponse(
        QCoreApplication::translate("FileLocator", "The file's folder could not be found."), 200, QString());
    return error;
}
} // namespace

struct FileLocator::Walk
{
    QPointer<QObject> context;
    Done done;
    quint64 generation = 0;
    Location location;

    void finish(const api::Result<Location> &result)
    {
        if (context && done)
            done(result);
        done = nullptr;
    }
};

FileLocator::FileLocator(api::KooDriveClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

FileLocator::~FileLocator() = default;

void FileLocator::setDrive(const QString &containerId, const QString &rootId)
{
    if (containerId == m_containerId && rootId == m_rootId)
        return;
    forget();
    m_containerId = containerId;
    m_rootId = rootId;
}

void FileLocator::forget()
{
    m_folders.clear();
    m_fileParent.clear();
    ++m_generation;
}

void FileLocator::remember(const QString &folderId, const QString &name, const QString &parentId)
{
    if (folderId.isEmpty() || folderId == m_rootId)
        return;
    if (m_folders.size() >= MostRemembered)
        m_folders.clear();
    m_folders.insert(folderId, {name, parentId});
}

void FileLocator::rememberFile(const QString &fileId, const QString &parentId)
{
    if (m_fileParent.size() >= MostRemembered)
        m_fileParent.clear();
    m_fileParent.insert(fileId, parentId);
}

std::optional<FileLocator::Location> FileLocator::knownLocation(const QString &fileId,
                                                                const QString &containerId) const
{
    if (m_rootId.isEmpty() || containerId != m_containerId)
        return Location{};
    const auto parent = m_fileParent.constFind(fileId);
    if (parent == m_fileParent.cend())
        return std::nullopt;
    Location location;
    location.inDrive = true;
    for (QString id = *parent; !id.isEmpty() && id != m_rootId;) {
        const auto folder = m_folders.constFind(id);
        if (folder == m_folders.cend() || location.ids.contains(id) || location.ids.size() >= MostLevels)
            return std::nullopt;
        location.ids.prepend(id);
        location.names.prepend(folder->name);
        id = folder->parentId;
    }
    return location;
}

void FileLocator::locate(const QString &fileId, const QString &containerId, QObject *context, Done done)
{
    auto walk = std::make_shared<Walk>();
    walk->context = context;
    walk->done = std::move(done);
    walk->generation = m_generation;
    if (m_rootId.isEmpty() || containerId != m_containerId) {
        walk->finish(Location{}); // not in the person's own drive
        return;
    }
    walk->location.inDrive = true;
    if (const auto parent = m_fileParent.constFind(fileId); parent != m_fileParent.cend()) {
        climb(walk, *parent);
        return;
    }
    ++m_calls;
    // Held by the call in flight only: a call dropped (this locator gone) frees the walk.
    m_client->fileDetail(fileId, containerId, QString(), this,
                         [this, walk, fileId](const api::Result<api::DriveFile> &file) {
                             if (!file.ok()) {
                                 walk->finish(file.error());
                                 return;
                             }
                             if (walk->generation == m_generation)
                                 rememberFile(fileId, file.value().parentId);
                             climb(walk, file.value().parentId);
                         });
}

void FileLocator::climb(const std::shared_ptr<Walk> &walk, QString folderId)
{
    Location &location = walk->location;
    for (;;) {
        if (folderId.isEmpty() || folderId == m_rootId) {
            walk->finish(location);
            return;
        }
        // A loop in what the server says, or no end to it.
        if (location.ids.contains(folderId) || location.ids.size() >= MostLevels) {
            walk->finish(notFound());
            return;
        }
        const auto known = m_folders.constFind(folderId);
        if (known == m_folders.cend())
            break;
        location.ids.prepend(folderId);
        location.names.prepend(known->name);
        folderId = known->parentId;
    }
    ++m_calls;
    m_client->fileDetail(
        folderId, m_containerId, QString(), this,
        [this, walk, folderId](const api::Result<api::DriveFile> &folder) {
            if (!folder.ok()) {
                walk->finish(folder.error());
                return;
            }
            if (!folder.value().isFolder()) { // a file's parent is a folder, or the answer lies
                walk->finish(notFound());
                return;
            }
            Location &found = walk->location;
            if (found.ids.contains(folderId) || found.ids.size() >= MostLevels) {
                walk->finish(notFound());
                return;
            }
            if (walk->generation == m_generation)
                remember(folderId, folder.value().name, folder.value().parentId);
            found.ids.prepend(folderId);
            found.names.prepend(folder.value().name);
            climb(walk, folder.value().parentId);
        });
}

} // namespace koodrive::models
