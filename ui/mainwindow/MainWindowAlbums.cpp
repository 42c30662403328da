// MainWindow: what the user does to albums (new, edit, delete, remove, add with progress).
#include "MainWindow.h"
#include "account/AccountSettings.h"
#include "account/TokenStore.h"
#include "delegates/AlbumDelegate.h"
#include "dialogs/AlbumDialog.h"
#include "dialogs/SignInDialog.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListFilter.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "models/SearchModel.h"
#include "text/DisplayText.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QCryptographicHash>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScopedValueRollback>
#include <QSettings>
#include <QSlider>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::AlbumContentsModel;
using models::AlbumListModel;
using models::FolderModel;
using models::FolderTreeModel;
using models::PagedFileModel;

void MainWindow::trackAdd(models::AlbumAddJob *job)
{
    m_progress->setVisible(true);
    m_progress->setRange(0, 0); // folders are opened first: how many files is not known yet
    m_progress->setFormat(tr("Adding %v of %m"));
    m_cancelAdd->setVisible(true);
    disconnect(m_cancelAdd, &QToolButton::clicked, nullptr, nullptr);
    connect(m_cancelAdd, &QToolButton::clicked, job, &models::AlbumAddJob::cancel);
    connect(job, &models::AlbumAddJob::progress, m_progress, [this](int done, int total) {
        m_progress->setRange(0, qMax(1, total));
        m_progress->setValue(done);
    });
    const QString albumId = job->albumId();
    const bool undoable = !m_addIsUndo; // putting back what Undo took out is not undone again
    connect(job, &models::AlbumAddJob::finished, this, [this, job, albumId, undoable] {
        m_progress->setVisible(false);
        m_cancelAdd->setVisible(false);
        using Outcome = api::AlbumAddBatch::Outcome;
        const QString album = text::displayText(m_albums->albumAt(m_albums->rowOfId(albumId)).name);
        QStringList parts{tr("%Ln added", nullptr, job->count(Outcome::Added))};
        if (const int there = job->count(Outcome::AlreadyThere))
            parts << tr("%Ln already in the album", nullptr, there);
        if (const int cancelled = job->count(Outcome::Cancelled))
            parts << tr("%Ln not added (stopped)", nullptr, cancelled);
        if (const int later = job->queuedForLater();
            later > 0 && (job->folderError() || job->count(Outcome::Failed) == later)) {
            // KooDrive could not be reached for them: the outbox sends them when it can (its note says so).
            parts << tr("%Ln waiting to be sent", nullptr, later);
            m_messages->showNote(tr("“%1”: %2.").arg(album, parts.join(QStringLiteral(", "))));
            return;
        }
        // Undo takes out what this add put in (not what was in the album already).
        QStringList added;
        for (const auto &file : job->report())
            if (file.outcome == Outcome::Added)
                added << file.file.fileId;
        const int undoId =
            undoable && !added.isEmpty()
                ? pushUndo(tr("Add to album"), [this, albumId, added] { takeOutOfAlbum(albumId, added); })
                : 0;
        // What failed can be sent again: "Retry" adds those files (the batch first reads the album, so
        // the ones whose answer was lost but which did go in are reported as already there).
        std::optional<api::ApiError> firstError;
        QVector<models::DriveItem> failedItems;
        for (const auto &file : job->report())
            if (file.outcome == Outcome::Failed) {
                if (!firstError)
                    firstError = file.error;
                failedItems.append({file.file.fileId, file.file.ownerId, QString(), QString(), false});
            }
        if (firstError)
            parts << tr("%Ln failed: %1", nullptr, int(failedItems.size())).arg(firstError->message);
        const QString summary = tr("“%1”: %2.").arg(album, parts.join(QStringLiteral(", ")));
        if (firstError)
            m_messages->showProblem(summary, firstError->traceId, firstError->details(),
                                    [this, albumId, failedItems] {
                                        const int row = m_albums->rowOfId(albumId);
                                        if (row >= 0)
                                            m_albums->addToAlbum(row, failedItems);
                                    });
        else
            showDone(summary, undoId);
        if (m_grid->fileModel() == m_albumContents && m_albumContents->albumId() == albumId)
            m_albumContents->refresh();
    });
}

void MainWindow::takeOutOfAlbum(const QString &albumId, const QStringList &fileIds)
{
    // The remove call takes at most 1000 ids (../shared/koodrive-api/README.md, batchDelete).
    auto remaining = std::make_shared<QStringList>(fileIds);
    auto stepFn = std::make_shared<std::function<void()>>();
    *stepFn = [this, albumId, remaining, weak = std::weak_ptr(stepFn), count = int(fileIds.size())] {
        // Held by the call in flight, not by itself: a call dropped (its window gone) frees it.
        const auto step = weak.lock();
        if (!step)
            return;
        if (remaining->isEmpty()) {
            m_albums->refreshAlbum(albumId);
            if (m_grid->fileModel() == m_albumContents && m_albumContents->albumId() == albumId)
                m_albumContents->refresh();
            const QString album = text::displayText(m_albums->albumAt(m_albums->rowOfId(albumId)).name);
            showDone(tr("“%1”: took the %Ln item(s) added out again.", nullptr, count).arg(album));
            return;
        }
        const QStringList chunk = remaining->mid(0, 1000);
        remaining->erase(remaining->begin(), remaining->begin() + chunk.size());
        m_services.client->removeFromAlbum(albumId, chunk, this,
                                           [this, step](const api::Result<api::Done> &result) {
                                               if (!result.ok()) {
                                                   showError(result.error());
                                                   return;
                                               }
                                               (*step)();
                                           });
    };
    (*stepFn)();
}

void MainWindow::addSelectionToAlbum(const QString &albumId)
{
    if (!m_grid->selectionModel() || m_grid->fileModel() == nullptr)
        return;
    QVector<models::DriveItem> items;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
        items << m_grid->fileModel()->itemAt(index.row());
    m_albums->addToAlbum(m_albums->rowOfId(albumId), items);
}

void MainWindow::showGridMenu(const QPoint &pos)
{
    updateEditActions();
    QMenu menu(this);
    menu.setAccessibleName(tr("Photo menu"));
    const bool selection = m_grid->selectionModel() && m_grid->selectionModel()->hasSelection();
    const QModelIndex current = m_grid->currentIndex();
    if (m_place == Place::RecycleBin) { // what a recycle bin offers, and nothing that needs the file back
        if (selection)
            menu.addActions({m_restore, m_deleteForGood});
        menu.addSeparator();
        menu.addAction(m_emptyBin);
        menu.addSeparator();
        menu.addAction(m_selectAll);
        menu.exec(m_grid->viewport()->mapToGlobal(pos));
        return;
    }
    if (selection && current.isValid()) {
        QAction *open =
            menu.addAction(current.data(PagedFileModel::IsFolderRole).toBool() ? tr("&Open") : tr("&View"));
        connect(open, &QAction::triggered, this,
                [this, current = QPersistentModelIndex(current)] { openGridItem(current); });
        menu.addSeparator();
    }
    QMenu *add = menu.addMenu(tr("Add to al&bum"));
    add->setEnabled(selection);
    fillAddToAlbumMenu(add);
    if (m_removeFromAlbum->isEnabled())
        menu.addAction(m_removeFromAlbum);
    if (selection)
        menu.addAction(m_favorite);
    menu.addSeparator();
    if (selection)
        menu.addActions({m_openWith, m_copyFiles});
    menu.addAction(m_saveTo);
    if ((m_place == Place::Album || m_place == Place::Favorites || m_place == Place::DriveSearch) &&
        selection && current.isValid()) {
        // Where the file is in the drive: its folder, with it selected.
        menu.addAction(tr("Show in &folder"), this,
                       [this, id = current.data(PagedFileModel::IdRole).toString(),
                        container = current.data(PagedFileModel::ContainerRole).toString()] {
                           showInFolder(id, container);
                       });
    }
    menu.addSeparator();
    if (m_rename->isEnabled())
        menu.addAction(m_rename);
    if (m_newFolder->isEnabled())
        menu.addAction(m_newFolder);
    if (m_toRecycleBin->isEnabled())
        menu.addAction(m_toRecycleBin);
    menu.addSeparator();
    menu.addAction(m_selectAll);
    menu.exec(m_grid->viewport()->mapToGlobal(pos));
}

void MainWindow::newAlbum()
{
    openAlbumDialog(nullptr);
}

void MainWindow::editAlbum()
{
    const int row = m_albums->rowOfId(m_albumId);
    if (m_place != Place::Album || row < 0)
        return;
    const api::Album album = m_albums->albumAt(row);
    openAlbumDialog(&album);
}

void MainWindow::openAlbumDialog(const api::Album *editing)
{
    // The shared spaces are asked for first: a new album can go into one of them.
    const std::optional<api::Album> album = editing ? std::optional(*editing) : std::nullopt;
    // "New album from selection": what goes into the album once it is made (nothing when cancelled).
    const QVector<models::DriveItem> toAdd =
        editing ? QVector<models::DriveItem>() : std::exchange(m_itemsForNewAlbum, {});
    m_services.client->shareFolders(this, [this, album,
                                           toAdd](const api::Result<QVector<api::ShareFolder>> &spaces) {
        auto *dialog =
            new AlbumDialog(m_treeModel, spaces.ok() ? spaces.value() : QVector<api::ShareFolder>(), this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        if (album)
            dialog->setAlbum(*album);
        connect(dialog, &AlbumDialog::submitted, this, [this, dialog, toAdd] {
            dialog->setBusy(true);
            QPointer<AlbumDialog> guard(dialog);
            auto done = [this, guard, toAdd](const api::Result<QString> &result) {
                if (!guard)
                    return;
                if (!result.ok()) {
                    guard->showRefusal(result.error().message +
                                       (result.error().traceId.isEmpty()
                                            ? QString()
                                            : tr(" (trace id %1)").arg(result.error().traceId)));
                    return;
                }
                const bool created = !guard->isEditing();
                guard->accept();
                if (created) { // show the new album
                    const int row = m_albums->rowOfId(result.value());
                    if (!toAdd.isEmpty() && row >= 0 && m_albums->albumAt(row).isManual())
                        m_albums->addToAlbum(row, toAdd);
                    for (auto [view, proxy] : {std::pair{m_myAlbums, m_myAlbumsProxy},
                                               std::pair{m_sharedAlbums, m_sharedAlbumsProxy}}) {
                        const QModelIndex shown = proxy->mapFromSource(m_albums->index(row));
                        if (shown.isValid())
                            view->setCurrentIndex(shown);
                    }
                } else {
                    updateActions();
                }
            };
            if (!dialog->isEditing()) {
                m_albums->createAlbum(dialog->newAlbum(), done);
                return;
            }
            const int row = m_albums->rowOfId(dialog->editedAlbum().id);
            const auto change = dialog->change();
            if (change.name)
                m_albums->renameAlbum(row, *change.name, done);
            else
                m_albums->rescopeAlbum(row, change.scopeDirs.value_or(QStringList()),
                                       change.scopeParentFolderId.value_or(QString()),
                                       change.scopeKinds->first, change.scopeKinds->second, done);
        });
        dialog->open();
    });
}

void MainWindow::deleteAlbum()
{
    const int row = m_albums->rowOfId(m_albumId);
    if (m_place != Place::Album || row < 0)
        return;
    const api::Album album = m_albums->albumAt(row);
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Delete album"),
                                tr("Delete the album “%1”?").arg(text::displayText(album.name)),
                                QMessageBox::Cancel, this);
    // The name is the server's text: QMessageBox would render it as markup and open its links.
    ask->setTextFormat(Qt::PlainText);
    ask->setInformativeText(album.isManual() ? tr("The photos themselves stay in your drive.")
                                             : tr("The folders and their photos stay in your drive."));
    ask->addButton(tr("Delete album"), QMessageBox::DestructiveRole);
    // Enter keeps the album: deleting it takes a deliberate click (or Tab to the button and Space).
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setEscapeButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::buttonClicked, this, [this, ask, album](QAbstractButton *button) {
        if (ask->buttonRole(button) != QMessageBox::DestructiveRole)
            return;
        m_albums->deleteAlbum(m_albums->rowOfId(album.id), [this, album](const api::Result<QString> &result) {
            if (!result.ok())
                return;                  // the model reported it
            if (m_albumId == album.id) { // the window goes to the drive's top, and says it there
                const QModelIndex drive = m_treeModel->index(0, 0);
                m_tree->setCurrentIndex(QModelIndex());
                m_tree->setCurrentIndex(drive);
            }
            m_messages->showNote(tr("Deleted the album “%1”; its photos are still in your drive.")
                                     .arg(text::displayText(album.name)));
        });
    });
    ask->open();
}

void MainWindow::removeFromAlbum()
{
    if (m_place != Place::Album || m_grid->fileModel() != m_albumContents || !m_grid->selectionModel())
        return;
    QList<int> rows;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
        rows << index.row();
    if (rows.isEmpty())
        return;
    const int count = int(rows.size());
    const bool waits = m_outbox->isHolding();
    QVector<models::DriveItem> taken; // what Undo puts back
    for (int row : std::as_const(rows))
        taken << m_albumContents->itemAt(row);
    m_albumContents->removeFromAlbum(
        rows,
        [this, count, waits, taken, albumId = m_albumId](const api::Result<api::Done> &result) {
            if (!result.ok())
                return;
            m_albums->refreshAlbum(albumId); // its count in the sidebar (and its cover, if that went)
            const int undoId = pushUndo(tr("Remove from album"), [this, albumId, taken] {
                const QScopedValueRollback undoing(m_addIsUndo, true);
                m_albums->addToAlbum(m_albums->rowOfId(albumId), taken);
            });
            if (!waits && !m_outbox->isHolding()) // else the outbox's note says it is kept
                showDone(tr("Took %Ln item(s) out of the album; they stay in your drive.", nullptr, count),
                         undoId);
        },
        m_albums->albumAt(m_albums->rowOfId(m_albumId)).name);
}

} // namespace koodrive::ui
