#include "Language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace koodrive::i18n {

namespace {
const QString Key = QStringLiteral("language");
}

QList<Language> available()
{
    return {{QStringLiteral("en"), QStringLiteral("English")},
            {QStringLiteral("zh_CN"), QStringLiteral("简体中文")}};
}

QString chosenLanguage()
{
    const QString code = QSettings().value(Key).toString();
    for (const Language &language : available())
        if (language.code == code)
            return code;
    return {};
}

void setChosenLanguage(const QString &code)
{
    QSettings settings;
    if (code.isEmpty())
        settings.remove(Key);
    else
        settings.setValue(Key, code);
}

QString resolve(const QString &choice, const QLocale &system)
{
    for (const Language &language : available())
        if (language.code == choice)
            return choice;
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript &&
        system.territory() != QLocale::Taiwan && system.territory() != QLocale::HongKong &&
        system.territory() != QLocale::Macao)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

QString apiLanguage(const QString &code)
{
    return code == QLatin1String("zh_CN") ? QStringLiteral("zh_cn") : QStringLiteral("en_us");
}

bool install(QCoreApplication *app, const QString &code)
{
    const QLocale locale(code);
    QLocale::setDefault(locale);
    // English has a translation too: its plural forms ("1 item", "2 items").
    auto *own = new QTranslator(app);
    const bool loaded = own->load(QStringLiteral(":/i18n/koodrive-albums_%1.qm").arg(code));
    if (loaded)
        QCoreApplication::installTranslator(own);
    else
        delete own;
    if (code != QLatin1String("en")) {
        // Qt's own strings (the buttons of standard dialogs), when the system has them
        // (qt6-translations-l10n).
        auto *qt = new QTranslator(app);
        if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
    }
    return loaded;
}

} // namespace koodrive::i18n
