#include "FileNames.h"

#include "JsonFields.h"
#include "SimError.h"

#include <QDateTime>
#include <QTimeZone>

namespace koodrive::sim {

QString FileNames::checked(const QJsonValue &value, const QString &parameter)
{
    const QString name = JsonFields::requiredString(value, parameter, 1, MaxLength);
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        throw SimError::parameter(parameter, QStringLiteral("%1 must not be \".\" or \"..\"").arg(parameter));
    for (const QChar c : name) {
        if (QStringView(u"<>|:\"*?/").contains(c))
            throw SimError::parameter(
                parameter, QStringLiteral("%1 must not contain any of < > | : \" * ? / (it has %2)")
                               .arg(parameter, QString(c)));
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            throw SimError::parameter(
                parameter, QStringLiteral("%1 must not contain control characters").arg(parameter));
    }
    return name;
}

QString FileNames::suffix(const QString &name)
{
    const qsizetype dot = name.lastIndexOf(QLatin1Char('.'));
    return dot > 0 ? name.mid(dot + 1).toLower() : QString();
}

QString FileNames::withTimestamp(const QString &name, bool isFolder, qint64 nowMs, int attempt)
{
    const qsizetype dot = isFolder ? -1 : name.lastIndexOf(QLatin1Char('.'));
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    QString stem = dot > 0 ? name.left(dot) : name;
    QString stamp =
        QLatin1Char('_') +
        QDateTime::fromMSecsSinceEpoch(nowMs, QTimeZone::utc()).toString(QStringLiteral("yyyyMMddHHmmss"));
    if (attempt > 0)
        stamp += QLatin1Char('_') + QString::number(attempt);
    // The name stays within 250 characters: the stem gives way (code points, not UTF-16 units).
    const qsizetype room = MaxLength - JsonFields::characterCount(stamp + extension);
    if (JsonFields::characterCount(stem) > room) {
        QList<uint> points = stem.toUcs4();
        points.resize(qMax<qsizetype>(1, room));
        stem = QString::fromUcs4(reinterpret_cast<const char32_t *>(points.constData()), points.size());
    }
    return stem + stamp + extension;
}

} // namespace koodrive::sim
