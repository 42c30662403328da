// models::FileLocator against a scripted server (the info panel's "Folder" and "Show in folder"): a file's
// folders are read up from it to the drive's root, each folder once for every file in it; a server whose
// folders make a loop, or that never reaches the root, ends the walk with "could not be found" after a
// bounded number of calls; a file in someone else's space is not looked for at all.
#include "RecordingServer.h"
#include "api/KooDriveClient.h"
#include "models/FileLocator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace koodrive;
using api::KooDriveClient;
using models::FileLocator;

class TestFileLocator : public QObject
{
    Q_OBJECT

    QNetworkAccessManager m_network;

    // files-list.txt's File resource, as the detail call answers it (wrapped in the common envelope).
    static test::RecordingServer::Reply detail(const QString &id, const QString &name, int fileType,
                                               const QString &parentId)
    {
        const QJsonObject file{{QStringLiteral("code"), 0},
                               {QStringLiteral("msg"), QStringLiteral("Success.")},
                               {QStringLiteral("id"), id},
                               {QStringLiteral("fileName"), name},
                               {QStringLiteral("fileType"), fileType},
                               {QStringLiteral("parentFolder"), QJsonArray{parentId}},
                               {QStringLiteral("containers"), QJsonArray{QStringLiteral("C")}}};
        return {200, QJsonDocument(file).toJson(QJsonDocument::Compact)};
    }

    static QString path(const QString &id)
    {
        return QStringLiteral("/koodrive/ose/v1/files/%1/detail").arg(id);
    }

    static api::Result<FileLocator::Location> locate(FileLocator &locator, const QString &fileId,
                                                     const QString &containerId = QStringLiteral("C"))
    {
        std::optional<api::Result<FileLocator::Location>> found;
        QObject context;
        locator.locate(fileId, containerId, &context,
                       [&found](const api::Result<FileLocator::Location> &result) { found = result; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(found.has_value(), 20000); }();
        return found.value_or(api::Result<FileLocator::Location>(api::ApiError{}));
    }

private slots:
    void aFileIsFoundUpToTheRootAndEachFolderIsAskedOnce()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        // ROOT ▸ Photos ▸ 2024 ▸ (a.jpg, b.jpg)
        server.setReplyFor(path(QStringLiteral("a")),
                           detail(QStringLiteral("a"), QStringLiteral("a.jpg"), 15, QStringLiteral("y2024")));
        server.setReplyFor(path(QStringLiteral("b")),
                           detail(QStringLiteral("b"), QStringLiteral("b.jpg"), 15, QStringLiteral("y2024")));
        server.setReplyFor(
            path(QStringLiteral("y2024")),
            detail(QStringLiteral("y2024"), QStringLiteral("2024"), 10, QStringLiteral("photos")));
        server.setReplyFor(path(QStringLiteral("photos")),
                           detail(QStringLiteral("photos"), QStringLiteral("Photos & <b>x</b>"), 10,
                                  QStringLiteral("ROOT")));
        FileLocator locator(&client);
        locator.setDrive(QStringLiteral("C"), QStringLiteral("ROOT"));
        QVERIFY(!locator.knownLocation(QStringLiteral("a"), QStringLiteral("C")).has_value());

        const auto first = locate(locator, QStringLiteral("a"));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
        QVERIFY(first.value().inDrive);
        QCOMPARE(first.value().ids, (QStringList{QStringLiteral("photos"), QStringLiteral("y2024")}));
        QCOMPARE(first.value().names,
                 (QStringList{QStringLiteral("Photos & <b>x</b>"), QStringLiteral("2024")}));
        QCOMPARE(server.requests().size(), 3); // the file, then its two folders
        QCOMPARE(locator.callsMade(), 3);

        // Its neighbour: only its own detail; the folders are known.
        const auto second = locate(locator, QStringLiteral("b"));
        QVERIFY(second.ok());
        QCOMPARE(second.value().names, first.value().names);
        QCOMPARE(server.requests().size(), 4);
        // Both now known without a call.
        QCOMPARE(locator.knownLocation(QStringLiteral("b"), QStringLiteral("C"))->names, first.value().names);

        // F5: everything is asked again (a folder may have been renamed meanwhile).
        locator.forget();
        QVERIFY(!locator.knownLocation(QStringLiteral("b"), QStringLiteral("C")).has_value());
        QVERIFY(locate(locator, QStringLiteral("b")).ok());
        QCOMPARE(server.requests().size(), 7);
    }

    void aFileInAnotherSpaceIsNotLookedFor()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        FileLocator locator(&client);
        locator.setDrive(QStringLiteral("C"), QStringLiteral("ROOT"));
        const auto found = locate(locator, QStringLiteral("a"), QStringLiteral("SOMEONE-ELSE"));
        QVERIFY(found.ok());
        QVERIFY(!found.value().inDrive);
        QCOMPARE(server.requests().size(), 0);
    }

    void aLoopOfFoldersEndsTheWalk()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        // a.jpg in X, X in Y, Y in X: no root ever.
        server.setReplyFor(path(QStringLiteral("a")),
                           detail(QStringLiteral("a"), QStringLiteral("a.jpg"), 15, QStringLiteral("X")));
        server.setReplyFor(path(QStringLiteral("X")),
                           detail(QStringLiteral("X"), QStringLiteral("x"), 10, QStringLiteral("Y")));
        server.setReplyFor(path(QStringLiteral("Y")),
                           detail(QStringLiteral("Y"), QStringLiteral("y"), 10, QStringLiteral("X")));
        FileLocator locator(&client);
        locator.setDrive(QStringLiteral("C"), QStringLiteral("ROOT"));
        const auto found = locate(locator, QStringLiteral("a"));
        QVERIFY(!found.ok());
        QCOMPARE(found.error().message, QStringLiteral("The file's folder could not be found."));
        QCOMPARE(server.requests().size(), 3);
        // Asked again, it stops at once on what it knows: no endless calls.
        QVERIFY(!locate(locator, QStringLiteral("a")).ok());
        QCOMPARE(server.requests().size(), 3);
    }

    void aPathWithNoEndStopsAt64Levels()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        // Every folder has a new parent: D0 in D1 in D2 … forever.
        server.setReplyFor(path(QStringLiteral("a")),
                           detail(QStringLiteral("a"), QStringLiteral("a.jpg"), 15, QStringLiteral("D0")));
        for (int i = 0; i < 100; ++i)
            server.setReplyFor(path(QStringLiteral("D%1").arg(i)),
                               detail(QStringLiteral("D%1").arg(i), QStringLiteral("d"), 10,
                                      QStringLiteral("D%1").arg(i + 1)));
        FileLocator locator(&client);
        locator.setDrive(QStringLiteral("C"), QStringLiteral("ROOT"));
        const auto found = locate(locator, QStringLiteral("a"));
        QVERIFY(!found.ok());
        QCOMPARE(server.requests().size(), 1 + FileLocator::MostLevels);
    }

    void aFileAsParentIsNotAFolder()
    {
        test::RecordingServer server;
        KooDriveClient client(&m_network);
        client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), false});
        server.setReplyFor(path(QStringLiteral("a")),
                           detail(QStringLiteral("a"), QStringLiteral("a.jpg"), 15, QStringLiteral("b")));
        server.setReplyFor(path(QStringLiteral("b")),
                           detail(QStringLiteral("b"), QStringLiteral("b.jpg"), 15, QStringLiteral("ROOT")));
        FileLocator locator(&client);
        locator.setDrive(QStringLiteral("C"), QStringLiteral("ROOT"));
        QVERIFY(!locate(locator, QStringLiteral("a")).ok());
    }
};

QTEST_GUILESS_MAIN(TestFileLocator)
#include "tst_FileLocator.moc"
