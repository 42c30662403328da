#pragma once
// What the main-window tests share: an in-process koodrive-sim (600 demo files and a "Party" folder of 250),
// a client, a thumbnail scheduler and a memory token store, the window over them, and the moves a person
// makes (open a folder, double-click, drag onto an album).
#include "PagedModelTesting.h"
#include "SimFixture.h"
#include "SimHttpServer.h"
#include "Waiting.h"
#include "account/TokenStore.h"
#include "api/KooDriveClient.h"
#include "dialogs/SignInDialog.h"
#include "mainwindow/MainWindow.h"
#include "models/AlbumListModel.h"
#include "models/PagedFileModel.h"
#include "thumbnails/ThumbnailScheduler.h"
#include "views/ThumbnailGridView.h"

#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDragEnterEvent>
#include <QMessageBox>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QTreeView>
#include <memory>

namespace koodrive::test {

// What i18n::install put in, taken out again (the next test starts in the source language).
inline void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

class MainWindowTestCase : public QObject
{
protected:
    std::unique_ptr<SimFixture> m_sim;
    QNetworkAccessManager m_network;
    std::unique_ptr<api::KooDriveClient> m_client;
    std::unique_ptr<thumbnails::ThumbnailScheduler> m_thumbnails;
    std::unique_ptr<TokenStore> m_tokenStore; // a MemoryTokenStore unless a test puts another
    std::unique_ptr<ui::MainWindow> m_window;
    QUrl m_server;                            // where the window's client talks to
    std::unique_ptr<QTemporaryDir> m_scratch; // the window's data (its upload queue), unless m_dataDir says
    QString m_dataDir;
    int m_catalogCheckDelayMs = 15000; // how long after the window opens its catalog is checked
    // The account the window is told it shows (a signed-in one); the demo library when not set.
    std::optional<ServerConnection> m_windowAccount;

    // initTestCase: settings go to a scratch place of this test program's own.
    static void useScratchSettings(const char *programName)
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("KooDrive Albums tests"));
        QCoreApplication::setApplicationName(QString::fromLatin1(programName));
    }

    // init: a fresh library, fresh settings and a window showing it.
    void openFreshWindow()
    {
        makeLibrary();
        openWindowOn(m_sim->server().url());
    }
    // A fresh library and fresh settings, no window yet.
    void makeLibrary()
    {
        QSettings().clear();
        m_tokenStore = std::make_unique<MemoryTokenStore>();
        m_sim = std::make_unique<SimFixture>(600);
        m_scratch = std::make_unique<QTemporaryDir>();
        m_sim->addFolder(QStringLiteral("Party"), 250);
    }
    // The window on the library, reached at `server` (koodrive-sim itself, or something in front of it).
    void openWindowOn(const QUrl &server)
    {
        m_server = server;
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection({server, m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow();
        m_window->resize(1200, 800);
    }

    // What the token store holds of an account's session (nullopt: nothing).
    std::optional<StoredSession> storedSession(const ServerConnection &account)
    {
        auto found = std::make_shared<std::optional<std::optional<StoredSession>>>();
        m_tokenStore->readSession(account.server, account.userId, account.displayName, account.email,
                                  [found](const std::optional<StoredSession> &session) { *found = session; });
        if (!QTest::qWaitFor([found] { return found->has_value(); }, 10000))
            return std::nullopt; // the store never answered
        return **found;
    }

    // cleanup
    void closeAll()
    {
        m_windowAccount.reset();
        m_window.reset();
        m_thumbnails.reset();
        m_client.reset();
        m_sim.reset();
    }

    void openWindow(bool shown = true)
    {
        m_window = std::make_unique<ui::MainWindow>(
            ui::MainWindow::Services{m_windowAccount.value_or(
                                         ServerConnection{m_server, m_sim->userId(), QString(), true}),
                                     m_client.get(),
                                     m_thumbnails.get(),
                                     &m_network,
                                     m_tokenStore.get(),
                                     m_dataDir.isEmpty() ? m_scratch->path() : m_dataDir,
                                     m_catalogCheckDelayMs});
        if (!shown)
            return;
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    // The first album of a kind in "My albums", as the view shows it.
    QModelIndex myAlbum(bool manual)
    {
        QAbstractItemModel *model = m_window->myAlbumsView()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(models::AlbumListModel::IsManualRole).toBool() == manual)
                return model->index(row, 0);
        return {};
    }

    // A manual album of "My albums" holding at least `items` photos (on the server), as the view shows it.
    QModelIndex manualAlbumWith(int items)
    {
        QAbstractItemModel *model = m_window->myAlbumsView()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex album = model->index(row, 0);
            if (album.data(models::AlbumListModel::IsManualRole).toBool() &&
                m_sim->albumItems(album.data(models::AlbumListModel::IdRole).toString()).size() >= items)
                return album;
        }
        return {};
    }

    // A folder at the top of the drive, as the tree shows it.
    QModelIndex treeFolder(const QString &name)
    {
        QTreeView *tree = m_window->folderTree();
        const QModelIndex drive = tree->model()->index(0, 0);
        for (int row = 0; row < tree->model()->rowCount(drive); ++row)
            if (tree->model()->index(row, 0, drive).data().toString() == name)
                return tree->model()->index(row, 0, drive);
        return {};
    }

    void openFolder(const QString &name, int atLeastRows = 100)
    {
        QTRY_VERIFY(treeFolder(name).isValid());
        m_window->folderTree()->setCurrentIndex(treeFolder(name));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= atLeastRows);
    }
    void openCamera() { openFolder(QStringLiteral("Camera")); }

    // Whether the grid's row has its thumbnail (the picture, not the placeholder).
    bool hasThumbnail(int row) const
    {
        return !m_window->grid()
                    ->model()
                    ->index(row, 0)
                    .data(models::PagedFileModel::ThumbnailRole)
                    .value<QImage>()
                    .isNull();
    }

    // A person's double-click: the first click presses the item, the second opens it.
    static void doubleClick(QAbstractItemView *view, const QModelIndex &index)
    {
        const QPoint at = view->visualRect(index).center();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, at);
    }

    // A drag from the grid's selection to `pos` in `view`, through the view's own drag-and-drop handling.
    static bool dropOn(QAbstractItemView *view, const QPoint &pos, QMimeData *mime,
                       bool *acceptedWhileHovering)
    {
        QDragEnterEvent enter(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &enter);
        QDragMoveEvent move(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &move);
        *acceptedWhileHovering = move.isAccepted() && move.dropAction() == Qt::CopyAction;
        if (!*acceptedWhileHovering) {
            QDragLeaveEvent leave;
            QCoreApplication::sendEvent(view->viewport(), &leave);
            return false;
        }
        QDropEvent drop(pos, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view->viewport(), &drop);
        return drop.isAccepted();
    }

    // The question asked at sign-out (keep or forget what was saved), answered with the button so named;
    // false when it was not asked.
    bool answerForgetQuestion(const QString &button)
    {
        QMessageBox *ask = nullptr;
        if (!test::spinUntil([&] { return (ask = m_window->findChild<QMessageBox *>()) && ask->isVisible(); },
                             5000))
            return false;
        for (QAbstractButton *b : ask->buttons())
            if (b->text() == button) {
                b->click();
                return true;
            }
        return false;
    }
    // The sign-in dialog shown, filled in for the library's server and submitted.
    void signInAs(const QString &account, const QString &password)
    {
        ui::SignInDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<ui::SignInDialog *>()) && dialog->isVisible());
        dialog->setServer(m_sim->server().url().toString());
        dialog->setAccount(account, password);
        QPointer<ui::SignInDialog> guard(dialog);
        dialog->submit();
        QTRY_VERIFY(!guard);
    }

    static void pressOk(QDialog *dialog)
    {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    }
};

} // namespace koodrive::test
