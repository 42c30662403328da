// Sign-in, refresh, sign-out, the user's space and the shared spaces (../shared/koodrive-api/README.md).
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
            QStringLiteral(R"({"account":"%1","authType":1,"password":"%2","captchaToken":""})")
                .arg(account, password)
                .toUtf8();
        return m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/login"), body, headers);
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
        const QString userId = response.json.value(QStringLiteral("userInfo"))
                                   .toObject()
                                   .value(QStringLiteral("userId"))
                                   .toString();
        const QJsonObject session = response.json.value(QStringLiteral("sessionInfo")).toObject();
        QCOMPARE(userId, m_sim->userId());
        QVERIFY(session.value(QStringLiteral("expiresIn")).toInt() > 0);
        QVERIFY(!session.value(QStringLiteral("refreshToken")).toString().isEmpty());
        QCOMPARE(albumsWith(userId, session.value(QStringLiteral("accessToken")).toString()).status, 200);
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
    }

    void refreshReplacesTheSessionOnce()
    {
        const auto first = login(QString::fromLatin1(koodrive::sim::DemoLibrary::DemoAccount),
                                 QString::fromLatin1(koodrive::sim::DemoLibrary::DemoPassword));
        const QString refreshToken = first.json.value(QStringLiteral("sessionInfo"))
                                         .toObject()
                                         .value(QStringLiteral("refreshToken"))
                                         .toString();
        const QByteArray body = QStringLiteral(R"({"refreshToken":"%1"})").arg(refreshToken).toUtf8();
        const auto refreshed =
            m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/refreshToken"), body, dateOnly());
        QCOMPARE(refreshed.status, 200);
        const QString token = refreshed.json.value(QStringLiteral("sessionInfo"))
                                  .toObject()
                                  .value(QStringLiteral("accessToken"))
                                  .toString();
        QCOMPARE(albumsWith(m_sim->userId(), token).status, 200);
        const auto replay =
            m_sim->send("POST", QStringLiteral("/koodrive/ose/v1/auth/refreshToken"), body, dateOnly());
        QCOMPARE(replay.status, 401);
        QCOMPARE(replay.errorParam(), QStringLiteral("refreshToken"));
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
        const QJsonArray list = response.json.value(QStringLiteral("shareFolderList")).toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject family = list.at(0).toObject();
        QCOMPARE(family.value(QStringLiteral("name")).toString(), QStringLiteral("Family"));
        QVERIFY(!family.value(QStringLiteral("groupId")).toString().isEmpty());
        QVERIFY(family.value(QStringLiteral("shareFolderId")).toDouble() > 0);
        QCOMPARE(family.value(QStringLiteral("memberCount")).toInt(), 2);
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?queryType=2"))
                     .json.value(QStringLiteral("total"))
                     .toInt(),
                 0);
        QCOMPARE(m_sim->get(QStringLiteral("/koodrive/ose/v1/sharefolder/list?limit=1001")).errorParam(),
                 QStringLiteral("limit"));
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
