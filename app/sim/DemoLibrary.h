#pragma once

#include "StoreTypes.h"

#include <QRandomGenerator>
#include <QSet>
#include <QVector>

namespace koodrive::sim {

class SimStore;

// Generates the demo library: a drive as a phone and a camera fill it (a camera folder of thousands of
// photos, folders by year and month, trips, screenshots, some videos and documents, a recycle bin), a shared
// family space, and albums of every kind. Deterministic: the same seed and size give the same ids and names.
class DemoLibrary final
{
public:
    static constexpr auto DemoAccount = "demo@koodrive.local";
    static constexpr auto DemoPassword = "demo";

    struct Summary
    {
        QString userId;
        qint64 files = 0; // images, videos and documents (folders not counted)
        qint64 folders = 0;
        qint64 albums = 0;
    };

    DemoLibrary(int fileCount, quint32 seed);
    // Writes the library in one transaction.
    Summary seed(SimStore &store);

private:
    QString folder(const QString &parentId, const QString &name, qint64 createdMs);
    FileRow &file(const QString &parentId, const QString &name, int type, qint64 takenMs);
    QString fileId();
    QString numericId(int digits);
    QString token(int length);
    qint64 randomTime(qint64 fromMs, qint64 toMs);
    QVector<qint64> sortedTimes(int count, qint64 fromMs, qint64 toMs);
    int share(double fraction) const;

    void makeCamera(const QString &rootId, int count);
    void makePictures(const QString &rootId, int count);
    void makeTrips(const QString &rootId, int count);
    void makeScreenshots(const QString &rootId, int count);
    void makeVideos(const QString &rootId, int count);
    void videoClip(FileRow &row);
    void makeDocuments(const QString &rootId, int count);
    void recycleSome(int count, qint64 nowMs);
    QVector<AlbumRow> makeAlbums(QVector<QVector<AlbumItemRef>> &items);

    int m_fileCount;
    QRandomGenerator m_random;
    QString m_ownerId;
    QString m_containerId;
    QVector<FileRow> m_rows;
    QSet<QString> m_usedIds;
    // Places the albums are made from.
    QString m_userId;
    QString m_rootId;
    QString m_cameraId;
    QStringList m_tripFolderIds;
    QString m_tripsId;
    QString m_screenshotsId;
    QString m_familyHolidayId;
    QString m_groupId;
    qint64 m_shareFolderId = 0;
    QString m_groupContainerId;
};

} // namespace koodrive::sim
