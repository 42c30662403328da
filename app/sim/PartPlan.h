#pragma once

#include "UploadStore.h"

#include <QJsonValue>
#include <QVector>
#include <optional>

namespace koodrive::sim {

// The parts of an upload (OPERATIONS.md §3): numbers 1..10000, 5 MiB to 5 GiB each except the part that
// ends the file (0 up). Each part has its place in the file: partOffset when the client gives it (parallel
// parts), otherwise right after the part numbered one less. Parts in number order must tile the file
// without overlap, and completing needs them to cover 0..length exactly (README: how sizes add up).
class PartPlan final
{
public:
    static constexpr qint64 MinPartSize = 5 * 1024 * 1024;
    static constexpr qint64 MaxPartSize = 5LL * 1024 * 1024 * 1024;
    static constexpr int MaxPartNumber = 10000;

    struct Asked
    {
        int number = 0;
        qint64 size = 0;
        std::optional<qint64> offset;
    };
    // multiParts: [{partNumber, partSize, partOffset?, hashCtx?}], at most 10 000, no number twice.
    // Throws 13000102 naming the entry's field, e.g. "multiParts[2].partSize".
    static QVector<Asked> read(const QJsonValue &value, const QString &name);

    // `known` with `asked` added, by part number. A part asked again must repeat its size (it gets a fresh
    // URL). Throws 13000102 naming "<name>[i].partSize" or "<name>[i].partOffset" when the layout cannot be.
    static QVector<UploadPart> merge(qint64 length, const QVector<UploadPart> &known,
                                     const QVector<Asked> &asked, const QString &name);

    // Empty when the received parts cover 0..length exactly; otherwise what is missing.
    static QString incomplete(qint64 length, const QVector<UploadPart> &parts);
};

} // namespace koodrive::sim
