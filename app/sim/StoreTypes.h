#pragma once

#include <QString>
#include <QStringList>
#include <QVector>
#include <optional>

namespace koodrive::sim {

// File types of files-list.txt, Table 3 ("fileType").
namespace FileType {
inline constexpr int Folder = 10;
inline constexpr int SmartFolder = 11;
inline constexpr int Image = 15;
inline constexpr int Video = 20;
inline constexpr int Word = 26;
inline constexpr int Excel = 27;
inline constexpr int PowerPoint = 28;
inline constexpr int Audio = 30;
inline constexpr int Archive = 35;
inline constexpr int Application = 40;
inline constexpr int Other = 45;
bool isKnown(int type);
} // namespace FileType

struct UserRow
{
    QString id;
    QString account;
    QString passwordHash;
    QString displayName;
    QString containerId;
    QString rootFolderId;
    qint64 capacity = 0;
};

struct GroupRow
{
    QString groupId;
    qint64 shareFolderId = 0;
    QString name;
    QString ownerId;
    QString containerId;
    QString rootFolderId;
    qint64 createdMs = 0;
    int memberCount = 0;
};

struct FileRow
{
    QString id;
    QString containerId;
    QString ownerId;
    QString parentId;
    QString name;
    int fileType = FileType::Other;
    QString mimeType;
    QString suffix;
    qint64 size = 0;
    qint64 createdMs = 0;
    qint64 editedMs = 0;
    qint64 takenMs = 0;
    int width = 0;
    int height = 0;
    bool recycled = false;
    qint64 recycledMs = 0;
    // The file whose move to the recycle bin took this one with it: itself when it was recycled directly,
    // a folder above it otherwise. Only directly recycled files are listed in the bin (files/1); restoring
    // or deleting one takes everything it took along (OPERATIONS.md §5).
    QString recycledBy;
    QString sha256;  // of the stored bytes (uploaded files); empty for the demo library's painted ones
    QString blobKey; // the stored bytes (ObjectStorage); empty when the pictures are painted from the id

    bool isFolder() const { return fileType == FileType::Folder || fileType == FileType::SmartFolder; }
    bool isImage() const { return fileType == FileType::Image; }
    bool isVideo() const { return fileType == FileType::Video; }
    bool hasBytes() const { return !blobKey.isEmpty(); }
};

// album-list.txt, Table 4: albumType 1 collection, 2 manual; albumKind 1 personal, 2 shared.
namespace AlbumType {
inline constexpr int Collection = 1;
inline constexpr int Manual = 2;
} // namespace AlbumType
namespace AlbumKind {
inline constexpr int Personal = 1;
inline constexpr int Shared = 2;
} // namespace AlbumKind

struct AlbumRow
{
    QString id;
    QString ownerId;
    int kind = AlbumKind::Personal;
    int type = AlbumType::Manual;
    QString name;
    QString groupId;
    qint64 shareFolderId = 0;
    QString containerId;
    QString scopeParentFolderId;
    QString scopeKind; // "1", "2" or "1,2" (album-create.txt)
    QStringList scopeDirs;
    QString coverImageUrl; // reserved field of album-update.txt; stored, never used for the cover
    qint64 createdMs = 0;
    qint64 updatedMs = 0;

    bool isManual() const { return type == AlbumType::Manual; }
    QVector<int> scopeFileTypes() const;
};

struct AlbumItemRef
{
    QString fileId;
    QString ownerId;
};

} // namespace koodrive::sim
