#include "AlbumDialog.h"

#include "models/FolderTreeModel.h"
#include "text/DisplayText.h"
#include "widgets/ProblemLabel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::FolderTreeModel;

AlbumDialog::AlbumDialog(FolderTreeModel *folders, QVector<api::ShareFolder> spaces, QWidget *parent)
    : QDialog(parent)
    , m_folders(folders)
    , m_spaces(std::move(spaces))
    , m_manual(new QRadioButton(tr("&Album: photos you choose")))
    , m_collection(new QRadioButton(tr("&Collection: everything in chosen folders")))
    , m_name(new QLineEdit)
    , m_space(new QComboBox)
    , m_pages(new QStackedWidget)
    , m_parentTree(new QTreeView)
    , m_children(new QListWidget)
    , m_images(new QCheckBox(tr("&Photos")))
    , m_videos(new QCheckBox(tr("&Videos")))
    , m_problem(new ProblemLabel)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel))
{
    setWindowTitle(tr("New album"));
    auto *kinds = new QButtonGroup(this);
    kinds->addButton(m_manual);
    kinds->addButton(m_collection);
    m_manual->setChecked(true);
    m_name->setMaxLength(MaxNameLength * 2); // longer text is shown as a problem, not cut silently
    m_name->setPlaceholderText(tr("1 to %1 characters").arg(MaxNameLength));
    m_name->setAccessibleName(tr("Album name"));
    m_space->addItem(tr("Only me"));
    for (const api::ShareFolder &space : std::as_const(m_spaces))
        m_space->addItem(tr("Shared in “%1”").arg(space.name));
    m_space->setAccessibleName(tr("Who sees it"));

    // The collection page: a parent folder (left), its folders to gather (right), and what to gather.
    auto *collection = new QWidget;
    auto *collectionLayout = new QGridLayout(collection);
    collectionLayout->setContentsMargins(0, 6, 0, 0);
    m_parentTree->setModel(m_folders);
    m_parentTree->setHeaderHidden(true);
    m_parentTree->setAccessibleName(tr("Parent folder"));
    m_parentTree->setMinimumSize(240, 220);
    m_children->setAccessibleName(tr("Folders to gather"));
    m_children->setMinimumSize(240, 220);
    m_images->setChecked(true);
    m_videos->setChecked(true);
    auto *parentLabel = new QLabel(tr("&From the folder:"));
    parentLabel->setBuddy(m_parentTree);
    auto *childrenLabel = new QLabel(tr("&Gather its folders (up to %1):").arg(MaxFolders));
    childrenLabel->setBuddy(m_children);
    auto *what = new QHBoxLayout;
    what->addWidget(new QLabel(tr("Gather:")));
    what->addWidget(m_images);
    what->addWidget(m_videos);
    what->addStretch();
    collectionLayout->addWidget(parentLabel, 0, 0);
    collectionLayout->addWidget(childrenLabel, 0, 1);
    collectionLayout->addWidget(m_parentTree, 1, 0);
    collectionLayout->addWidget(m_children, 1, 1);
    collectionLayout->addLayout(what, 2, 0, 1, 2);
    m_pages->addWidget(new QWidget); // a manual album needs nothing more
    m_pages->addWidget(collection);

    auto *form = new QFormLayout;
    form->addRow(m_manual);
    form->addRow(m_collection);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Who sees it:"), m_space);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_pages, 1);
    m_problem->setWordWrap(true);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canAccept() && !m_busy)
            emit submitted();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_manual, &QRadioButton::toggled, this, [this](bool manual) {
        // A manual album needs only a name: the folder choice shows only for collections.
        m_pages->setCurrentIndex(manual ? 0 : 1);
        m_pages->setVisible(!manual);
        if (manual)
            resize(width(), minimumSizeHint().height());
        else
            resize(qMax(width(), 600), qMax(height(), minimumSizeHint().height()));
        // Grown or shrunk, it stays centred over the window.
        if (parentWidget())
            move(parentWidget()->window()->geometry().center() - rect().center());
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &AlbumDialog::validate);
    connect(m_space, &QComboBox::currentIndexChanged, this, &AlbumDialog::validate);
    connect(m_images, &QCheckBox::toggled, this, &AlbumDialog::validate);
    connect(m_videos, &QCheckBox::toggled, this, &AlbumDialog::validate);
    connect(m_children, &QListWidget::itemChanged, this, &AlbumDialog::validate);
    connect(m_parentTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { chooseParent(current); });
    connect(m_folders, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &under) {
        if (under.isValid() && under == m_parent)
            listChildren();
    });
    m_name->setFocus();
    m_pages->setVisible(false);
    validate();
    resize(520, minimumSizeHint().height());
}

void AlbumDialog::setAlbum(const api::Album &album)
{
    m_editing = album;
    setWindowTitle(tr("Edit “%1”").arg(text::displayText(album.name)));
    m_manual->setChecked(album.isManual());
    m_collection->setChecked(!album.isManual());
    m_manual->setEnabled(false); // the type of an album does not change (album-update.txt)
    m_collection->setEnabled(false);
    m_space->setEnabled(false);
    m_name->setText(album.name);
    m_name->setEnabled(
        album.isManual()); // album-update.txt: a collection album's scope, a manual album's name
    m_images->setChecked(album.scopeKind.contains(QLatin1Char('1')));
    m_videos->setChecked(album.scopeKind.contains(QLatin1Char('2')));
    if (!album.isManual()) {
        const QModelIndex parent = m_folders->indexOfId(album.scopeParentFolderId);
        if (parent.isValid())
            chooseParent(parent);
        for (const QString &folder : album.scopeDirs)
            setFolderChecked(folder, true);
    }
    validate();
}

void AlbumDialog::chooseCollection(bool collection)
{
    (collection ? m_collection : m_manual)->setChecked(true);
}

void AlbumDialog::setName(const QString &name)
{
    m_name->setText(name);
}

void AlbumDialog::chooseParent(const QModelIndex &treeIndex)
{
    if (!treeIndex.isValid() || treeIndex == m_parent)
        return;
    m_parent = treeIndex;
    if (m_parentTree->currentIndex() != treeIndex)
        m_parentTree->setCurrentIndex(treeIndex);
    if (m_folders->canFetchMore(treeIndex))
        m_folders->fetchMore(treeIndex); // its folders come with rowsInserted
    listChildren();
}

void AlbumDialog::listChildren()
{
    const QStringList wanted = checkedFolders() + m_editing.scopeDirs;
    m_children->blockSignals(true);
    m_children->clear();
    for (int row = 0; row < m_folders->rowCount(m_parent); ++row) {
        const QModelIndex child = m_folders->index(row, 0, m_parent);
        auto *item = new QListWidgetItem(child.data().toString(), m_children);
        item->setData(Qt::UserRole, child.data(FolderTreeModel::IdRole));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(wanted.contains(child.data(FolderTreeModel::IdRole).toString()) ? Qt::Checked
                                                                                            : Qt::Unchecked);
    }
    m_children->blockSignals(false);
    validate();
}

void AlbumDialog::setFolderChecked(const QString &folderId, bool checked)
{
    for (int i = 0; i < m_children->count(); ++i)
        if (m_children->item(i)->data(Qt::UserRole).toString() == folderId)
            m_children->item(i)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

QStringList AlbumDialog::checkedFolders() const
{
    QStringList ids;
    for (int i = 0; i < m_children->count(); ++i)
        if (m_children->item(i)->checkState() == Qt::Checked)
            ids << m_children->item(i)->data(Qt::UserRole).toString();
    return ids;
}

QString AlbumDialog::problem() const
{
    const QString name = m_name->text().trimmed();
    const bool manual = m_manual->isChecked();
    if (manual && name.isEmpty())
        return tr("Give the album a name.");
    if (name.size() > MaxNameLength)
        return tr("A name has at most %1 characters; this one has %2.").arg(MaxNameLength).arg(name.size());
    if (manual)
        return {};
    if (!m_parent.isValid())
        return tr("Choose the folder whose folders the collection gathers.");
    const int folders = int(checkedFolders().size());
    if (folders == 0)
        return tr("Tick at least one folder to gather.");
    if (folders > MaxFolders)
        return tr("A collection gathers at most %1 folders; %2 are ticked.").arg(MaxFolders).arg(folders);
    if (!m_images->isChecked() && !m_videos->isChecked())
        return tr("Gather photos, videos, or both.");
    // A shared collection gathers folders of its shared space, a personal one folders of the drive.
    const int space = m_space->currentIndex();
    const QString container = m_parent.data(FolderTreeModel::ContainerRole).toString();
    if (!isEditing() && space > 0 && container != m_spaces.at(space - 1).containerId)
        return tr("The folders of a shared collection must be in that shared space.");
    if (!isEditing() && space == 0 && m_parent.data(FolderTreeModel::IsSharedRole).toBool())
        return tr("The folders of a personal collection must be in your drive.");
    return {};
}

void AlbumDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy && canAccept());
    if (busy)
        m_problem->setText(tr("Saving…"));
}

void AlbumDialog::showRefusal(const QString &message)
{
    setBusy(false);
    m_problem->setText(text::elided(text::displayText(message), 300)); // may be the server's words
}

bool AlbumDialog::canAccept() const
{
    return problem().isEmpty();
}

void AlbumDialog::validate()
{
    const QString text = problem();
    // Nothing typed yet is not an error to shout about: OK is simply not possible yet.
    m_problem->setText(m_name->text().isEmpty() && m_manual->isChecked() ? QString() : text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(text.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setText(isEditing() ? tr("Save") : tr("Create"));
}

api::KooDriveClient::NewAlbum AlbumDialog::newAlbum() const
{
    api::KooDriveClient::NewAlbum album;
    album.type = m_manual->isChecked() ? api::AlbumType::Manual : api::AlbumType::Collection;
    album.name = m_name->text().trimmed();
    if (album.type == api::AlbumType::Collection) {
        album.scopeDirs = checkedFolders();
        album.scopeParentFolderId = m_parent.data(FolderTreeModel::IdRole).toString();
        album.scopeImages = m_images->isChecked();
        album.scopeVideos = m_videos->isChecked();
    }
    const int space = m_space->currentIndex();
    if (space > 0) {
        const api::ShareFolder &shared = m_spaces.at(space - 1);
        album.kind = api::AlbumKind::Shared;
        album.groupId = shared.groupId;
        album.shareFolderId = shared.shareFolderId;
        album.containerId = shared.containerId;
    }
    return album;
}

api::KooDriveClient::AlbumChange AlbumDialog::change() const
{
    api::KooDriveClient::AlbumChange change;
    if (m_editing.isManual()) {
        change.name = m_name->text().trimmed();
    } else {
        change.scopeDirs = checkedFolders();
        change.scopeParentFolderId = m_parent.data(FolderTreeModel::IdRole).toString();
        change.scopeKinds = std::make_pair(m_images->isChecked(), m_videos->isChecked());
    }
    return change;
}

} // namespace koodrive::ui
