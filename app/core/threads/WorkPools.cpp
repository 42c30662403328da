#include "WorkPools.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace koodrive::threads {

QThreadPool *longWork()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(2);
        p->setObjectName(QStringLiteral("koodrive long work"));
        return p;
    }();
    return pool;
}

} // namespace koodrive::threads
