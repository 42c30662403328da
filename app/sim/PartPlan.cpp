#include "PartPlan.h"

#include "JsonFields.h"
#include "SimError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <algorithm>

namespace koodrive::sim {

QVector<PartPlan::Asked> PartPlan::read(const QJsonValue &value, const QString &name)
{
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray())
        throw SimError::parameter(name,
                                  QStringLiteral("%1 must be an array of {partNumber, partSize}").arg(name));
    const QJsonArray array = value.toArray();
    if (array.size() > MaxPartNumber)
        throw SimError::parameter(name, QStringLiteral("%1 may hold at most 10000 parts").arg(name));
    QVector<Asked> parts;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString entry = QStringLiteral("%1[%2]").arg(name).arg(i);
        if (!array.at(i).isObject())
            throw SimError::parameter(
                entry, QStringLiteral("%1 must be an object {partNumber, partSize}").arg(entry));
        const QJsonObject object = array.at(i).toObject();
        Asked part;
        part.number =
            int(JsonFields::requiredIntegerIn(object.value(QStringLiteral("partNumber")),
                                              entry + QStringLiteral(".partNumber"), 1, MaxPartNumber));
        part.size = JsonFields::requiredIntegerIn(object.value(QStringLiteral("partSize")),
                                                  entry + QStringLiteral(".partSize"), 0, MaxPartSize);
        part.offset = JsonFields::optionalIntegerIn(object.value(QStringLiteral("partOffset")),
                                                    entry + QStringLiteral(".partOffset"), 0,
                                                    std::numeric_limits<qint64>::max() / 2);
        // hashCtx: the running SHA-256 state of parallel parts; the simulator hashes the joined file itself.
        JsonFields::string(object.value(QStringLiteral("hashCtx")), entry + QStringLiteral(".hashCtx"), 4096);
        for (const Asked &earlier : std::as_const(parts))
            if (earlier.number == part.number)
                throw SimError::parameter(entry + QStringLiteral(".partNumber"),
                                          QStringLiteral("part %1 is asked for twice").arg(part.number));
        parts.append(part);
    }
    return parts;
}

QVector<UploadPart> PartPlan::merge(qint64 length, const QVector<UploadPart> &known,
                                    const QVector<Asked> &asked, const QString &name)
{
    QMap<int, UploadPart> all;
    for (const UploadPart &part : known)
        all.insert(part.number, part);
    QMap<int, int> requestIndex; // part number → its entry in the request, to name it in an error
    QVector<int> order(asked.size());
    for (int i = 0; i < asked.size(); ++i) {
        order[i] = i;
        requestIndex.insert(asked.at(i).number, i);
    }
    std::sort(order.begin(), order.end(),
              [&asked](int a, int b) { return asked.at(a).number < asked.at(b).number; });
    auto field = [&name](int index, const char *what) {
        return QStringLiteral("%1[%2].%3").arg(name).arg(index).arg(QLatin1String(what));
    };

    for (int index : std::as_const(order)) {
        const Asked &part = asked.at(index);
        if (const auto existing = all.constFind(part.number); existing != all.constEnd()) {
            if (existing->size != part.size)
                throw SimError::parameter(field(index, "partSize"),
                                          QStringLiteral("part %1 was given as %2 bytes before")
                                              .arg(part.number)
                                              .arg(existing->size));
            if (part.offset && *part.offset != existing->offset)
                throw SimError::parameter(
                    field(index, "partOffset"),
                    QStringLiteral("part %1 starts at byte %2").arg(part.number).arg(existing->offset));
            continue;
        }
        qint64 offset = 0;
        if (part.offset) {
            offset = *part.offset;
        } else if (part.number > 1) {
            const auto previous = all.constFind(part.number - 1);
            if (previous == all.constEnd())
                throw SimError::parameter(
                    field(index, "partOffset"),
                    QStringLiteral("part %1 needs partOffset, or part %2 asked for first")
                        .arg(part.number)
                        .arg(part.number - 1));
            offset = previous->offset + previous->size;
        }
        if (offset + part.size > length)
            throw SimError::parameter(field(index, "partSize"),
                                      QStringLiteral("part %1 reaches past the file's length (%2 bytes)")
                                          .arg(part.number)
                                          .arg(length));
        if (part.size < MinPartSize && offset + part.size != length)
            throw SimError::parameter(
                field(index, "partSize"),
                QStringLiteral("parts are 5 MiB (5242880 bytes) to 5 GiB; only the part that "
                               "ends the file may be smaller"));
        all.insert(part.number, {part.number, part.size, offset, false, {}});
    }

    // In number order, parts follow one another without overlap; consecutive numbers touch, and the part
    // that ends the file is the last.
    const UploadPart *previous = nullptr;
    for (const UploadPart &part : std::as_const(all)) {
        const qint64 start = previous ? previous->offset + previous->size : 0;
        const bool touches = !previous || previous->number + 1 == part.number;
        const bool fits =
            touches && (previous || part.number == 1) ? part.offset == start : part.offset >= start;
        const bool afterEnd = previous && previous->offset + previous->size == length;
        if (!fits || afterEnd) {
            const int culprit = requestIndex.contains(part.number) ? part.number : previous->number;
            throw SimError::parameter(
                field(requestIndex.value(culprit), "partOffset"),
                QStringLiteral("part %1 would start at byte %2, which does not follow part %3")
                    .arg(part.number)
                    .arg(part.offset)
                    .arg(previous ? previous->number : 0));
        }
        previous = &part;
    }
    return all.values();
}

QString PartPlan::incomplete(qint64 length, const QVector<UploadPart> &parts)
{
    qint64 expected = 0;
    for (const UploadPart &part : parts) {
        if (part.offset != expected)
            return QStringLiteral("no part holds bytes %1 to %2").arg(expected).arg(part.offset - 1);
        if (!part.received)
            return QStringLiteral("part %1 has not arrived").arg(part.number);
        expected = part.offset + part.size;
    }
    if (expected != length)
        return QStringLiteral("no part holds bytes %1 to %2").arg(expected).arg(length - 1);
    return {};
}

} // namespace koodrive::sim
