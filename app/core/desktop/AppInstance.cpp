#include "AppInstance.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalServer>
#include <QLocalSocket>

namespace koodrive::desktop {

AppInstance::AppInstance(QObject *parent)
    : QObject(parent)
    , m_server(new QLocalServer(this))
{
    // Only this user may hand the app files to upload into their drive.
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *peer = m_server->nextPendingConnection()) {
            connect(peer, &QLocalSocket::disconnected, peer, &QObject::deleteLater);
            connect(peer, &QLocalSocket::readyRead, this, [this, peer] {
                if (peer->bytesAvailable() > MaxRequestBytes) {
                    peer->abort();
                    return;
                }
                if (!peer->canReadLine())
                    return;
                const std::optional<StartRequest> request = decode(peer->readLine(MaxRequestBytes).trimmed());
                peer->write(request ? "ok\n" : "refused\n");
                peer->disconnectFromServer();
                if (request)
                    emit requested(*request);
            });
        }
    });
}

AppInstance::~AppInstance() = default;

QString AppInstance::keyFor(const QString &dataLocation)
{
    const QByteArray where = QDir(dataLocation).absolutePath().toUtf8();
    return QStringLiteral("koodrive-albums-") +
           QString::fromLatin1(QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16));
}

QByteArray AppInstance::encode(const StartRequest &request)
{
    QJsonObject object{{QStringLiteral("files"), QJsonArray::fromStringList(request.files)},
                       {QStringLiteral("album"), request.album}};
    if (request.hasOpenPath)
        object.insert(QStringLiteral("open"), request.openPath);
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

std::optional<StartRequest> AppInstance::decode(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    StartRequest request;
    const QJsonValue files = object.value(QStringLiteral("files"));
    if (!files.isArray() || !object.value(QStringLiteral("album")).isString())
        return std::nullopt;
    for (const QJsonValue &file : files.toArray()) {
        // Local absolute paths only; what they name is read (or said unreadable) like a drop's.
        if (!file.isString() || !QDir::isAbsolutePath(file.toString()))
            return std::nullopt;
        request.files << file.toString();
    }
    request.album = object.value(QStringLiteral("album")).toString();
    if (object.contains(QStringLiteral("open"))) {
        if (!object.value(QStringLiteral("open")).isString())
            return std::nullopt;
        request.openPath = object.value(QStringLiteral("open")).toString();
        request.hasOpenPath = true;
    }
    return request;
}

bool AppInstance::handOver(const QString &key, const StartRequest &request, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(key);
    const QDeadlineTimer deadline(timeoutMs);
    if (!socket.waitForConnected(int(deadline.remainingTime())))
        return false; // nobody there: this start is the app
    socket.write(encode(request));
    if (!socket.waitForBytesWritten(int(deadline.remainingTime())))
        return false;
    while (!socket.canReadLine() && socket.state() == QLocalSocket::ConnectedState)
        if (!socket.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime()))))
            break;
    return socket.readLine(64).trimmed() == "ok";
}

bool AppInstance::listen(const QString &key)
{
    if (m_server->listen(key))
        return true;
    // A socket file left by a copy that went away (no one answered handOver): replaced.
    QLocalServer::removeServer(key);
    return m_server->listen(key);
}

} // namespace koodrive::desktop
