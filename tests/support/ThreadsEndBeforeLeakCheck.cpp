// Linked into every test (an object library, so nothing drops it): under AddressSanitizer, the process
// waits at exit for the threads still ending before LeakSanitizer looks for leaks.
//
// LeakSanitizer checks as the process exits: a tracer stops every thread and reads its stack and its
// thread-local blocks. Qt 6.4 starts its threads detached, and QThread::wait() returns as soon as run() is
// over, while the system thread is still tearing itself down (its thread-local storage freed one block
// after another). A tracer that reads such a thread crashes: "Tracer caught signal 11 ... LeakSanitizer has
// encountered a fatal error", after every test function passed (seen in CI, tst_DesktopDragDrop, stop 27).
// So this object, made before main() and therefore destroyed after every static made during it (Qt's
// global thread pools, the app's work pools), waits until no thread is ending any more: until the process
// is down to its main thread, or its thread count has held still for 100 ms (a thread that never ends, a
// live one, is stopped and read without harm), and at most 2 s. Without AddressSanitizer it does nothing.
#include <chrono>
#include <dirent.h>
#include <thread>

#if defined(__SANITIZE_ADDRESS__)
namespace {

int threadCount()
{
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks)
        return 1;
    int count = 0;
    while (const dirent *entry = readdir(tasks))
        if (entry->d_name[0] != '.')
            ++count;
    closedir(tasks);
    return count;
}

struct ThreadsEndBeforeLeakCheck
{
    ThreadsEndBeforeLeakCheck() = default;
    ThreadsEndBeforeLeakCheck(const ThreadsEndBeforeLeakCheck &) = delete;
    ThreadsEndBeforeLeakCheck &operator=(const ThreadsEndBeforeLeakCheck &) = delete;
    ~ThreadsEndBeforeLeakCheck()
    {
        using namespace std::chrono;
        const auto deadline = steady_clock::now() + seconds(2);
        int last = threadCount();
        auto stillSince = steady_clock::now();
        while (last > 1 && steady_clock::now() < deadline) {
            std::this_thread::sleep_for(milliseconds(5));
            const int now = threadCount();
            if (now != last) {
                last = now;
                stillSince = steady_clock::now();
            } else if (steady_clock::now() - stillSince >= milliseconds(100)) {
                break;
            }
        }
    }
};

const ThreadsEndBeforeLeakCheck waitAtExit;

} // namespace
#endif
