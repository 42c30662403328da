// OPERATIONS.md §6: batchStarFile with per-file results, listStarFile followed by its cursor through short
// and empty pages, and the "favorite" field of every listing following the stars.
#include "SimFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using koodrive::test::SimFixture;

namespace {
QSet<QString> setOf(const QStringList &ids)
{
    return QSet<QString>(ids.begin(), ids.end());
}
} // namespace

class TestStarRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    const QString m_batch = QStringLiteral("/koodrive/ose/v1/star/batch");

    QJsonObject batch(bool starred, const QStringList &fileIds, const QString &containerId = {})
    {
        QJsonArray list;
        for (const QString &id : fileIds)
            list.append(QJsonObject{
                {QStringLiteral("containerId"), containerId.isEmpty() ? m_sim->containerId() : containerId},
                {QStringLiteral("fileId"), id}});
        return {{QStringLiteral("starred"), starred}, {QStringLiteral("subRequestList"), list}};
    }
    // Every page of listStarFile; `pageSizes` gets each page's length.
    QStringList walk(const QString &query, QList<int> *pageSizes = nullptr, bool *autoDeleted = nullptr)
    {
        QStringList ids;
        QString cursor;
        int pages = 0;
        do {
            const auto page =
                m_sim->get(QStringLiteral("/koodrive/ose/v1/star/files?") + query +
                           (cursor.isEmpty() ? QString()
                                             : QStringLiteral("&pageCursor=") +
                                                   QString::fromLatin1(QUrl::toPercentEncoding(cursor))));
            if (page.status != 200) {
                qWarning() << page.body;
                return {};
            }
            const QJsonArray files = page.json.value(QStringLiteral("starFiles")).toArray();
            for (const auto &file : files) {
                ids << file.toObject().value(QStringLiteral("id")).toString();
                if (!file.toObject().value(QStringLiteral("favorite")).toBool())
                    return {};
            }
            if (pageSizes)
                pageSizes->append(int(files.size()));
            if (autoDeleted && page.json.value(QStringLiteral("autoDeleted")).toBool())
                *autoDeleted = true;
            cursor = page.json.value(QStringLiteral("nextCursor")).toString();
            if (cursor.isEmpty() && page.json.contains(QStringLiteral("nextCursor"))) {
                qWarning("nextCursor must be absent on the last page, not empty");
                return {};
            }
        } while (!cursor.isEmpty() && ++pages < 1000);
        return ids;
    }
    QHash<QString, bool> favourites(const QString &folder)
    {
        const auto page =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"),
                        {{QStringLiteral("containerId"), m_sim->containerId()},
                         {QStringLiteral("parentFileId"), folder},
                         {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 100}}}});
        QHash<QString, bool> favorite;
        for (const auto &file : page.json.value(QStringLiteral("files")).toArray())
            favorite.insert(file.toObject().value(QStringLiteral("id")).toString(),
                            file.toObject().value(QStringLiteral("favorite")).toBool());
        return favorite;
    }
    void expectRefusal(const SimFixture::Response &response, const QString &param,
                       const koodrive::sim::SimStore::Counts &before)
    {
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QStringLiteral("13000102"));
        QCOMPARE(response.errorParam(), param);
        QCOMPARE(m_sim->counts(), before);
    }

private slots:
    void init() { m_sim = std::make_unique<SimFixture>(120); }
    void cleanup() { m_sim.reset(); }

    void starredFilesAreFavouritesInEveryListing()
    {
        const QString folder = m_sim->addFolder(QStringLiteral("Stars"), 5);
        const QStringList ids = m_sim->childIds(folder);
        const QByteArray body =
            QStringLiteral(R"({"starred":true,"subRequestList":[{"containerId":"%1","fileId":"%2"},)"
                           R"({"containerId":"%1","fileId":"%3"}]})")
                .arg(m_sim->containerId(), ids.at(0), ids.at(1))
                .toUtf8();
        const auto answer = m_sim->send("POST", m_batch, body, m_sim->commonHeaders());
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json.value(QStringLiteral("status")).toInt(-1), 0);
        const QJsonArray results = answer.json.value(QStringLiteral("subResponseList")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("fileId")).toString(), ids.at(0));
        QCOMPARE(results.at(0).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("0"));
        QCOMPARE(m_sim->counts().stars, 2);

        const auto favorite = favourites(folder);
        for (const QString &id : ids)
            QCOMPARE(favorite.value(id), id == ids.at(0) || id == ids.at(1));
        const auto detail = m_sim->post(QStringLiteral("/koodrive/ose/v1/files/%1/detail").arg(ids.at(0)),
                                        {{QStringLiteral("containerId"), m_sim->containerId()}});
        QCOMPARE(detail.json.value(QStringLiteral("favorite")).toBool(), true);
        QCOMPARE(walk(QStringLiteral("pageSize=100")).size(), 2);

        // Unstarred: no longer a favourite anywhere.
        QCOMPARE(
            m_sim->post(m_batch, batch(false, {ids.at(0)})).json.value(QStringLiteral("status")).toInt(-1),
            0);
        QCOMPARE(favourites(folder).value(ids.at(0)), false);
        QCOMPARE(walk(QStringLiteral("pageSize=100")), QStringList{ids.at(1)});
    }

    void eachFileHasItsOwnResult()
    {
        const QStringList ids = m_sim->childIds(m_sim->addFolder(QStringLiteral("Some"), 2));
        const auto some = m_sim->post(m_batch, batch(true, {ids.at(0), QStringLiteral("Fnosuchfile")}));
        QCOMPARE(some.json.value(QStringLiteral("status")).toInt(), 1);
        const QJsonObject missing =
            some.json.value(QStringLiteral("subResponseList")).toArray().at(1).toObject();
        QCOMPARE(missing.value(QStringLiteral("code")).toString(), QStringLiteral("13000302"));
        QVERIFY(!missing.value(QStringLiteral("message")).toString().isEmpty());
        const auto none = m_sim->post(m_batch, batch(true, {ids.at(1)}, QStringLiteral("IAADnotmine")));
        QCOMPARE(none.json.value(QStringLiteral("status")).toInt(), 2);
        QCOMPARE(none.json.value(QStringLiteral("subResponseList"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("code")),
                 QJsonValue(QStringLiteral("13000301")));
        QCOMPARE(m_sim->counts().stars, 1);
    }

    void batchRulesAreRefusedAndNothingChanges()
    {
        const QStringList ids = m_sim->childIds(m_sim->addFolder(QStringLiteral("Rules"), 2));
        const auto before = m_sim->counts();
        QJsonObject body = batch(true, ids);
        body.remove(QStringLiteral("starred"));
        expectRefusal(m_sim->post(m_batch, body), QStringLiteral("starred"), before);
        expectRefusal(m_sim->post(m_batch, batch(true, {})), QStringLiteral("subRequestList"), before);
        QStringList many;
        for (int i = 0; i < 101; ++i)
            many << QStringLiteral("F%1").arg(i);
        expectRefusal(m_sim->post(m_batch, batch(true, many)), QStringLiteral("subRequestList"), before);
        expectRefusal(m_sim->post(m_batch, batch(true, {ids.at(0), ids.at(1), ids.at(0)})),
                      QStringLiteral("subRequestList[2].fileId"), before);
        expectRefusal(m_sim->post(m_batch, batch(true, {QString(65, QLatin1Char('F'))})),
                      QStringLiteral("subRequestList[0].fileId"), before);
        expectRefusal(m_sim->post(m_batch, batch(true, {ids.at(0)}, QString(65, QLatin1Char('c')))),
                      QStringLiteral("subRequestList[0].containerId"), before);
    }

    void theListIsNewestFirstByPages()
    {
        const QStringList ids = m_sim->childIds(m_sim->addFolder(QStringLiteral("Pages"), 25));
        for (int start = 0; start < 25; start += 10) {
            QCOMPARE(m_sim->post(m_batch, batch(true, ids.mid(start, 10))).status, 200);
            QTest::qWait(5); // three batches, three times
        }
        QList<int> sizes;
        const QStringList listed = walk(QStringLiteral("pageSize=10"), &sizes);
        QCOMPARE(sizes, (QList<int>{10, 10, 5}));
        QCOMPARE(setOf(listed).size(), 25);
        QCOMPARE(setOf(listed.mid(0, 5)),
                 setOf(ids.mid(20))); // the last batch first
        const QStringList ascending = walk(QStringLiteral("pageSize=10&sortDirection=1&sortType=1"));
        QCOMPARE(setOf(ascending.mid(0, 10)), setOf(ids.mid(0, 10)));
    }

    void shortAndEmptyPagesGoOnToTheEnd()
    {
        const QStringList ids = m_sim->childIds(m_sim->addFolder(QStringLiteral("Gaps"), 12));
        QCOMPARE(m_sim->post(m_batch, batch(true, ids)).status, 200);
        // Ten of them go to the recycle bin: their stars stay, but the list leaves them out.
        for (int i = 0; i < 10; ++i)
            m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_by = id WHERE id = ?"),
                          {ids.at(i)});
        QList<int> sizes;
        bool autoDeleted = false;
        const QStringList listed = walk(QStringLiteral("pageSize=3"), &sizes, &autoDeleted);
        QCOMPARE(setOf(listed), (QSet<QString>{ids.at(10), ids.at(11)}));
        QCOMPARE(sizes.size(), 4);  // 12 stars, 3 a page
        QVERIFY(sizes.contains(0)); // some pages came back empty...
        QVERIFY(autoDeleted);       // ...saying why
        // A filter leaves pages short too: no video among these.
        QList<int> videoPages;
        QVERIFY(walk(QStringLiteral("pageSize=5&fileType=20"), &videoPages).isEmpty());
        QCOMPARE(videoPages.size(), 3);
    }

    void listRulesAreRefused()
    {
        const QStringList ids = m_sim->childIds(m_sim->addFolder(QStringLiteral("Cursor"), 3));
        QCOMPARE(m_sim->post(m_batch, batch(true, ids)).status, 200);
        const auto first = m_sim->get(QStringLiteral("/koodrive/ose/v1/star/files?pageSize=1"));
        const QString cursor = first.json.value(QStringLiteral("nextCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        const QList<QPair<QString, QString>> cases{
            {QStringLiteral("pageSize=0"), QStringLiteral("pageSize")},
            {QStringLiteral("pageSize=101"), QStringLiteral("pageSize")},
            {QStringLiteral("sortType=2"), QStringLiteral("sortType")},
            {QStringLiteral("sortDirection=3"), QStringLiteral("sortDirection")},
            {QStringLiteral("fileType=99"), QStringLiteral("fileType")},
            {QStringLiteral("imageProcess=image%2Fblur"), QStringLiteral("imageProcess")},
            {QStringLiteral("pageCursor=garbage"), QStringLiteral("pageCursor")},
            // A cursor of the other direction.
            {QStringLiteral("sortDirection=1&pageCursor=") +
                 QString::fromLatin1(QUrl::toPercentEncoding(cursor)),
             QStringLiteral("pageCursor")},
        };
        for (const auto &[query, param] : cases) {
            const auto refused = m_sim->get(QStringLiteral("/koodrive/ose/v1/star/files?") + query);
            QVERIFY2(refused.status == 400 && refused.errorParam() == param, qPrintable(query));
        }
    }
};

QTEST_GUILESS_MAIN(TestStarRoutes)
#include "tst_StarRoutes.moc"
