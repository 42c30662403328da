#include "WorkPools.h"

#include <QCoreApplication>
#include <QThreadPool>

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

} // namespace koodrive::threads
