#pragma once

#include "api/ApiTypes.h"
#include "api/KooDriveClient.h"

#include <QDialog>
#include <QPersistentModelIndex>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QRadioButton;
class QStackedWidget;
class QTreeView;

namespace koodrive::models {
class FolderTreeModel;
}

namespace koodrive::ui {

// New album, or edit one (album-create.txt, album-update.txt): a manual album by name (1–20 characters,
// checked as it is typed), or a collection album that gathers the photos and/or videos of up to 30
// folders under one parent; personal, or shared in one of the user's shared spaces. Editing renames a
// manual album, or changes a collection album's folders and kinds.
class AlbumDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumDialog)

public:
    static constexpr int MaxNameLength = 20; // album-create.txt, "name"
    static constexpr int MaxFolders = 30;    // album-create.txt, "scopeDir"

    AlbumDialog(models::FolderTreeModel *folders, QVector<api::ShareFolder> spaces,
                QWidget *parent = nullptr);

    // Edit this album instead of making a new one.
    void setAlbum(const api::Album &album);
    bool isEditing() const { return !m_editing.id.isEmpty(); }
    const api::Album &editedAlbum() const { return m_editing; }

    api::KooDriveClient::NewAlbum newAlbum() const;
    api::KooDriveClient::AlbumChange change() const;

    // What a person does, for tests.
    void chooseCollection(bool collection);
    void setName(const QString &name);
    void chooseParent(const QModelIndex &treeIndex);
    void setFolderChecked(const QString &folderId, bool checked);
    bool canAccept() const;
    QString problem() const; // what stops OK, for a person
    // While the server is asked: OK waits. A refusal is shown in the dialog, and what was typed stays.
    void setBusy(bool busy);
    void showRefusal(const QString &message);

signals:
    void submitted(); // OK pressed with valid input: the caller asks the server, then accept()s

private:
    void listChildren();
    void validate();
    QStringList checkedFolders() const;

    models::FolderTreeModel *m_folders;
    QVector<api::ShareFolder> m_spaces;
    api::Album m_editing;
    QRadioButton *m_manual;
    QRadioButton *m_collection;
    QLineEdit *m_name;
    QComboBox *m_space;
    QStackedWidget *m_pages;
    QTreeView *m_parentTree;
    QListWidget *m_children;
    QCheckBox *m_images;
    QCheckBox *m_videos;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    QPersistentModelIndex m_parent;
    bool m_busy = false;
};

} // namespace koodrive::ui
