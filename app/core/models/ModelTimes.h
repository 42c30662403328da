#pragma once

#include <QDateTime>

namespace koodrive::models {

// A time the server gives in ms since the epoch (files-list.txt, album-list.txt), as a model's role gives
// it: in UTC, and invalid when the server gave none (0).
inline QDateTime utcTime(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace koodrive::models
