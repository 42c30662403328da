#pragma once
// A koodrive-sim process beside the benchmark (built next to it), started on loopback with a demo library,
// and the account it prints on its first three lines ("url …", "user …", "token …").
#include <QCoreApplication>
#include <QProcess>
#include <QUrl>
#include <optional>

namespace koodrive::test {

struct SimAccount
{
    QUrl url;
    QString userId;
    QString token;
};

inline std::optional<SimAccount> startSimProcess(QProcess &sim, const QString &dataDir, int demoFiles)
{
    sim.setProcessChannelMode(QProcess::SeparateChannels);
    sim.start(QCoreApplication::applicationDirPath() + QStringLiteral("/koodrive-sim"),
              {QStringLiteral("--data-dir"), dataDir, QStringLiteral("--demo"), QString::number(demoFiles)});
    QByteArray out;
    while (out.count('\n') < 3 && sim.waitForReadyRead(60000))
        out += sim.readAllStandardOutput();
    const QList<QByteArray> lines = out.split('\n');
    if (lines.size() < 3)
        return std::nullopt;
    return SimAccount{QUrl(QString::fromLatin1(lines.value(0).mid(4))),
                      QString::fromLatin1(lines.value(1).mid(5)), QString::fromLatin1(lines.value(2).mid(6))};
}

} // namespace koodrive::test
