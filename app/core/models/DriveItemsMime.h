#pragma once

#include <QString>
#include <QVector>

class QMimeData;

namespace koodrive::models {

// What a drag of drive files and folders carries, in the project's own MIME type: enough for a drop on an
// album to add them (album-add-content.txt needs fileId and ownerId; a folder is listed through its
// containerId). Views also get text/plain with the names.
struct DriveItem
{
    QString id;
    QString ownerId;
    QString containerId;
    QString name;
    bool folder = false;

    bool operator==(const DriveItem &other) const = default;
};

namespace DriveItemsMime {
inline constexpr char Type[] = "application/x-koodrive-drive-items";
void write(QMimeData *mime, const QVector<DriveItem> &items);
// Empty when `mime` carries none (or carries something broken).
QVector<DriveItem> read(const QMimeData *mime);
bool has(const QMimeData *mime);
} // namespace DriveItemsMime

} // namespace koodrive::models
