#pragma once

#include <QByteArray>
#include <optional>

namespace koodrive::sim {

// The two EXIF facts the simulator takes from an uploaded JPEG: its orientation (tag 0x0112, 1..8) and when
// it was taken (DateTimeOriginal, 0x9003, with OffsetTimeOriginal, 0x9011, when present). QImageReader
// applies the orientation but exposes no EXIF dates, hence this small reader of the APP1 "Exif" segment.
class ExifReader final
{
public:
    struct Facts
    {
        int orientation = 1;
        // DateTimeOriginal in UTC milliseconds: its offset applied when given, else read as UTC (README).
        std::optional<qint64> takenMs;
    };
    // Reads the head of a JPEG file (the EXIF segment sits in its first 64 KiB). Anything else, or a
    // damaged segment, gives the defaults.
    static Facts read(const QByteArray &head);
};

} // namespace koodrive::sim
