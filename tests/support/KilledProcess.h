#pragma once

// Helpers of the tests that kill a process for real in the middle of an upload (tst_UploadRunner's runner
// process, tst_AppKilledMidUpload's app) and start it again.
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QTest>

namespace koodrive::test {

// Waits, with the event loop running, until `condition()` holds (the moment to kill it, or all done):
// false when the process ended or `timeoutMs` passed first.
template<typename Condition>
bool waitWhileItRuns(const QProcess &process, Condition condition, int timeoutMs = 120000)
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < timeoutMs && process.state() == QProcess::Running) {
        if (condition())
            return true;
        QTest::qWait(5);
    }
    return false;
}

// A file whose createFile was under way at the kill may have an unfinished upload the process never wrote
// down; it holds the name for a day (README, "A crash while createFile is answered"), so the file goes
// again under koodrive-sim's clash name, "name_<yyyyMMddhhmmss>.ext". That name, back to the one asked for;
// any other name as it is.
inline QString nameAskedFor(const QString &name, const QSet<QString> &creatingAtKill)
{
    static const QRegularExpression clashName(QStringLiteral("^(.+)_\\d{14}(\\.[^.]+)$"));
    const QRegularExpressionMatch clash = clashName.match(name);
    if (!clash.hasMatch() || !creatingAtKill.contains(clash.captured(1) + clash.captured(2)))
        return name;
    qInfo("%s was being created at the kill: uploaded once, as %s",
          qPrintable(clash.captured(1) + clash.captured(2)), qPrintable(name));
    return clash.captured(1) + clash.captured(2);
}

} // namespace koodrive::test
