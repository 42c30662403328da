#pragma once

#include "StoreTypes.h"

#include <QHash>
#include <QStringList>

namespace koodrive::sim {

class FileStore;
class SimStore;

// Changes to the drive's tree: folders, names, the recycle bin, moves and copies (OPERATIONS.md §4, §5),
// and the paths search and jobs speak in. Callers hold the SimStore::Transaction; nothing here commits.
class FileTree final
{
public:
    FileTree(SimStore &store, FileStore &files);

    // A listed file or folder of `parentId` has the name (case-insensitively, as the listing sorts), or an
    // unfinished upload there holds it (its create answer promised the name).
    bool nameTaken(const QString &parentId, const QString &name, const QString &exceptId = {}) const;
    // `name` when it is free in the folder, else its first free timestamped variant (FileNames).
    QString freeName(const QString &parentId, const QString &name, bool isFolder, qint64 nowMs,
                     const QString &exceptId = {}) const;

    // The file and everything below it, in any state.
    QStringList subtree(const QString &fileId) const;
    // Whether `folderId` is `ancestorId` or lies below it.
    bool isWithin(const QString &folderId, const QString &ancestorId) const;

    void rename(const QString &fileId, const QString &name, qint64 nowMs);
    // Into the bin with everything below it that is not there yet (recycled_by = the file).
    void recycle(const FileRow &file, qint64 nowMs);
    // Out of the bin with what went in with it, into `parentId` under `name`.
    void restore(const FileRow &file, const QString &parentId, const QString &name);
    // Deletes the file, everything below it, their album items and stars. Returns the stored bytes
    // (blob keys) that no file refers to any more: the caller removes them once the transaction commits.
    QStringList purge(const FileRow &file);
    // Into `parentId` of `containerId` (another space takes everything below the file along) as `name`.
    void move(const FileRow &file, const QString &containerId, const QString &parentId, const QString &name);
    // A copy of the file (of a folder: with everything below it that is not in the bin) in `parentId` of
    // `containerId`, owned by `ownerId`. Returns the new id.
    QString copy(const FileRow &file, const QString &containerId, const QString &ownerId,
                 const QString &parentId, const QString &name, qint64 nowMs);

    // idPath: "/<root id>/<folder id>/…/<file id>"; namePath: "/<folder>/…/<file name>" (the root has no
    // name). A file of a folder that no longer exists has empty paths.
    struct Paths
    {
        QString ids;
        QString names;
    };
    using PathCache = QHash<QString, Paths>; // folder id → its paths, shared by the rows of one answer
    Paths paths(const FileRow &file, const QString &rootFolderId, PathCache *cache = nullptr) const;

private:
    Paths folderPaths(const QString &folderId, const QString &rootFolderId, PathCache &cache,
                      int depth) const;

    SimStore &m_store;
    FileStore &m_files;
};

} // namespace koodrive::sim
