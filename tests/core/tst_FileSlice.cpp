// transfers::FileSlice: one part of a local file as a device, what an upload's PUT streams from disk.
#include "transfers/FileSlice.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using koodrive::transfers::FileSlice;

class TestFileSlice : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    QByteArray m_bytes;

private slots:
    void initTestCase()
    {
        for (int i = 0; i < 1000; ++i)
            m_bytes.append(char(i % 251));
        m_path = m_dir.filePath(QStringLiteral("file"));
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(m_bytes);
    }

    void readsItsRangeAndNothingElse_data()
    {
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<qint64>("size");
        QTest::newRow("the middle") << qint64(100) << qint64(300);
        QTest::newRow("the start") << qint64(0) << qint64(10);
        QTest::newRow("the end") << qint64(990) << qint64(10);
        QTest::newRow("the whole file") << qint64(0) << qint64(1000);
        QTest::newRow("empty") << qint64(1000) << qint64(0);
    }
    void readsItsRangeAndNothingElse()
    {
        QFETCH(qint64, offset);
        QFETCH(qint64, size);
        FileSlice slice(m_path, offset, size);
        QVERIFY(slice.open(QIODevice::ReadOnly));
        QVERIFY(!slice.isSequential()); // so that Qt streams it instead of reading it whole first
        QCOMPARE(slice.size(), size);
        QByteArray read;
        char buffer[64];
        for (qint64 n; (n = slice.read(buffer, sizeof buffer)) > 0;)
            read.append(buffer, n);
        QCOMPARE(read, m_bytes.mid(offset, size));
        QVERIFY(slice.atEnd());
    }

    void aPartSentAgainIsReadAgainFromItsStart()
    {
        // Qt resends a body from reset() (a connection closed before the answer, a redirect).
        FileSlice slice(m_path, 200, 100);
        QVERIFY(slice.open(QIODevice::ReadOnly));
        QCOMPARE(slice.read(60), m_bytes.mid(200, 60));
        QVERIFY(slice.reset());
        QCOMPARE(slice.readAll(), m_bytes.mid(200, 100));
        QVERIFY(slice.seek(90));
        QCOMPARE(slice.readAll(), m_bytes.mid(290, 10));
        QVERIFY(!slice.seek(101));
    }

    void aFileShorterThanTheSliceDoesNotOpen()
    {
        FileSlice slice(m_path, 900, 101);
        QVERIFY(!slice.open(QIODevice::ReadOnly));
        QVERIFY(!slice.errorString().isEmpty());
        FileSlice missing(m_dir.filePath(QStringLiteral("gone")), 0, 1);
        QVERIFY(!missing.open(QIODevice::ReadOnly));
        FileSlice writable(m_path, 0, 1);
        QVERIFY(!writable.open(QIODevice::ReadWrite));
    }
};

QTEST_GUILESS_MAIN(TestFileSlice)
#include "tst_FileSlice.moc"
