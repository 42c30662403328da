#pragma once

#include "UploadQueue.h"
#include "api/ApiCall.h"
#include "api/ApiError.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <optional>

namespace koodrive::api {
class KooDriveClient;
}

namespace koodrive::transfers {

// Where dropped files go: a folder of the drive, maybe folders under it still to find or make (an album's
// "Uploads/<album>"), and maybe a manual album they join once uploaded.
struct UploadTarget
{
    QString containerId{};    // the space: personal, or a family's (files-list.txt, OPERATIONS.md §4)
    QString folderId{};       // the drive's folder the drop names
    QStringList subfolders{}; // under folderId, found or made first; the files go into the last one
    QString albumId{};        // a manual album they are added to; empty: none
    bool mediaOnly = false;   // photos and videos only (an album takes nothing else)
    qint64 shareFolderId = 0; // x-hw-share-folder-id on every call: into a family's shared space; 0: own
    // folderId is one remembered from before (an album's upload folder): it is looked at first, and when
    // it is gone from the drive (deleted, in the recycle bin) the files go to these instead.
    bool remembered = false;
    QString fallbackFolderId{};
    QStringList fallbackSubfolders{};
};

// What a walk of the dropped paths found: the folders to make (parents before children; the first, with no
// name, is the target itself) and the files of each.
struct LocalTree
{
    struct Dir
    {
        QStringList relative; // names under the target; empty: the target
        QStringList files;    // local paths
    };
    QList<Dir> dirs;
    int files = 0;
    int leftOut = 0;        // not photos or videos, for an album
    QStringList unreadable; // paths that could not be read or listed
    bool truncated = false; // more than maxFiles: the rest was not taken

    // Walks `paths` (files and folders; hidden entries and symbolic links to folders are not followed).
    // Dropped folders keep their sub-folders; with `mediaOnly` folders without a photo or a video are left
    // out. Blocking: run it off the GUI thread.
    static LocalTree walk(const QStringList &paths, bool mediaOnly, int maxFiles);
};

// One drop (or one choice in a file dialog): walks the local files off the GUI thread, finds or makes the
// drive's folders (a dropped folder's sub-folders become folders of the drive, made with renameMode 3 and,
// when the name is taken, the folder of that name is used: OPERATIONS.md §4), then puts every file into the
// UploadQueue in one transaction. The UploadRunner does the rest. finished() comes once.
class UploadPlanner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadPlanner)

public:
    static constexpr int MaxFiles = 100000;

    struct Outcome
    {
        int queued = 0;
        int foldersMade = 0;
        int leftOut = 0;
        QStringList unreadable{};
        bool truncated = false;
        QString folderId{};          // where the files at the top went
        QList<qint64> ids{};         // the queued files, in the queue
        bool rememberedGone = false; // the remembered folder was gone: the fallback was used
        struct Folder
        {
            QString parentId;
            QString id;
            QString name;
        };
        QList<Folder> made{};                 // the folders made, parents first
        std::optional<api::ApiError> error{}; // a folder could not be found or made: nothing was queued
    };

    // `client` and `queue` must outlive the planner.
    UploadPlanner(api::KooDriveClient *client, UploadQueue *queue, QObject *parent = nullptr);
    ~UploadPlanner() override;

    void start(const QStringList &localPaths, const UploadTarget &target);

    // A local name as the drive takes it (OPERATIONS.md §3: 1..250 characters, none of < > | : " * ? /,
    // not "." or ".."): those characters and control characters become "_", and a long name is cut before
    // its extension.
    static QString driveName(const QString &localName);

signals:
    void finished(const koodrive::transfers::UploadPlanner::Outcome &outcome);

private:
    void onWalked();
    void checkRemembered();
    // Finds or makes `name` under `parentId`, then calls `next` with its id.
    void ensureFolder(const QString &parentId, const QString &name,
                      std::function<void(const QString &)> next);
    void findFolder(const QString &parentId, const QString &name, const QString &cursor, int pages,
                    std::function<void(const QString &)> next);
    void nextSubfolder(const QString &parentId, int index);
    void nextDir(int index);
    void enqueue();
    void fail(const api::ApiError &error);

    api::KooDriveClient *m_client;
    UploadQueue *m_queue;
    UploadTarget m_target;
    QFutureWatcher<LocalTree> m_walk;
    LocalTree m_tree;
    QHash<QString, QString> m_folderIds; // relative path joined by "/" → the drive's folder
    Outcome m_outcome;
    api::CallHandle m_call;
    bool m_done = false;
};

} // namespace koodrive::transfers
