#include "FileSlice.h"

namespace koodrive::transfers {

FileSlice::FileSlice(const QString &path, qint64 offset, qint64 size, QObject *parent)
    : QIODevice(parent)
    , m_file(path)
    , m_offset(offset)
    , m_size(size)
{}

FileSlice::~FileSlice() = default;

bool FileSlice::open(OpenMode mode)
{
    // Unbuffered: whoever reads (Qt's upload) keeps its own buffer; a second one here would only copy.
    if ((mode & ReadWrite) != ReadOnly || m_offset < 0 || m_size < 0 ||
        !m_file.open(QIODevice::ReadOnly | QIODevice::Unbuffered)) {
        setErrorString(m_file.errorString());
        return false;
    }
    if (m_file.size() < m_offset + m_size || !m_file.seek(m_offset)) {
        setErrorString(tr("The file is shorter than it was when the upload began."));
        m_file.close();
        return false;
    }
    return QIODevice::open(ReadOnly | Unbuffered);
}

void FileSlice::close()
{
    QIODevice::close();
    m_file.close();
}

bool FileSlice::seek(qint64 position)
{
    if (position < 0 || position > m_size || !QIODevice::seek(position))
        return false;
    return m_file.seek(m_offset + position);
}

qint64 FileSlice::readData(char *data, qint64 maxSize)
{
    const qint64 left = m_offset + m_size - m_file.pos();
    if (left <= 0)
        return 0; // the slice's end, not the file's
    const qint64 read = m_file.read(data, std::min(maxSize, left));
    if (read < 0)
        setErrorString(m_file.errorString());
    return read;
}

} // namespace koodrive::transfers
