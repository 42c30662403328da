#pragma once

#include <QByteArray>
#include <QCache>
#include <QString>

namespace koodrive::sim {

class SimHttpServer;
struct SimContext;

// The object store behind signed URLs: originals and image-processed thumbnails (OBS style, see
// ../shared/koodrive-api/README.md "Thumbnails"), with ETag / If-None-Match and Cache-Control.
class MediaRoutes final
{
public:
    explicit MediaRoutes(SimContext &context);
    void install(SimHttpServer &server);

    // The largest non-image original served (a 200 MB video is not worth making up).
    static constexpr qint64 MaxBlobBytes = 8 * 1024 * 1024;

private:
    SimContext &m_context;
    QCache<QString, QByteArray> m_rendered; // encoded answers by file and process, cost in KiB
};

} // namespace koodrive::sim
