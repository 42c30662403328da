#pragma once

#include "DriveItemsMime.h"
#include "api/KooDriveClient.h"
#include "catalog/Catalog.h"

#include <QAbstractItemModel>
#include <QPointer>
#include <functional>
#include <memory>
#include <vector>

namespace koodrive::models {

// The drive's folders as a tree: the user's own drive, then each shared space (share-folder list), each
// with its folders read only when a view expands them (files-list.txt with fileType 10, by name, a page
// at a time through canFetchMore/fetchMore). Folders can be dragged: dropped on a manual album they add
// their images and videos.
//
// With a catalog, the spaces and every folder's sub-folders are kept as last listed: load() shows the saved
// spaces at once (loaded() follows on the next turn), a node expanded shows its saved sub-folders at once,
// and each is then read from the server and brought in line in place (folders that went are removed, new
// ones inserted by name, renamed ones updated; what is expanded stays expanded). With the server gone, the
// saved tree stays and no error is raised for it.
class FolderTreeModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderTreeModel)

public:
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        ContainerRole,
        OwnerRole,
        IsSpaceRole,       // a top-level node: the user's drive or a shared space
        IsSharedRole,      // in a shared space
        GroupRole,         // the shared space's groupId
        ShareFolderIdRole, // the shared space's share folder id (x-hw-share-folder-id), qint64; 0: own drive
    };

    FolderTreeModel(api::KooDriveClient *client, QObject *parent = nullptr);
    ~FolderTreeModel() override;

    // Reads the user's drive (space info) and shared spaces; the top-level rows appear when they answer.
    void load();
    // Every row dropped, nothing read until load() (signing out).
    void clear();
    // Where the tree is kept (none: the server only). The model does not own it.
    void setCatalog(catalog::Catalog *catalog) { m_catalog = catalog; }
    // Some of what is shown is the catalog's, not yet confirmed by the server (e.g. it could not be reached).
    bool showsSaved() const;
    // Reads again what is still shown as saved (the spaces, saved sub-folders), bringing it in line in place.
    void refresh();
    // Reads again the sub-folders of every folder shown, bringing them in line in place: after a folder
    // was renamed, moved to the recycle bin or restored (FolderTreeModelEdits.cpp).
    void readAgain();
    bool isLoaded() const { return m_loaded; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    Qt::DropActions supportedDragActions() const override { return Qt::CopyAction; }

    DriveItem itemAt(const QModelIndex &index) const;
    bool isFetching(const QModelIndex &index) const;
    // The node of a folder among those loaded (invalid when not loaded yet).
    QModelIndex indexOfId(const QString &folderId) const;
    // A folder made here (an upload's): shown under its parent, among its sisters by name, when the parent
    // has been read; otherwise it comes with the parent's first read.
    void insertFolder(const QString &parentId, const QString &folderId, const QString &name);

signals:
    void loaded();
    void errorOccurred(const koodrive::api::ApiError &error);

private:
    struct Node
    {
        QString id;
        QString name;
        QString containerId;
        QString ownerId;
        QString groupId;
        qint64 shareFolderId = 0;
        bool shared = false;
        Node *parent = nullptr;
        std::vector<std::unique_ptr<Node>> children;
        QString nextCursor;
        bool listed = false;   // the first page has been read
        bool complete = false; // every page has been read
        bool failed = false;
        bool saved = false; // its children are the catalog's, not yet confirmed by the server
        std::vector<std::unique_ptr<Node>> incoming; // a saved node's children read so far from the server
        api::CallHandle call;
        Node() = default;
        Node(const Node &) = delete;
        Node &operator=(const Node &) = delete;
        ~Node() { call.cancel(); } // a node removed while read: its answer never arrives
        int row() const;
    };
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOf(const Node *node) const;
    void addSpace(std::unique_ptr<Node> node);
    void readChildren(Node *node);
    // Every node below the root, parents before their children.
    void forEachNode(const std::function<void(Node *)> &visit);
    void readSpaces(bool gather);
    void bringInLine(Node *parent, std::vector<std::unique_ptr<Node>> fresh);
    void showSavedChildren(Node *node);
    void saveChildren(const Node *node);
    static QString keyOf(const Node *node);
    static std::unique_ptr<Node> folderUnder(Node *parent, const QString &id, const QString &name,
                                             const QString &containerId, const QString &ownerId);

    api::KooDriveClient *m_client;
    QPointer<catalog::Catalog> m_catalog;
    Node m_root; // invisible: its children are the spaces
    bool m_loaded = false;
    int m_changing = 0; // saved rows are going in
    int m_pendingSpaces = 0;
    quint64 m_generation = 0;
};

} // namespace koodrive::models
