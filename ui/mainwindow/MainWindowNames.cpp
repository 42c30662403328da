// MainWindow: names — a file's or folder's renamed in place in the grid (F2), a new folder made and named
// there at once (Ctrl+Shift+N), each undoable.
#include "MainWindow.h"
#include "models/AlbumContentsModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "models/PagedFileModel.h"
#include "text/DisplayText.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QItemSelectionModel>

namespace koodrive::ui {

using models::PagedFileModel;

void MainWindow::renameSelected()
{
    if (!m_rename->isEnabled())
        return;
    const QModelIndex current = m_grid->currentIndex();
    const QModelIndexList selected = m_grid->selectionModel()->selectedIndexes();
    const QModelIndex index = selected.contains(current) ? current : selected.value(0);
    if (!index.isValid())
        return;
    m_grid->scrollTo(index);
    m_grid->setCurrentIndex(index);
    m_grid->edit(index);
}

void MainWindow::renameFile(const QModelIndex &index, const QString &name, bool undoable)
{
    const QString id = index.data(PagedFileModel::IdRole).toString();
    const QString was = index.data(Qt::EditRole).toString();
    const QString container = index.data(PagedFileModel::ContainerRole).toString();
    const bool folder = index.data(PagedFileModel::IsFolderRole).toBool();
    renameById(id, container, was, name.trimmed(), folder, undoable);
}

void MainWindow::renameById(const QString &id, const QString &container, const QString &was,
                            const QString &name, bool folder, bool undoable)
{
    if (name.isEmpty() || name == was)
        return;
    api::KooDriveClient::Rename rename;
    rename.fileId = id;
    rename.containerId = container;
    rename.name = name;
    m_services.client->renameFile(rename, this, [=, this](const api::Result<QString> &result) {
        if (!result.ok()) {
            // The name typed is kept in the message; the file keeps its name.
            m_messages->showProblem(
                tr("“%1” could not be renamed to “%2”: %3")
                    .arg(text::displayText(was), text::displayText(name), result.error().message),
                result.error().traceId, result.error().details(), {});
            return;
        }
        const QString now = result.value().isEmpty() ? name : result.value();
        for (PagedFileModel *model : fileModels())
            model->renameHere(id, now);
        if (folder)
            m_treeModel->readAgain();
        int undoId = 0;
        if (undoable)
            undoId =
                pushUndo(tr("Rename"), [=, this] { renameById(id, container, now, was, folder, false); });
        showDone(tr("Renamed “%1” to “%2”.").arg(text::displayText(was), text::displayText(now)), undoId);
    });
}

void MainWindow::newFolder()
{
    if (!m_newFolder->isEnabled() || m_pathIds.isEmpty())
        return;
    // A name not taken among the rows held ("New folder", "New folder 2", …); the server has the last word
    // (a clash it knows of gets a timestamp added).
    const QSet<QString> held = [this] {
        QSet<QString> names;
        for (int row = 0; row < m_folder->rowCount(); ++row)
            names.insert(m_folder->index(row).data(Qt::EditRole).toString());
        return names;
    }();
    QString name = tr("New folder");
    for (int n = 2; held.contains(name); ++n)
        name = tr("New folder %1").arg(n);
    api::KooDriveClient::NewFolder folder;
    folder.name = name;
    folder.containerId = m_pathIds.constLast().first;
    folder.parentFolderId = m_pathIds.constLast().second;
    folder.onClash = api::KooDriveClient::OnNameClash::AddTimestamp;
    const QString parentId = folder.parentFolderId;
    m_services.client->createFolder(
        folder, this, [this, parentId](const api::Result<api::CreatedFolder> &result) {
            if (!result.ok()) {
                showError(result.error());
                return;
            }
            const QString id = result.value().id;
            m_treeModel->insertFolder(parentId, id, result.value().name);
            if (m_place != Place::Folder || m_pathIds.constLast().second != parentId)
                return;
            // Once the folder is among the rows, its name is edited in place, as a file manager does.
            m_renameWhenShown = id;
            m_folder->refresh();
        });
}

void MainWindow::renameWhenShown()
{
    if (m_renameWhenShown.isEmpty() || m_grid->fileModel() != m_folder)
        return;
    const int row = m_folder->rowOfId(m_renameWhenShown);
    if (row < 0)
        return;
    m_renameWhenShown.clear();
    const QModelIndex index = m_folder->index(row);
    m_grid->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    m_grid->setCurrentIndex(index);
    m_grid->scrollTo(index);
    m_grid->setFocus(Qt::OtherFocusReason);
    m_grid->edit(index);
}

} // namespace koodrive::ui
