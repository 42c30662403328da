#include "SimFixture.h"

#include "FileStore.h"
#include "SimHttpServer.h"

#include <QDateTime>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTest>
#include <QTimeZone>
#include <QTimer>

namespace koodrive::test {

SimFixture::SimFixture(int demoFiles, sim::SimOptions options)
    : m_options(std::move(options))
{
    QVERIFY2(m_dir.isValid(), "no scratch directory");
    m_options.dataDir = m_dir.path();
    m_options.demoFiles = demoFiles;
    start();
}

SimFixture::~SimFixture() = default;

void SimFixture::start()
{
    m_server = std::make_unique<sim::SimServer>(m_options);
    QString error;
    if (!m_server->start(&error))
        qFatal("koodrive-sim did not start: %s", qPrintable(error));
    m_userId = m_server->userId();
    m_containerId = m_server->containerId();
}

void SimFixture::stop()
{
    m_options.port = quint16(m_server->url().port());
    m_options.objectPort = quint16(m_server->objectStorageUrl().port());
    m_server.reset();
    m_network.clearConnectionCache();
}

void SimFixture::resume()
{
    start();
}

void SimFixture::restart()
{
    m_options.port = m_options.objectPort = 0; // any free ports, as a new start of the app's demo server
    m_server.reset();
    m_network.clearConnectionCache();
    start();
}

QByteArray SimFixture::Response::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers)
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    return {};
}

QString SimFixture::Response::errorDetail(const QString &field) const
{
    const QJsonObject error = json.value(QStringLiteral("error")).toObject();
    return error.value(QStringLiteral("errorDetail")).toArray().at(0).toObject().value(field).toString();
}

QByteArray SimFixture::xDate(qint64 offsetSecs)
{
    return QDateTime::currentDateTimeUtc()
        .addSecs(offsetSecs)
        .toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"))
        .toLatin1();
}

QByteArray SimFixture::traceId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_";
    QByteArray id(58, Qt::Uninitialized);
    for (char &c : id)
        c = alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))];
    return id;
}

SimFixture::Headers SimFixture::commonHeaders() const
{
    return {{"Authorization", "Bearer " + m_server->accessToken().toLatin1()},
            {"X-User-Id", m_server->userId().toLatin1()},
            {"X-Date", xDate()},
            {"X-Traceid", traceId()},
            {"language", "en_us"}};
}

SimFixture::Response SimFixture::send(const QByteArray &method, const QString &pathAndQuery,
                                      const QByteArray &body, const Headers &headers)
{
    QUrl url = m_server->url();
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    return perform(method, url, body, headers);
}

SimFixture::Response SimFixture::fetch(const QUrl &url, const Headers &headers)
{
    return perform("GET", url, {}, headers);
}

SimFixture::Response SimFixture::sendTo(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                        const Headers &headers)
{
    return perform(method, url, body, headers);
}

SimFixture::Response SimFixture::sendObject(const QByteArray &method, const QString &pathAndQuery,
                                            const QByteArray &body, const Headers &headers)
{
    QUrl url = m_server->objectStorageUrl();
    const qsizetype q = pathAndQuery.indexOf(QLatin1Char('?'));
    url.setPath(pathAndQuery.left(q));
    if (q >= 0)
        url.setQuery(pathAndQuery.mid(q + 1));
    return perform(method, url, body, headers);
}

SimFixture::Response SimFixture::perform(const QByteArray &method, const QUrl &url, const QByteArray &body,
                                         const Headers &headers)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(20000);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty() && !request.hasRawHeader("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    Response response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    response.headers = reply->rawHeaderPairs();
    response.networkError = reply->error();
    const QJsonDocument doc = QJsonDocument::fromJson(response.body);
    response.json = doc.object();
    reply->deleteLater();
    return response;
}

SimFixture::Response SimFixture::post(const QString &path, const QJsonObject &body)
{
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), commonHeaders());
}

SimFixture::Response SimFixture::del(const QString &path, const QJsonObject &body)
{
    return send("DELETE", path,
                body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact),
                commonHeaders());
}

QString SimFixture::rootId() const
{
    const auto user = m_server->store().user(m_server->userId());
    return user ? user->rootFolderId : QString();
}

QString SimFixture::addFolder(const QString &name, int count, int fileType, const QString &parentId)
{
    const QString container = containerId();
    const QString owner = userId();
    const qint64 base = QDateTime(QDate(2024, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    QRandomGenerator random(quint32(qHash(name)));
    QVector<sim::FileRow> rows;
    sim::FileRow folder;
    folder.id = QStringLiteral("Ftest") + QString::number(random.generate64(), 36);
    folder.containerId = container;
    folder.ownerId = owner;
    folder.parentId = parentId.isEmpty() ? rootId() : parentId;
    folder.name = name;
    folder.fileType = sim::FileType::Folder;
    folder.mimeType = QStringLiteral("application/vnd.huawei-apps.folder");
    folder.createdMs = folder.editedMs = base;
    rows.append(folder);
    static const char *suffixes[] = {"jpg", "png", "heic", "jpeg", "webp"};
    for (int i = 0; i < count; ++i) {
        sim::FileRow f;
        f.id = QStringLiteral("Ft%1x%2").arg(i, 6, 10, QLatin1Char('0')).arg(random.generate64(), 0, 36);
        f.containerId = container;
        f.ownerId = owner;
        f.parentId = folder.id;
        const QString suffix = QString::fromLatin1(suffixes[random.bounded(5)]);
        // Repeated names, sizes and times on purpose: ties must still page exactly once each.
        f.name = QStringLiteral("photo %1.%2").arg(random.bounded(count / 2 + 1)).arg(suffix);
        f.suffix = suffix;
        f.fileType = fileType;
        f.mimeType = QStringLiteral("image/jpeg");
        f.size = 1000 * random.bounded(count / 3 + 1);
        f.createdMs = base + 1000LL * random.bounded(count / 4 + 1);
        f.editedMs = f.createdMs + 1000LL * random.bounded(3);
        f.takenMs = f.createdMs - 60000;
        f.width = 4000;
        f.height = 3000;
        rows.append(f);
    }
    sim::SimStore::Transaction transaction(m_server->store());
    m_server->files().insert(rows);
    transaction.commit();
    return folder.id;
}

QString SimFixture::folderNamed(const QString &name)
{
    QSqlQuery q = m_server->store().exec(
        QStringLiteral("SELECT id FROM files WHERE parent_id = ? AND name = ? AND is_folder = 1"),
        {rootId(), name});
    return q.next() ? q.value(0).toString() : QString();
}

QStringList SimFixture::childIds(const QString &folderId, int fileType)
{
    QSqlQuery q =
        m_server->store().exec(QStringLiteral("SELECT id FROM files WHERE parent_id = ? AND recycled = 0 AND "
                                              "(? = 0 OR file_type = ?) ORDER BY id"),
                               {folderId, fileType, fileType});
    QStringList ids;
    while (q.next())
        ids << q.value(0).toString();
    return ids;
}

int SimFixture::uploadPartPuts()
{
    int puts = 0;
    const auto &requests = m_server->objects().objectRequests();
    for (auto it = requests.cbegin(); it != requests.cend(); ++it)
        if (it.key().startsWith(QLatin1String("/obs/upload/")))
            puts += it.value();
    return puts;
}

QStringList SimFixture::column(const QString &sql, const QVariantList &values)
{
    QSqlQuery q = m_server->store().exec(sql, values);
    QStringList out;
    while (q.next())
        out << q.value(0).toString();
    return out;
}

QStringList SimFixture::albumItems(const QString &albumId)
{
    return column(QStringLiteral("SELECT file_id FROM album_items WHERE album_id = ? ORDER BY file_id"),
                  {albumId});
}

} // namespace koodrive::test
