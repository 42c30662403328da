#include "FileHasher.h"

#include "threads/RunThen.h"
#include "threads/WorkPools.h"

#include <QCoreApplication>
#include <QFile>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <memory>
#include <openssl/evp.h>

namespace koodrive::transfers {

namespace {
QThreadPool *hashers()
{
    static QThreadPool *pool = threads::newPool(QStringLiteral("koodrive file hasher"), 1);
    return pool;
}
} // namespace

FileHasher::Digest FileHasher::sha256Now(const QString &path, const std::function<bool()> &cancelled)
{
    Digest digest;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        digest.error = file.errorString();
        return digest;
    }
    const std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1) {
        digest.error = QCoreApplication::translate("FileHasher", "SHA-256 is not available.");
        return digest;
    }
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    for (;;) {
        if (cancelled && cancelled()) {
            digest.error = QCoreApplication::translate("FileHasher", "Cancelled.");
            return digest;
        }
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0) {
            digest.error = file.errorString();
            return digest;
        }
        if (read == 0)
            break;
        EVP_DigestUpdate(context.get(), buffer.constData(), size_t(read));
        digest.size += read;
    }
    unsigned char hash[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context.get(), hash, &length);
    digest.sha256Hex = QByteArray(reinterpret_cast<const char *>(hash), int(length)).toHex();
    return digest;
}

QFuture<FileHasher::Digest> FileHasher::sha256(const QString &path,
                                               std::shared_ptr<const std::atomic<bool>> stop)
{
    return QtConcurrent::run(
        hashers(), [path, stop] { return sha256Now(path, [&stop] { return stop && stop->load(); }); });
}

void FileHasher::sha256(const QString &path, std::shared_ptr<const std::atomic<bool>> stop, QObject *context,
                        std::function<void(const Digest &)> then)
{
    threads::runThen(
        hashers(), [path, stop] { return sha256Now(path, [&stop] { return stop && stop->load(); }); },
        context, std::move(then));
}

} // namespace koodrive::transfers
