#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace koodrive::sim {

class AlbumStore;
class FileStore;
class JobRunner;
class MediaRoutes;
class ObjectStorage;
class UploadRoutes;
class RequestGuard;
class SimClock;
class SimHttpServer;
class SimStore;
class UrlSigner;
struct SimContext;

struct SimOptions
{
    QString dataDir;         // where the SQLite database lives; the library persists there
    int demoFiles = 0;       // size of the demo library made when the data dir is new
    quint32 seed = 20251101; // the demo library's seed
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 0;         // 0: any free port
    quint16 objectPort = 0;   // object storage's own listener (OPERATIONS.md §3: another origin); 0: any
    int latencyMs = 0;        // added to every answer
    double failRate = 0.0;    // share of API calls answered 503
    qint64 clockSkewSecs = 0; // the server's clock runs this far off the machine's
    qint64 tokenLifetimeSecs = 24 * 3600;
    qint64 urlLifetimeSecs = 3600; // signed object URLs (the pages' X-Amz-Expires=3600)
    int jobStepMs = 100;           // batch jobs advance this often (OPERATIONS.md §5: asynchronous)...
    int jobFilesPerStep = 5;       // ...this many files a step
};

// koodrive-sim: a local server that speaks the KooDrive album API of ../shared/koodrive-api, strict where
// the pages are strict, over a SQLite library. It runs in its own process (app/sim/main.cpp) or inside the
// app and the tests, on the caller's thread and event loop.
class SimServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SimServer)

public:
    explicit SimServer(SimOptions options, QObject *parent = nullptr);
    ~SimServer() override;

    bool start(QString *error = nullptr);

    // The API host.
    QUrl url() const { return m_url; }
    // Object storage (originals, thumbnails, upload parts: every /obs/ path), a different origin from the
    // API host as in the real service; every signed URL points here.
    QUrl objectStorageUrl() const { return m_objectUrl; }
    // The demo user and a fresh session token of theirs, made at start.
    QString userId() const { return m_userId; }
    QString accessToken() const { return m_accessToken; }
    QString refreshToken() const { return m_refreshToken; }
    QString containerId() const;

    struct Tokens
    {
        QString accessToken;
        QString refreshToken;
    };
    static QString newToken();
    static Tokens createSession(SimStore &store, const QString &userId, qint64 nowMs, qint64 lifetimeSecs);
    // A new session of the user with the given lifetime (tests use short ones).
    Tokens newSession(const QString &userId, qint64 lifetimeSecs);

    SimStore &store() { return *m_store; }
    FileStore &files() { return *m_files; }
    AlbumStore &albums() { return *m_albums; }
    SimClock &clock() { return *m_clock; }
    const UrlSigner &signer() const { return *m_signer; }
    // The API listener, and object storage's (requestsServed(), objectRequests(), faults of each).
    SimHttpServer &http() { return *m_http; }
    SimHttpServer &objects() { return *m_objects; }
    const SimOptions &options() const { return m_options; }
    // Unfinished uploads older than a day are removed (every ten minutes); tests run it after moving the
    // clock. Answers how many were removed.
    int sweepUploads();

    // Seeding time of the last start that made a library, in milliseconds (-1 when the library existed).
    qint64 seedMilliseconds() const { return m_seedMs; }

private:
    SimOptions m_options;
    std::unique_ptr<SimStore> m_store;
    std::unique_ptr<FileStore> m_files;
    std::unique_ptr<AlbumStore> m_albums;
    std::unique_ptr<SimClock> m_clock;
    std::unique_ptr<UrlSigner> m_signer;
    std::unique_ptr<RequestGuard> m_guard;
    std::unique_ptr<SimContext> m_context;
    std::unique_ptr<MediaRoutes> m_media;
    std::unique_ptr<ObjectStorage> m_storage;
    UploadRoutes *m_uploads = nullptr;
    JobRunner *m_jobs = nullptr;
    SimHttpServer *m_http = nullptr;
    SimHttpServer *m_objects = nullptr;
    QUrl m_url;
    QUrl m_objectUrl;
    QString m_userId;
    QString m_accessToken;
    QString m_refreshToken;
    qint64 m_seedMs = -1;
};

} // namespace koodrive::sim
