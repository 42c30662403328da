#pragma once

#include "SimHttpServer.h"

#include <QObject>
#include <QSet>
#include <QTimer>

namespace koodrive::sim {

struct SimContext;
struct UploadRow;
struct UploadPart;

// Uploading a local file (OPERATIONS.md §3): createFile (POST /files/create), more or fresh part URLs
// (POST /files/multipart/uploadUrl), the parts themselves (PUT to a signed URL on object storage's listener)
// and completeFile (POST /files/complete), which joins the parts, checks the SHA-256 and makes the file.
// Same bytes already stored in the space make a "rapid upload": the file exists at once.
class UploadRoutes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadRoutes)

public:
    explicit UploadRoutes(SimContext &context, QObject *parent = nullptr);
    void install(SimHttpServer &api, SimHttpServer &objects);

    // An upload nobody has touched (create, uploadUrl, a part) for a day is removed with its parts
    // (README). Sweeps run at start, every ten minutes, and before each createFile reserves space.
    static constexpr qint64 UnfinishedLifetimeMs = 24LL * 3600 * 1000;
    int sweep();

private:
    SimReply create(SimRequest &request);
    SimReply moreUrls(SimRequest &request);
    SimHttpServer::Result complete(SimRequest &request);
    SimReply putPart(SimRequest &request);

    UploadRow liveUpload(const SimRequest &request, const QString &fileId) const;
    void writeParts(class JsonWriter &out, const UploadRow &upload, const QVector<UploadPart> &parts) const;
    void removeUpload(const QString &fileId);

    SimContext &m_context;
    QTimer m_sweeper;
    QSet<QString> m_completing; // uploads whose parts are being joined (off the server's thread)
};

} // namespace koodrive::sim
