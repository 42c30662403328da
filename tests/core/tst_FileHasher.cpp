// transfers::FileHasher: a local file's SHA-256 for createFile and completeFile (OPERATIONS.md §3), read
// from disk in chunks off the calling thread.
#include "transfers/FileHasher.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using koodrive::transfers::FileHasher;

class TestFileHasher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString writeFile(const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(QStringLiteral("f%1").arg(bytes.size()));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

private slots:
    void agreesWithQtsHashAtEveryChunkBoundary_data()
    {
        QTest::addColumn<qint64>("size");
        const qint64 chunk = FileHasher::ChunkBytes;
        for (qint64 size : {qint64(0), qint64(1), chunk - 1, chunk, chunk + 1, 3 * chunk + 17})
            QTest::addRow("%lld bytes", qlonglong(size)) << size;
    }
    void agreesWithQtsHashAtEveryChunkBoundary()
    {
        QFETCH(qint64, size);
        QByteArray bytes(size, Qt::Uninitialized);
        QRandomGenerator random{quint32(size)};
        for (char &c : bytes)
            c = char(random.bounded(256));
        const QString path = writeFile(bytes);
        const QByteArray expected = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
        const FileHasher::Digest now = FileHasher::sha256Now(path);
        QVERIFY(now.ok());
        QCOMPARE(now.sha256Hex, expected);
        QCOMPARE(now.size, size);
        auto future = FileHasher::sha256(path);
        future.waitForFinished();
        QCOMPARE(future.result().sha256Hex, expected);
    }

    void theEmptyFilesHashIsTheKnownOne()
    {
        QCOMPARE(FileHasher::sha256Now(writeFile({})).sha256Hex,
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }

    void aFileThatCannotBeReadIsAnError()
    {
        const FileHasher::Digest digest = FileHasher::sha256Now(m_dir.filePath(QStringLiteral("missing")));
        QVERIFY(!digest.ok());
        QVERIFY(digest.sha256Hex.isEmpty());
    }

    void stoppingEndsTheReading()
    {
        const QString path = writeFile(QByteArray(4 * FileHasher::ChunkBytes, 'x'));
        auto stop = std::make_shared<std::atomic<bool>>(true);
        auto future = FileHasher::sha256(path, stop);
        future.waitForFinished();
        QVERIFY(!future.result().ok());
        QCOMPARE(future.result().size, 0);
        int chunks = 0;
        const auto digest = FileHasher::sha256Now(path, [&chunks] { return ++chunks > 2; });
        QVERIFY(!digest.ok());
        QCOMPARE(digest.size, 2 * FileHasher::ChunkBytes); // stopped between chunks, not at the end
    }
};

QTEST_GUILESS_MAIN(TestFileHasher)
#include "tst_FileHasher.moc"
