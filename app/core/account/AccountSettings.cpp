#include "AccountSettings.h"

#include <QSettings>

namespace koodrive::AccountSettings {

void remember(const ServerConnection &connection)
{
    if (connection.demoLibrary)
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("account/server"), connection.server.toString());
    settings.setValue(QStringLiteral("account/userId"), connection.userId);
}

void forget()
{
    QSettings settings;
    settings.remove(QStringLiteral("account"));
}

std::optional<Remembered> remembered()
{
    QSettings settings;
    const QUrl server(settings.value(QStringLiteral("account/server")).toString());
    const QString userId = settings.value(QStringLiteral("account/userId")).toString();
    if (!server.isValid() || server.host().isEmpty() || userId.isEmpty())
        return std::nullopt;
    return Remembered{server, userId};
}

} // namespace koodrive::AccountSettings
