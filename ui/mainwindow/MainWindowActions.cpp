// The window's actions: made once, then put in the menu bar (where every one of them can be reached from
// the keyboard, with its standard shortcut), the toolbar and the grid's context menu.
#include "MainWindow.h"
#include "i18n/Language.h"
#include "models/AlbumListModel.h"
#include "models/FileLocator.h"
#include "models/FolderModel.h"
#include "models/PagedFileModel.h"
#include "text/DisplayText.h"
#include "views/ThumbnailGridView.h"
#include "widgets/MessageBar.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace koodrive::ui {

using models::FolderModel;

namespace {
// One key, pressed in a widget, does one thing there (and no shortcut of the window's takes it first).
class KeyFilter final : public QObject
{
public:
    KeyFilter(QObject *parent, int key, std::function<void()> action)
        : QObject(parent)
        , m_key(key)
        , m_action(std::move(action))
    {}

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::ShortcutOverride && event->type() != QEvent::KeyPress)
            return QObject::eventFilter(watched, event);
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() != m_key || key->modifiers() != Qt::NoModifier)
            return QObject::eventFilter(watched, event);
        event->accept();
        if (event->type() == QEvent::KeyPress)
            m_action();
        return true;
    }

private:
    int m_key;
    std::function<void()> m_action;
};

// An action's name as a label shows it, without its mnemonic: marked inside the word ("&New album…") or
// after it, as in Chinese ("新建相册(&N)…"). "&&" is an ampersand of the name.
QString withoutMnemonic(const QString &text)
{
    static const QRegularExpression after(QStringLiteral("\\(&[^)&]\\)"));
    QString name = text;
    name.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    name.remove(after);
    name.remove(QLatin1Char('&'));
    name.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return name;
}
} // namespace

void MainWindow::makeActions()
{
    m_newAlbum = new QAction(QIcon(QStringLiteral(":/icons/album-manual.svg")), tr("&New album…"), this);
    m_newAlbum->setShortcut(QKeySequence::New);
    m_newAlbum->setToolTip(tr("Make a new album or collection (Ctrl+N)"));
    connect(m_newAlbum, &QAction::triggered, this, &MainWindow::newAlbum);
    m_editAlbum = new QAction(tr("&Edit album…"), this);
    m_editAlbum->setShortcut(Qt::Key_F2);
    m_editAlbum->setToolTip(tr("Rename the album, or change a collection's folders (F2)"));
    connect(m_editAlbum, &QAction::triggered, this, &MainWindow::editAlbum);
    m_deleteAlbum = new QAction(tr("&Delete album"), this);
    m_deleteAlbum->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Delete));
    m_deleteAlbum->setToolTip(tr("Delete the album; its photos stay in your drive (Shift+Del)"));
    connect(m_deleteAlbum, &QAction::triggered, this, &MainWindow::deleteAlbum);
    m_albumUploadFolder = new QAction(tr("Where &uploads go…"), this);
    m_albumUploadFolder->setToolTip(
        tr("Choose the folder of your drive that photos dropped on this album go into"));
    connect(m_albumUploadFolder, &QAction::triggered, this, [this] { chooseAlbumUploadFolder(m_albumId); });
    m_removeFromAlbum = new QAction(tr("&Remove from album"), this);
    m_removeFromAlbum->setShortcut(QKeySequence::Delete);
    m_removeFromAlbum->setToolTip(
        tr("Take the selected photos out of this album; they stay in your drive (Del)"));
    connect(m_removeFromAlbum, &QAction::triggered, this, &MainWindow::removeFromAlbum);
    m_refresh = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Re&fresh"), this);
    m_refresh->setShortcut(QKeySequence::Refresh);
    m_refresh->setToolTip(tr("Read the shown folder or album again (F5)"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        m_locator->forget(); // folders may have been renamed or moved meanwhile
        if (auto *model = m_grid->fileModel())
            model->refresh();
    });
    m_selectAll = new QAction(tr("Select &all"), this);
    m_selectAll->setShortcut(QKeySequence::SelectAll);
    m_selectAll->setToolTip(tr("Select every file shown, including those not loaded yet (Ctrl+A)"));
    connect(m_selectAll, &QAction::triggered, m_grid, &ThumbnailGridView::selectAll);
    m_zoomIn = new QAction(tr("&Larger thumbnails"), this);
    m_zoomIn->setShortcuts(QKeySequence::ZoomIn);
    connect(m_zoomIn, &QAction::triggered, this, [this] { m_grid->setTileSize(m_grid->tileSize() + 16); });
    m_zoomOut = new QAction(tr("&Smaller thumbnails"), this);
    m_zoomOut->setShortcuts(QKeySequence::ZoomOut);
    connect(m_zoomOut, &QAction::triggered, this, [this] { m_grid->setTileSize(m_grid->tileSize() - 16); });
    m_find = new QAction(tr("Searc&h this folder"), this);
    m_find->setShortcut(QKeySequence::Find);
    m_searchDrive =
        new QAction(QIcon(QStringLiteral(":/icons/drive.svg")), tr("Search all of My &drive"), this);
    m_searchDrive->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F));
    m_searchDrive->setToolTip(tr("Search every folder of your drive for the name typed (Ctrl+Shift+F)"));
    connect(m_searchDrive, &QAction::triggered, this, &MainWindow::searchWholeDrive);
    m_signInAction = new QAction(tr("&Sign in…"), this);
    m_signInAction->setToolTip(tr("Sign in to a KooDrive server"));
    connect(m_signInAction, &QAction::triggered, this, &MainWindow::signIn);
    m_signOut = new QAction(tr("Sign &out"), this);
    m_signOut->setEnabled(!m_services.connection.demoLibrary);
    connect(m_signOut, &QAction::triggered, this, &MainWindow::signOut);
    // Every action works wherever the focus is in the window (not only while the menu bar is shown).
    addActions({m_newAlbum, m_editAlbum, m_deleteAlbum, m_removeFromAlbum, m_refresh, m_selectAll, m_zoomIn,
                m_zoomOut, m_find, m_searchDrive, m_signInAction, m_signOut});
}

void MainWindow::makeMenuBar()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_uploadPhotos);
    file->addAction(m_uploadFolder);
    file->addAction(m_newFolder);
    file->addAction(m_saveTo);
    file->addSeparator();
    file->addAction(m_signInAction);
    file->addAction(m_signOut);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_undo);
    edit->addSeparator();
    edit->addAction(m_selectAll);
    m_addToAlbumMenu = edit->addMenu(tr("Add to al&bum"));
    connect(m_addToAlbumMenu, &QMenu::aboutToShow, this, [this] { fillAddToAlbumMenu(m_addToAlbumMenu); });
    edit->addAction(m_removeFromAlbum);
    edit->addSeparator();
    edit->addActions({m_favorite, m_rename, m_toRecycleBin});
    edit->addSeparator();
    edit->addActions({m_restore, m_deleteForGood, m_emptyBin});
    // The submenu is filled when it opens; it is enabled whenever there is something to add.
    connect(edit, &QMenu::aboutToShow, this, &MainWindow::updateEditActions);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_find);
    view->addAction(m_searchDrive);
    view->addSeparator();
    view->addAction(m_zoomIn);
    view->addAction(m_zoomOut);
    view->addSeparator();
    view->addAction(m_back);
    view->addAction(m_forward);
    // The folder above the one shown (the breadcrumb's last link, from the keyboard).
    m_parentFolder = view->addAction(tr("&Parent folder"), this, &MainWindow::openParentFolder);
    m_parentFolder->setShortcuts({QKeySequence(Qt::ALT | Qt::Key_Up), QKeySequence(Qt::Key_Backspace)});
    m_showFavorites = view->addAction(tr("Fa&vourites"), this, &MainWindow::showFavorites);
    view->addAction(tr("Recycle &bin"), this, &MainWindow::showRecycleBin);
    QAction *transfers = m_transfersDock->toggleViewAction();
    transfers->setText(tr("&Transfers"));
    transfers->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_J));
    view->addAction(transfers);
    view->addSeparator();
    // The language, from the next start (the window is not rebuilt in place).
    QMenu *languages = view->addMenu(tr("&Language"));
    auto *languageGroup = new QActionGroup(languages);
    QList<QPair<QString, QString>> choices{{QString(), tr("As the system")}};
    for (const i18n::Language &language : i18n::available())
        choices.append({language.code, language.nativeName});
    for (const auto &[code, name] : std::as_const(choices)) {
        QAction *choice = languages->addAction(name);
        choice->setCheckable(true);
        choice->setChecked(code == i18n::chosenLanguage());
        choice->setData(code);
        languageGroup->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, code = code, name = name] {
            if (code == i18n::chosenLanguage())
                return;
            i18n::setChosenLanguage(code);
            m_messages->showNote(tr("KooDrive Albums will speak %1 from its next start.")
                                     .arg(code.isEmpty() ? tr("the system's language") : name),
                                 MessageBar::Reach::Window);
        });
    }

    QMenu *album = menuBar()->addMenu(tr("&Album"));
    album->addAction(m_newAlbum);
    album->addAction(m_editAlbum);
    album->addAction(m_deleteAlbum);
    album->addSeparator();
    album->addAction(m_albumUploadFolder);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"), this, &MainWindow::showShortcuts);
    keys->setShortcut(QKeySequence::HelpContents);
    addAction(keys);
    QAction *about = help->addAction(tr("&About KooDrive Albums"), this, [this] {
        QMessageBox::about(this, tr("About KooDrive Albums"),
                           tr("<h3>KooDrive Albums %1</h3><p>Your KooDrive photos and albums on the desktop: "
                              "browse folders, make albums, and drag photos into them.</p>"
                              "<p>Built with Qt %2.</p>")
                               .arg(QCoreApplication::applicationVersion(), QString::fromLatin1(qVersion())));
    });
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::fillAddToAlbumMenu(QMenu *menu)
{
    menu->clear();
    for (int row = 0; row < m_albums->rowCount(); ++row) {
        const api::Album album = m_albums->albumAt(row);
        if (!album.isManual())
            continue; // collections gather their folders by themselves
        // The name is the server's text; an ampersand in it is not a mnemonic.
        const QString name = text::displayText(album.name).replace(QLatin1Char('&'), QStringLiteral("&&"));
        menu->addAction(name.isEmpty() ? tr("(no name)") : name, this,
                        [this, id = album.id] { addSelectionToAlbum(id); });
    }
    if (menu->isEmpty())
        menu->addAction(tr("No album takes photos yet"))->setEnabled(false);
    menu->addSeparator();
    // A new manual album, with the selection in it once it is made.
    menu->addAction(tr("&New album from selection…"), this, [this] {
        m_itemsForNewAlbum.clear();
        if (m_grid->fileModel() && m_grid->selectionModel())
            for (const QModelIndex &index : m_grid->selectionModel()->selectedIndexes())
                m_itemsForNewAlbum << m_grid->fileModel()->itemAt(index.row());
        openAlbumDialog(nullptr);
    });
}

void MainWindow::showShortcuts()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard shortcuts"));
    auto *table = new QTableWidget(&dialog);
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QList<QPair<QString, QString>> rows;
    // What the window's actions say, so the list never goes out of date ...
    for (const QAction *action : actions())
        if (!action->shortcuts().isEmpty()) {
            QStringList keys;
            for (const QKeySequence &key : action->shortcuts())
                keys << key.toString(QKeySequence::NativeText);
            rows.append({withoutMnemonic(action->text()), keys.join(QStringLiteral(", "))});
        }
    // ... and what the grid and the viewer do by themselves.
    rows.append({tr("Open a folder or a photo"), tr("Enter, double-click")});
    rows.append({tr("Add the selection to an album"), tr("Menu key or Shift+F10, then Add to album")});
    rows.append({tr("Thumbnail size"), tr("Ctrl+wheel")});
    rows.append({tr("Viewer: previous / next photo"), tr("Left, Right")});
    rows.append({tr("Viewer: first / last photo"), tr("Home, End")});
    rows.append({tr("Viewer: fit / actual size"), tr("F, 1")});
    rows.append({tr("Viewer: slideshow"), tr("F5")});
    rows.append({tr("Viewer: back to the grid"), tr("Esc")});
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(rows[row].first));
        table->setItem(row, 1, new QTableWidgetItem(rows[row].second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(table);
    layout->addWidget(buttons);
    dialog.resize(520, 460);
    dialog.exec();
}

void MainWindow::makeToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_back);
    bar->addAction(m_forward);
    bar->addSeparator();
    // On the toolbar an action shows its name without the menu's mnemonic.
    for (QAction *action : {m_newAlbum, m_editAlbum, m_deleteAlbum, m_removeFromAlbum, m_refresh}) {
        action->setIconText(withoutMnemonic(action->text()));
        bar->addAction(action);
        if (action == m_removeFromAlbum || action == m_refresh)
            bar->addSeparator();
    }

    m_sort = new QComboBox(bar);
    m_sort->setAccessibleName(tr("Sort order"));
    m_sort->setToolTip(tr("Sort order"));
    m_sort->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_sort, &QComboBox::currentIndexChanged, this, &MainWindow::applySort);
    bar->addWidget(m_sort);
    m_typeFilter = new QComboBox(bar);
    m_typeFilter->setAccessibleName(tr("Show"));
    m_typeFilter->setToolTip(tr("Which files to show"));
    m_typeFilter->addItem(tr("All files"), int(FolderModel::TypeFilter::All));
    m_typeFilter->addItem(tr("Photos"), int(FolderModel::TypeFilter::Images));
    m_typeFilter->addItem(tr("Videos"), int(FolderModel::TypeFilter::Videos));
    m_typeFilter->addItem(tr("Folders"), int(FolderModel::TypeFilter::Folders));
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);
    bar->addWidget(m_typeFilter);

    m_search = new QLineEdit(bar);
    m_search->setPlaceholderText(tr("Search this folder"));
    // The whole drive, every folder of it, from the box's own button (or Ctrl+Shift+F).
    m_search->addAction(m_searchDrive, QLineEdit::TrailingPosition);
    m_search->setAccessibleName(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(80); // files-list.txt: fileName at most 80 characters
    m_search->setMaximumWidth(260);
    m_search->setMinimumWidth(180); // its placeholder says where it searches
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_searchDelay, &QTimer::timeout, this, &MainWindow::applyFilter);
    // Esc clears the search (at once, not after the typing delay); in an empty box it goes back to the grid.
    // The box takes the key before any shortcut of the window's (the viewer's Esc) could.
    m_search->installEventFilter(new KeyFilter(m_search, Qt::Key_Escape, [this] {
        if (m_search->text().isEmpty()) {
            m_grid->setFocus(Qt::ShortcutFocusReason);
            return;
        }
        m_search->clear();
        m_searchDelay->stop();
        applyFilter();
    }));
    connect(m_find, &QAction::triggered, m_search, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_search);
    bar->addSeparator();

    m_zoom = new QSlider(Qt::Horizontal, bar);
    m_zoom->setRange(ThumbnailGridView::MinTile, ThumbnailGridView::MaxTile);
    m_zoom->setSingleStep(16);
    m_zoom->setPageStep(64);
    m_zoom->setValue(m_grid->tileSize());
    m_zoom->setMaximumWidth(140);
    m_zoom->setAccessibleName(tr("Thumbnail size"));
    m_zoom->setToolTip(tr("Thumbnail size (Ctrl+wheel, Ctrl++ and Ctrl+-)"));
    connect(m_zoom, &QSlider::valueChanged, m_grid, &ThumbnailGridView::setTileSize);
    connect(m_grid, &ThumbnailGridView::tileSizeChanged, m_zoom, &QSlider::setValue);
    connect(m_grid, &ThumbnailGridView::tileSizeChanged, this, &MainWindow::fitFirstSavedRows);
    bar->addWidget(m_zoom);
    bar->addSeparator();

    m_account = new QToolButton(bar);
    m_account->setText(tr("Account"));
    m_account->setAccessibleName(tr("Account"));
    m_account->setPopupMode(QToolButton::InstantPopup);
    auto *accountMenu = new QMenu(m_account);
    m_who = accountMenu->addAction(QString());
    m_who->setEnabled(false); // says who is signed in; nothing to do
    accountMenu->addSeparator();
    accountMenu->addAction(m_signInAction);
    accountMenu->addAction(m_signOut);
    m_account->setMenu(accountMenu);
    bar->addWidget(m_account);
}

} // namespace koodrive::ui
