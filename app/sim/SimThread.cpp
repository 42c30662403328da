#include "SimThread.h"

#include <QMetaObject>

namespace koodrive::sim {

SimThread::SimThread(SimOptions options)
{
    m_thread.setObjectName(QStringLiteral("koodrive-sim"));
    m_server = new SimServer(std::move(options));
    m_server->moveToThread(&m_thread);
    auto promise = std::make_shared<std::promise<Started>>();
    m_starting = promise->get_future();
    m_thread.start();
    QMetaObject::invokeMethod(
        m_server,
        [server = m_server, promise] {
            Started started;
            started.ok = server->start(&started.error);
            if (started.ok) {
                started.url = server->url();
                started.userId = server->userId();
                started.accessToken = server->accessToken();
            }
            promise->set_value(std::move(started));
        },
        Qt::QueuedConnection);
}

SimThread::~SimThread()
{
    // Deleted on its own thread, where its listeners, database connection and timers belong: by its event
    // loop, or as the thread finishes (QObject::deleteLater).
    m_server->deleteLater();
    m_thread.quit();
    m_thread.wait();
}

const SimThread::Started &SimThread::waitStarted()
{
    if (!m_started)
        m_started = m_starting.get();
    return *m_started;
}

} // namespace koodrive::sim
