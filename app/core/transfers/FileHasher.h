#pragma once

#include <QByteArray>
#include <QFuture>
#include <QString>
#include <atomic>
#include <functional>
#include <memory>

class QThreadPool;

namespace koodrive::transfers {

// The SHA-256 of a local file (OPERATIONS.md §3: createFile's and completeFile's `sha256`), read from disk
// in chunks: memory stays at one chunk whatever the file's size. Hashing runs through OpenSSL's libcrypto,
// which uses the processor's SHA instructions; QCryptographicHash (Qt 6.4, portable C) took 1.7 times as
// long as `sha256sum` here (README, Performance).
class FileHasher final
{
public:
    struct Digest
    {
        QByteArray sha256Hex; // lower-case
        qint64 size = 0;      // the bytes hashed
        QString error;        // empty when the file was read whole

        bool ok() const { return error.isEmpty(); }
    };

    // Off the calling thread, on a pool of its own (one thread: one file's reading at a time goes fastest).
    // Setting `stop` ends the reading between chunks (the digest then has an error). The future itself is
    // not cancelled: in Qt 6.4, cancelling a future that holds a result of a class type frees it wrongly.
    static QFuture<Digest> sha256(const QString &path, std::shared_ptr<const std::atomic<bool>> stop = {});
    // The same, with `then(digest)` on `context`'s thread once it is read (unless `context` is gone):
    // attached before the reading starts (threads::runThen says why not QFuture::then afterwards).
    static void sha256(const QString &path, std::shared_ptr<const std::atomic<bool>> stop, QObject *context,
                       std::function<void(const Digest &)> then);
    // On the calling thread; `cancelled` is asked between chunks.
    static Digest sha256Now(const QString &path, const std::function<bool()> &cancelled = {});

    static constexpr qint64 ChunkBytes = 1024 * 1024;
};

} // namespace koodrive::transfers
