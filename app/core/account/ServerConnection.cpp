#include "ServerConnection.h"

#include <QCoreApplication>

namespace koodrive {

QString ServerConnection::describe() const
{
    const QString where = server.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (demoLibrary)
        return QCoreApplication::translate("ServerConnection", "Demo library at %1").arg(where);
    return QCoreApplication::translate("ServerConnection", "%1 as %2").arg(where, who());
}

QString ServerConnection::who() const
{
    if (!displayName.isEmpty())
        return email.isEmpty() ? displayName : QStringLiteral("%1 <%2>").arg(displayName, email);
    return email.isEmpty() ? userId : email;
}

} // namespace koodrive
