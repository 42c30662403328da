#pragma once

#include <QByteArray>

namespace koodrive::sim::UtcTime {

// "2025-10-13T03:11:51.147Z", the pages' time format (album-list.txt, files-list.txt).
QByteArray iso(qint64 msecsSinceEpoch);
// "20251103T070140Z", the X-Date and X-Amz-Date format.
QByteArray compact(qint64 secsSinceEpoch);

} // namespace koodrive::sim::UtcTime
