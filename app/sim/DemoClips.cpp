#include "DemoClips.h"

#include <QFile>
#include <QHash>
#include <QMutex>
#include <QMutexLocker>

namespace koodrive::sim {

namespace {
// Keep in step with the ffmpeg commands in CMakeLists.txt: sizes and durations are given there.
const DemoClip Clips[] = {
    {":/sim/clips/landscape-h264.mp4", QSize(640, 360), 6000, "H.264"},
    {":/sim/clips/portrait-h264.mp4", QSize(360, 640), 5000, "H.264"},
    {":/sim/clips/bars-hevc.mp4", QSize(640, 360), 4000, "HEVC"},
};
} // namespace

const DemoClip &DemoClips::forFile(const QString &fileId)
{
    return Clips[qHash(fileId, 0) % std::size(Clips)];
}

qint64 DemoClips::durationOf(const FileRow &file)
{
    return file.isVideo() && !file.hasBytes() ? forFile(file.id).durationMs : 0;
}

QByteArray DemoClips::bytes(const DemoClip &clip)
{
    static QMutex mutex;
    static QHash<const DemoClip *, QByteArray> read;
    QMutexLocker lock(&mutex);
    auto it = read.find(&clip);
    if (it == read.end()) {
        QFile file(QString::fromLatin1(clip.resource));
        it = read.insert(&clip, file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray());
    }
    return *it;
}

} // namespace koodrive::sim
