#pragma once

#include "api/Result.h"

#include <QHash>
#include <QObject>
#include <QStringList>
#include <functional>
#include <memory>
#include <optional>

namespace koodrive::api {
class KooDriveClient;
struct DriveFile;
} // namespace koodrive::api

namespace koodrive::models {

// Where a file is in the person's drive: the folders from the drive's root down to the one that holds it.
// Read up from the file, since files-list.txt's detail of a file or folder names its parent ("parentFolder":
// "Currently, only the first ID is used."), each folder's name and parent remembered for the next file, so
// stepping through an album asks the server once per folder, not once per photo. For the info panel's
// "Folder" and for "Show in folder".
//
// The server's answers are not trusted to end: a walk stops at 64 levels or at a folder it has seen before
// (a loop), and says the folder could not be found.
class FileLocator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileLocator)

public:
    struct Location
    {
        bool inDrive = false; // false: the file is in another person's space (a shared album's)
        QStringList ids;      // the folders below the root, the root's child first; empty: in the root
        QStringList names;    // their names, as the server has them (plain text)
    };
    using Done = std::function<void(const api::Result<Location> &)>;
    static constexpr int MostLevels = 64;

    explicit FileLocator(api::KooDriveClient *client, QObject *parent = nullptr);
    ~FileLocator() override;

    // The person's own drive: its container and root folder. Setting another one forgets what was known.
    void setDrive(const QString &containerId, const QString &rootId);
    QString rootId() const { return m_rootId; }
    // What is known already (a folder the app has read), so that no call is needed for it.
    void remember(const QString &folderId, const QString &name, const QString &parentId);
    // Forgets every folder and file (F5, signing out): names and places may have changed.
    void forget();

    // Calls `done` once (unless `context` is gone by then): the file's location, or the call's error.
    void locate(const QString &fileId, const QString &containerId, QObject *context, Done done);
    // A location known without a call (every folder on the way remembered), or nothing.
    std::optional<Location> knownLocation(const QString &fileId, const QString &containerId) const;

    // Calls made to the server so far (for tests and figures).
    int callsMade() const { return m_calls; }

private:
    struct Walk;
    void climb(const std::shared_ptr<Walk> &walk, QString folderId);
    void rememberFile(const QString &fileId, const QString &parentId);

    struct Folder
    {
        QString name;
        QString parentId;
    };
    api::KooDriveClient *m_client;
    QString m_containerId;
    QString m_rootId;
    QHash<QString, Folder> m_folders;     // folder id → its name and parent
    QHash<QString, QString> m_fileParent; // file id → its folder
    int m_calls = 0;
    quint64 m_generation = 0; // bumped by forget(): walks under way then do not fill the new lists
};

} // namespace koodrive::models
