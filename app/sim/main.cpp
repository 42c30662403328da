// koodrive-sim: the local KooDrive-compatible server. Prints "url", "user" and "token" lines on standard
// output once it serves; logs go to standard error.
#include "SimHttpServer.h"
#include "SimServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStandardPaths>
#include <QTextStream>
#include <cstdio>

using koodrive::sim::SimOptions;
using koodrive::sim::SimServer;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("koodrive-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(KOODRIVE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("A local server speaking the KooDrive album API, with a demo library."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"),
                                  QStringLiteral("Port to listen on; 0 picks a free one."),
                                  QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption objectPort(
        QStringLiteral("object-port"),
        QStringLiteral(
            "Port of object storage (signed image, download and upload URLs); 0 picks a free one."),
        QStringLiteral("PORT"), QStringLiteral("0"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     QStringLiteral("Directory of the library database."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Make a demo library of N files when the data directory is new."), QStringLiteral("N"),
        QStringLiteral("0"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed of the demo library."),
                                  QStringLiteral("SEED"), QStringLiteral("20251101"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Delay every answer by MS milliseconds."),
                                     QStringLiteral("MS"), QStringLiteral("0"));
    const QCommandLineOption failRate(QStringLiteral("fail-rate"),
                                      QStringLiteral("Answer this share (0..1) of API calls with 503."),
                                      QStringLiteral("P"), QStringLiteral("0"));
    const QCommandLineOption clockSkew(QStringLiteral("clock-skew"),
                                       QStringLiteral("Run the server's clock S seconds off the machine's."),
                                       QStringLiteral("S"), QStringLiteral("0"));
    const QCommandLineOption host(QStringLiteral("host"),
                                  QStringLiteral("Address to bind (default: loopback only)."),
                                  QStringLiteral("ADDRESS"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption tokenLifetime(QStringLiteral("token-lifetime"),
                                           QStringLiteral("Lifetime of access tokens in seconds."),
                                           QStringLiteral("S"), QStringLiteral("86400"));
    const QCommandLineOption urlLifetime(QStringLiteral("url-lifetime"),
                                         QStringLiteral("Lifetime of signed image URLs in seconds."),
                                         QStringLiteral("S"), QStringLiteral("3600"));
    const QCommandLineOption jobStep(
        QStringLiteral("job-step"),
        QStringLiteral(
            "Batch jobs (recycle, restore, move, copy) advance every MS milliseconds, N files at a time."),
        QStringLiteral("MS[:N]"), QStringLiteral("100:5"));
    const QCommandLineOption faultScript(
        QStringLiteral("fault-script"),
        QStringLiteral(
            "Spoil the next API calls, in order: comma-separated steps KIND[:value][xTIMES][@/path/prefix], "
            "KIND one of an HTTP status (503), 429 (value: Retry-After seconds), drop (half the body, "
            "then the connection closes), truncate, malformed, html, slow (value: ms). "
            "E.g. 503x3,429:2,drop@/koodrive/ose/v1/files."),
        QStringLiteral("SCRIPT"));
    parser.addOptions({port, objectPort, dataDir, demo, seed, latency, failRate, clockSkew, host,
                       tokenLifetime, urlLifetime, jobStep, faultScript});
    parser.process(app);

    auto number = [&parser](const QCommandLineOption &option, double min, double max) {
        bool ok = false;
        const double value = parser.value(option).toDouble(&ok);
        if (!ok || value < min || value > max) {
            std::fprintf(stderr, "koodrive-sim: --%s must be a number from %g to %g\n",
                         qPrintable(option.names().constFirst()), min, max);
            std::exit(2);
        }
        return value;
    };
    SimOptions options;
    options.dataDir = parser.isSet(dataDir)
                          ? parser.value(dataDir)
                          : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.port = quint16(number(port, 0, 65535));
    options.objectPort = quint16(number(objectPort, 0, 65535));
    options.demoFiles = int(number(demo, 0, 1'000'000));
    options.seed = quint32(number(seed, 0, 4294967295.0));
    options.latencyMs = int(number(latency, 0, 600'000));
    options.failRate = number(failRate, 0, 1);
    options.clockSkewSecs = qint64(number(clockSkew, -1e9, 1e9));
    options.tokenLifetimeSecs = qint64(number(tokenLifetime, 1, 1e9));
    options.urlLifetimeSecs = qint64(number(urlLifetime, 1, 1e9));
    {
        const QStringList step = parser.value(jobStep).split(QLatin1Char(':'));
        bool msOk = false;
        bool filesOk = step.size() < 2;
        options.jobStepMs = step.value(0).toInt(&msOk);
        if (step.size() >= 2)
            options.jobFilesPerStep = step.at(1).toInt(&filesOk);
        if (!msOk || !filesOk || step.size() > 2 || options.jobStepMs < 1 || options.jobStepMs > 600'000 ||
            options.jobFilesPerStep < 1 || options.jobFilesPerStep > 100'000) {
            std::fprintf(stderr, "koodrive-sim: --job-step takes MS[:N], e.g. 100:5\n");
            return 2;
        }
    }
    options.host = QHostAddress(parser.value(host));
    if (options.host.isNull()) {
        std::fprintf(stderr, "koodrive-sim: --host must be an IP address\n");
        return 2;
    }

    QList<koodrive::sim::SimHttpServer::FaultStep> script;
    if (parser.isSet(faultScript)) {
        QString problem;
        script = koodrive::sim::SimHttpServer::parseFaultScript(parser.value(faultScript), &problem);
        if (script.isEmpty()) {
            std::fprintf(stderr, "koodrive-sim: --fault-script: %s\n",
                         qPrintable(problem.isEmpty() ? QStringLiteral("no step") : problem));
            return 2;
        }
    }

    SimServer server(options);
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "koodrive-sim: %s\n", qPrintable(error));
        return 1;
    }
    server.http().scriptFaults(script);
    QTextStream out(stdout);
    out << "url " << server.url().toString() << '\n'
        << "user " << server.userId() << '\n'
        << "token " << server.accessToken() << '\n';
    out.flush();
    return app.exec();
}
