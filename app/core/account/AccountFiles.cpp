#include "AccountFiles.h"

#include <QCryptographicHash>

namespace koodrive {

QString accountFileName(const ServerConnection &connection, const QString &prefix)
{
    const QByteArray key = (connection.server.host() + QLatin1Char('|') + connection.userId).toUtf8();
    return QStringLiteral("%1-%2.sqlite")
        .arg(prefix,
             QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(16)));
}

} // namespace koodrive
