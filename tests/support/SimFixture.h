#pragma once

#include "SimServer.h"
#include "SimStore.h"
#include "StoreTypes.h"

#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <memory>

namespace koodrive::test {

// An in-process koodrive-sim on loopback with a demo library in a scratch directory, and a small blocking
// HTTP client that sends what the pages require (tests of the server build requests by hand on purpose:
// they must not share code with the app's client).
class SimFixture final
{
public:
    explicit SimFixture(int demoFiles = 300, sim::SimOptions options = {});
    ~SimFixture();

    // Stops the server and starts a new one on the same data directory, on new ports.
    void restart();
    // The server gone (its listeners closed: calls are refused), then back on the same ports and data.
    void stop();
    void resume();
    bool isRunning() const { return bool(m_server); }

    sim::SimServer &server() { return *m_server; }
    QString dataDir() const { return m_dir.path(); }
    // The same while the server is stopped.
    QString userId() const { return m_userId; }
    QString containerId() const { return m_containerId; }
    sim::SimStore::Counts counts() { return m_server->store().counts(); }

    struct Response
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QJsonObject json;
        QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
        QByteArray header(const QByteArray &name) const;
        // error.errorDetail[0] of the documented error body (files-list.txt, Tables 19 and 21).
        QString errorCode() const { return errorDetail(QStringLiteral("errorCode")); }
        QString errorParam() const { return errorDetail(QStringLiteral("errorParam")); }
        QString errorDescription() const { return errorDetail(QStringLiteral("description")); }
        QString errorDetail(const QString &field) const;
    };
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    // Authorization (Bearer), X-User-Id, X-Date (now), X-Traceid: what every call carries.
    Headers commonHeaders() const;
    static QByteArray xDate(qint64 offsetSecs = 0);
    static QByteArray traceId();

    Response send(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                  const Headers &headers = {});
    Response get(const QString &pathAndQuery) { return send("GET", pathAndQuery, {}, commonHeaders()); }
    Response post(const QString &path, const QJsonObject &body);
    Response del(const QString &path, const QJsonObject &body = {});
    Response fetch(const QUrl &url, const Headers &headers = {}); // a signed object URL, as is
    // Any method to a full URL, as is (PUT of an upload part to its signed URL).
    Response sendTo(const QByteArray &method, const QUrl &url, const QByteArray &body = {},
                    const Headers &headers = {});
    // A request to object storage's listener (SimServer::objectStorageUrl()), like send() to the API's.
    Response sendObject(const QByteArray &method, const QString &pathAndQuery, const QByteArray &body = {},
                        const Headers &headers = {});

    // Adds `count` images (or another file type) directly inside `parentId` (a new folder under root when
    // empty), spread over names, sizes, times and suffixes; returns the folder id.
    QString addFolder(const QString &name, int count, int fileType = sim::FileType::Image,
                      const QString &parentId = QString());
    QString rootId() const;
    // A folder of the demo library by name, directly under root.
    QString folderNamed(const QString &name);
    QStringList childIds(const QString &folderId, int fileType = 0);
    // The first column of a query on the store (what a call changed is checked there, not through it).
    QStringList column(const QString &sql, const QVariantList &values = {});
    // PUTs of upload parts object storage received so far (every part, sent again or not).
    int uploadPartPuts();
    // The file ids an album holds on the server, sorted.
    QStringList albumItems(const QString &albumId);

private:
    void start();
    Response perform(const QByteArray &method, const QUrl &url, const QByteArray &body,
                     const Headers &headers);

    QTemporaryDir m_dir;
    sim::SimOptions m_options;
    std::unique_ptr<sim::SimServer> m_server;
    QString m_userId;
    QString m_containerId;
    QNetworkAccessManager m_network;
};

} // namespace koodrive::test
