#pragma once

#include <QString>
#include <QVector>
#include <optional>

namespace koodrive::sim {

class SimStore;

// An upload under way (OPERATIONS.md §3): what createFile promised, and its parts.
struct UploadRow
{
    QString fileId;
    QString uploadId;
    QString ownerId;
    QString containerId;
    QString parentId;
    QString name; // final: the create answer gave it, and it is held in the folder until complete or cleanup
    int fileType = 0;
    QString mimeType;
    qint64 length = 0;
    QString sha256; // as createFile gave it (may be empty)
    qint64 createdMs = 0;
    qint64 touchedMs = 0; // last create, uploadUrl or part received: the clean-up counts from here
    QString description;
};

struct UploadPart
{
    int number = 0;
    qint64 size = 0;
    qint64 offset = 0;
    bool received = false;
    QByteArray etag;
};

class UploadStore final
{
public:
    explicit UploadStore(SimStore &store);

    void insert(const UploadRow &upload);
    std::optional<UploadRow> upload(const QString &fileId) const;
    void remove(const QString &fileId);
    void touch(const QString &fileId, qint64 nowMs);

    QVector<UploadPart> parts(const QString &fileId) const; // by part number
    void addPart(const QString &fileId, const UploadPart &part);
    void markReceived(const QString &fileId, int partNumber, const QByteArray &etag);

    // Uploads untouched since before `cutoffMs`.
    QStringList untouchedSince(qint64 cutoffMs) const;
    // Bytes the unfinished uploads of a space will take.
    qint64 pendingBytes(const QString &containerId) const;

private:
    SimStore &m_store;
};

} // namespace koodrive::sim
