#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace koodrive::sim {

// Bytes on disk under the data directory: the parts of uploads under way (objects/uploads/<fileId>/<n>),
// and the stored files (objects/blobs/<sha256>), one copy per content, shared by rapid uploads and copies.
// A part is written to disk as it arrives and never kept in memory; joining streams through 1 MiB.
class ObjectStorage final
{
public:
    explicit ObjectStorage(QString root);

    // Stores a part's bytes (in place of an earlier copy) and answers its ETag: the MD5 in quotes, as S3.
    // Throws SimError::internal when the disk refuses.
    QByteArray writePart(const QString &fileId, int partNumber, const QByteArray &bytes);
    QString partPath(const QString &fileId, int partNumber) const;
    void removeUpload(const QString &fileId);

    struct Joined
    {
        bool ok = false;
        QString path; // the joined file, to keep() or remove
        QByteArray sha256Hex;
        qint64 size = 0;
        QString error;
    };
    // Joins the files in order into `target`, hashing as it goes. Touches no member: safe on a worker thread.
    static Joined join(const QStringList &partPaths, const QString &target);
    QString joinTarget(const QString &fileId) const;

    // Moves a joined file into the store under its hash (dropping it when that content is stored already)
    // and answers its key.
    QString keep(const QString &joinedPath, const QByteArray &sha256Hex);
    // The file holding a stored content; empty for a key that is not one of ours.
    QString blobPath(const QString &key) const;
    void removeBlob(const QString &key);

    // File ids and keys become paths: only ours (letters, digits, '-' and '_') are let through.
    static bool isSafeName(const QString &name);

private:
    QString m_root;
};

} // namespace koodrive::sim
