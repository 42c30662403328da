// MainWindow: what a person does to the drive's own files — favourites, the recycle bin (move there,
// restore, delete for good, empty) — and Undo for those, for albums and for names (MainWindowNames.cpp).
#include "MainWindow.h"
#include "delegates/ThumbnailDelegate.h"
#include "edits/DriveEdits.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "models/SearchModel.h"
#include "models/StarredModel.h"
#include "text/DisplayText.h"
#include "viewer/PhotoViewer.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>

namespace koodrive::ui {

using models::FolderModel;
using models::FolderTreeModel;
using models::PagedFileModel;
using JobAction = api::KooDriveClient::JobAction;

void MainWindow::makeEditActions()
{
    m_favorite = new QAction(QIcon(QStringLiteral(":/icons/favourite.svg")), tr("&Favourite"), this);
    m_favorite->setCheckable(true);
    m_favorite->setShortcut(Qt::Key_S);
    m_favorite->setToolTip(tr("Star the selected photos, or unstar them (S)"));
    connect(m_favorite, &QAction::triggered, this, [this] { toggleFavorite(); });

    m_toRecycleBin = new QAction(tr("&Move to recycle bin"), this);
    m_toRecycleBin->setShortcut(QKeySequence::Delete);
    m_toRecycleBin->setToolTip(tr("Move the selected files to the recycle bin; they can be restored (Del)"));
    connect(m_toRecycleBin, &QAction::triggered, this, &MainWindow::moveToRecycleBin);

    m_restore = new QAction(tr("&Restore"), this);
    m_restore->setToolTip(tr("Put the selected files back where they were"));
    connect(m_restore, &QAction::triggered, this, &MainWindow::restoreSelection);
    m_deleteForGood = new QAction(tr("&Delete for good…"), this);
    m_deleteForGood->setShortcut(QKeySequence::Delete);
    m_deleteForGood->setToolTip(
        tr("Delete the selected files from the recycle bin; this cannot be undone (Del)"));
    connect(m_deleteForGood, &QAction::triggered, this, &MainWindow::deleteForGood);
    m_emptyBin = new QAction(tr("&Empty recycle bin…"), this);
    m_emptyBin->setToolTip(tr("Delete every file in the recycle bin; this cannot be undone"));
    connect(m_emptyBin, &QAction::triggered, this, &MainWindow::emptyRecycleBin);

    m_rename = new QAction(tr("Re&name"), this);
    m_rename->setShortcut(Qt::Key_F2);
    m_rename->setToolTip(tr("Rename the selected file or folder (F2)"));
    connect(m_rename, &QAction::triggered, this, &MainWindow::renameSelected);
    m_newFolder = new QAction(QIcon(QStringLiteral(":/icons/folder.svg")), tr("New &folder"), this);
    m_newFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    m_newFolder->setToolTip(tr("Make a folder here and name it (Ctrl+Shift+N)"));
    connect(m_newFolder, &QAction::triggered, this, &MainWindow::newFolder);

    m_undo = new QAction(tr("&Undo"), this);
    m_undo->setShortcut(QKeySequence::Undo);
    connect(m_undo, &QAction::triggered, this, [this] {
        if (!m_undoSteps.isEmpty())
            undoStep(m_undoSteps.constLast().id);
    });

    addActions({m_favorite, m_toRecycleBin, m_deleteForGood, m_rename, m_newFolder, m_undo});

    ThumbnailDelegate *tiles = m_grid->tileDelegate();
    connect(tiles, &ThumbnailDelegate::favoriteClicked, this, [this](const QModelIndex &index) {
        if (m_place == Place::RecycleBin || !m_grid->fileModel())
            return;
        toggleFavorite(QModelIndexList{index});
    });
    connect(tiles, &ThumbnailDelegate::renameRequested, this,
            [this](const QModelIndex &index, const QString &name) { renameFile(index, name); });

    // Jobs of many files show how far they are, as adding to an album does.
    connect(m_edits, &edits::DriveEdits::jobProgress, this, [this](int done, int asked) {
        if (asked <= 0) {
            m_progress->setVisible(false);
            return;
        }
        m_progress->setVisible(true);
        m_progress->setFormat(tr("%v of %m"));
        m_progress->setRange(0, asked);
        m_progress->setValue(done);
    });
    // In the viewer, S stars the photo shown.
    connect(m_centreStack, &QStackedWidget::currentChanged, this, &MainWindow::updateEditActions);
    // A new folder's name is edited once its row is in (the refresh after making it brings it).
    connect(m_folder, &QAbstractItemModel::rowsInserted, this, &MainWindow::renameWhenShown,
            Qt::QueuedConnection);
    // Show in folder: the file is selected once its folder's rows hold it.
    connect(m_folder, &QAbstractItemModel::rowsInserted, this, &MainWindow::selectWhenShown,
            Qt::QueuedConnection);
    connect(m_folder, &QAbstractItemModel::modelReset, this, &MainWindow::selectWhenShown,
            Qt::QueuedConnection);
    updateUndoAction();
}

void MainWindow::updateEditActions()
{
    const bool signedIn = isSignedIn();
    const bool selection = m_grid->selectionModel() && m_grid->selectionModel()->hasSelection();
    const bool viewing = m_centreStack->currentWidget() == m_viewer;
    const bool files = signedIn && (selection || viewing) && m_place != Place::RecycleBin;
    m_favorite->setEnabled(files);
    // Checked when every selected file is a favourite already. Looked at for a selection of up to 2000
    // only: this runs at each change of the selection, and Ctrl+A in 100 000 files is not one to walk.
    if (files && !viewing && m_grid->selectedCount() <= 2000) {
        bool all = true;
        for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
            all = all && (index.data(PagedFileModel::IsFolderRole).toBool() ||
                          index.data(PagedFileModel::FavoriteRole).toBool());
        m_favorite->setChecked(all);
    } else {
        m_favorite->setChecked(false);
    }
    // What S does now, in the menus' words.
    m_favorite->setText(m_favorite->isChecked() ? tr("Remove from &favourites") : tr("&Favourite"));
    const bool ownFolder = signedIn && m_place == Place::Folder && personalFolderShown();
    m_toRecycleBin->setEnabled((ownFolder || m_place == Place::DriveSearch) && selection);
    m_rename->setEnabled(ownFolder && m_grid->selectedCount() == 1);
    m_newFolder->setEnabled(ownFolder);
    const bool bin = signedIn && m_place == Place::RecycleBin;
    m_restore->setEnabled(bin && selection);
    m_deleteForGood->setEnabled(bin && selection);
    m_emptyBin->setEnabled(bin && m_folder->rowCount() > 0);
    // Nothing in the recycle bin goes into an album (or is dragged out of it).
    m_addToAlbumMenu->setEnabled(signedIn && selection && m_place != Place::RecycleBin);
    m_grid->setDragEnabled(m_place != Place::RecycleBin);
}

QList<PagedFileModel *> MainWindow::fileModels() const
{
    return {m_folder, m_albumContents, m_starred, m_driveSearch};
}

// --- undo ------------------------------------------------------------------------------------------------

int MainWindow::pushUndo(const QString &what, std::function<void()> undo)
{
    const int id = ++m_lastUndoId;
    m_undoSteps.append({id, what, std::move(undo)});
    while (m_undoSteps.size() > 50)
        m_undoSteps.removeFirst();
    updateUndoAction();
    return id;
}

void MainWindow::undoStep(int id)
{
    for (qsizetype i = 0; i < m_undoSteps.size(); ++i)
        if (m_undoSteps[i].id == id) {
            const UndoStep step = m_undoSteps.takeAt(i);
            updateUndoAction();
            step.undo();
            return;
        }
}

void MainWindow::updateUndoAction()
{
    m_undo->setEnabled(!m_undoSteps.isEmpty());
    m_undo->setText(m_undoSteps.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(m_undoSteps.constLast().what));
    m_undo->setToolTip(m_undoSteps.isEmpty() ? tr("Nothing to undo (Ctrl+Z)")
                                             : tr("Undo %1 (Ctrl+Z)").arg(m_undoSteps.constLast().what));
}

void MainWindow::showDone(const QString &text, int undoId)
{
    if (undoId > 0)
        m_messages->showNote(text, tr("Undo"), [this, undoId] { undoStep(undoId); });
    else
        m_messages->showNote(text);
}

// --- favourites ----------------------------------------------------------------------------------------

void MainWindow::toggleFavorite(QModelIndexList rows)
{
    if (rows.isEmpty()) {
        // In the viewer: the photo shown; else the grid's selection.
        if (m_centreStack->currentWidget() == m_viewer && m_grid->fileModel())
            rows << m_grid->fileModel()->index(m_viewer->currentRow());
        else if (m_grid->selectionModel())
            rows = m_grid->selectionModel()->selectedIndexes();
    }
    QVector<api::KooDriveClient::StarRef> refs;
    bool all = true;
    for (const QModelIndex &index : std::as_const(rows)) {
        if (!index.isValid() || index.data(PagedFileModel::IsFolderRole).toBool())
            continue;
        refs.append({index.data(PagedFileModel::ContainerRole).toString(),
                     index.data(PagedFileModel::IdRole).toString()});
        all = all && index.data(PagedFileModel::FavoriteRole).toBool();
    }
    if (refs.isEmpty() || m_place == Place::RecycleBin)
        return;
    setFavorite(refs, !all, true);
}

void MainWindow::setFavorite(const QVector<api::KooDriveClient::StarRef> &files, bool starred, bool undoable)
{
    // Shown at once (a heart is a light thing to wait for); put back for the files the server refused.
    QSet<QString> ids;
    for (const auto &file : files)
        ids.insert(file.fileId);
    for (PagedFileModel *model : fileModels())
        model->setFavoriteHere(ids, starred);
    updateEditActions();
    m_edits->star(
        files, starred, [this, files, starred, undoable, ids](const edits::DriveEdits::Outcome &outcome) {
            QSet<QString> refused = ids;
            for (const QString &id : outcome.done)
                refused.remove(id);
            for (PagedFileModel *model : fileModels())
                model->setFavoriteHere(refused, !starred);
            if (starred && m_place == Place::Favorites)
                m_starred->refresh(); // the new favourites come first there
            else if (!starred && m_place != Place::Favorites)
                m_starred->removeIds(QSet<QString>(outcome.done.cbegin(), outcome.done.cend()));
            updateEditActions();
            if (outcome.error) {
                m_messages->showProblem(tr("%Ln file(s) could not be changed: %1", nullptr, outcome.failed)
                                            .arg(outcome.error->message),
                                        outcome.error->traceId, outcome.error->details(), {});
                return;
            }
            if (!undoable || outcome.done.isEmpty())
                return;
            QVector<api::KooDriveClient::StarRef> changed;
            for (const auto &file : files)
                if (outcome.done.contains(file.fileId))
                    changed << file;
            const int count = int(changed.size());
            const int undoId = pushUndo(starred ? tr("Favourite") : tr("Remove from favourites"),
                                        [this, changed, starred] { setFavorite(changed, !starred, false); });
            showDone(starred ? tr("Added %Ln file(s) to your favourites.", nullptr, count)
                             : tr("Removed %Ln file(s) from your favourites.", nullptr, count),
                     undoId);
        });
}

void MainWindow::showFavorites()
{
    if (!isSignedIn())
        return;
    m_tree->clearSelection();
    m_myAlbums->clearSelection();
    m_sharedAlbums->clearSelection();
    const bool anotherPlace = enterPlace(QStringLiteral("favourites"));
    m_place = Place::Favorites;
    m_albumId.clear();
    m_path = {tr("Favourites")};
    m_pathIds.clear();
    m_breadcrumb->setText(m_path.constFirst().toHtmlEscaped());
    m_grid->setFileModel(m_starred);
    watchSelection();
    if (anotherPlace || !m_starred->isOpen())
        m_starred->open();
    // The service lists favourites newest star first, and filters them by nothing but type.
    m_sort->blockSignals(true);
    m_sort->clear();
    m_sort->addItem(tr("Starred — newest first"));
    m_sort->blockSignals(false);
    m_typeFilter->setEnabled(false);
    // listStarFile takes no name to look for (OPERATIONS.md §6): the box is off here (Ctrl+Shift+F still
    // searches the whole drive).
    m_search->setEnabled(false);
    placeShown();
}

// --- the recycle bin ------------------------------------------------------------------------------------

QString MainWindow::idPathOf(const QModelIndex &index) const
{
    const QString id = index.data(PagedFileModel::IdRole).toString();
    if (m_place == Place::DriveSearch)
        return m_driveSearch->idPath(id);
    if (m_place != Place::Folder || m_pathIds.isEmpty())
        return {};
    // OPERATIONS.md §5: "/<root id>/…/<file id>"; the path's first id is the drive's root folder.
    QString path;
    for (const auto &step : m_pathIds)
        path += QLatin1Char('/') + step.second;
    return path + QLatin1Char('/') + id;
}

void MainWindow::moveToRecycleBin()
{
    if (!m_toRecycleBin->isEnabled() || !m_grid->selectionModel())
        return;
    QVector<api::KooDriveClient::JobFile> files;
    QString container;
    bool folders = false;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes()) {
        const QString path = idPathOf(index);
        if (path.isEmpty())
            continue;
        container = index.data(PagedFileModel::ContainerRole).toString();
        folders = folders || index.data(PagedFileModel::IsFolderRole).toBool();
        files.append({index.data(PagedFileModel::IdRole).toString(), path});
    }
    if (files.isEmpty())
        return;
    PagedFileModel *model = m_grid->fileModel();
    m_edits->runJob(
        JobAction::ToRecycleBin, container, files,
        [this, model, container, folders](const edits::DriveEdits::Outcome &outcome) {
            const QSet<QString> gone(outcome.done.cbegin(), outcome.done.cend());
            model->removeIds(gone);
            if (folders)
                m_treeModel->readAgain();
            m_albums->refreshAll(); // their counts and covers
            int undoId = 0;
            if (!outcome.done.isEmpty()) {
                QVector<api::KooDriveClient::JobFile> back;
                for (const QString &id : outcome.done)
                    back.append({id, QString()});
                undoId = pushUndo(tr("Move to recycle bin"),
                                  [this, container, back] { restoreFiles(container, back); });
            }
            if (outcome.error) {
                m_messages->showProblem(
                    tr("%Ln moved to the recycle bin, %1 could not be: %2", nullptr, int(outcome.done.size()))
                        .arg(outcome.failed)
                        .arg(outcome.error->message),
                    outcome.error->traceId, outcome.error->details(), {});
                return;
            }
            showDone(tr("Moved %Ln item(s) to the recycle bin.", nullptr, int(outcome.done.size())), undoId);
        });
}

void MainWindow::restoreSelection()
{
    if (m_place != Place::RecycleBin || !m_grid->selectionModel())
        return;
    QVector<api::KooDriveClient::JobFile> files;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
        files.append({index.data(PagedFileModel::IdRole).toString(), QString()});
    restoreFiles(m_folder->location().containerId, files);
}

void MainWindow::restoreFiles(const QString &containerId, const QVector<api::KooDriveClient::JobFile> &files)
{
    if (files.isEmpty())
        return;
    m_edits->runJob(
        JobAction::Restore, containerId, files, [this](const edits::DriveEdits::Outcome &outcome) {
            const QSet<QString> back(outcome.done.cbegin(), outcome.done.cend());
            if (m_place == Place::RecycleBin)
                m_folder->removeIds(back);
            else if (auto *model = m_grid->fileModel())
                model->refresh(); // the folder or album they came back to shows them
            m_treeModel->readAgain();
            m_albums->refreshAll(); // their counts and covers
            if (outcome.error) {
                m_messages->showProblem(
                    tr("%Ln restored, %1 could not be: %2", nullptr, int(outcome.done.size()))
                        .arg(outcome.failed)
                        .arg(outcome.error->message),
                    outcome.error->traceId, outcome.error->details(), {});
                return;
            }
            // Undoing a restore would move them to the bin again, which needs their id paths: not
            // offered; the note says where they went.
            showDone(tr("Restored %Ln item(s) to where they were.", nullptr, int(outcome.done.size())));
        });
}

bool MainWindow::confirmForGood(const QString &question)
{
    QMessageBox ask(QMessageBox::Warning, tr("Delete for good"), question, QMessageBox::Cancel, this);
    ask.setTextFormat(Qt::PlainText);
    ask.setInformativeText(tr("This cannot be undone."));
    QAbstractButton *yes = ask.addButton(tr("Delete for good"), QMessageBox::DestructiveRole);
    ask.setDefaultButton(QMessageBox::Cancel); // Enter keeps the files
    ask.setEscapeButton(QMessageBox::Cancel);
    if (m_confirmForGood) // tests answer for the person
        return m_confirmForGood(&ask);
    ask.exec();
    return ask.clickedButton() == yes;
}

void MainWindow::deleteForGood()
{
    if (m_place != Place::RecycleBin || !m_grid->selectionModel())
        return;
    QVector<api::KooDriveClient::JobFile> files;
    for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
        files.append({index.data(PagedFileModel::IdRole).toString(), QString()});
    if (files.isEmpty() || !confirmForGood(tr("Delete %Ln item(s) for good?", nullptr, int(files.size()))))
        return;
    m_edits->runJob(JobAction::DeleteForGood, m_folder->location().containerId, files,
                    [this](const edits::DriveEdits::Outcome &outcome) {
                        m_folder->removeIds(QSet<QString>(outcome.done.cbegin(), outcome.done.cend()));
                        if (outcome.error) {
                            m_messages->showProblem(
                                tr("%Ln deleted, %1 could not be: %2", nullptr, int(outcome.done.size()))
                                    .arg(outcome.failed)
                                    .arg(outcome.error->message),
                                outcome.error->traceId, outcome.error->details(), {});
                            return;
                        }
                        showDone(tr("Deleted %Ln item(s) for good.", nullptr, int(outcome.done.size())));
                    });
}

void MainWindow::emptyRecycleBin()
{
    if (m_place != Place::RecycleBin || !confirmForGood(tr("Delete everything in the recycle bin for good?")))
        return;
    m_edits->emptyRecycleBin(
        m_folder->location().containerId, [this](const edits::DriveEdits::Outcome &outcome) {
            if (m_place == Place::RecycleBin)
                m_folder->refresh();
            if (outcome.error) {
                m_messages->showProblem(
                    tr("The recycle bin could not be emptied: %1").arg(outcome.error->message),
                    outcome.error->traceId, outcome.error->details(), {});
                return;
            }
            showDone(tr("Emptied the recycle bin."));
        });
}

} // namespace koodrive::ui
