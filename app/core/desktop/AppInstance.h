#pragma once

#include <QObject>
#include <QStringList>
#include <optional>

class QLocalServer;

namespace koodrive::desktop {

// What a start of the app asks for on its command line: files to upload ("Send to" from a file manager),
// into an album or a folder, or only to be shown.
struct StartRequest
{
    QStringList files{}; // absolute local paths
    QString album{};     // --album
    QString openPath{};  // --open
    bool hasOpenPath = false;
};

// One app per user and data location, as desktop apps are: a second start (the file manager's "Send to"
// while the app is open) hands its request to the app already running, over a local socket only this
// user can reach, and ends. Two copies would share one upload queue and each take up the other's files.
class AppInstance final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppInstance)

public:
    static constexpr qint64 MaxRequestBytes = 1024 * 1024; // a few thousand paths

    explicit AppInstance(QObject *parent = nullptr);
    ~AppInstance() override;

    // The socket's name for a data location (the app's, e.g. QStandardPaths::AppDataLocation).
    static QString keyFor(const QString &dataLocation);
    // Gives `request` to the app listening at `key`: true when it took it (this start can end).
    static bool handOver(const QString &key, const StartRequest &request, int timeoutMs = 3000);
    // Listens at `key` for later starts (a socket left by a copy that crashed is replaced).
    bool listen(const QString &key);

    static QByteArray encode(const StartRequest &request);
    // Null when `bytes` is not a request (the peer is this user's, but its words are checked all the same).
    static std::optional<StartRequest> decode(const QByteArray &bytes);

signals:
    void requested(const koodrive::desktop::StartRequest &request);

private:
    QLocalServer *m_server;
};

} // namespace koodrive::desktop

Q_DECLARE_METATYPE(koodrive::desktop::StartRequest)
