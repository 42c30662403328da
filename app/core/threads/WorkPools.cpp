#include "WorkPools.h"

#include <QCoreApplication>
#include <QThreadPool>
#include <algorithm>
#include <cerrno>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#include <unistd.h>
#endif

namespace koodrive::threads {

QThreadPool *newPool(const QString &name, int threads)
{
    auto *pool = new QThreadPool(QCoreApplication::instance());
    pool->setMaxThreadCount(threads);
    pool->setObjectName(name);
    return pool;
}

QThreadPool *longWork()
{
    static QThreadPool *pool = newPool(QStringLiteral("koodrive long work"), 2);
    return pool;
}

void lowerThisThreadsPriority()
{
    thread_local bool lowered = false;
    if (std::exchange(lowered, true))
        return;
#ifdef Q_OS_LINUX
    // On Linux a thread has a nice value of its own (setpriority with its id); raising it needs no privilege.
    // Ten above what it has (the app's own, inherited), at most 19.
    const auto self = static_cast<id_t>(gettid());
    errno = 0;
    const int now = getpriority(PRIO_PROCESS, self);
    if (errno == 0)
        setpriority(PRIO_PROCESS, self, std::min(now + 10, 19));
#endif
}

} // namespace koodrive::threads
