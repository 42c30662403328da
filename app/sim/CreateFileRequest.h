#pragma once

#include "PartPlan.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace koodrive::sim {

// createFile's body (OPERATIONS.md §3, the table of step 1), every field checked as the table states it.
// Each rule refused throws 13000102 naming its field.
struct CreateFileRequest
{
    static constexpr qint64 MaxLength = 200LL * 1024 * 1024 * 1024; // "at most 200 GB" (README: GiB)
    static constexpr int OnlyIfDifferent = 4; // autoRename 4: same name and SHA-256 → exist, nothing made

    QString fileName;
    int fileType = 0;
    QString parentFolder; // the first of the array
    qint64 length = 0;
    int autoRename = 2;
    QString sha256; // lower case; empty when not given
    QVector<PartPlan::Asked> parts;
    std::optional<qint64> createdMs;
    QString mimeType; // given, or guessed from the name's extension
    QString description;
    std::optional<QString> containerId; // not in the table: taken when given (README)

    static CreateFileRequest read(const QJsonObject &body);
    // A SHA-256 as 64 hexadecimal digits, lower-cased; "" when not given and not required.
    static QString sha256Field(const QJsonValue &value, const QString &name, bool required);
};

} // namespace koodrive::sim
