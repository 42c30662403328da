// OPERATIONS.md §7: POST /files/search over the whole drive or below a folder, fuzzy on names, by type and
// update time, in cursor pages with paths, favourites and thumbnail links; in a shared folder with
// x-hw-share-folder-id.
#include "SimFixture.h"

#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using koodrive::test::SimFixture;

class TestSearchRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;
    const QString m_search = QStringLiteral("/koodrive/ose/v1/files/search");
    QString m_outer; // "Seaside" with 6 "photo N" images and a "Seaside/Deeper" folder of 4 more
    QString m_inner;

    QJsonObject searchBody(const QJsonObject &filter, bool recursive = true, int pageSize = 100)
    {
        return {{QStringLiteral("searchType"), QStringLiteral("personal")},
                {QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), pageSize}}},
                {QStringLiteral("filter"), filter},
                {QStringLiteral("recursived"), recursive}};
    }
    // Every page of a search; the body's cursor replaced page after page.
    QJsonArray walk(QJsonObject body, qint64 *total = nullptr, const SimFixture::Headers &extra = {})
    {
        QJsonArray all;
        QString cursor;
        for (int pages = 0; pages < 1000; ++pages) {
            QJsonObject pageInfo = body.value(QStringLiteral("pageInfo")).toObject();
            pageInfo.insert(QStringLiteral("pageCursor"), cursor);
            body.insert(QStringLiteral("pageInfo"), pageInfo);
            const auto page =
                m_sim->send("POST", m_search, QJsonDocument(body).toJson(), m_sim->commonHeaders() + extra);
            if (page.status != 200) {
                qWarning() << page.body;
                return {};
            }
            if (total)
                *total = qint64(page.json.value(QStringLiteral("total")).toDouble());
            for (const auto &file : page.json.value(QStringLiteral("files")).toArray())
                all.append(file);
            cursor = page.json.value(QStringLiteral("nextPageCursor")).toString();
            if (cursor.isEmpty())
                break;
        }
        return all;
    }
    static QStringList idsOf(const QJsonArray &files)
    {
        QStringList ids;
        for (const auto &file : files)
            ids << file.toObject().value(QStringLiteral("id")).toString();
        ids.sort();
        return ids;
    }
    QStringList expected(const QString &where, const QVariantList &values = {})
    {
        QStringList ids =
            m_sim->column(QStringLiteral("SELECT id FROM files WHERE container_id = ? AND recycled = 0 "
                                         "AND ") +
                              where,
                          QVariantList{m_sim->containerId()} + values);
        ids.sort();
        return ids;
    }
    void expectRefusal(const QJsonObject &body, const char *code, const QString &param)
    {
        const auto response = m_sim->post(m_search, body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.errorCode(), QString::fromLatin1(code));
        QCOMPARE(response.errorParam(), param);
    }

private slots:
    void initTestCase()
    {
        m_sim = std::make_unique<SimFixture>(300);
        m_outer = m_sim->addFolder(QStringLiteral("Seaside"), 6);
        m_inner = m_sim->addFolder(QStringLiteral("Deeper"), 4, 15, m_outer);
    }

    void theExampleSearchFindsNamesAcrossTheDrive()
    {
        // OPERATIONS.md §7's fields: searchType, pageInfo, filter{keyWord}, recursived.
        const QByteArray body =
            QByteArrayLiteral(R"({"searchType":"personal","pageInfo":{"pageSize":100,"pageCursor":""},)"
                              R"("filter":{"keyWord":"photo"},"recursived":true})");
        const auto response = m_sim->send("POST", m_search, body, m_sim->commonHeaders());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json.value(QStringLiteral("code")).toInt(-1), 0);
        const QJsonArray files = response.json.value(QStringLiteral("files")).toArray();
        QCOMPARE(idsOf(files), expected(QStringLiteral("name LIKE '%photo%'")));
        QCOMPARE(qint64(response.json.value(QStringLiteral("total")).toDouble()), qint64(files.size()));
        QVERIFY(!response.json.contains(QStringLiteral("nextPageCursor")));
        QVERIFY(files.size() >= 10);
        for (const auto &value : files) {
            const QJsonObject file = value.toObject();
            const QString id = file.value(QStringLiteral("id")).toString();
            QCOMPARE(file.value(QStringLiteral("fileType")).toString(), QStringLiteral("15"));
            QCOMPARE(file.value(QStringLiteral("containerId")).toString(), m_sim->containerId());
            QVERIFY(file.value(QStringLiteral("size")).isDouble());
            QVERIFY(file.value(QStringLiteral("updateTime")).toString().endsWith(QLatin1Char('Z')));
            QCOMPARE(file.value(QStringLiteral("favorite")).toBool(true), false);
            const QString parent =
                m_sim->column(QStringLiteral("SELECT parent_id FROM files WHERE id = ?"), {id}).value(0);
            const QString name = file.value(QStringLiteral("fileName")).toString();
            if (parent == m_outer) {
                QCOMPARE(file.value(QStringLiteral("namePath")).toString(),
                         QStringLiteral("/Seaside/") + name);
                QCOMPARE(file.value(QStringLiteral("idPath")).toString(),
                         QStringLiteral("/%1/%2/%3").arg(m_sim->rootId(), m_outer, id));
            } else {
                QCOMPARE(file.value(QStringLiteral("namePath")).toString(),
                         QStringLiteral("/Seaside/Deeper/") + name);
            }
        }
        // The thumbnail link answers a picture.
        const QJsonArray links = files.at(0).toObject().value(QStringLiteral("downloadLinks")).toArray();
        QCOMPARE(links.at(0).toObject().value(QStringLiteral("usage")).toString(),
                 QStringLiteral("thumbnail"));
        const QImage thumbnail = QImage::fromData(
            m_sim->fetch(QUrl(links.at(0).toObject().value(QStringLiteral("url")).toString())).body);
        QCOMPARE(qMax(thumbnail.width(), thumbnail.height()), 128);
    }

    void theKeywordIgnoresCaseAndTakesNoWildcards()
    {
        qint64 lower = 0;
        qint64 upper = 0;
        walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("photo")}}), &lower);
        walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("PHOTO")}}), &upper);
        QCOMPARE(upper, lower);
        QVERIFY(walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("%")}})).isEmpty());
    }

    void everyPageOnceInTheAskedOrder()
    {
        QJsonObject body = searchBody({{QStringLiteral("keyWord"), QStringLiteral("photo")}}, true, 3);
        body.insert(QStringLiteral("sortInfo"),
                    QJsonObject{{QStringLiteral("sortType"), 1}, {QStringLiteral("sortDirection"), 1}});
        qint64 total = 0;
        const QJsonArray files = walk(body, &total);
        QCOMPARE(files.size(), total);
        QCOMPARE(idsOf(files), expected(QStringLiteral("name LIKE '%photo%'")));
        for (int i = 1; i < files.size(); ++i)
            QVERIFY(files.at(i - 1).toObject().value(QStringLiteral("fileName")).toString().toLower() <=
                    files.at(i).toObject().value(QStringLiteral("fileName")).toString().toLower());
        // The default: the most recently changed first.
        const QJsonArray recent =
            walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("photo")}}, true, 4));
        for (int i = 1; i < recent.size(); ++i)
            QVERIFY(recent.at(i - 1).toObject().value(QStringLiteral("updateTime")).toString() >=
                    recent.at(i).toObject().value(QStringLiteral("updateTime")).toString());
    }

    void recursivedParentFolderTypeAndTime()
    {
        const QJsonObject inFolder{{QStringLiteral("keyWord"), QStringLiteral("photo")},
                                   {QStringLiteral("containerId"), m_sim->containerId()},
                                   {QStringLiteral("parentFolder"), m_outer}};
        QCOMPARE(idsOf(walk(searchBody(inFolder, false))),
                 expected(QStringLiteral("parent_id = ? AND name LIKE '%photo%'"), {m_outer}));
        QCOMPARE(idsOf(walk(searchBody(inFolder, true))),
                 expected(QStringLiteral("parent_id IN (?, ?) AND name LIKE '%photo%'"), {m_outer, m_inner}));
        // Not recursive at the root: only what sits directly there.
        QCOMPARE(idsOf(walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("e")}}, false))),
                 expected(QStringLiteral("parent_id = ? AND name LIKE '%e%'"), {m_sim->rootId()}));
        QCOMPARE(idsOf(walk(searchBody({{QStringLiteral("fileType"), QStringLiteral("20")}}))),
                 expected(QStringLiteral("file_type = 20")));
        // Files changed in 2024 (addFolder's times), as "from,to".
        QCOMPARE(idsOf(walk(searchBody({{QStringLiteral("updateTimeRange"),
                                         QStringLiteral("2024-01-01T00:00:00Z,2024-12-31T23:59:59Z")}}))),
                 expected(QStringLiteral("edited_ms BETWEEN 1704067200000 AND 1735689599000")));
        QCOMPARE(
            idsOf(walk(searchBody({{QStringLiteral("updateTimeRange"), QStringLiteral("1735689600000,")}}))),
            expected(QStringLiteral("edited_ms >= 1735689600000")));
    }

    void favouritesAndTheBinFollow()
    {
        const QString photo = m_sim->childIds(m_outer).value(0);
        QCOMPARE(m_sim
                     ->post(QStringLiteral("/koodrive/ose/v1/star/batch"),
                            {{QStringLiteral("starred"), true},
                             {QStringLiteral("subRequestList"),
                              QJsonArray{QJsonObject{{QStringLiteral("containerId"), m_sim->containerId()},
                                                     {QStringLiteral("fileId"), photo}}}}})
                     .status,
                 200);
        const QString name =
            m_sim->column(QStringLiteral("SELECT name FROM files WHERE id = ?"), {photo}).value(0);
        auto find = [&]() {
            for (const auto &file : walk(searchBody({{QStringLiteral("keyWord"), name}})))
                if (file.toObject().value(QStringLiteral("id")).toString() == photo)
                    return file.toObject();
            return QJsonObject();
        };
        QCOMPARE(find().value(QStringLiteral("favorite")).toBool(), true);
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 1, recycled_by = id WHERE id = ?"),
                      {photo});
        QVERIFY(find().isEmpty());
        m_sim->column(QStringLiteral("UPDATE files SET recycled = 0, recycled_by = NULL WHERE id = ?"),
                      {photo});
        QVERIFY(!find().isEmpty());
    }

    void theSharedFolderHeaderSearchesTheFamilySpace()
    {
        const auto family = m_sim->server().store().groupsOf(m_sim->userId()).constFirst();
        const SimFixture::Headers shared{{"x-hw-share-folder-id", QByteArray::number(family.shareFolderId)}};
        qint64 total = 0;
        const QJsonArray found =
            walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("IMG_")}}), &total, shared);
        QVERIFY(!found.isEmpty());
        for (const auto &file : found)
            QCOMPARE(file.toObject().value(QStringLiteral("containerId")).toString(), family.containerId);
        QCOMPARE(found.at(0)
                     .toObject()
                     .value(QStringLiteral("namePath"))
                     .toString()
                     .section(QLatin1Char('/'), 1, 1),
                 QStringLiteral("Holidays 2024"));
        // Without the header, the personal drive: none of the family's files.
        for (const auto &file : walk(searchBody({{QStringLiteral("keyWord"), QStringLiteral("IMG_")}})))
            QCOMPARE(file.toObject().value(QStringLiteral("containerId")).toString(), m_sim->containerId());
        const auto refused = m_sim->send(
            "POST", m_search,
            QJsonDocument(searchBody({{QStringLiteral("keyWord"), QStringLiteral("a")}})).toJson(),
            m_sim->commonHeaders() + SimFixture::Headers{{"x-hw-share-folder-id", "9"}});
        QCOMPARE(refused.errorCode(), QStringLiteral("13000410"));
    }

    void everyRuleIsRefused()
    {
        QJsonObject body = searchBody({{QStringLiteral("keyWord"), QStringLiteral("photo")}});
        auto without = [](QJsonObject b, const QString &key) {
            b.remove(key);
            return b;
        };
        auto with = [](QJsonObject b, const QString &key, const QJsonValue &value) {
            b.insert(key, value);
            return b;
        };
        auto filter = [&](const QString &key, const QJsonValue &value) {
            return with(body, QStringLiteral("filter"), QJsonObject{{key, value}});
        };
        expectRefusal(without(body, QStringLiteral("searchType")), "13000102", QStringLiteral("searchType"));
        expectRefusal(with(body, QStringLiteral("searchType"), QStringLiteral("team")), "13000102",
                      QStringLiteral("searchType"));
        expectRefusal(without(body, QStringLiteral("pageInfo")), "13000102", QStringLiteral("pageInfo"));
        expectRefusal(with(body, QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 0}}),
                      "13000102", QStringLiteral("pageInfo.pageSize"));
        expectRefusal(with(body, QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 101}}),
                      "13000102", QStringLiteral("pageInfo.pageSize"));
        expectRefusal(filter(QStringLiteral("keyWord"), QString(256, QLatin1Char('k'))), "13000102",
                      QStringLiteral("filter.keyWord"));
        expectRefusal(filter(QStringLiteral("fileType"), QStringLiteral("99")), "13000102",
                      QStringLiteral("filter.fileType"));
        expectRefusal(filter(QStringLiteral("updateTimeRange"), QStringLiteral("last week")), "13000102",
                      QStringLiteral("filter.updateTimeRange"));
        expectRefusal(filter(QStringLiteral("parentFolder"), m_outer), "13000102",
                      QStringLiteral("filter.containerId"));
        expectRefusal(with(body, QStringLiteral("filter"),
                           QJsonObject{{QStringLiteral("containerId"), m_sim->containerId()},
                                       {QStringLiteral("parentFolder"), QStringLiteral("Fnosuchfolder")}}),
                      "13000309", QStringLiteral("filter.parentFolder"));
        expectRefusal(filter(QStringLiteral("containerId"), QStringLiteral("IAADnotmine")), "13000301",
                      QStringLiteral("filter.containerId"));
        expectRefusal(with(body, QStringLiteral("sortInfo"), QJsonObject{{QStringLiteral("sortType"), 5}}),
                      "13000102", QStringLiteral("sortInfo.sortType"));
        expectRefusal(with(body, QStringLiteral("imageProcess"), QString(301, QLatin1Char('i'))), "13000102",
                      QStringLiteral("imageProcess"));
        expectRefusal(with(body, QStringLiteral("recursived"), QStringLiteral("yes")), "13000102",
                      QStringLiteral("recursived"));
        // A cursor of another search.
        const auto first = m_sim->post(
            m_search, with(body, QStringLiteral("pageInfo"), QJsonObject{{QStringLiteral("pageSize"), 1}}));
        const QString cursor = first.json.value(QStringLiteral("nextPageCursor")).toString();
        QVERIFY(!cursor.isEmpty());
        QJsonObject other = searchBody({{QStringLiteral("keyWord"), QStringLiteral("IMG")}});
        other.insert(QStringLiteral("pageInfo"),
                     QJsonObject{{QStringLiteral("pageSize"), 1}, {QStringLiteral("pageCursor"), cursor}});
        expectRefusal(other, "13000102", QStringLiteral("pageInfo.pageCursor"));
    }
};

QTEST_GUILESS_MAIN(TestSearchRoutes)
#include "tst_SearchRoutes.moc"
