// Sign-in, refresh, sign-out, the user's space and the shared spaces (../shared/koodrive-api/OPERATIONS.md
// §1 and §2).
#include "DemoLibrary.h"
#include "SimFixture.h"

#include <QJsonArray>
#include <QTest>

using koodrive::test::SimFixture;

class TestAccountRoutes : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<SimFixture> m_sim;

    SimFixture::Headers dateOnly() const
    {
        return {{"X-Date", SimFixture::xDate()}, {"x-hw-agentName", "koodrive-albums-test"}};
    }
    SimFixture::Response login(const QString &account, const QString &password,
                               SimFixture::Headers headers = {})
    {
        if (headers.isEmpty())
            headers = dateOnly();
        const QByteArray body =
            QStringLiteral(R"({"account":"%1","authType":"1","password":"%2","captchaToken":""})")
                .arg(account, password)
                .toUtf8();
        return m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/login"), body, headers);
    }
    static QJsonObject data(const SimFixture::Response &response, const char *part)
    {
        return response.json.value(QStringLiteral("data")).toObject().value(QLatin1String(part)).toObject();
    }
    SimFixture::Response refresh(const QString &accessToken, const QString &refreshToken)
    {
        return m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/refreshToken"),
                           QStringLiteral(R"({"refreshToken":"%1"})").arg(refreshToken).toUtf8(),
                           {{"Authorization", "AT " + accessToken.toLatin1()},
                            {"X-User-Id", m_sim->userId().toLatin1()},
                            {"X-Date", SimFixture::xDate()}});
    }
    SimFixture::Response albumsWith(const QString &userId, const QString &token)
    {
        return m_sim->send("GET", QStringLiteral("/koodrive/ose/v1/album/list?albumKind=1&albumType=2"), {},
                           {{"Authorization", "Bearer " + token.toLatin1()},
                            {"X-User-Id", userId.toLatin1()},
                            {"X-Date", SimFixture::xDate()}});
    }

private slots:
    void initTestCase() { m_sim = std::make_unique<SimFixture>(50); }

    void signInGivesAWorkingSession()
    {
        const auto response = login(QString::fromLatin1(koodrive::sim::DemoLibrary::DemoAccount),
                                    QString::fromLatin1(koodrive::sim::DemoLibrary::DemoPassword));
        QCOMPARE(response.status, 200);
        // OPERATIONS.md §1: code a String, the user and the session under "data".
        QCOMPARE(response.json.value(QStringLiteral("code")), QJsonValue(QStringLiteral("0")));
        QVERIFY(!response.json.contains(QStringLiteral("sessionInfo")));
        const QJsonObject user = data(response, "userInfo");
        const QJsonObject session = data(response, "sessionInfo");
        QCOMPARE(user.value(QStringLiteral("userId")).toString(), m_sim->userId());
        QCOMPARE(user.value(QStringLiteral("email")).toString(),
                 QString::fromLatin1(koodrive::sim::DemoLibrary::DemoAccount));
        QVERIFY(!user.value(QStringLiteral("firstname")).toString().isEmpty());
        QVERIFY(session.value(QStringLiteral("expiresIn")).toInt() > 0);
        bool isNumber = false;
        QVERIFY(session.value(QStringLiteral("issuedAt")).toString().toLongLong(&isNumber) > 0 && isNumber);
        QVERIFY(!session.value(QStringLiteral("refreshToken")).toString().isEmpty());
        QCOMPARE(albumsWith(m_sim->userId(), session.value(QStringLiteral("accessToken")).toString()).status,
                 200);
    }

    void wrongCredentialsAndMissingAgentAreRefused()
    {
        const auto wrong =
            login(QString::fromLatin1(koodrive::sim::DemoLibrary::DemoAccount), QStringLiteral("nope"));
        QCOMPARE(wrong.status, 401);
        const auto unknown = login(QStringLiteral("nobody@example.com"), QStringLiteral("nope"));
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.errorDescription(), wrong.errorDescription()); // no hint which part was wrong
        const auto noAgent =
            login(QStringLiteral("a"), QStringLiteral("b"), {{"X-Date", SimFixture::xDate()}});
        QCOMPARE(noAgent.status, 400);
        QCOMPARE(noAgent.errorParam(), QStringLiteral("x-hw-agentName"));
        const auto noDate = login(QStringLiteral("a"), QStringLiteral("b"), {{"x-hw-agentName", "t"}});
        QCOMPARE(noDate.errorParam(), QStringLiteral("X-Date"));
        // The old shape, authType as a number, is not the page's.
        const auto numeric = m_sim->send(
            "POST", QStringLiteral("/koodrive/ose/v1/auth/login"),
            R"({"account":"demo@koodrive.local","authType":1,"password":"demo","captchaToken":""})",
            dateOnly());
        QCOMPARE(numeric.status, 400);
        QCOMPARE(numeric.errorParam(), QStringLiteral("authType"));
    }

    void refreshNeedsTheCurrentTokenAndRenewsIt()
    {
        const auto first = login(QString::fromLatin1(koodrive::sim::DemoLibrary::DemoAccount),
                                 QString::fromLatin1(koodrive::sim::DemoLibrary::DemoPassword));
        const QString oldToken = data(first, "sessionInfo").value(QStringLiteral("accessToken")).toString();
        const QString refreshToken =
            data(first, "sessionInfo").value(QStringLiteral("refreshToken")).toString();
        // Without Authorization, or with another session's token, nothing is renewed.
        const auto bare =
            m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/refreshToken"),
                        QStringLiteral(R"({"refreshToken":"%1"})").arg(refreshToken).toUtf8(),
                        {{"X-User-Id", m_sim->userId().toLatin1()}, {"X-Date", SimFixture::xDate()}});
        QCOMPARE(bare.status, 401);
        QCOMPARE(bare.errorParam(), QStringLiteral("Authorization"));
        QCOMPARE(refresh(m_sim->server().accessToken(), refreshToken).status, 401);
        QCOMPARE(albumsWith(m_sim->userId(), oldToken).status, 200);

        const auto refreshed = refresh(oldToken, refreshToken);
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(refreshed.json.value(QStringLiteral("code")), QJsonValue(QStringLiteral("0")));
        const QString token = data(refreshed, "sessionInfo").value(QStringLiteral("accessToken")).toString();
        // The page's example gives the same refresh token back.
        QCOMPARE(data(refreshed, "sessionInfo").value(QStringLiteral("refreshToken")).toString(),
                 refreshToken);
        QCOMPARE(albumsWith(m_sim->userId(), token).status, 200);
        QCOMPARE(albumsWith(m_sim->userId(), oldToken).status, 401); // the renewed token ends
        const auto replay = refresh(oldToken, refreshToken);
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.errorParam(), QStringLiteral("refreshToken"));
        QCOMPARE(refresh(token, refreshToken).status, 200); // the next renewal carries the new token
    }

    void refreshWorksAfterTheTokenExpired()
    {
        const auto session = m_sim->server().newSession(m_sim->userId(), 1);
        QTest::qWait(1100);
        QCOMPARE(albumsWith(m_sim->userId(), session.accessToken).status, 401);
        const auto refreshed = refresh(session.accessToken, session.refreshToken);
        QCOMPARE(refreshed.status, 200);
        QCOMPARE(albumsWith(m_sim->userId(),
                            data(refreshed, "sessionInfo").value(QStringLiteral("accessToken")).toString())
                     .status,
                 200);
    }

    void signOutEndsTheSession()
    {
        const auto session = m_sim->server().newSession(m_sim->userId(), 600);
        QCOMPARE(albumsWith(m_sim->userId(), session.accessToken).status, 200);
        const QByteArray body = QStringLiteral(R"({"userId":"%1","accessToken":"%2"})")
                                    .arg(m_sim->userId(), session.accessToken)
                                    .toUtf8();
        const auto out = m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/logout"), body,
                                     {{"Authorization", "Bearer " + session.accessToken.toLatin1()},
                                      {"X-User-Id", m_sim->userId().toLatin1()},
                                      {"X-Date", SimFixture::xDate()}});
        QCOMPARE(out.status, 200);
        QCOMPARE(albumsWith(m_sim->userId(), session.accessToken).status, 401);
        QCOMPARE(albumsWith(m_sim->userId(), m_sim->server().accessToken()).status,
                 200); // other sessions stay
    }

    void spaceInfoNamesTheContainer()
    {
        const auto response =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/space/%1?type=1").arg(m_sim->userId()));
        QCOMPARE(response.status, 200);
        const QJsonObject data = response.json.value(QStringLiteral("data")).toObject();
        QCOMPARE(data.value(QStringLiteral("containerId")).toString(), m_sim->containerId());
        QCOMPARE(data.value(QStringLiteral("bizRootFileId")).toString(), m_sim->rootId());
        QVERIFY(data.value(QStringLiteral("spaceUsed")).toDouble() > 0);
        QVERIFY(data.value(QStringLiteral("capacity")).toDouble() >
                data.value(QStringLiteral("spaceUsed")).toDouble());
        const auto foreign = m_sim->get(QStringLiteral("/koodrive/ose/v1/space/123?type=1"));
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.errorCode(), QStringLiteral("13000410"));
        QCOMPARE(
            m_sim->get(QStringLiteral("/koodrive/ose/v1/space/%1?type=2").arg(m_sim->userId())).errorParam(),
            QStringLiteral("type"));
    }

    void shareFoldersListTheFamily()
    {
        const auto response =
            m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?offset=0&limit=10&queryType=0"));
        QCOMPARE(response.status, 200);
        // OPERATIONS.md §2: the array is "folders", its entries GetShareFolderMetadata's fields.
        QVERIFY(!response.json.contains(QStringLiteral("shareFolderList")));
        const QJsonArray list = response.json.value(QStringLiteral("folders")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject family = list.at(0).toObject();
        QCOMPARE(family.value(QStringLiteral("name")).toString(), QStringLiteral("Family"));
        QVERIFY(!family.value(QStringLiteral("groupId")).toString().isEmpty());
        QVERIFY(family.value(QStringLiteral("id")).toString().toLongLong() > 0);
        QVERIFY(!family.value(QStringLiteral("shareFolderFileId")).toString().isEmpty());
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?offset=0&limit=10&queryType=2"))
                     .json.value(QStringLiteral("total"))
                     .toInt(),
                 0);
        QCOMPARE(
            m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?offset=0&limit=1001")).errorParam(),
            QStringLiteral("limit"));
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?limit=10")).errorParam(),
                 QStringLiteral("offset")); // required
        // The family space lists like the personal one.
        const auto files =
            m_sim->post(QStringLiteral("/koodrive/ose/v1/files/0"),
                        {{QStringLiteral("containerId"), family.value(QStringLiteral("containerId"))},
                         {QStringLiteral("parentFileId"), QStringLiteral("root")}});
        QCOMPARE(files.status, 200);
        QCOMPARE(files.json.value(QStringLiteral("files"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("fileName"))
                     .toString(),
                 QStringLiteral("Holidays 2024"));
    }
};

QTEST_GUILESS_MAIN(TestAccountRoutes)
#include "tst_AccountRoutes.moc"
