#pragma once

#include "StoreTypes.h"

#include <QByteArray>
#include <QSize>
#include <QString>

namespace koodrive::sim {

// The demo library's videos: a few short real clips (H.264 + AAC and HEVC in MP4), made by ffmpeg when
// koodrive-sim is built (app/sim/CMakeLists.txt) and served as the originals of the videos it lists, so the
// app's player has something real to decode. Each demo video plays one of them, picked by its id.
struct DemoClip
{
    const char *resource; // the clip's bytes, in the sim's resources
    QSize size;           // as shown (the clips carry no rotation)
    qint64 durationMs;    // nominal: the container may say a few ms more (its audio's last packet)
    const char *codec;
};

class DemoClips final
{
public:
    static const DemoClip &forFile(const QString &fileId);
    // The clip's bytes, read once from the resources; empty if the build made none.
    static QByteArray bytes(const DemoClip &clip);
    // A video's length in ms as files list and album contents give it (`properties.duration`, README's
    // decisions): a demo video's clip's; 0 (left out) for anything else, an uploaded video included (the sim
    // does not read containers).
    static qint64 durationOf(const FileRow &file);
};

} // namespace koodrive::sim
