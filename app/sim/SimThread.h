#pragma once

#include "SimServer.h"

#include <QString>
#include <QThread>
#include <QUrl>
#include <future>
#include <memory>

namespace koodrive::sim {

// koodrive-sim on a thread of its own, as the app embeds it for the demo library. The window's thread never
// computes an answer (a page of a listing, the space used), and the library opens while the app starts.
// The server is made, started, used and deleted on that thread; the caller only reads where it listens.
class SimThread final
{
    Q_DISABLE_COPY_MOVE(SimThread)

public:
    // Starts at once; waitStarted() tells how it went.
    explicit SimThread(SimOptions options);
    ~SimThread(); // the server ends on its thread, then the thread

    struct Started
    {
        bool ok = false;
        QString error;
        QUrl url;
        QString userId;
        QString accessToken;
    };
    // Blocks until the server listens (or failed to).
    const Started &waitStarted();

private:
    QThread m_thread;
    SimServer *m_server = nullptr; // lives on m_thread, deleted there
    std::future<Started> m_starting;
    std::optional<Started> m_started;
};

} // namespace koodrive::sim
