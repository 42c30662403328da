#pragma once

#include <QFile>
#include <QIODevice>

namespace koodrive::transfers {

// Bytes [offset, offset + size) of a local file as a device of their own, read from disk as they are asked
// for: what a part's PUT streams (net::Transfer::upload), so that a part never sits whole in memory. Not
// sequential and of a known size, so Qt streams it and can send it again from the start (reset()).
class FileSlice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileSlice)

public:
    FileSlice(const QString &path, qint64 offset, qint64 size, QObject *parent = nullptr);
    ~FileSlice() override;

    // Read-only. Fails when the file cannot be opened or is shorter than the slice.
    bool open(OpenMode mode) override;
    void close() override;
    bool isSequential() const override { return false; }
    qint64 size() const override { return m_size; }
    bool seek(qint64 position) override;

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QFile m_file;
    qint64 m_offset;
    qint64 m_size;
};

} // namespace koodrive::transfers
