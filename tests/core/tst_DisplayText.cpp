// Server text as the window shows it: controls that reorder or hide text are neutralised; long text is cut.
#include "text/DisplayText.h"

#include <QTest>
#include <QTextDocument>

using koodrive::text::displayText;
using koodrive::text::elided;

class TestDisplayText : public QObject
{
    Q_OBJECT

private slots:
    void bidiOverridesCannotDisguiseAName()
    {
        // "\u202Egpj.exe" displays as "exe.jpg" when the override is honoured.
        const QString spoof = QStringLiteral("photo\u202Egpj.exe");
        const QString shown = displayText(spoof);
        QVERIFY(!shown.contains(QChar(0x202E)));
        QCOMPARE(shown, QStringLiteral("photo\uFFFDgpj.exe"));
        for (char16_t control :
             std::initializer_list<char16_t>{0x202A, 0x202B, 0x202C, 0x202D, 0x2066, 0x2067, 0x2068, 0x2069,
                                             0x200E, 0x200F, 0x061C, u'\n', u'\r', u'\t', 0x0085, 0x2028})
            QCOMPARE(displayText(QStringLiteral("a") + QChar(control) + QStringLiteral("b")),
                     QStringLiteral("a\uFFFDb"));
    }

    void ordinaryNamesAreUnchanged()
    {
        for (const QString &name : {QStringLiteral("IMG_0001.jpg"), QStringLiteral("Été à Paris"),
                                    QStringLiteral("家庭相册 2024"), QStringLiteral("😀 party")})
            QCOMPARE(displayText(name), name);
    }

    void rightToLeftNamesAreIsolated()
    {
        const QString hebrew = QStringLiteral("\u05D0\u05DC\u05D1\u05D5\u05DD");
        QCOMPARE(displayText(hebrew), QChar(0x2068) + hebrew + QChar(0x2069));
    }

    void loneSurrogatesAreReplaced()
    {
        QString broken = QStringLiteral("ab");
        broken.insert(1, QChar(0xD800));
        QCOMPARE(displayText(broken), QStringLiteral("a\uFFFDb"));
    }

    void toolTipsShowTheTextAsItIs()
    {
        const QString tip = koodrive::text::toolTip(QStringLiteral("<b>x</b> & y\n4.92 MiB"));
        QVERIFY(Qt::mightBeRichText(tip)); // so Qt renders the escaped text, not the raw one
        QVERIFY(tip.contains(QLatin1String("&lt;b&gt;x&lt;/b&gt; &amp; y")));
        QVERIFY(!tip.contains(QLatin1String("<b>")));
        QVERIFY(tip.contains(QLatin1String("white-space:pre"))); // lines are not wrapped inside
    }

    void durationsReadAsPlayersShowThem()
    {
        using koodrive::text::durationText;
        QCOMPARE(durationText(0), QStringLiteral("0:00"));
        QCOMPARE(durationText(5999), QStringLiteral("0:05"));
        QCOMPARE(durationText(6000), QStringLiteral("0:06"));
        QCOMPARE(durationText(724'000), QStringLiteral("12:04"));
        QCOMPARE(durationText(3'723'000), QStringLiteral("1:02:03"));
        QCOMPARE(durationText(-5), QStringLiteral("0:00"));
    }
    void longTextIsCutAtAWord()
    {
        const QString text = QStringLiteral("word ").repeated(100);
        const QString cut = elided(text, 60);
        QVERIFY(cut.size() <= 60);
        QVERIFY(cut.endsWith(QChar(0x2026)));
        QVERIFY(cut.chopped(1).endsWith(QStringLiteral("word")));
        QCOMPARE(elided(QStringLiteral("short"), 60), QStringLiteral("short"));
    }
};

QTEST_GUILESS_MAIN(TestDisplayText)
#include "tst_DisplayText.moc"
