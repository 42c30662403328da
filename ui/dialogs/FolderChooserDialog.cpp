#include "FolderChooserDialog.h"

#include "models/FolderTreeModel.h"
#include "text/DisplayText.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::FolderTreeModel;

FolderChooserDialog::FolderChooserDialog(FolderTreeModel *folders, const QString &prompt, QWidget *parent)
    : QDialog(parent)
    , m_folders(folders)
    , m_tree(new QTreeView(this))
    , m_chosen(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Choose a folder"));
    auto *label = new QLabel(prompt, this);
    label->setTextFormat(Qt::PlainText); // it names an album: the server's text
    label->setWordWrap(true);
    m_tree->setModel(folders);
    m_tree->setHeaderHidden(true);
    m_tree->setAccessibleName(tr("Folders of your drive"));
    m_tree->setMinimumSize(320, 300);
    m_tree->setDragEnabled(false);
    // Only the user's own drive: an album's uploads do not go into a family's space.
    const auto hideShared = [this] {
        for (int row = 0; row < m_folders->rowCount(); ++row)
            m_tree->setRowHidden(row, QModelIndex(),
                                 m_folders->index(row, 0).data(FolderTreeModel::IsSharedRole).toBool());
    };
    hideShared();
    connect(folders, &QAbstractItemModel::rowsInserted, this, [hideShared](const QModelIndex &under) {
        if (!under.isValid())
            hideShared();
    });
    m_tree->expand(folders->index(0, 0));
    m_chosen->setTextFormat(Qt::PlainText);
    m_chosen->setWordWrap(true);
    label->setBuddy(m_tree);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_chosen);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { choose(current); });
    choose(QModelIndex());
}

void FolderChooserDialog::choose(const QModelIndex &treeIndex)
{
    const bool own = treeIndex.isValid() && !treeIndex.data(FolderTreeModel::IsSharedRole).toBool();
    m_current = own ? QPersistentModelIndex(treeIndex) : QPersistentModelIndex();
    if (own && m_tree->currentIndex() != treeIndex)
        m_tree->setCurrentIndex(treeIndex);
    const QString path = folderPath();
    m_chosen->setText(!own             ? tr("Choose a folder.")
                      : path.isEmpty() ? tr("Into the top of your drive.")
                                       : tr("Into “%1”.").arg(text::displayText(path)));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(own);
}

QString FolderChooserDialog::folderId() const
{
    return m_current.isValid() ? m_current.data(FolderTreeModel::IdRole).toString() : QString();
}

QString FolderChooserDialog::folderPath() const
{
    return pathOf(m_current);
}

QString FolderChooserDialog::pathOf(const QModelIndex &treeIndex)
{
    QStringList names;
    for (QModelIndex at = treeIndex; at.isValid() && at.parent().isValid(); at = at.parent())
        names.prepend(at.data(Qt::EditRole).toString()); // the name itself, not as shown
    return names.join(QLatin1Char('/'));
}

} // namespace koodrive::ui
