// The app in English and Simplified Chinese: the .ts files hold every source string, finished and none
// vanished (run `cmake --build --preset default --target update_translations` and translate, when this
// fails); the window speaks Chinese with the Chinese translation; English says "1 item" and "2 items";
// the language is chosen from the settings or the system; and the `language` header follows it.
#include "MainWindowTesting.h"
#include "RecordingServer.h"
#include "i18n/Language.h"

#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace koodrive;

namespace {

// What is wrong with a .ts file: each unfinished or vanished message, as "context: source".
QStringList problemsOf(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {QStringLiteral("cannot read %1").arg(tsPath)};
    QXmlStreamReader xml(&file);
    QStringList problems;
    QString context, source, type;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.isStartElement() && xml.name() == QLatin1String("translation"))
            type = xml.attributes().value(QLatin1String("type")).toString();
        else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            if (!type.isEmpty())
                problems << QStringLiteral("%1 (%2): %3").arg(context, type, source);
            type.clear();
        }
    }
    if (xml.hasError())
        problems << xml.errorString();
    return problems;
}

int messagesIn(const QString &tsPath)
{
    QFile file(tsPath);
    return file.open(QIODevice::ReadOnly) ? int(file.readAll().count("<message")) : 0;
}

} // namespace

class TestTranslations : public koodrive::test::MainWindowTestCase
{
    Q_OBJECT

private slots:
    void initTestCase() { useScratchSettings("tst_Translations"); }
    void cleanup()
    {
        closeAll();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QSettings().clear();
    }

    void theTranslationsHoldEverySourceStringFinished_data()
    {
        QTest::addColumn<QString>("ts");
        QTest::addColumn<bool>("pluralOnly");
        QTest::newRow("Simplified Chinese") << QStringLiteral("koodrive-albums_zh_CN.ts") << false;
        QTest::newRow("English (plural forms)") << QStringLiteral("koodrive-albums_en.ts") << true;
    }
    void theTranslationsHoldEverySourceStringFinished()
    {
        QFETCH(QString, ts);
        QFETCH(bool, pluralOnly);
        const QString committed = QStringLiteral(KOODRIVE_TS_DIR "/") + ts;
        // Unfinished or vanished in the committed file ...
        const QStringList inFile = problemsOf(committed);
        QVERIFY2(inFile.isEmpty(), qPrintable(inFile.join(QLatin1Char('\n'))));
        // ... and what lupdate makes of it against today's sources: a source string missing from the file
        // comes out unfinished, one that is gone comes out vanished.
        QTemporaryDir scratch;
        const QString copy = scratch.filePath(ts);
        QVERIFY(QFile::copy(committed, copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QStringList arguments{QStringLiteral("-locations"), QStringLiteral("none"),
                              QStringLiteral("@" KOODRIVE_TRANSLATED_SOURCES_LIST), QStringLiteral("-ts"),
                              copy};
        if (pluralOnly)
            arguments.prepend(QStringLiteral("-pluralonly"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(KOODRIVE_LUPDATE), arguments);
        QVERIFY(lupdate.waitForFinished(60000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        const QStringList afterUpdate = problemsOf(copy);
        QVERIFY2(afterUpdate.isEmpty(), qPrintable(QStringLiteral("the sources and %1 differ:\n").arg(ts) +
                                                   afterUpdate.join(QLatin1Char('\n'))));
        QCOMPARE(messagesIn(copy), messagesIn(committed));
        if (!pluralOnly)
            QVERIFY(messagesIn(committed) > 200);
    }

    void theWindowSpeaksChinese()
    {
        QVERIFY(i18n::install(qApp, QStringLiteral("zh_CN")));
        auto uninstall = qScopeGuard(&test::removeTranslators);
        openFreshWindow();
        openCamera();
        // Every menu and every entry in it is in Chinese (none is left as its English source).
        QStringList english;
        for (QAction *top : m_window->menuBar()->actions()) {
            if (top->text().contains(QRegularExpression(QStringLiteral("^&?[A-Za-z]"))))
                english << top->text();
            for (QAction *action : top->menu()->actions())
                if (!action->isSeparator() &&
                    QString(action->text())
                        .remove(QStringLiteral("KooDrive"))
                        .contains(QRegularExpression(QStringLiteral("[a-z]{3}"))) &&
                    action->text() != QLatin1String("English"))
                    english << action->text();
        }
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QStringLiteral(" | "))));
        QCOMPARE(m_window->menuBar()->actions().first()->text(), QStringLiteral("文件(&F)"));
        QCOMPARE(m_window->myAlbumsView()->accessibleName(), QStringLiteral("我的相册"));
        // The status bar counts in Chinese too.
        QLabel *counts = nullptr;
        for (QLabel *label : m_window->findChildren<QLabel *>())
            if (label->accessibleName() == QStringLiteral("项目"))
                counts = label;
        QVERIFY(counts);
        QTRY_VERIFY2(counts->text().contains(QStringLiteral("项")), qPrintable(counts->text()));
    }

    void englishHasItsPluralForms()
    {
        QVERIFY(i18n::install(qApp, QStringLiteral("en")));
        auto uninstall = qScopeGuard(&test::removeTranslators);
        const char *context = "koodrive::ui::MainWindow";
        QCOMPARE(QCoreApplication::translate(context, "%Ln item(s)", nullptr, 1), QStringLiteral("1 item"));
        QCOMPARE(QCoreApplication::translate(context, "%Ln item(s)", nullptr, 1500),
                 QStringLiteral("1,500 items"));
        QCOMPARE(QCoreApplication::translate(context, "%Ln selected", nullptr, 2),
                 QStringLiteral("2 selected"));
    }

    void theLanguageIsTheChosenOneOrTheSystems()
    {
        QCOMPARE(i18n::chosenLanguage(), QString());
        QCOMPARE(i18n::resolve(QString(), QLocale(QStringLiteral("zh_CN"))), QStringLiteral("zh_CN"));
        QCOMPARE(i18n::resolve(QString(), QLocale(QStringLiteral("zh_SG"))), QStringLiteral("zh_CN"));
        QCOMPARE(i18n::resolve(QString(), QLocale(QStringLiteral("zh_TW"))), QStringLiteral("en"));
        QCOMPARE(i18n::resolve(QString(), QLocale(QStringLiteral("de_DE"))), QStringLiteral("en"));
        i18n::setChosenLanguage(QStringLiteral("en"));
        QCOMPARE(i18n::resolve(i18n::chosenLanguage(), QLocale(QStringLiteral("zh_CN"))),
                 QStringLiteral("en"));
        i18n::setChosenLanguage(QStringLiteral("zh_CN"));
        QCOMPARE(i18n::resolve(i18n::chosenLanguage(), QLocale(QStringLiteral("fr_FR"))),
                 QStringLiteral("zh_CN"));
        i18n::setChosenLanguage(QString()); // back to the system's
        QCOMPARE(i18n::chosenLanguage(), QString());
    }

    void theLanguageHeaderFollowsTheAppsLanguage()
    {
        for (const auto &[code, header] : {std::pair{QStringLiteral("zh_CN"), QByteArray("zh_cn")},
                                           std::pair{QStringLiteral("en"), QByteArray("en_us")}}) {
            QLocale::setDefault(QLocale(code)); // what i18n::install does
            koodrive::test::RecordingServer server;
            QNetworkAccessManager network;
            api::KooDriveClient client(&network); // as the sign-in dialog makes its own
            client.setConnection({server.url(), QStringLiteral("1"), QStringLiteral("t"), true});
            bool done = false;
            client.spaceInfo(this, [&done](const auto &) { done = true; });
            QTRY_VERIFY(done);
            QVERIFY(!server.requests().isEmpty());
            QCOMPARE(server.requests().first().header("language"), header);
        }
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_Translations.moc"
