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
    settings.setValue(QStringLiteral("account/displayName"), connection.displayName);
    settings.setValue(QStringLiteral("account/email"), connection.email);
}

void forget()
{
    QSettings settings;
    const QString agent = settings.value(QStringLiteral("account/agentName")).toString();
    settings.remove(QStringLiteral("account"));
    if (!agent.isEmpty()) // the carrier's name is a choice of the machine, not of the account
        settings.setValue(QStringLiteral("account/agentName"), agent);
}

QString agentName()
{
    return QSettings().value(QStringLiteral("account/agentName")).toString();
}

std::optional<Remembered> remembered()
{
    QSettings settings;
    const QUrl server(settings.value(QStringLiteral("account/server")).toString());
    const QString userId = settings.value(QStringLiteral("account/userId")).toString();
    if (!server.isValid() || server.host().isEmpty() || userId.isEmpty())
        return std::nullopt;
    return Remembered{server, userId, settings.value(QStringLiteral("account/displayName")).toString(),
                      settings.value(QStringLiteral("account/email")).toString()};
}

} // namespace koodrive::AccountSettings
