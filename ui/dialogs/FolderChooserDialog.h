#pragma once

#include <QDialog>
#include <QPersistentModelIndex>

class QDialogButtonBox;
class QLabel;
class QTreeView;

namespace koodrive::models {
class FolderTreeModel;
}

namespace koodrive::ui {

// Chooses one folder of the user's own drive (the shared spaces are not offered: an album's uploads stay in
// the user's own drive), e.g. where an album's uploads go. The folders come from the window's
// FolderTreeModel, read as the person opens them.
class FolderChooserDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FolderChooserDialog)

public:
    FolderChooserDialog(models::FolderTreeModel *folders, const QString &prompt, QWidget *parent = nullptr);

    // What a person does, for tests: a folder of the tree (invalid: none).
    void choose(const QModelIndex &treeIndex);
    QString folderId() const;
    // The drive's names from its top, "Uploads/Trip" (the drive itself: empty).
    QString folderPath() const;
    static QString pathOf(const QModelIndex &treeIndex);

private:
    models::FolderTreeModel *m_folders;
    QTreeView *m_tree;
    QLabel *m_chosen;
    QDialogButtonBox *m_buttons;
    QPersistentModelIndex m_current;
};

} // namespace koodrive::ui
