// MainWindow: the account's catalog (what was read, kept per place), and what the window says about a
// place shown from it.
#include "MainWindow.h"
#include "account/AccountFiles.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "models/AlbumOutbox.h"
#include "models/FolderModel.h"
#include "models/FolderTreeModel.h"
#include "threads/RunThen.h"
#include "threads/WorkPools.h"
#include "widgets/MessageBar.h"

#include <QDateTime>
#include <QDir>
#include <QLocale>
#include <QStandardPaths>
#include <QTimer>

namespace koodrive::ui {

using models::PagedFileModel;

QString MainWindow::accountDataPath(const ServerConnection &account, const QString &prefix) const
{
    const QString dir = m_services.dataDir.isEmpty()
                            ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
                            : m_services.dataDir;
    return QDir(dir).filePath(accountFileName(account, prefix));
}

void MainWindow::closeCatalog(bool keepPlaces)
{
    // The models save what they hold into the catalog they have, before it goes (but into a damaged one).
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_folder), static_cast<PagedFileModel *>(m_albumContents)}) {
        if (keepPlaces)
            model->moveToCatalog(nullptr);
        else
            model->setCatalog(nullptr);
    }
    m_albums->setCatalog(nullptr);
    m_treeModel->setCatalog(nullptr);
    m_outbox->setCatalog(nullptr);
    m_catalog.reset();
}

void MainWindow::openCatalog(bool keepPlaces)
{
    closeCatalog(keepPlaces);
    if (m_services.connection.userId.isEmpty())
        return; // signed out: nothing is kept
    QString error;
    m_catalog =
        catalog::Catalog::open(accountDataPath(m_services.connection, QStringLiteral("catalog")), &error);
    if (!m_catalog) {
        // The app works without it: places are read from the server each time.
        m_messages->queueNote(error);
        return;
    }
    if (!m_catalog->recoveryNote().isEmpty())
        m_messages->queueNote(m_catalog->recoveryNote());
    for (PagedFileModel *model :
         {static_cast<PagedFileModel *>(m_folder), static_cast<PagedFileModel *>(m_albumContents)}) {
        if (keepPlaces)
            model->moveToCatalog(m_catalog.get());
        else
            model->setCatalog(m_catalog.get());
    }
    m_albums->setCatalog(m_catalog.get());
    m_treeModel->setCatalog(m_catalog.get());
    // Edits a previous run left waiting are shown, and sent when the server answers.
    m_outbox->setCatalog(m_catalog.get());
    m_outbox->replay();
    // Opening found the file whole enough to read (a file cut short fails there); damage inside its pages
    // is looked for later, off the first screen's path.
    QTimer::singleShot(m_services.catalogCheckDelayMs, m_catalog.get(), [this] { checkCatalog(); });
}

void MainWindow::checkCatalog()
{
    const QString path = m_catalog->path();
    threads::runThen(
        threads::longWork(), [path] { return catalog::Catalog::check(path); }, this,
        [this, path](const QString &problem) {
            if (problem.isEmpty() || !m_catalog || m_catalog->path() != path)
                return; // whole, or another account's catalog is open by now
            // Begun again at once: openCatalog() sets the file aside, reads its waiting edits back into
            // the new one and says so; the places shown stay as they are and are kept in the new one.
            if (catalog::Catalog::markDamaged(path, problem))
                openCatalog(true);
        });
}

QString MainWindow::placeStateText(const PagedFileModel *model) const
{
    if (!model->isUnreachable())
        return model->showsSaved()  ? tr("checking for changes…")
               : model->isReading() ? tr("reading…")
                                    : QString();
    if (!model->showsSaved())
        return model->rowCount() == 0
                   ? tr("Offline — this place was not saved; it opens when KooDrive can be "
                        "reached")
                   : tr("Offline");
    const QDateTime saved = QDateTime::fromMSecsSinceEpoch(model->savedAtMs()).toLocalTime();
    const QString when = saved.date() == QDate::currentDate()
                             ? QLocale().toString(saved.time(), QLocale::ShortFormat)
                             : QLocale().toString(saved, QLocale::ShortFormat);
    return tr("Offline — showing what was saved at %1").arg(when);
}

} // namespace koodrive::ui
