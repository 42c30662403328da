#pragma once

class QString;
class QThreadPool;

namespace koodrive::threads {

// Where the app's long work off the GUI thread runs (a folder walked before an upload, an original
// decoded for the viewer). Never QThreadPool::globalInstance(): Qt 6.4's raster paint engine splits a large
// fill across the global pool and waits for every part (QT_THREAD_PARALLEL_FILLS in qdrawhelper.cpp), so
// a task of ours holding one of its threads (two on these machines) holds up the window's painting until
// it ends. Thumbnails, answers and hashes have pools of their own too.
QThreadPool *longWork();
// A pool of the app's own, named for debuggers and profilers, owned by the application object.
QThreadPool *newPool(const QString &name, int threads);
// For work that nothing waits for (an answer parsed while the next page is fetched): lowers the calling
// thread's scheduling priority, once per thread (10 more nice on Linux: about a tenth of a core against a
// busy thread of normal priority). The window's thread and Qt's network thread, woken while such work runs,
// then get a core at once instead of after it: on two cores, parsing a page of the listing (1.5-2.5 ms)
// held back the request for the next page, already made, by as long. Never for work that a thread waits
// for (the catalog's writes, waited for by its next read): that thread would wait longer.
void lowerThisThreadsPriority();

} // namespace koodrive::threads
