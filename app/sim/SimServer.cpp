#include "SimServer.h"

#include "AccountRoutes.h"
#include "AlbumRoutes.h"
#include "AlbumStore.h"
#include "DemoLibrary.h"
#include "FileRoutes.h"
#include "FileStore.h"
#include "FolderRoutes.h"
#include "JobRoutes.h"
#include "JobRunner.h"
#include "MediaRoutes.h"
#include "ObjectStorage.h"
#include "RequestGuard.h"
#include "SearchRoutes.h"
#include "SimClock.h"
#include "SimContext.h"
#include "SimError.h"
#include "SimHttpServer.h"
#include "SimStore.h"
#include "StarRoutes.h"
#include "UploadRoutes.h"
#include "UrlSigner.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QRandomGenerator>

Q_LOGGING_CATEGORY(lcSim, "koodrive.sim", QtInfoMsg)

namespace koodrive::sim {

namespace {
QString randomToken(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(raw.data()), bytes / 4);
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}
} // namespace

namespace {
// QHttpServer's own debug output (qt.httpserver*) prints every request with all its headers, the
// Authorization token included. However logging is configured, it stays off in a process that runs
// koodrive-sim (README: tokens never appear in logs).
QLoggingCategory::CategoryFilter previousFilter = nullptr;
void withoutHeaderLogging(QLoggingCategory *category)
{
    if (previousFilter)
        previousFilter(category);
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}
} // namespace

SimServer::SimServer(SimOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    static const bool filtered = [] {
        previousFilter = QLoggingCategory::installFilter(withoutHeaderLogging);
        return true;
    }();
    Q_UNUSED(filtered)
}

SimServer::~SimServer() = default;

QString SimServer::newToken()
{
    return randomToken(36);
}

SimServer::Tokens SimServer::createSession(SimStore &store, const QString &userId, qint64 nowMs,
                                           qint64 lifetimeSecs)
{
    Tokens tokens{randomToken(36), randomToken(36)};
    store.insertSession(userId, tokens.accessToken, tokens.refreshToken, nowMs, nowMs + lifetimeSecs * 1000);
    return tokens;
}

SimServer::Tokens SimServer::newSession(const QString &userId, qint64 lifetimeSecs)
{
    return createSession(*m_store, userId, m_clock->nowMs(), lifetimeSecs);
}

QString SimServer::containerId() const
{
    const auto user = m_store->user(m_userId);
    return user ? user->containerId : QString();
}

int SimServer::sweepUploads()
{
    return m_uploads ? m_uploads->sweep() : 0;
}

bool SimServer::start(QString *error)
{
    auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (m_options.dataDir.isEmpty() || !QDir().mkpath(m_options.dataDir))
        return fail(QStringLiteral("cannot use the data directory \"%1\"").arg(m_options.dataDir));
    m_store =
        std::make_unique<SimStore>(QDir(m_options.dataDir).filePath(QStringLiteral("koodrive-sim.sqlite")));
    QString openError;
    if (!m_store->open(&openError))
        return fail(QStringLiteral("cannot open the library: %1").arg(openError));
    m_files = std::make_unique<FileStore>(*m_store);
    m_albums = std::make_unique<AlbumStore>(*m_store);
    m_clock = std::make_unique<SimClock>();
    m_clock->setSkewSeconds(m_options.clockSkewSecs);

    try {
        if (!m_store->hasUsers()) {
            QElapsedTimer timer;
            timer.start();
            const DemoLibrary::Summary summary =
                DemoLibrary(m_options.demoFiles, m_options.seed).seed(*m_store);
            m_seedMs = timer.elapsed();
            m_store->setMeta(QStringLiteral("demo.files"), QString::number(m_options.demoFiles));
            qCInfo(lcSim) << "made a library of" << summary.files << "files in" << summary.folders
                          << "folders and" << summary.albums << "albums in" << m_seedMs << "ms";
        } else if (m_options.demoFiles > 0 &&
                   m_store->meta(QStringLiteral("demo.files")) != QString::number(m_options.demoFiles)) {
            qCInfo(lcSim) << "the data directory already holds a library; --demo is ignored";
        }
        QString secret = m_store->meta(QStringLiteral("url.secret"));
        if (secret.isEmpty()) {
            secret = randomToken(32);
            m_store->setMeta(QStringLiteral("url.secret"), secret);
        }
        m_signer = std::make_unique<UrlSigner>(secret.toLatin1());

        const auto demoUser = m_store->userByAccount(QString::fromLatin1(DemoLibrary::DemoAccount));
        if (!demoUser)
            return fail(QStringLiteral("the library has no demo user"));
        m_userId = demoUser->id;
        const Tokens tokens = newSession(m_userId, m_options.tokenLifetimeSecs);
        m_accessToken = tokens.accessToken;
        m_refreshToken = tokens.refreshToken;
    } catch (const SimError &e) {
        return fail(e.description());
    }

    m_guard = std::make_unique<RequestGuard>(*m_store, *m_clock);
    auto listen = [this](SimHttpServer *server, quint16 wanted, QUrl *url) {
        const quint16 port = server->listen(m_options.host, wanted);
        url->setScheme(QStringLiteral("http"));
        url->setHost(m_options.host.toString());
        url->setPort(port);
        return port != 0;
    };
    m_http = new SimHttpServer(*m_guard, *m_clock, this);
    m_http->setFaults({m_options.latencyMs, m_options.failRate});
    if (!listen(m_http, m_options.port, &m_url))
        return fail(
            QStringLiteral("cannot listen on %1:%2").arg(m_options.host.toString()).arg(m_options.port));
    // Object storage answers on a listener of its own: a client that sent its API headers there, or took
    // an object URL for an API one, would be caught as it would be against the real service.
    m_objects = new SimHttpServer(*m_guard, *m_clock, this);
    m_objects->setFaults({m_options.latencyMs, 0.0});
    if (!listen(m_objects, m_options.objectPort, &m_objectUrl))
        return fail(QStringLiteral("cannot listen for object storage on %1:%2")
                        .arg(m_options.host.toString())
                        .arg(m_options.objectPort));
    qCInfo(lcSim).noquote() << "object storage at" << m_objectUrl.toString();

    m_storage = std::make_unique<ObjectStorage>(QDir(m_options.dataDir).filePath(QStringLiteral("objects")));
    m_context =
        std::make_unique<SimContext>(*m_store, *m_files, *m_albums, *m_storage, *m_signer, *m_clock,
                                     m_objectUrl, m_options.urlLifetimeSecs, m_options.tokenLifetimeSecs);
    AlbumRoutes::install(*m_http, *m_context);
    // Before FileRoutes: its POST /files/{type} would take /files/<anything> otherwise.
    FolderRoutes::install(*m_http, *m_context);
    m_uploads = new UploadRoutes(*m_context, this);
    m_uploads->install(*m_http, *m_objects);
    m_jobs = new JobRunner(*m_context, m_options.jobStepMs, m_options.jobFilesPerStep, this);
    JobRoutes::install(*m_http, *m_context, *m_jobs);
    SearchRoutes::install(*m_http, *m_context);
    StarRoutes::install(*m_http, *m_context);
    FileRoutes::install(*m_http, *m_context);
    AccountRoutes::install(*m_http, *m_context);
    // GET /koodrive/ose/v1/{jobId}: after every other route, so that none is taken for a job id.
    JobRoutes::installLast(*m_http, *m_context);
    m_media = std::make_unique<MediaRoutes>(*m_context);
    m_media->install(*m_objects);
    return true;
}

} // namespace koodrive::sim
