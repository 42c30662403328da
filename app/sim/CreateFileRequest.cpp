#include "CreateFileRequest.h"

#include "FileNames.h"
#include "JsonFields.h"
#include "SimContext.h"
#include "SimError.h"
#include "StoreTypes.h"

#include <QDateTime>
#include <QMimeDatabase>

namespace koodrive::sim {

QString CreateFileRequest::sha256Field(const QJsonValue &value, const QString &name, bool required)
{
    const auto text = JsonFields::string(value, name, 64);
    if (!text) {
        if (required)
            throw SimError::parameter(name, QStringLiteral("%1 is required").arg(name));
        return {};
    }
    bool hex = text->size() == 64;
    for (const QChar c : *text)
        hex = hex && QStringView(u"0123456789abcdefABCDEF").contains(c);
    if (!hex)
        throw SimError::parameter(name, QStringLiteral("%1 must be 64 hexadecimal digits").arg(name));
    return text->toLower();
}

CreateFileRequest CreateFileRequest::read(const QJsonObject &body)
{
    CreateFileRequest r;
    r.fileName = FileNames::checked(body.value(QStringLiteral("fileName")), QStringLiteral("fileName"));
    const auto fileType =
        JsonFields::integer(body.value(QStringLiteral("fileType")), QStringLiteral("fileType"));
    if (!fileType || !FileType::isKnown(int(*fileType)) || *fileType == FileType::Folder ||
        *fileType == FileType::SmartFolder)
        throw SimError::parameter(
            QStringLiteral("fileType"),
            QStringLiteral("fileType is required: 15, 20, 26, 27, 28, 30, 35, 40 or 45"));
    r.fileType = int(*fileType);
    r.parentFolder = SimContext::firstParentFolder(body.value(QStringLiteral("parentFolder")),
                                                   QStringLiteral("parentFolder"));
    r.length = JsonFields::requiredIntegerIn(body.value(QStringLiteral("length")), QStringLiteral("length"),
                                             0, MaxLength);
    const auto mode =
        JsonFields::string(body.value(QStringLiteral("uploadMode")), QStringLiteral("uploadMode"));
    if (mode != QLatin1String("multipart"))
        throw SimError::parameter(QStringLiteral("uploadMode"),
                                  QStringLiteral("uploadMode must be \"multipart\""));
    const auto uploadType =
        JsonFields::integer(body.value(QStringLiteral("uploadType")), QStringLiteral("uploadType"));
    if (uploadType == 0 || uploadType == 2)
        throw SimError::parameter(
            QStringLiteral("uploadType"),
            QStringLiteral("uploadType %1 is not supported yet: use 1 (multipart)").arg(*uploadType));
    if (uploadType != 1)
        throw SimError::parameter(QStringLiteral("uploadType"), QStringLiteral("uploadType is required: 1"));
    r.autoRename = int(JsonFields::requiredIntegerIn(body.value(QStringLiteral("autoRename")),
                                                     QStringLiteral("autoRename"), 2, 4));
    r.sha256 = sha256Field(body.value(QStringLiteral("sha256")), QStringLiteral("sha256"),
                           r.autoRename == OnlyIfDifferent);
    r.parts = PartPlan::read(body.value(QStringLiteral("multiParts")), QStringLiteral("multiParts"));
    if (const auto created = JsonFields::string(body.value(QStringLiteral("createdTime")),
                                                QStringLiteral("createdTime"), 64)) {
        const QDateTime time = QDateTime::fromString(*created, Qt::ISODateWithMs);
        if (!time.isValid())
            throw SimError::parameter(
                QStringLiteral("createdTime"),
                QStringLiteral("createdTime must be an ISO 8601 time, e.g. 2025-10-13T03:11:51.147Z"));
        r.createdMs = time.toMSecsSinceEpoch();
    }
    r.mimeType =
        JsonFields::string(body.value(QStringLiteral("mimeType")), QStringLiteral("mimeType"), 255)
            .value_or(QMimeDatabase().mimeTypeForFile(r.fileName, QMimeDatabase::MatchExtension).name());
    r.description =
        JsonFields::string(body.value(QStringLiteral("description")), QStringLiteral("description"), 512)
            .value_or(QString());
    r.containerId =
        JsonFields::string(body.value(QStringLiteral("containerId")), QStringLiteral("containerId"), 64);
    return r;
}

} // namespace koodrive::sim
