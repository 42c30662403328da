#include "OutgoingFilesMime.h"

#include <QImage>
#include <QImageReader>
#include <QUrl>

namespace koodrive::ui {

namespace {
const QString UriList = QStringLiteral("text/uri-list");
const QString QtImage = QStringLiteral("application/x-qt-image");
} // namespace

OutgoingFilesMime::OutgoingFilesMime(Fetch fetch, bool offersImage)
    : m_fetch(std::move(fetch))
    , m_offersImage(offersImage)
{}

QStringList OutgoingFilesMime::formats() const
{
    QStringList list = QMimeData::formats();
    list << UriList;
    if (m_offersImage)
        list << QtImage;
    return list;
}

bool OutgoingFilesMime::hasFormat(const QString &mimeType) const
{
    return mimeType == UriList || (m_offersImage && mimeType == QtImage) || QMimeData::hasFormat(mimeType);
}

const QStringList &OutgoingFilesMime::paths() const
{
    if (!m_paths)
        m_paths = m_fetch ? m_fetch() : QStringList();
    return *m_paths;
}

QVariant OutgoingFilesMime::retrieveData(const QString &mimeType, QMetaType type) const
{
    if (mimeType == UriList) {
        QList<QUrl> urls;
        for (const QString &path : paths())
            urls << QUrl::fromLocalFile(path);
        if (type.id() == QMetaType::QByteArray || type.id() == QMetaType::QString) {
            QByteArray text;
            for (const QUrl &url : std::as_const(urls))
                text += url.toEncoded() + "\r\n";
            return text;
        }
        QVariantList list;
        for (const QUrl &url : std::as_const(urls))
            list << url;
        return list;
    }
    if (m_offersImage && mimeType == QtImage && !paths().isEmpty()) {
        QImageReader reader(paths().first());
        reader.setAutoTransform(true);
        reader.setAllocationLimit(256); // MiB: a 64-megapixel photo
        return reader.read();
    }
    return QMimeData::retrieveData(mimeType, type);
}

} // namespace koodrive::ui
