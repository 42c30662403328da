// MainWindow: album edits made while KooDrive could not be reached (models::AlbumOutbox): what waits is
// shown in the status bar and on the albums, a note says each is kept, and when they have been sent a
// report says what became of each.
#include "MainWindow.h"
#include "models/AlbumContentsModel.h"
#include "models/AlbumListModel.h"
#include "text/DisplayText.h"
#include "widgets/MessageBar.h"

#include <QLabel>
#include <QStatusBar>

namespace koodrive::ui {

using models::AlbumOutbox;

namespace {
QString describe(AlbumOutbox::Kind kind, const QString &album, int files)
{
    const QString name = text::displayText(album);
    switch (kind) {
    case AlbumOutbox::Kind::Create: return MainWindow::tr("Create the album “%1”").arg(name);
    case AlbumOutbox::Kind::Rename: return MainWindow::tr("Rename the album “%1”").arg(name);
    case AlbumOutbox::Kind::Delete: return MainWindow::tr("Delete the album “%1”").arg(name);
    case AlbumOutbox::Kind::Add: return MainWindow::tr("Add %Ln item(s) to “%1”", nullptr, files).arg(name);
    case AlbumOutbox::Kind::Remove:
        return MainWindow::tr("Take %Ln item(s) out of “%1”", nullptr, files).arg(name);
    }
    return name;
}
} // namespace

void MainWindow::makeOutbox()
{
    m_outboxState = new QLabel(this);
    m_outboxState->setAccessibleName(tr("Album changes waiting"));
    m_outboxState->setVisible(false);
    statusBar()->addPermanentWidget(m_outboxState);
    m_albums->setOutbox(m_outbox);
    m_albumContents->setOutbox(m_outbox);
    connect(m_outbox, &AlbumOutbox::changed, this, &MainWindow::updateOutboxState);
    connect(m_outbox, &AlbumOutbox::stalled, this, &MainWindow::updateOutboxState);
    connect(m_outbox, &AlbumOutbox::drained, this, &MainWindow::reportOutbox);
    connect(m_outbox, &AlbumOutbox::queued, this,
            [this](AlbumOutbox::Kind kind, const QString &album, int files) {
                m_messages->showNote(
                    tr("%1: waiting to be sent, kept on this computer until KooDrive takes it.")
                        .arg(describe(kind, album, files)),
                    MessageBar::Reach::Window);
            });
    // An album made here and then shown: it keeps being shown under the id the server gave it.
    connect(m_outbox, &AlbumOutbox::albumCreated, this,
            [this](const QString &pendingId, const QString &albumId) {
                if (m_albumId == pendingId)
                    m_albumId = albumId;
                if (m_albumContents->albumId() == pendingId)
                    m_albumContents->setAlbum(albumId);
            });
}

void MainWindow::updateOutboxState()
{
    const int waiting = m_outbox->pendingCount();
    m_outboxState->setVisible(waiting > 0);
    m_outboxState->setText(tr("%Ln album change(s) waiting to be sent", nullptr, waiting));
    m_outboxState->setToolTip(
        tr("Made while KooDrive could not be reached; kept on this computer and sent in order when it "
           "answers again."));
}

void MainWindow::reportOutbox(const QVector<AlbumOutbox::Report> &reports)
{
    QStringList refused;
    QString traceId;
    for (const AlbumOutbox::Report &report : reports) {
        if (report.outcome != AlbumOutbox::Outcome::Conflict)
            continue;
        refused << tr("%1: not done. %2")
                       .arg(describe(report.kind, report.albumName, report.files), report.message);
        if (traceId.isEmpty())
            traceId = report.traceId;
    }
    const int count = int(reports.size());
    if (refused.isEmpty()) {
        m_messages->showNote(
            tr("Sent %Ln album change(s) made while KooDrive could not be reached.", nullptr, count),
            MessageBar::Reach::Window);
        return;
    }
    m_messages->showProblem(tr("%1 of %Ln album change(s) made while KooDrive could not be reached were "
                               "refused.",
                               nullptr, count)
                                .arg(refused.size()),
                            traceId, refused.join(QLatin1Char('\n')), {}, MessageBar::Reach::Window);
}

} // namespace koodrive::ui
