#include "DriveItemsMime.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace koodrive::models::DriveItemsMime {

namespace {
constexpr quint32 Magic = 0x4b444931; // "KDI1"
}

void write(QMimeData *mime, const QVector<DriveItem> &items)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << Magic << quint32(items.size());
    QStringList names;
    for (const DriveItem &item : items) {
        out << item.id << item.ownerId << item.containerId << item.name << item.folder;
        names << item.name;
    }
    mime->setData(QString::fromLatin1(Type), bytes);
    mime->setText(names.join(QLatin1Char('\n')));
}

QVector<DriveItem> read(const QMimeData *mime)
{
    if (!mime)
        return {};
    const QByteArray bytes = mime->data(QString::fromLatin1(Type));
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 count = 0;
    in >> magic >> count;
    if (magic != Magic || count > 10'000'000)
        return {};
    QVector<DriveItem> items;
    items.reserve(int(qMin<quint32>(count, 100'000)));
    for (quint32 i = 0; i < count; ++i) {
        DriveItem item;
        in >> item.id >> item.ownerId >> item.containerId >> item.name >> item.folder;
        if (in.status() != QDataStream::Ok || item.id.isEmpty())
            return {};
        items.append(item);
    }
    return items;
}

bool has(const QMimeData *mime)
{
    return mime && mime->hasFormat(QString::fromLatin1(Type));
}

} // namespace koodrive::models::DriveItemsMime
