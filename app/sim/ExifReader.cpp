#include "ExifReader.h"

#include <QDateTime>
#include <QTimeZone>

namespace koodrive::sim {

namespace {
// A TIFF structure inside the APP1 segment: byte order from its header, offsets from its start.
class Tiff
{
public:
    explicit Tiff(QByteArrayView data)
        : m_data(data)
        , m_little(data.size() >= 2 && data[0] == 'I' && data[1] == 'I')
    {}

    bool fits(qint64 offset, qint64 size) const
    {
        return offset >= 0 && size >= 0 && offset + size <= m_data.size();
    }
    quint32 read(qint64 offset, int bytes) const
    {
        quint32 value = 0;
        for (int i = 0; i < bytes; ++i) {
            const quint32 byte = quint8(m_data[offset + i]);
            value |= m_little ? byte << (8 * i) : byte << (8 * (bytes - 1 - i));
        }
        return value;
    }

    // Calls visit(tag, type, count, valueOffset) for each entry of the IFD at `offset`.
    template<typename Visit>
    void walk(qint64 offset, Visit visit) const
    {
        if (!fits(offset, 2))
            return;
        const int entries = int(read(offset, 2));
        for (int i = 0; i < entries; ++i) {
            const qint64 at = offset + 2 + 12 * i;
            if (!fits(at, 12))
                return;
            visit(read(at, 2), read(at + 2, 2), read(at + 4, 4), at + 8);
        }
    }
    // An ASCII value (type 2): in place when it fits in four bytes, else at the offset stored there.
    QByteArray ascii(quint32 count, qint64 valueField) const
    {
        const qint64 at = count <= 4 ? valueField : read(valueField, 4);
        if (!fits(at, count))
            return {};
        QByteArray text = m_data.sliced(at, count).toByteArray();
        const qsizetype end = text.indexOf('\0');
        return end >= 0 ? text.left(end) : text;
    }

private:
    QByteArrayView m_data;
    bool m_little;
};

// "2024:07:14 18:32:05" with "+08:00" (or none) → UTC milliseconds.
std::optional<qint64> parseTaken(const QByteArray &when, const QByteArray &offset)
{
    QDateTime time = QDateTime::fromString(QString::fromLatin1(when), QStringLiteral("yyyy:MM:dd HH:mm:ss"));
    if (!time.isValid())
        return std::nullopt;
    int offsetSecs = 0;
    if (offset.size() == 6 && (offset[0] == '+' || offset[0] == '-') && offset[3] == ':') {
        bool hoursOk = false;
        bool minutesOk = false;
        const int hours = offset.mid(1, 2).toInt(&hoursOk);
        const int minutes = offset.mid(4, 2).toInt(&minutesOk);
        if (hoursOk && minutesOk)
            offsetSecs = (offset[0] == '-' ? -1 : 1) * (hours * 3600 + minutes * 60);
    }
    time.setTimeZone(QTimeZone(offsetSecs));
    return time.toMSecsSinceEpoch();
}
} // namespace

ExifReader::Facts ExifReader::read(const QByteArray &head)
{
    Facts facts;
    if (!head.startsWith("\xFF\xD8"))
        return facts;
    // JPEG markers up to the first APP1 that says "Exif".
    qsizetype at = 2;
    while (at + 4 <= head.size() && quint8(head[at]) == 0xFF) {
        const quint8 marker = quint8(head[at + 1]);
        const qsizetype length = (quint8(head[at + 2]) << 8) | quint8(head[at + 3]);
        if (marker == 0xDA || length < 2)
            return facts; // the picture's data begins: no EXIF before it
        if (marker == 0xE1 && length >= 8 && head.mid(at + 4, 6) == QByteArray("Exif\0\0", 6)) {
            const Tiff tiff(QByteArrayView(head).sliced(at + 10, qMin(length - 8, head.size() - at - 10)));
            if (!tiff.fits(0, 8))
                return facts;
            qint64 exifIfd = -1;
            tiff.walk(tiff.read(4, 4), [&](quint32 tag, quint32 type, quint32, qint64 value) {
                if (tag == 0x0112 && type == 3) {
                    const int orientation = int(tiff.read(value, 2));
                    if (orientation >= 1 && orientation <= 8)
                        facts.orientation = orientation;
                } else if (tag == 0x8769) {
                    exifIfd = tiff.read(value, 4);
                }
            });
            QByteArray taken;
            QByteArray offset;
            if (exifIfd > 0)
                tiff.walk(exifIfd, [&](quint32 tag, quint32 type, quint32 count, qint64 value) {
                    if (tag == 0x9003 && type == 2)
                        taken = tiff.ascii(count, value);
                    else if (tag == 0x9011 && type == 2)
                        offset = tiff.ascii(count, value);
                });
            facts.takenMs = parseTaken(taken, offset);
            return facts;
        }
        at += 2 + length;
    }
    return facts;
}

} // namespace koodrive::sim
