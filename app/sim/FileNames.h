#pragma once

#include <QJsonValue>
#include <QString>

namespace koodrive::sim {

// The rules a file or folder name obeys (OPERATIONS.md §3, createFile's fileName; §4 for renames and
// folders) and the timestamped variant a name clash gets under "add a timestamp" (autoRename or
// renameMode 2).
class FileNames final
{
public:
    static constexpr int MaxLength = 250;

    // The name in `value`, checked: required, 1..250 characters, none of < > | : " * ? /, not "." or "..",
    // and (koodrive-sim's decision, README) no control characters. Throws 13000102 naming `parameter`.
    static QString checked(const QJsonValue &value, const QString &parameter);

    // "photo.jpg" → "photo_20251103070140.jpg" (UTC), "Trips" → "Trips_20251103070140"; attempt > 0 adds
    // "_<attempt>" after the timestamp for a second clash in the same second. Cut to 250 characters.
    static QString withTimestamp(const QString &name, bool isFolder, qint64 nowMs, int attempt);

    // The lower-case extension of a file name ("" for none), as files-list.txt's fileSuffix.
    static QString suffix(const QString &name);
};

} // namespace koodrive::sim
