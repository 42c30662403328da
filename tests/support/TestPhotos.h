#pragma once
// Photos for upload tests and benchmarks: real JPEGs with EXIF, as a camera writes them.
#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QRandomGenerator>

namespace koodrive::test {

// `jpeg` with an EXIF block (APP1, right after the start-of-image marker) saying: show it turned 90°
// clockwise (orientation 6), taken at 08:30 on 15 June 2021, two hours east of UTC.
inline QByteArray withCameraExif(const QByteArray &jpeg)
{
    QByteArray tiff("MM\x00\x2a\x00\x00\x00\x08", 8);
    auto u16 = [&tiff](quint16 v) { tiff.append(char(v >> 8)).append(char(v & 0xff)); };
    auto u32 = [&u16](quint32 v) {
        u16(quint16(v >> 16));
        u16(quint16(v & 0xffff));
    };
    u16(2);                                      // IFD0 at 8: two entries
    u16(0x0112), u16(3), u32(1), u16(6), u16(0); // Orientation = 6
    u16(0x8769), u16(4), u32(1), u32(38);        // the Exif IFD at 38
    u32(0);
    u16(2);                                // the Exif IFD at 38
    u16(0x9003), u16(2), u32(20), u32(68); // DateTimeOriginal at 68
    u16(0x9011), u16(2), u32(7), u32(88);  // OffsetTimeOriginal at 88
    u32(0);
    tiff.append("2021:06:15 08:30:00", 20).append("+02:00", 7);
    const QByteArray app1 = QByteArray("Exif\0\0", 6) + tiff;
    QByteArray segment("\xff\xe1", 2);
    segment.append(char((app1.size() + 2) >> 8)).append(char((app1.size() + 2) & 0xff)).append(app1);
    return jpeg.left(2) + segment + jpeg.mid(2);
}

// A JPEG of `width` × `height` noisy pixels (which compress poorly, so the file is big) with an EXIF block
// saying: show it turned 90° clockwise (orientation 6), taken at 08:30 on 15 June 2021, two hours east of
// UTC. When `exactBytes` is given, bytes after the end-of-image marker bring the file to that size (image
// readers ignore them, as they ignore a camera's trailing maker data).
inline QByteArray jpegWithExif(int width, int height, qint64 exactBytes = 0, quint32 seed = 1)
{
    QImage image(width, height, QImage::Format_RGB32);
    QRandomGenerator random(seed);
    for (int y = 0; y < height; ++y) {
        auto *line = reinterpret_cast<quint32 *>(image.scanLine(y));
        for (int x = 0; x < width; ++x)
            line[x] = 0xff000000u | (random.generate() & 0x00ffffffu);
    }
    QPainter(&image).fillRect(0, 0, width / 2, height / 8, Qt::red); // something to recognise
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, "jpg");
    writer.setQuality(95);
    writer.write(image);
    QByteArray file = withCameraExif(buffer.data());
    if (exactBytes > file.size()) {
        QByteArray tail(exactBytes - file.size(), char(0));
        random.fillRange(reinterpret_cast<quint32 *>(tail.data()), tail.size() / 4);
        file += tail;
    }
    return file;
}

// Writes `bytes` to `path` (a photo to upload); stops the test program when it cannot.
inline QString writeTestFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// `bytes` random bytes (from `seed`) written to `path` a MiB at a time: a big file that no other is like.
inline bool writeRandomFile(const QString &path, qint64 bytes, quint32 seed)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    QRandomGenerator random(seed);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (qint64 written = 0; written < bytes; written += chunk.size()) {
        random.fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        if (file.write(chunk.constData(), std::min<qint64>(chunk.size(), bytes - written)) < 0)
            return false;
    }
    return true;
}

} // namespace koodrive::test
