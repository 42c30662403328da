// What a walkthrough of the window found wrong (issue 16), each checked as a person meets it, in the real
// window (offscreen), in English and where it matters in Chinese.
#include "MainWindowTesting.h"
#include "dialogs/AlbumDialog.h"
#include "i18n/Language.h"
#include "models/AlbumContentsModel.h"

#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QScopeGuard>
#include <QScreen>
#include <QTableWidget>
#include <QTimer>
#include <QTranslator>

using namespace koodrive;

namespace {

// What i18n::install put in, taken out again (the next test starts in the source language).
void removeTranslators()
{
    for (QTranslator *translator : qApp->findChildren<QTranslator *>()) {
        QCoreApplication::removeTranslator(translator);
        delete translator;
    }
}

// The app's display name as main() sets it (in the language installed), for as long as a test runs.
auto useDisplayNameAsMainDoes()
{
    QGuiApplication::setApplicationDisplayName(ui::MainWindow::displayName());
    return qScopeGuard([] { QGuiApplication::setApplicationDisplayName(QString()); });
}

} // namespace

class TestMainWindowWalkthrough : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

    // The rows of Help ▸ Keyboard shortcuts (the dialog is modal: it is read and closed from inside).
    QStringList shortcutNames()
    {
        QAction *keys = nullptr;
        const QList<QAction *> menus = m_window->menuBar()->actions();
        for (QAction *action : menus.last()->menu()->actions())
            if (!action->isSeparator() && !keys)
                keys = action; // the Help menu's first entry
        QStringList names;
        QTimer::singleShot(0, m_window.get(), [this, &names] {
            QTableWidget *table = nullptr;
            QTRY_VERIFY((table = m_window->findChild<QTableWidget *>()) && table->isVisible());
            for (int row = 0; row < table->rowCount(); ++row)
                names << table->item(row, 0)->text();
            qobject_cast<QDialog *>(table->window())->reject();
        });
        keys->trigger();
        return names;
    }

    // The label of the window's given accessible name (the status bar's counts, the place's header).
    QLabel *label(const QString &accessibleName) const
    {
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == accessibleName)
                return label;
        return nullptr;
    }

    // A manual album of "My albums" holding at least `items` photos, as the view shows it.
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

    void showAlbum(const QModelIndex &album)
    {
        m_window->myAlbumsView()->setCurrentIndex(album);
        m_window->myAlbumsView()->selectionModel()->select(album, QItemSelectionModel::ClearAndSelect);
        QTRY_COMPARE(m_window->albumContents()->albumId(),
                     album.data(models::AlbumListModel::IdRole).toString());
    }

private slots:
    void initTestCase() { useScratchSettings("tst_MainWindowWalkthrough"); }
    void cleanup()
    {
        closeAll();
        removeTranslators();
    }

    // 2. Taking photos out of an album left the sidebar and the status bar at the old count, and renaming the
    // album shown left its old name in the header.
    void theCountsAndTheNameFollowTheAlbum()
    {
        openFreshWindow();
        QTRY_VERIFY(manualAlbumWith(3).isValid());
        const QPersistentModelIndex album = manualAlbumWith(3);
        const QString albumId = album.data(models::AlbumListModel::IdRole).toString();
        const int before = int(m_sim->albumItems(albumId).size());
        showAlbum(album);
        QLabel *counts = label(QStringLiteral("Items"));
        QLabel *header = label(QStringLiteral("Location"));
        QVERIFY(counts && header);
        QTRY_COMPARE(album.data(models::AlbumListModel::CountRole).toInt(), before);
        QTRY_VERIFY2(counts->text().startsWith(QStringLiteral("%1 item").arg(before)),
                     qPrintable(counts->text()));
        QTRY_VERIFY(m_window->grid()->model()->rowCount() >= 2);

        QItemSelectionModel *selection = m_window->grid()->selectionModel();
        selection->select(m_window->grid()->model()->index(0, 0), QItemSelectionModel::ClearAndSelect);
        selection->select(m_window->grid()->model()->index(1, 0), QItemSelectionModel::Select);
        QTRY_VERIFY(m_window->removeFromAlbumAction()->isEnabled());
        m_window->removeFromAlbumAction()->trigger();
        QTRY_COMPARE(int(m_sim->albumItems(albumId).size()), before - 2);
        QTRY_COMPARE(album.data(models::AlbumListModel::CountRole).toInt(), before - 2);
        QTRY_VERIFY2(counts->text().startsWith(QStringLiteral("%1 item").arg(before - 2)),
                     qPrintable(counts->text()));

        m_window->editAlbumAction()->trigger();
        QPointer<ui::AlbumDialog> dialog;
        QTRY_VERIFY((dialog = m_window->findChild<ui::AlbumDialog *>()) && dialog->isVisible());
        dialog->setName(QStringLiteral("Renamed here"));
        pressOk(dialog);
        QTRY_COMPARE(m_sim->column(QStringLiteral("SELECT name FROM albums WHERE id = ?"), {albumId}),
                     QStringList{QStringLiteral("Renamed here")});
        QTRY_COMPARE(header->text(), QStringLiteral("Renamed here"));
    }

    // 11. The title named the app twice on the desktop ("KooDrive Albums — Demo library — KooDrive Albums"):
    // Qt adds the display name to a title that does not end with it. And the Chinese list of shortcuts
    // showed mnemonics ("新建相册(N)…").
    void theTitleNamesTheAppOnceAndTheShortcutListHasNoMnemonics_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QString();
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }
    void theTitleNamesTheAppOnceAndTheShortcutListHasNoMnemonics()
    {
        QFETCH(QString, language);
        if (!language.isEmpty())
            QVERIFY(i18n::install(qApp, language));
        const auto displayName = useDisplayNameAsMainDoes();
        openFreshWindow();
        const QString app = QGuiApplication::applicationDisplayName();
        QCOMPARE(app,
                 language.isEmpty() ? QStringLiteral("KooDrive Albums") : QStringLiteral("KooDrive 相册"));
        const QString title = m_window->windowTitle();
        QVERIFY2(title.endsWith(app), qPrintable(title)); // shown as it is
        QCOMPARE(title.count(app), 1);
        QVERIFY2(
            title.contains(language.isEmpty() ? QStringLiteral("Demo library") : QStringLiteral("演示图库")),
            qPrintable(title));

        const QStringList names = shortcutNames();
        QVERIFY(names.size() > 10);
        for (const QString &name : names)
            QVERIFY2(!name.contains(QLatin1Char('&')) &&
                         !name.contains(QRegularExpression(QStringLiteral("\\([A-Z]\\)"))),
                     qPrintable(name));
        QVERIFY(
            names.contains(language.isEmpty() ? QStringLiteral("New album…") : QStringLiteral("新建相册…")));
    }

    // 12. At 2× on a 1280×800 screen the first window was 2400×1560 pixels: larger than the screen.
    void theFirstWindowFitsTheScreen()
    {
        makeLibrary();
        m_server = m_sim->server().url();
        m_client = std::make_unique<api::KooDriveClient>(&m_network);
        m_client->setConnection({m_server, m_sim->userId(), m_sim->server().accessToken(), true});
        m_thumbnails = std::make_unique<thumbnails::ThumbnailScheduler>(&m_network);
        openWindow(false); // as it first comes, with no size saved
        const QSize room = m_window->screen()->availableGeometry().size();
        QVERIFY2(room.width() < 1200, "the offscreen screen is smaller than the window's usual size");
        QVERIFY2(m_window->width() <= room.width() && m_window->height() <= room.height(),
                 qPrintable(QStringLiteral("%1×%2 on %3×%4")
                                .arg(m_window->width())
                                .arg(m_window->height())
                                .arg(room.width())
                                .arg(room.height())));
        // Still as large as the room allows, for the first screen of thumbnails.
        QVERIFY(m_window->width() >= room.width() * 3 / 4);
    }

    // 13. The question before deleting an album had Delete as its default button: Enter deleted the album.
    void enterDoesNotDeleteAnAlbum()
    {
        openFreshWindow();
        QTRY_VERIFY(myAlbum(true).isValid());
        const QString albumId = myAlbum(true).data(models::AlbumListModel::IdRole).toString();
        m_window->myAlbumsView()->setCurrentIndex(myAlbum(true));
        m_window->myAlbumsView()->selectionModel()->select(myAlbum(true),
                                                           QItemSelectionModel::ClearAndSelect);
        QTRY_VERIFY(m_window->deleteAlbumAction()->isEnabled());
        m_window->deleteAlbumAction()->trigger();
        QPointer<QMessageBox> ask;
        QTRY_VERIFY((ask = m_window->findChild<QMessageBox *>()) && ask->isVisible());
        QTest::keyClick(ask, Qt::Key_Return);
        QTRY_VERIFY(!ask || !ask->isVisible()); // Enter answered it ...
        QTest::qWait(300);                      // ... and any delete would have reached the server by now
        QCOMPARE(m_sim->column(QStringLiteral("SELECT id FROM albums WHERE id = ?"), {albumId}),
                 QStringList{albumId});
        QCOMPARE(m_window->myAlbumsView()->currentIndex().data(models::AlbumListModel::IdRole).toString(),
                 albumId);
    }
};

QTEST_MAIN(TestMainWindowWalkthrough)
#include "tst_MainWindowWalkthrough.moc"
