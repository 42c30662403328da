#include "ServerConnection.h"

#include <QCoreApplication>

namespace koodrive {

QString ServerConnection::describe() const
{
    const QString where = server.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    if (demoLibrary)
        return QCoreApplication::translate("ServerConnection", "Demo library at %1").arg(where);
    return QCoreApplication::translate("ServerConnection", "%1 as user %2").arg(where, userId);
}

} // namespace koodrive
