// transfers::LocalNames: a name from the server becomes a local file's name only as one name, inside the
// folder the person chose, whatever the server wrote (what Save to… and dragging out will write).
#include "transfers/LocalNames.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

namespace LocalNames = koodrive::transfers::LocalNames;

class TestLocalNames : public QObject
{
    Q_OBJECT

private slots:
    void hostileNamesBecomeOneName_data()
    {
        QTest::addColumn<QString>("given");
        QTest::addColumn<QString>("expected");
        QTest::addRow("ordinary") << QStringLiteral("IMG_0001.jpg") << QStringLiteral("IMG_0001.jpg");
        QTest::addRow("unicode") << QStringLiteral("海边 — été.heic") << QStringLiteral("海边 — été.heic");
        QTest::addRow("parent") << QStringLiteral("..") << QStringLiteral("file");
        QTest::addRow("self") << QStringLiteral(".") << QStringLiteral("file");
        QTest::addRow("empty") << QString() << QStringLiteral("file");
        QTest::addRow("only spaces and dots") << QStringLiteral(" . .. ") << QStringLiteral("file");
        QTest::addRow("climbing") << QStringLiteral("../../.bashrc") << QStringLiteral("_._.._.bashrc");
        QTest::addRow("absolute") << QStringLiteral("/etc/passwd") << QStringLiteral("_etc_passwd");
        QTest::addRow("windows path")
            << QStringLiteral("..\\..\\boot.ini") << QStringLiteral("_._.._boot.ini");
        QTest::addRow("hidden") << QStringLiteral(".config") << QStringLiteral("_config");
        QTest::addRow("controls") << QStringLiteral("a\nb\tc\x01.jpg") << QStringLiteral("a_b_c_.jpg");
        QTest::addRow("nul") << QString::fromUtf16(u"a\u0000b.jpg", 7) << QStringLiteral("a_b.jpg");
        QTest::addRow("right-to-left override")
            << QStringLiteral("photo\u202Egpj.exe") << QStringLiteral("photo_gpj.exe");
        QTest::addRow("reserved characters")
            << QStringLiteral("a:b*c?\"d<e>f|g.png") << QStringLiteral("a_b_c__d_e_f_g.png");
        QTest::addRow("trailing dots and spaces")
            << QStringLiteral("  holiday.jpg. . ") << QStringLiteral("holiday.jpg");
        QTest::addRow("device name") << QStringLiteral("CON.jpg") << QStringLiteral("CON_.jpg");
        QTest::addRow("device name, lower case") << QStringLiteral("lpt1") << QStringLiteral("lpt1_");
        QTest::addRow("not a device") << QStringLiteral("CONCERT.jpg") << QStringLiteral("CONCERT.jpg");
        QTest::addRow("lone surrogate")
            << QString(QChar(0xD800)) + QStringLiteral("x.jpg") << QStringLiteral("_x.jpg");
    }
    void hostileNamesBecomeOneName()
    {
        QFETCH(QString, given);
        QFETCH(QString, expected);
        QCOMPARE(LocalNames::safeFileName(given), expected);
    }

    void longNamesKeepTheirExtension()
    {
        const QString name = QString(300, QChar(0x6D77)) + QStringLiteral(".jpeg"); // 3 bytes each
        const QString safe = LocalNames::safeFileName(name);
        QVERIFY(safe.toUtf8().size() <= LocalNames::MaxNameBytes);
        QVERIFY(safe.endsWith(QLatin1String(".jpeg")));
        QCOMPARE(safe.size(), (255 - 5) / 3 + 5);
        // Emoji (4 bytes, two UTF-16 units) are never cut in half.
        const QString emoji = QString::fromUcs4(U"\U0001F600").repeated(100) + QStringLiteral(".png");
        const QString cut = LocalNames::safeFileName(emoji);
        QVERIFY(cut.toUtf8().size() <= LocalNames::MaxNameBytes);
        QVERIFY(QString::fromUtf8(cut.toUtf8()) == cut);
        QVERIFY(!cut.contains(QChar(0xFFFD)));
        QCOMPARE(cut, QString::fromUcs4(U"\U0001F600").repeated(62) + QStringLiteral(".png"));
    }

    void clashesGetANumber()
    {
        QSet<QString> present{QStringLiteral("beach.jpg"), QStringLiteral("beach (1).jpg"),
                              QStringLiteral("notes")};
        auto taken = [&present](const QString &name) { return present.contains(name); };
        QCOMPARE(LocalNames::firstFreeName(QStringLiteral("dunes.jpg"), taken), QStringLiteral("dunes.jpg"));
        QCOMPARE(LocalNames::firstFreeName(QStringLiteral("beach.jpg"), taken),
                 QStringLiteral("beach (2).jpg"));
        QCOMPARE(LocalNames::firstFreeName(QStringLiteral("notes"), taken), QStringLiteral("notes (1)"));
        const QString longName = QString(251, QLatin1Char('a')) + QStringLiteral(".jpg");
        present.insert(longName);
        const QString numbered = LocalNames::firstFreeName(longName, taken);
        QVERIFY(numbered.toUtf8().size() <= LocalNames::MaxNameBytes);
        QVERIFY(numbered.endsWith(QLatin1String(" (1).jpg")));
        QVERIFY(LocalNames::firstFreeName(
                    QStringLiteral("x"), [](const QString &) { return true; }, 5)
                    .isEmpty());
    }

    void insideTheChosenFolderOnly()
    {
        QTemporaryDir dir;
        const QString base = dir.path();
        QVERIFY(QDir(base).mkpath(QStringLiteral("album")));
        const QString album = base + QStringLiteral("/album");
        QVERIFY(LocalNames::isInside(album, album + QStringLiteral("/beach.jpg")));
        QVERIFY(LocalNames::isInside(album, album + QStringLiteral("/not/yet/made.jpg")));
        QVERIFY(LocalNames::isInside(album, album));
        QVERIFY(!LocalNames::isInside(album, album + QStringLiteral("/../escape.jpg")));
        QVERIFY(
            !LocalNames::isInside(album, base + QStringLiteral("/album2/x.jpg"))); // a prefix is not inside
        QVERIFY(!LocalNames::isInside(album, QStringLiteral("/etc/passwd")));
        // A link inside the folder that points out of it is out.
        QVERIFY(QFile::link(QDir::tempPath(), album + QStringLiteral("/out")));
        QVERIFY(!LocalNames::isInside(album, album + QStringLiteral("/out/x.jpg")));
        // Whatever the server names a file, the safe name joined to the folder stays in it.
        for (const QString &hostile :
             {QStringLiteral(".."), QStringLiteral("../../x"), QStringLiteral("/etc/passwd"),
              QStringLiteral("a/../../b"), QStringLiteral("..\\..")})
            QVERIFY2(
                LocalNames::isInside(album, album + QLatin1Char('/') + LocalNames::safeFileName(hostile)) &&
                    album + QLatin1Char('/') + LocalNames::safeFileName(hostile) != album,
                qPrintable(hostile));
    }
};

QTEST_GUILESS_MAIN(TestLocalNames)
#include "tst_LocalNames.moc"
