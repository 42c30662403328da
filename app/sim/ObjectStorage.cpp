#include "ObjectStorage.h"

#include "SimError.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace koodrive::sim {

namespace {
constexpr qint64 ChunkBytes = 1024 * 1024;
} // namespace

ObjectStorage::ObjectStorage(QString root)
    : m_root(std::move(root))
{}

bool ObjectStorage::isSafeName(const QString &name)
{
    if (name.isEmpty() || name.size() > 128)
        return false;
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' ||
              u == '_'))
            return false;
    }
    return true;
}

QString ObjectStorage::partPath(const QString &fileId, int partNumber) const
{
    if (!isSafeName(fileId))
        throw SimError::internal(QStringLiteral("not a file id of ours"));
    return QStringLiteral("%1/uploads/%2/%3").arg(m_root, fileId).arg(partNumber);
}

QString ObjectStorage::joinTarget(const QString &fileId) const
{
    if (!isSafeName(fileId))
        throw SimError::internal(QStringLiteral("not a file id of ours"));
    return QStringLiteral("%1/uploads/%2/joined").arg(m_root, fileId);
}

QByteArray ObjectStorage::writePart(const QString &fileId, int partNumber, const QByteArray &bytes)
{
    const QString path = partPath(fileId, partNumber);
    QDir().mkpath(QFileInfo(path).absolutePath());
    // QSaveFile: a part sent again replaces the earlier one whole, or not at all.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        throw SimError::internal(
            QStringLiteral("cannot store part %1: %2").arg(partNumber).arg(file.errorString()));
    return '"' + QCryptographicHash::hash(bytes, QCryptographicHash::Md5).toHex() + '"';
}

void ObjectStorage::removeUpload(const QString &fileId)
{
    if (isSafeName(fileId))
        QDir(QStringLiteral("%1/uploads/%2").arg(m_root, fileId)).removeRecursively();
}

ObjectStorage::Joined ObjectStorage::join(const QStringList &partPaths, const QString &target)
{
    Joined joined;
    joined.path = target;
    QFile out(target);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        joined.error = out.errorString();
        return joined;
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    for (const QString &path : partPaths) {
        QFile in(path);
        if (!in.open(QIODevice::ReadOnly)) {
            joined.error = QStringLiteral("a part is missing: %1").arg(in.errorString());
            return joined;
        }
        for (qint64 read; (read = in.read(buffer.data(), buffer.size())) > 0;) {
            hash.addData(QByteArrayView(buffer.constData(), read));
            if (out.write(buffer.constData(), read) != read) {
                joined.error = out.errorString();
                return joined;
            }
            joined.size += read;
        }
    }
    if (!out.flush()) {
        joined.error = out.errorString();
        return joined;
    }
    joined.sha256Hex = hash.result().toHex();
    joined.ok = true;
    return joined;
}

QString ObjectStorage::blobPath(const QString &key) const
{
    if (key.size() != 64 || !isSafeName(key))
        return {};
    return QStringLiteral("%1/blobs/%2/%3").arg(m_root, key.left(2), key);
}

QString ObjectStorage::keep(const QString &joinedPath, const QByteArray &sha256Hex)
{
    const QString key = QString::fromLatin1(sha256Hex);
    const QString path = blobPath(key);
    if (path.isEmpty())
        throw SimError::internal(QStringLiteral("not a content hash"));
    if (QFile::exists(path)) {
        QFile::remove(joinedPath); // the same bytes are stored already
        return key;
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!QFile::rename(joinedPath, path))
        throw SimError::internal(QStringLiteral("cannot keep the uploaded file"));
    return key;
}

void ObjectStorage::removeBlob(const QString &key)
{
    const QString path = blobPath(key);
    if (!path.isEmpty())
        QFile::remove(path);
}

} // namespace koodrive::sim
