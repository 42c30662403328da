#pragma once
// Photos for upload tests and benchmarks: real JPEGs with EXIF, as a camera writes them; GIFs, still or
// animated (Qt reads GIF but does not write it).
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

// A GIF of `frames` (all of one size) in two colours: each pixel red where the frame is red, else white;
// more than one frame makes an animation that loops, a frame every `delayCs` hundredths of a second. The
// LZW data sends a clear code every 100 pixels, so that every code is one pixel of 8 bits.
inline QByteArray gif(const QList<QImage> &frames, int delayCs = 10)
{
    const QSize size = frames.value(0).size();
    QByteArray out("GIF89a");
    const auto u16 = [&out](int v) { out.append(char(v & 0xff)).append(char((v >> 8) & 0xff)); };
    u16(size.width());
    u16(size.height());
    out.append(char(0xF6)).append('\0').append('\0'); // a global table of 128 colours
    QByteArray table(128 * 3, '\0');
    table[0] = char(220);                       // 0: red
    table[3] = table[4] = table[5] = char(255); // 1: white
    out.append(table);
    if (frames.size() > 1) // loop for ever
        out.append(QByteArray("\x21\xFF\x0BNETSCAPE2.0\x03\x01\x00\x00\x00", 19));
    for (const QImage &frame : frames) {
        if (frames.size() > 1) { // each frame's delay
            out.append(QByteArray("\x21\xF9\x04\x00", 4));
            u16(delayCs);
            out.append('\0').append('\0');
        }
        out.append(char(0x2C));
        u16(0), u16(0), u16(size.width()), u16(size.height());
        out.append('\0').append(char(7)); // not interlaced; LZW codes start at 8 bits
        QByteArray data;
        quint32 bits = 0;
        int count = 0;
        const auto code = [&](int value) {
            bits |= quint32(value) << count;
            count += 8;
            while (count >= 8) {
                data.append(char(bits & 0xff));
                bits >>= 8;
                count -= 8;
            }
        };
        int run = 0;
        for (int y = 0; y < size.height(); ++y)
            for (int x = 0; x < size.width(); ++x) {
                if (run++ % 100 == 0)
                    code(128); // clear
                const QRgb pixel = frame.pixel(x, y);
                code(qRed(pixel) > 180 && qGreen(pixel) < 60 ? 0 : 1);
            }
        code(129); // end
        for (qsizetype at = 0; at < data.size(); at += 255) {
            const QByteArray block = data.mid(at, 255);
            out.append(char(block.size())).append(block);
        }
        out.append('\0');
    }
    out.append(char(0x3B));
    return out;
}

} // namespace koodrive::test
