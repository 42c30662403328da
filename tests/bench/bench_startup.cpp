// How long a person waits after starting KooDrive Albums: from the process being started to the window
// shown, and to the first screen of thumbnails painted in the camera folder of the demo library (opened
// with --open Camera). Cold: a new home (the demo library is made, no thumbnail is on disk). Warm: the same
// home again (library, catalog and thumbnail cache on disk: the cold run goes on until Camera is read to
// its end and kept). Prints medians over N runs of each. Also the memory of
// the whole app (its window, models and embedded demo server: one process) once Camera is read to its end
// and brought in line, on the warm start (resident set, 1 s after the app says so).
//
//   build/default/bin/bench_startup [runs=5] [demo files=3000, the app's default] [app=koodrive-albums beside
//   this program] [another build of the app, to compare]
//
// With another build, each run also starts that one warm, on the same home, right before or after this one
// (in turn): the medians of both and of the differences between the two starts of each run are printed.
// Build the other one from an earlier commit (e.g. in a worktree) to see what a change is worth.
//
// With 23256 demo files the camera folder has 10 000 (the figures are for such a folder).
//
// Each run is measured against a floor taken in the same loop: bench_bare_window, a bare Qt window of the
// same size painted once (what linking Qt, connecting to the display and painting cost here). Before
// each start the machine rests 1 s: a program started the moment the last one ends pays for the X server
// and the kernel tearing that one down (a bare window: 115 ms right after the last, 66 ms after a rest).
//
// The app runs on the display given by the environment (DISPLAY for a real X window, e.g. under Xvfb),
// else offscreen. It reports its moments through the logging category koodrive.startup.
#include "ProcessMemory.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <algorithm>
#include <cstdio>

namespace {

struct Moments
{
    qint64 shown = -1;
    qint64 filled = -1;
    qint64 complete = -1;
    qint64 residentBytes = -1; // 1 s after the place is complete
};

// How long a run goes on after its first screen is painted.
enum class After
{
    FirstScreen, // ends there
    Saved,  // until Camera is read to its end and kept in the catalog (written 1 s later), for a warm run
    Memory, // until Camera is read to its end, then 1 s for its last thumbnails; the memory is read
};

Moments runOnce(const QString &app, const QStringList &arguments, const QString &home, After after)
{
    const bool waitsToEnd = after != After::FirstScreen;
    QThread::msleep(1000); // the last process's teardown ends
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home + QStringLiteral("/cache"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("koodrive.startup.info=true"));
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("QT_QPA_PLATFORM")))
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(QProcess::SeparateChannels);
    Moments moments;
    QElapsedTimer clock;
    QByteArray pending;
    QObject::connect(&process, &QProcess::readyReadStandardError, [&] {
        pending += process.readAllStandardError();
        qsizetype end;
        while ((end = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            if (line.contains("koodrive.startup: window shown") && moments.shown < 0)
                moments.shown = clock.elapsed();
            if (line.contains("koodrive.startup: first screen of thumbnails painted") && moments.filled < 0)
                moments.filled = clock.elapsed();
            if (line.contains("koodrive.startup: first place read to its end") && moments.complete < 0)
                moments.complete = clock.elapsed();
        }
    });
    clock.start();
    process.start(app, arguments);
    if (!process.waitForStarted(10000))
        return moments;
    const auto waiting = [&] {
        return (moments.filled < 0 || (waitsToEnd && moments.complete < 0)) && clock.elapsed() < 120000 &&
               process.state() == QProcess::Running;
    };
    while (waiting())
        process.waitForReadyRead(100);
    if (waitsToEnd && moments.complete >= 0) {
        // The last thumbnails asked for come in; the place is written to the catalog 1 s after it is read.
        const qint64 settled = clock.elapsed() + (after == After::Saved ? 1500 : 1000);
        while (clock.elapsed() < settled && process.state() == QProcess::Running)
            process.waitForReadyRead(50);
        if (after == After::Memory)
            moments.residentBytes = koodrive::test::ProcessMemory::residentBytesOf(process.processId());
    }
    process.terminate();
    if (!process.waitForFinished(5000))
        process.kill();
    process.waitForFinished(2000);
    return moments;
}

// The middle value (of times: -1 is a start that reported nothing, left out).
qint64 middle(QList<qint64> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

qint64 median(QList<qint64> values)
{
    values.removeAll(-1);
    return values.isEmpty() ? -1 : middle(values);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication core(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const int runs = args.size() > 1 ? qMax(1, args[1].toInt()) : 5;
    const int demoFiles = args.size() > 2 ? qMax(1, args[2].toInt()) : 3000;
    const QString app =
        args.size() > 3
            ? args[3]
            : QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("koodrive-albums"));
    const QString bare =
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("bench_bare_window"));
    const QStringList appArguments{QStringLiteral("--open"), QStringLiteral("Camera"),
                                   QStringLiteral("--demo"), QString::number(demoFiles)};
    QTextStream out(stdout);
    const QString other = args.size() > 4 ? args[4] : QString();
    QList<qint64> coldShown, coldFilled, warmShown, warmFilled, memory, floor;
    QList<qint64> thisWarm, otherWarm, differences; // with another build
    for (int i = 0; i < runs; ++i) {
        QTemporaryDir home;
        const Moments baseline = runOnce(bare, {}, home.path(), After::FirstScreen);
        const Moments cold = runOnce(app, appArguments, home.path(), After::Saved);
        const Moments warm = runOnce(app, appArguments, home.path(), After::Memory);
        if (!other.isEmpty()) {
            const bool otherFirst = i % 2 == 1;
            const Moments first =
                runOnce(otherFirst ? other : app, appArguments, home.path(), After::FirstScreen);
            const Moments second =
                runOnce(otherFirst ? app : other, appArguments, home.path(), After::FirstScreen);
            const Moments &mine = otherFirst ? second : first;
            const Moments &theirs = otherFirst ? first : second;
            if (mine.filled >= 0 && theirs.filled >= 0) {
                thisWarm << mine.filled;
                otherWarm << theirs.filled;
                differences << mine.filled - theirs.filled;
            }
        }
        floor << baseline.filled;
        memory << warm.residentBytes;
        coldShown << cold.shown;
        coldFilled << cold.filled;
        warmShown << warm.shown;
        warmFilled << warm.filled;
        out << "run " << i + 1 << ": cold " << cold.shown << " / " << cold.filled << " ms, warm "
            << warm.shown << " / " << warm.filled << " ms (window shown / first screen of thumbnails); "
            << "a bare window painted: " << baseline.filled << " ms\n";
        out.flush();
    }
    out << "median of " << runs << ", process start to window shown: cold " << median(coldShown)
        << " ms, warm " << median(warmShown) << " ms\n";
    out << "median of " << runs << ", process start to first screen of thumbnails painted: cold "
        << median(coldFilled) << " ms, warm " << median(warmFilled) << " ms (goal warm <= 150 ms)\n";
    const qint64 bareMedian = median(floor);
    if (bareMedian > 0)
        out << "median of " << runs
            << ", process start to a bare Qt window of the same size painted: " << bareMedian
            << " ms; the warm first screen is "
            << QString::number(double(median(warmFilled)) / double(bareMedian), 'f', 2) << " of it, the cold "
            << QString::number(double(median(coldFilled)) / double(bareMedian), 'f', 2) << "\n";
    out << "median of " << runs << ", the whole app (window and demo server, one process) with Camera read "
        << "to its end: " << QString::number(double(median(memory)) / 1e6, 'f', 0)
        << " MB resident (goal <= 1.1 x 82 MB)\n";
    if (!other.isEmpty())
        out << "started warm in turn with " << other << ", " << differences.size()
            << " pairs: first screen of thumbnails, median " << median(thisWarm) << " ms against "
            << median(otherWarm) << " ms; median difference " << middle(differences) << " ms\n";
    return median(coldFilled) < 0 || median(warmFilled) < 0 ? 1 : 0;
}
