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

} // namespace koodrive::threads
