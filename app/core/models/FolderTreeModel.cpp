#include "FolderTreeModel.h"

#include "text/DisplayText.h"

#include <QMimeData>
#include <QPointer>

namespace koodrive::models {

int FolderTreeModel::Node::row() const
{
    if (!parent)
        return 0;
    for (size_t i = 0; i < parent->children.size(); ++i)
        if (parent->children[i].get() == this)
            return int(i);
    return 0;
}

FolderTreeModel::FolderTreeModel(api::KooDriveClient *client, QObject *parent)
    : QAbstractItemModel(parent)
    , m_client(client)
{
    m_root.listed = m_root.complete = true;
}

FolderTreeModel::~FolderTreeModel() = default;

void FolderTreeModel::clear()
{
    ++m_generation;
    ++m_changing;
    beginResetModel();
    m_root.children.clear(); // their calls are cancelled as the nodes go
    m_root.saved = false;
    m_loaded = false;
    endResetModel();
    --m_changing;
}

void FolderTreeModel::load()
{
    ++m_generation;
    ++m_changing;
    beginResetModel();
    m_root.children.clear();
    m_root.saved = false;
    if (m_catalog) {
        if (const auto saved = m_catalog->treeChildren(keyOf(&m_root)); saved && !saved->isEmpty()) {
            for (const catalog::TreeNodeRow &row : *saved) {
                auto node = std::make_unique<Node>();
                node->id = row.id;
                node->name = row.name;
                node->containerId = row.containerId;
                node->ownerId = row.ownerId;
                node->groupId = row.groupId;
                node->shareFolderId = row.shareFolderId;
                node->shared = row.shared;
                node->parent = &m_root;
                m_root.children.push_back(std::move(node));
            }
            m_root.saved = true;
        }
    }
    endResetModel();
    --m_changing;
    const bool fromSaved = m_root.saved;
    m_loaded = fromSaved;
    const quint64 generation = m_generation;
    if (fromSaved)
        QMetaObject::invokeMethod(
            this,
            [this, generation] {
                if (generation == m_generation)
                    emit loaded();
            },
            Qt::QueuedConnection);
    readSpaces(fromSaved);
}

bool FolderTreeModel::showsSaved() const
{
    std::vector<const Node *> stack{&m_root};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node->saved)
            return true;
        for (const auto &child : node->children)
            stack.push_back(child.get());
    }
    return false;
}

void FolderTreeModel::refresh()
{
    // What is still shown as saved is read again; nothing else changes (no reset: what is open stays open).
    if (m_root.saved && m_pendingSpaces == 0)
        readSpaces(true);
    forEachNode([this](Node *node) {
        if (node->saved && !node->call.isActive()) {
            node->failed = false;
            node->complete = false;
            node->nextCursor.clear();
            node->incoming.clear();
            readChildren(node);
        }
    });
}

void FolderTreeModel::forEachNode(const std::function<void(Node *)> &visit)
{
    std::vector<Node *> stack;
    for (const auto &space : m_root.children)
        stack.push_back(space.get());
    while (!stack.empty()) {
        Node *node = stack.back();
        stack.pop_back();
        visit(node);
        for (const auto &child : node->children)
            stack.push_back(child.get());
    }
}

void FolderTreeModel::readSpaces(bool fromSaved)
{
    m_pendingSpaces = 2;
    const quint64 generation = m_generation;
    // With saved spaces shown, the server's are gathered and brought in line at the end; otherwise each
    // is shown as it comes.
    auto fresh = std::make_shared<std::vector<std::unique_ptr<Node>>>();
    auto failedAny = std::make_shared<bool>(false);
    auto spaceDone = [this, generation, fresh, failedAny, fromSaved] {
        if (generation != m_generation || --m_pendingSpaces > 0)
            return;
        if (fromSaved && !*failedAny)
            bringInLine(&m_root, std::move(*fresh));
        if (!*failedAny)
            saveChildren(&m_root);
        if (!fromSaved) {
            m_loaded = true;
            emit loaded();
        }
    };
    auto failed = [this, failedAny, fromSaved](const api::ApiError &error) {
        *failedAny = true;
        if (!fromSaved || !error.unreachable())
            emit errorOccurred(error); // a saved tree shown offline is not an error
    };
    m_client->spaceInfo(this, [this, generation, spaceDone, fresh, failed,
                               fromSaved](const api::Result<api::SpaceInfo> &result) {
        if (generation != m_generation)
            return;
        if (result.ok()) {
            auto node = std::make_unique<Node>();
            node->id =
                result.value().rootFolderId.isEmpty() ? QStringLiteral("root") : result.value().rootFolderId;
            node->name = tr("My drive");
            node->containerId = result.value().containerId;
            node->ownerId = m_client->connection().userId;
            if (fromSaved)
                fresh->insert(fresh->begin(), std::move(node)); // the user's own drive first
            else
                addSpace(std::move(node));
        } else {
            failed(result.error());
        }
        spaceDone();
    });
    m_client->shareFolders(this, [this, generation, spaceDone, fresh, failed,
                                  fromSaved](const api::Result<QVector<api::ShareFolder>> &result) {
        if (generation != m_generation)
            return;
        if (result.ok()) {
            for (const api::ShareFolder &space : result.value()) {
                auto node = std::make_unique<Node>();
                node->id = space.rootFolderId;
                node->name = space.name;
                node->containerId = space.containerId;
                node->ownerId = space.ownerId;
                node->groupId = space.groupId;
                node->shareFolderId = space.shareFolderId;
                node->shared = true;
                if (fromSaved)
                    fresh->push_back(std::move(node));
                else
                    addSpace(std::move(node));
            }
        } else {
            failed(result.error());
        }
        spaceDone();
    });
}

std::unique_ptr<FolderTreeModel::Node> FolderTreeModel::folderUnder(Node *parent, const QString &id,
                                                                    const QString &name,
                                                                    const QString &containerId,
                                                                    const QString &ownerId)
{
    // A folder is in its parent's space: its group, share folder and sharing are the space's.
    auto child = std::make_unique<Node>();
    child->id = id;
    child->name = name;
    child->containerId = containerId.isEmpty() ? parent->containerId : containerId;
    child->ownerId = ownerId.isEmpty() ? parent->ownerId : ownerId;
    child->groupId = parent->groupId;
    child->shareFolderId = parent->shareFolderId;
    child->shared = parent->shared;
    child->parent = parent;
    return child;
}

QString FolderTreeModel::keyOf(const Node *node)
{
    return node->parent ? node->containerId + QLatin1Char('|') + node->id : QString();
}

void FolderTreeModel::saveChildren(const Node *node)
{
    if (!m_catalog)
        return;
    QVector<catalog::TreeNodeRow> rows;
    rows.reserve(qsizetype(node->children.size()));
    for (const auto &child : node->children)
        rows.append({child->id, child->name, child->containerId, child->ownerId, child->groupId,
                     child->shareFolderId, child->shared});
    m_catalog->storeTreeChildren(keyOf(node), rows);
}

void FolderTreeModel::showSavedChildren(Node *node)
{
    if (!m_catalog)
        return;
    const auto saved = m_catalog->treeChildren(keyOf(node));
    if (!saved)
        return;
    node->listed = true;
    node->saved = true;
    if (saved->isEmpty())
        return;
    ++m_changing;
    beginInsertRows(indexOf(node), 0, int(saved->size()) - 1);
    for (const catalog::TreeNodeRow &row : *saved) {
        node->children.push_back(folderUnder(node, row.id, row.name, row.containerId, row.ownerId));
    }
    endInsertRows();
    --m_changing;
}

void FolderTreeModel::bringInLine(Node *parent, std::vector<std::unique_ptr<Node>> fresh)
{
    // Settled before rows move: a view may ask canFetchMore() from rowsInserted.
    parent->saved = false;
    parent->failed = false;
    parent->listed = true;
    parent->complete = true;
    parent->nextCursor.clear();
    const QModelIndex parentIndex = indexOf(parent);
    QSet<QString> freshIds;
    for (const auto &node : fresh)
        freshIds.insert(node->id);
    // Folders that went, removed (with whatever was read under them).
    for (int i = int(parent->children.size()) - 1; i >= 0; --i) {
        if (freshIds.contains(parent->children[size_t(i)]->id))
            continue;
        ++m_changing;
        beginRemoveRows(parentIndex, i, i);
        parent->children.erase(parent->children.begin() + i);
        endRemoveRows();
        --m_changing;
    }
    // The rest kept (what is under them stays), updated; new ones inserted after the one listed before them.
    QHash<QString, Node *> kept;
    for (const auto &node : parent->children)
        kept.insert(node->id, node.get());
    int at = 0;
    for (auto &node : fresh) {
        if (Node *existing = kept.value(node->id)) {
            const bool changed = existing->name != node->name || existing->groupId != node->groupId ||
                                 existing->shareFolderId != node->shareFolderId;
            existing->name = node->name;
            existing->containerId = node->containerId;
            existing->ownerId = node->ownerId;
            existing->groupId = node->groupId;
            existing->shareFolderId = node->shareFolderId;
            existing->shared = node->shared;
            const int row = existing->row();
            if (changed)
                emit dataChanged(index(row, 0, parentIndex), index(row, 0, parentIndex));
            at = row + 1;
            continue;
        }
        node->parent = parent;
        ++m_changing;
        beginInsertRows(parentIndex, at, at);
        parent->children.insert(parent->children.begin() + at, std::move(node));
        endInsertRows();
        --m_changing;
        ++at;
    }
    if (parentIndex.isValid())
        emit dataChanged(parentIndex, parentIndex); // its expander follows what it holds
}

void FolderTreeModel::addSpace(std::unique_ptr<Node> node)
{
    // The user's own drive first, then shared spaces in the order they come.
    node->parent = &m_root;
    const int at = node->shared ? int(m_root.children.size()) : 0;
    ++m_changing;
    beginInsertRows({}, at, at);
    m_root.children.insert(m_root.children.begin() + at, std::move(node));
    endInsertRows();
    --m_changing;
}

FolderTreeModel::Node *FolderTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : const_cast<Node *>(&m_root);
}

QModelIndex FolderTreeModel::indexOf(const Node *node) const
{
    if (!node || node == &m_root)
        return {};
    return createIndex(node->row(), 0, const_cast<Node *>(node));
}

QModelIndex FolderTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (column != 0 || row < 0 || size_t(row) >= node->children.size())
        return {};
    return createIndex(row, 0, node->children[size_t(row)].get());
}

QModelIndex FolderTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOf(nodeOf(child)->parent);
}

int FolderTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int FolderTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool FolderTreeModel::hasChildren(const QModelIndex &parent) const
{
    const Node *node = nodeOf(parent);
    if (!node->listed)
        return true; // not known before it is read: the view offers to expand it
    return !node->children.empty() || !node->complete;
}

QVariant FolderTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    switch (role) {
    // Names are the server's text: see AlbumListModel::data().
    case Qt::DisplayRole: return text::displayText(node->name);
    case Qt::EditRole: return node->name;
    case Qt::ToolTipRole:
        return text::toolTip(node->shared && node->parent == &m_root
                                 ? tr("%1 (shared)").arg(text::displayText(node->name))
                                 : text::displayText(node->name));
    case IdRole: return node->id;
    case ContainerRole: return node->containerId;
    case OwnerRole: return node->ownerId;
    case IsSpaceRole: return node->parent == &m_root;
    case IsSharedRole: return node->shared;
    case GroupRole: return node->groupId;
    case ShareFolderIdRole: return node->shareFolderId;
    default: return {};
    }
}

QHash<int, QByteArray> FolderTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert({{IdRole, "id"},
                  {ContainerRole, "containerId"},
                  {OwnerRole, "ownerId"},
                  {IsSpaceRole, "isSpace"},
                  {IsSharedRole, "isShared"},
                  {GroupRole, "groupId"},
                  {ShareFolderIdRole, "shareFolderId"}});
    return names;
}

Qt::ItemFlags FolderTreeModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
}

bool FolderTreeModel::isFetching(const QModelIndex &index) const
{
    return nodeOf(index)->call.isActive();
}

bool FolderTreeModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return false; // the spaces come from load()
    const Node *node = nodeOf(parent);
    return !node->complete && !node->failed && !node->call.isActive();
}

void FolderTreeModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    Node *node = nodeOf(parent);
    if (!node->listed && m_changing > 0) {
        // Asked while rows go in (a view or a tester looking at the new rows): on the next turn, so that
        // one change never starts inside another.
        const QPersistentModelIndex later(parent);
        QMetaObject::invokeMethod(
            this,
            [this, later] {
                if (later.isValid())
                    fetchMore(later);
            },
            Qt::QueuedConnection);
        return;
    }
    if (!node->listed)
        showSavedChildren(node); // at once, then read from the server
    if (!node->call.isActive())  // (a view told of the saved rows may have asked already)
        readChildren(node);
}

void FolderTreeModel::readChildren(Node *node)
{
    api::KooDriveClient::FileListQuery query;
    query.containerId = node->containerId;
    query.parentFileId = node->id;
    query.cursor = node->nextCursor;
    query.fileType = api::FileType::Folder;
    query.sortType = 1; // by name
    query.sortDirection = 1;
    const quint64 generation = m_generation;
    // The node lives as long as this generation of the tree, unless a reading of its parent finds it gone
    // (bringInLine): its call goes with it (CallHandle), and its answer with the call.
    node->call =
        m_client->listFiles(query, this, [this, generation, node](const api::Result<api::FilePage> &result) {
            if (generation != m_generation)
                return;
            if (!result.ok()) {
                node->failed = true;
                node->listed = true;
                node->complete = true; // shown as it is (empty, or as saved); load() reads the tree again
                node->incoming.clear();
                if (!node->saved || !result.error().unreachable())
                    emit errorOccurred(result.error());
                const QModelIndex index = indexOf(node);
                emit dataChanged(index, index);
                return;
            }
            std::vector<std::unique_ptr<Node>> fresh;
            for (const api::DriveFile &file : result.value().files) {
                if (!file.isFolder())
                    continue;
                fresh.push_back(folderUnder(node, file.id, file.name, file.containerId, file.ownerId));
            }
            node->nextCursor = result.value().nextCursor;
            if (node->saved) {
                // Saved children are on screen: the whole list is read, then brought in line at once.
                for (auto &child : fresh)
                    node->incoming.push_back(std::move(child));
                if (!node->nextCursor.isEmpty()) {
                    readChildren(node);
                    return;
                }
                bringInLine(node, std::move(node->incoming));
                node->incoming.clear();
                saveChildren(node);
                return;
            }
            // Settled before rows go in: a view may ask canFetchMore() from rowsInserted.
            node->listed = true;
            node->complete = node->nextCursor.isEmpty();
            const QModelIndex index = indexOf(node);
            if (!fresh.empty()) {
                const int first = int(node->children.size());
                ++m_changing;
                beginInsertRows(index, first, first + int(fresh.size()) - 1);
                for (auto &child : fresh)
                    node->children.push_back(std::move(child));
                endInsertRows();
                --m_changing;
            } else if (index.isValid()) {
                emit dataChanged(index, index); // it has no children after all: the expander goes
            }
            if (node->complete)
                saveChildren(node);
        });
}

DriveItem FolderTreeModel::itemAt(const QModelIndex &index) const
{
    if (!index.isValid())
        return {};
    const Node *node = nodeOf(index);
    return {node->id, node->ownerId, node->containerId, node->name, true};
}

QModelIndex FolderTreeModel::indexOfId(const QString &folderId) const
{
    std::vector<const Node *> stack{&m_root};
    while (!stack.empty()) {
        const Node *node = stack.back();
        stack.pop_back();
        if (node != &m_root && node->id == folderId)
            return indexOf(node);
        for (const auto &child : node->children)
            stack.push_back(child.get());
    }
    return {};
}

void FolderTreeModel::insertFolder(const QString &parentId, const QString &folderId, const QString &name)
{
    const QModelIndex parentIndex = indexOfId(parentId);
    Node *parent = nodeOf(parentIndex);
    if (!parentIndex.isValid() || !parent || !parent->listed || indexOfId(folderId).isValid())
        return;
    // Among its sisters by name, as the tree lists them (files-list.txt, sorted by name).
    int at = 0;
    while (at < int(parent->children.size()) &&
           QString::compare(parent->children[size_t(at)]->name, name, Qt::CaseInsensitive) <= 0)
        ++at;
    if (at == int(parent->children.size()) && !parent->complete)
        return; // it belongs to a page not read yet
    auto child = folderUnder(parent, folderId, name, {}, {});
    child->listed = true; // new: nothing in it yet
    child->complete = true;
    ++m_changing;
    beginInsertRows(parentIndex, at, at);
    parent->children.insert(parent->children.begin() + at, std::move(child));
    endInsertRows();
    --m_changing;
    if (parent->complete && !parent->saved)
        saveChildren(parent);
}

QStringList FolderTreeModel::mimeTypes() const
{
    return {QString::fromLatin1(DriveItemsMime::Type), QStringLiteral("text/plain")};
}

QMimeData *FolderTreeModel::mimeData(const QModelIndexList &indexes) const
{
    QVector<DriveItem> items;
    for (const QModelIndex &index : indexes)
        if (index.isValid() && index.model() == this)
            items.append(itemAt(index));
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    DriveItemsMime::write(mime, items);
    return mime;
}

} // namespace koodrive::models
