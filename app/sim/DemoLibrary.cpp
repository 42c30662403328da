#include "DemoLibrary.h"

#include "AlbumStore.h"
#include "DemoClips.h"
#include "FileStore.h"
#include "SimStore.h"

#include <QDateTime>
#include <QTimeZone>
#include <algorithm>

namespace koodrive::sim {

namespace {
// The library is dated relative to a fixed day, not to today, so that it is the same on every run.
const qint64 LibraryNowMs = QDateTime(QDate(2025, 11, 1), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
constexpr qint64 DayMs = 24LL * 3600 * 1000;
const QString IdAlphabet = QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-");

QString stamp(qint64 ms, const char *format)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toString(QString::fromLatin1(format));
}

struct Kind
{
    const char *suffix;
    const char *mime;
    int type;
};
} // namespace

DemoLibrary::DemoLibrary(int fileCount, quint32 seed)
    : m_fileCount(std::max(0, fileCount))
    , m_random(seed)
{}

int DemoLibrary::share(double fraction) const
{
    return int(m_fileCount * fraction);
}

QString DemoLibrary::token(int length)
{
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i)
        text.append(IdAlphabet.at(m_random.bounded(int(IdAlphabet.size()))));
    return text;
}

QString DemoLibrary::numericId(int digits)
{
    QString id = QString::number(1 + m_random.bounded(9));
    while (id.size() < digits)
        id.append(QChar(u'0' + m_random.bounded(10)));
    return id;
}

QString DemoLibrary::fileId()
{
    QString id;
    do {
        id = QLatin1Char('F') + token(32);
    } while (m_usedIds.contains(id));
    m_usedIds.insert(id);
    return id;
}

qint64 DemoLibrary::randomTime(qint64 fromMs, qint64 toMs)
{
    return fromMs + qint64(m_random.generateDouble() * double(toMs - fromMs));
}

QVector<qint64> DemoLibrary::sortedTimes(int count, qint64 fromMs, qint64 toMs)
{
    QVector<qint64> times(count);
    for (qint64 &t : times)
        t = randomTime(fromMs, toMs) / 1000 * 1000;
    std::sort(times.begin(), times.end());
    return times;
}

QString DemoLibrary::folder(const QString &parentId, const QString &name, qint64 createdMs)
{
    FileRow row;
    row.id = fileId();
    row.containerId = m_containerId;
    row.ownerId = m_ownerId;
    row.parentId = parentId;
    row.name = name;
    row.fileType = FileType::Folder;
    row.mimeType = QStringLiteral("application/vnd.huawei-apps.folder");
    row.createdMs = row.editedMs = createdMs;
    m_rows.append(row);
    return row.id;
}

FileRow &DemoLibrary::file(const QString &parentId, const QString &name, int type, qint64 takenMs)
{
    static const Kind kinds[] = {
        {"jpg", "image/jpeg", FileType::Image},
        {"png", "image/png", FileType::Image},
        {"mp4", "video/mp4", FileType::Video},
        {"pdf", "application/pdf", FileType::Other},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileType::Word},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileType::Excel},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
         FileType::PowerPoint},
        {"zip", "application/zip", FileType::Archive},
        {"mp3", "audio/mpeg", FileType::Audio},
    };
    FileRow row;
    row.id = fileId();
    row.containerId = m_containerId;
    row.ownerId = m_ownerId;
    row.parentId = parentId;
    row.name = name;
    row.suffix = name.section(QLatin1Char('.'), -1).toLower();
    row.fileType = type;
    for (const Kind &kind : kinds) {
        if (row.suffix == QLatin1String(kind.suffix)) {
            row.mimeType = QString::fromLatin1(kind.mime);
            break;
        }
    }
    if (row.mimeType.isEmpty())
        row.mimeType = QStringLiteral("application/octet-stream");
    row.takenMs = takenMs;
    // Phones upload a photo within minutes to days of taking it.
    row.createdMs = takenMs + m_random.bounded(1, 72 * 3600) * 1000LL;
    row.editedMs =
        m_random.bounded(10) == 0 ? row.createdMs + m_random.bounded(1, 90) * DayMs : row.createdMs;
    row.editedMs = std::min(row.editedMs, LibraryNowMs);
    m_rows.append(row);
    return m_rows.last();
}

void DemoLibrary::makeCamera(const QString &rootId, int count)
{
    m_cameraId = folder(rootId, QStringLiteral("Camera"), LibraryNowMs - 1700 * DayMs);
    QSet<QString> names;
    const QVector<qint64> times = sortedTimes(count, LibraryNowMs - 1650 * DayMs, LibraryNowMs - DayMs);
    for (qint64 taken : times) {
        const bool video = m_random.bounded(20) == 0;
        QString base = QString::fromLatin1(video ? "VID_" : "IMG_") + stamp(taken, "yyyyMMdd_HHmmss");
        QString name = base + QString::fromLatin1(video ? ".mp4" : ".jpg");
        for (int n = 1; names.contains(name); ++n)
            name = base + QStringLiteral("_%1").arg(n) + QString::fromLatin1(video ? ".mp4" : ".jpg");
        names.insert(name);
        FileRow &row = file(m_cameraId, name, video ? FileType::Video : FileType::Image, taken);
        if (video) {
            videoClip(row);
            m_random.bounded(
                120'000'000); // drawn as before the clips: the rest of the library stays the same
        } else {
            const int shape = m_random.bounded(10);
            row.width = shape < 7 ? 4000 : shape < 9 ? 3000 : 4032;
            row.height = shape < 7 ? 3000 : shape < 9 ? 4000 : 3024;
            row.size = qint64(row.width) * row.height * (25 + m_random.bounded(20)) / 100;
        }
    }
}

void DemoLibrary::makePictures(const QString &rootId, int count)
{
    const QString pictures = folder(rootId, QStringLiteral("Pictures"), LibraryNowMs - 1800 * DayMs);
    QMap<QString, QString> yearFolders;
    QMap<QString, QString> monthFolders;
    const QVector<qint64> times = sortedTimes(count, LibraryNowMs - 1780 * DayMs, LibraryNowMs - 10 * DayMs);
    int number = 1;
    for (qint64 taken : times) {
        const QString year = stamp(taken, "yyyy");
        const QString month = stamp(taken, "yyyy/MM");
        if (!yearFolders.contains(year))
            yearFolders.insert(year, folder(pictures, year, taken));
        if (!monthFolders.contains(month))
            monthFolders.insert(month, folder(yearFolders.value(year), month.right(2), taken));
        FileRow &row =
            file(monthFolders.value(month),
                 QStringLiteral("DSC_%1.jpg").arg(number++, 5, 10, QLatin1Char('0')), FileType::Image, taken);
        row.width = m_random.bounded(4) == 0 ? 4000 : 6000;
        row.height = row.width == 4000 ? 6000 : 4000;
        row.size = qint64(row.width) * row.height * (20 + m_random.bounded(15)) / 100;
    }
}

void DemoLibrary::makeTrips(const QString &rootId, int count)
{
    m_tripsId = folder(rootId, QStringLiteral("Trips"), LibraryNowMs - 1500 * DayMs);
    const struct
    {
        const char *name;
        int daysAgo;
    } trips[] = {
        {"Amalfi Coast 2021", 1560}, {"Lisbon 2022", 1130},   {"Iceland 2023", 820},
        {"Kyoto 2024", 420},         {"Patagonia 2025", 120},
    };
    int number = 1000;
    for (int t = 0; t < int(std::size(trips)); ++t) {
        const qint64 start = LibraryNowMs - trips[t].daysAgo * DayMs;
        const QString id = folder(m_tripsId, QString::fromLatin1(trips[t].name), start + 12 * DayMs);
        m_tripFolderIds << id;
        const int here = count / int(std::size(trips)) + (t < count % int(std::size(trips)) ? 1 : 0);
        for (qint64 taken : sortedTimes(here, start, start + 10 * DayMs)) {
            FileRow &row = file(id, QStringLiteral("P%1.jpg").arg(++number, 7, 10, QLatin1Char('0')),
                                FileType::Image, taken);
            row.width = 5184;
            row.height = 3888;
            row.size = qint64(row.width) * row.height * (18 + m_random.bounded(12)) / 100;
        }
    }
}

void DemoLibrary::makeScreenshots(const QString &rootId, int count)
{
    m_screenshotsId = folder(rootId, QStringLiteral("Screenshots"), LibraryNowMs - 900 * DayMs);
    for (qint64 taken : sortedTimes(count, LibraryNowMs - 880 * DayMs, LibraryNowMs - DayMs)) {
        FileRow &row = file(m_screenshotsId,
                            QStringLiteral("Screenshot_%1.png").arg(stamp(taken, "yyyy-MM-dd-HH-mm-ss")),
                            FileType::Image, taken);
        row.width = 1080;
        row.height = 2400;
        row.size = 300'000 + m_random.bounded(1'200'000);
    }
}

void DemoLibrary::videoClip(FileRow &row)
{
    // What the video's original really is when it is played or saved: its clip (DemoClips).
    const DemoClip &clip = DemoClips::forFile(row.id);
    row.width = clip.size.width();
    row.height = clip.size.height();
    row.size = DemoClips::bytes(clip).size();
}

void DemoLibrary::makeVideos(const QString &rootId, int count)
{
    const QString videos = folder(rootId, QStringLiteral("Videos"), LibraryNowMs - 1200 * DayMs);
    for (qint64 taken : sortedTimes(count, LibraryNowMs - 1150 * DayMs, LibraryNowMs - 5 * DayMs)) {
        FileRow &row = file(videos, QStringLiteral("VID_%1.mp4").arg(stamp(taken, "yyyyMMdd_HHmmss")),
                            FileType::Video, taken);
        videoClip(row);
        m_random.bounded(3); // drawn as before the clips: the rest of the library stays the same
        m_random.bounded(200'000'000);
    }
}

void DemoLibrary::makeDocuments(const QString &rootId, int count)
{
    const QString documents = folder(rootId, QStringLiteral("Documents"), LibraryNowMs - 1400 * DayMs);
    const struct
    {
        const char *stem;
        const char *suffix;
        int type;
    } kinds[] = {
        {"Invoice", "pdf", FileType::Other},  {"Notes", "docx", FileType::Word},
        {"Budget", "xlsx", FileType::Excel},  {"Slides", "pptx", FileType::PowerPoint},
        {"Backup", "zip", FileType::Archive}, {"Voice memo", "mp3", FileType::Audio},
    };
    for (int i = 0; i < count; ++i) {
        const auto &kind = kinds[i % int(std::size(kinds))];
        const qint64 at = randomTime(LibraryNowMs - 1300 * DayMs, LibraryNowMs - DayMs);
        FileRow &row = file(documents,
                            QStringLiteral("%1 %2.%3")
                                .arg(QLatin1String(kind.stem))
                                .arg(i / int(std::size(kinds)) + 1, 3, 10, QLatin1Char('0'))
                                .arg(QLatin1String(kind.suffix)),
                            kind.type, at);
        row.size = 20'000 + m_random.bounded(5'000'000);
    }
}

void DemoLibrary::recycleSome(int count, qint64 nowMs)
{
    // Deleted photos stay in the recycle bin (files-list.txt, space type 1).
    QVector<int> candidates;
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).parentId == m_cameraId && m_rows.at(i).isImage())
            candidates << i;
    for (int n = 0; n < count && !candidates.isEmpty(); ++n) {
        const int pick = candidates.takeAt(m_random.bounded(int(candidates.size())));
        m_rows[pick].recycled = true;
        m_rows[pick].recycledMs = nowMs - m_random.bounded(1, 29 * 24 * 3600) * 1000LL;
    }
}

DemoLibrary::Summary DemoLibrary::seed(SimStore &store)
{
    Summary summary;
    UserRow user{numericId(19),
                 QString::fromLatin1(DemoAccount),
                 SimStore::tokenDigest(QString::fromLatin1(DemoPassword)),
                 QStringLiteral("Alex Demo"),
                 QStringLiteral("IAAD") + token(44),
                 QString(),
                 200LL * 1024 * 1024 * 1024};
    user.rootFolderId = QStringLiteral("DEUI7pa0C24Aroot") + user.containerId;
    UserRow relative{numericId(19),
                     QStringLiteral("mei@koodrive.local"),
                     SimStore::tokenDigest(QStringLiteral("mei")),
                     QStringLiteral("Mei Demo"),
                     QStringLiteral("IAAD") + token(44),
                     QString(),
                     50LL * 1024 * 1024 * 1024};
    relative.rootFolderId = QStringLiteral("DEUI7pa0C24Aroot") + relative.containerId;
    m_userId = user.id;
    m_rootId = user.rootFolderId;

    GroupRow family{numericId(18),
                    0,
                    QStringLiteral("Family"),
                    user.id,
                    QStringLiteral("IAAD") + token(44),
                    QString(),
                    LibraryNowMs - 1000 * DayMs};
    family.shareFolderId = numericId(12).toLongLong();
    family.rootFolderId = QStringLiteral("DEUI7pa0C24Aroot") + family.containerId;
    m_groupId = family.groupId;
    m_shareFolderId = family.shareFolderId;
    m_groupContainerId = family.containerId;

    m_ownerId = user.id;
    m_containerId = user.containerId;
    if (m_fileCount > 0) {
        const int familyPhotos = std::clamp(share(0.02), 6, 400);
        const int camera = share(0.45);
        const int pictures = share(0.25);
        const int trips = share(0.12);
        const int screenshots = share(0.08);
        const int videos = share(0.03);
        const int documents =
            std::max(0, m_fileCount - camera - pictures - trips - screenshots - videos - familyPhotos);
        makeCamera(user.rootFolderId, camera);
        makePictures(user.rootFolderId, pictures);
        makeTrips(user.rootFolderId, trips);
        makeScreenshots(user.rootFolderId, screenshots);
        makeVideos(user.rootFolderId, videos);
        makeDocuments(user.rootFolderId, documents);
        recycleSome(share(0.02), LibraryNowMs);

        // The family space: photos of both members.
        m_containerId = family.containerId;
        m_familyHolidayId =
            folder(family.rootFolderId, QStringLiteral("Holidays 2024"), LibraryNowMs - 400 * DayMs);
        const qint64 start = LibraryNowMs - 420 * DayMs;
        int n = 0;
        for (qint64 taken : sortedTimes(familyPhotos, start, start + 14 * DayMs)) {
            m_ownerId = (n % 3 == 0) ? relative.id : user.id;
            FileRow &row = file(m_familyHolidayId,
                                QStringLiteral("IMG_%1.jpg")
                                    .arg(stamp(taken, "yyyyMMdd_HHmmss"))
                                    .replace(QStringLiteral(".jpg"), QStringLiteral("_%1.jpg").arg(n++)),
                                FileType::Image, taken);
            row.width = 4000;
            row.height = 3000;
            row.size = 3'000'000 + m_random.bounded(2'000'000);
        }
        m_ownerId = user.id;
        m_containerId = user.containerId;
    }

    QVector<QVector<AlbumItemRef>> items;
    const QVector<AlbumRow> albums = makeAlbums(items);

    SimStore::Transaction transaction(store);
    store.insertUser(user);
    store.insertUser(relative);
    store.insertGroup(family, {user.id, relative.id});
    store.dropFileIndexes();
    FileStore(store).insert(m_rows);
    store.createFileIndexes();
    AlbumStore albumStore(store);
    for (int i = 0; i < albums.size(); ++i) {
        albumStore.insert(albums.at(i));
        albumStore.addItems(albums.at(i).id, items.at(i), albums.at(i).createdMs);
    }
    transaction.commit();

    summary.userId = user.id;
    for (const FileRow &row : std::as_const(m_rows))
        (row.isFolder() ? summary.folders : summary.files) += 1;
    summary.albums = albums.size();
    return summary;
}

QVector<AlbumRow> DemoLibrary::makeAlbums(QVector<QVector<AlbumItemRef>> &items)
{
    QVector<AlbumRow> albums;
    qint64 created = LibraryNowMs - 300 * DayMs;
    auto album = [&](int kind, int type, const QString &name) -> AlbumRow & {
        AlbumRow row;
        row.id = numericId(19);
        row.ownerId = m_userId;
        row.kind = kind;
        row.type = type;
        row.name = name;
        row.createdMs = row.updatedMs =
            (created += 20 * DayMs + m_random.bounded(int(DayMs / 1000)) * 1000LL);
        if (kind == AlbumKind::Shared) {
            row.groupId = m_groupId;
            row.shareFolderId = m_shareFolderId;
            row.containerId = m_groupContainerId;
        }
        albums.append(row);
        items.append(QVector<AlbumItemRef>());
        return albums.last();
    };
    auto pick = [&](const std::function<bool(const FileRow &)> &accept, int every, int limit) {
        QVector<AlbumItemRef> refs;
        int seen = 0;
        for (const FileRow &row : std::as_const(m_rows)) {
            if (refs.size() >= limit)
                break;
            if (!row.recycled && (row.isImage() || row.isVideo()) && accept(row) && seen++ % every == 0)
                refs.append(AlbumItemRef{row.id, row.ownerId});
        }
        return refs;
    };

    album(AlbumKind::Personal, AlbumType::Manual, QStringLiteral("Favourites"));
    items.last() = pick([this](const FileRow &r) { return r.parentId == m_cameraId; }, 29, 36);
    album(AlbumKind::Personal, AlbumType::Manual, QStringLiteral("Best of 2024"));
    items.last() =
        pick([](const FileRow &r) { return stamp(r.takenMs, "yyyy") == QLatin1String("2024"); }, 7, 48);
    album(AlbumKind::Personal, AlbumType::Manual, QStringLiteral("Portfolio"));
    items.last() = pick([this](const FileRow &r) { return m_tripFolderIds.contains(r.parentId); }, 5, 24);
    album(AlbumKind::Personal, AlbumType::Manual, QStringLiteral("To print"));

    AlbumRow &camera = album(AlbumKind::Personal, AlbumType::Collection, QStringLiteral("Camera roll"));
    camera.scopeParentFolderId = m_rootId;
    camera.scopeDirs = m_cameraId.isEmpty() ? QStringList() : QStringList{m_cameraId};
    camera.scopeKind = QStringLiteral("1,2");
    AlbumRow &trips = album(AlbumKind::Personal, AlbumType::Collection, QStringLiteral("Travel"));
    trips.scopeParentFolderId = m_tripsId;
    trips.scopeDirs = m_tripFolderIds;
    trips.scopeKind = QStringLiteral("1");

    if (!m_familyHolidayId.isEmpty()) {
        album(AlbumKind::Shared, AlbumType::Manual, QStringLiteral("Family moments"));
        items.last() = pick([this](const FileRow &r) { return r.parentId == m_familyHolidayId; }, 2, 30);
        AlbumRow &holiday = album(AlbumKind::Shared, AlbumType::Collection, QStringLiteral("Holidays 2024"));
        holiday.scopeParentFolderId = QStringLiteral("DEUI7pa0C24Aroot") + m_groupContainerId;
        holiday.scopeDirs = {m_familyHolidayId};
        holiday.scopeKind = QStringLiteral("1,2");
    }
    // Collection albums without a scope (an empty library) are not made.
    for (qsizetype i = albums.size() - 1; i >= 0; --i) {
        if (!albums.at(i).isManual() && albums.at(i).scopeDirs.isEmpty()) {
            albums.removeAt(i);
            items.removeAt(i);
        }
    }
    return albums;
}

} // namespace koodrive::sim
