#pragma once
// How much memory this process takes at most: what a person sees in a task manager when a hostile answer
// arrives. Linux only (/proc), as the tests run there.
#include <QFile>
#include <QRegularExpression>

namespace koodrive::test {

// Peak memory growth a person would accept while one hostile answer is read: the byte budgets (4 MiB per
// API answer, 8 MiB per thumbnail, six at once) with room for Qt's buffers and the test's own server.
// AddressSanitizer keeps freed memory in quarantine and shadows every byte: it gets twice the room.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr qint64 HostileAnswerMemoryBudget = 256LL << 20;
#else
inline constexpr qint64 HostileAnswerMemoryBudget = 128LL << 20;
#endif

class ProcessMemory final
{
public:
    // Forgets the peak so far (writing 5 to clear_refs resets VmHWM to the current resident size).
    static void resetPeak()
    {
        QFile file(QStringLiteral("/proc/self/clear_refs"));
        if (file.open(QIODevice::WriteOnly))
            file.write("5");
    }
    static qint64 residentBytes() { return field("VmRSS"); }
    static qint64 peakResidentBytes() { return field("VmHWM"); }
    // Another process's (the app started by a benchmark, its server).
    static qint64 residentBytesOf(qint64 pid) { return field("VmRSS", QString::number(pid)); }

private:
    static qint64 field(const char *name, const QString &process = QStringLiteral("self"))
    {
        QFile file(QStringLiteral("/proc/%1/status").arg(process));
        if (!file.open(QIODevice::ReadOnly))
            return -1;
        const QString status = QString::fromLatin1(file.readAll());
        const auto match =
            QRegularExpression(QStringLiteral("%1:\\s+(\\d+) kB").arg(QLatin1String(name))).match(status);
        return match.hasMatch() ? match.captured(1).toLongLong() * 1024 : -1;
    }
};

} // namespace koodrive::test
