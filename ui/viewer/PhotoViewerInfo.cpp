// The viewer's info panel: where it goes, what it shows, and the folder of the file shown, found when the
// place does not say (PhotoViewer.h).
#include "InfoPanel.h"
#include "PhotoViewer.h"
#include "VideoPane.h"
#include "models/FileLocator.h"
#include "models/PagedFileModel.h"

#include <QToolButton>
#include <algorithm>

namespace koodrive::ui {

using models::PagedFileModel;

int PhotoViewer::infoWidth() const
{
    // Its preferred width in a wide view; narrower in a narrow one, and the photo keeps at least 160 px.
    if (!m_infoShown)
        return 0;
    const int wanted = std::min(int(InfoPanel::PreferredWidth), std::max(220, width() * 2 / 5));
    return std::max(0, std::min(wanted, width() - 160));
}

void PhotoViewer::setFileLocator(models::FileLocator *locator)
{
    m_locator = locator;
}

void PhotoViewer::setPlace(const ViewerPlace &place)
{
    m_place = place;
    updateInfo();
}

void PhotoViewer::setInfoShown(bool shown)
{
    if (m_infoShown == shown)
        return;
    m_infoShown = shown;
    {
        const QSignalBlocker quiet(m_infoButton);
        m_infoButton->setChecked(shown);
    }
    layoutParts();
    updateInfo();
    // The photo keeps its fit, or its zoom around the same point, in the narrower or wider view.
    if (!m_fit)
        m_centre = clampedCentre(m_centre, m_zoom);
    updateCursor();
    update();
}

void PhotoViewer::layoutParts()
{
    m_documentPage->setGeometry(photoArea());
    if (m_videoPane)
        m_videoPane->setGeometry(videoGeometry());
    const int panel = infoWidth();
    m_info->setGeometry(width() - panel, 0, panel, qMax(0, height() - CaptionHeight));
    m_info->setVisible(m_infoShown && panel > 0 && m_model && m_row >= 0);
    const QRect band = captionRect();
    const int side = CaptionHeight - 12;
    m_infoButton->setGeometry(band.right() - 14 - side, band.top() + 6, side, side);
    m_infoButton->setVisible(!band.isEmpty());
    m_infoButton->raise();
}

void PhotoViewer::updateInfo()
{
    if (!m_infoShown || !m_model || m_row < 0)
        return;
    const QModelIndex index = m_model->index(m_row);
    m_info->showFile(index, m_place.albumName);
    ++m_locateTurn; // what was being looked for belongs to another file
    m_locateSoon.stop();
    if (m_place.recycleBin) {
        m_info->setFolderUnknown(tr("In the recycle bin"));
        return;
    }
    if (!m_place.folderPath.isEmpty()) {
        m_info->setFolderPath(m_place.folderPath);
        return;
    }
    if (!m_locator || m_place.driveName.isEmpty()) {
        m_info->setFolderUnknown(tr("Not known"));
        return;
    }
    const auto known = m_locator->knownLocation(index.data(PagedFileModel::IdRole).toString(),
                                                index.data(PagedFileModel::ContainerRole).toString());
    if (!known) {
        m_info->setFolderFinding();
        m_locateSoon.start();
    } else if (!known->inDrive) {
        m_info->setFolderUnknown(tr("In another person's space"));
    } else {
        m_info->setFolderPath(QStringList{m_place.driveName} + known->names);
    }
}

void PhotoViewer::locateShownFile()
{
    if (!m_infoShown || !m_model || m_row < 0 || !m_locator)
        return;
    const QModelIndex index = m_model->index(m_row);
    const quint64 turn = ++m_locateTurn;
    m_locator->locate(index.data(PagedFileModel::IdRole).toString(),
                      index.data(PagedFileModel::ContainerRole).toString(), this,
                      [this, turn](const api::Result<models::FileLocator::Location> &found) {
                          if (turn != m_locateTurn)
                              return; // the person moved on
                          if (!found.ok())
                              m_info->setFolderUnknown(found.error().message);
                          else if (!found.value().inDrive)
                              m_info->setFolderUnknown(tr("In another person's space"));
                          else
                              m_info->setFolderPath(QStringList{m_place.driveName} + found.value().names);
                      });
}

} // namespace koodrive::ui
