#pragma once

#include <QList>
#include <QLocale>
#include <QString>

class QCoreApplication;

namespace koodrive::i18n {

// The languages the app speaks: English (its source language) and Simplified Chinese. The person's
// choice is kept in the settings ("language"; empty means "as the system"). Chosen at start: a change
// applies from the next start.
struct Language
{
    QString code;       // "en", "zh_CN"
    QString nativeName; // as it calls itself: "English", "简体中文"
};

QList<Language> available();

QString chosenLanguage();
void setChosenLanguage(const QString &code);

// The language to use for a choice: a code of available(), or for "" the system's language when the app
// speaks it (Simplified Chinese for zh_CN, zh_SG, zh_Hans…), and English otherwise.
QString resolve(const QString &choice, const QLocale &system = QLocale::system());

// The `language` header of every request for that language (../shared/koodrive-api/README.md: "en_us",
// "zh_cn"; default English).
QString apiLanguage(const QString &code);

// Installs the app's translation (embedded, :/i18n) and Qt's own (its dialogs' buttons) for `code` into
// the application, and makes its locale the default (numbers and dates). Returns false when the app's
// translation could not be loaded.
bool install(QCoreApplication *app, const QString &code);

} // namespace koodrive::i18n
