#include "JsonFields.h"
#include "SimError.h"

#include <QJsonArray>
#include <QTest>

using namespace koodrive::sim;

class TestJsonFields : public QObject
{
    Q_OBJECT

private slots:
    void integersComeInBothForms()
    {
        // ../shared/koodrive-api/README.md: numbers, numeric strings, and "" meaning "not given".
        QCOMPARE(JsonFields::integer(QJsonValue(10), QStringLiteral("pageSize")), std::optional<qint64>(10));
        QCOMPARE(JsonFields::integer(QJsonValue(QStringLiteral("10")), QStringLiteral("pageSize")),
                 std::optional<qint64>(10));
        QCOMPARE(JsonFields::integer(QJsonValue(QStringLiteral("")), QStringLiteral("sortType")),
                 std::nullopt);
        QCOMPARE(JsonFields::integer(QJsonValue(), QStringLiteral("sortType")), std::nullopt);
        QCOMPARE(
            JsonFields::integerIn(QJsonValue(QStringLiteral("")), QStringLiteral("pageSize"), 1, 100, 100),
            100);
    }

    void wrongFormsNameTheField_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("fraction") << QJsonValue(1.5);
        QTest::newRow("word") << QJsonValue(QStringLiteral("ten"));
        QTest::newRow("bool") << QJsonValue(true);
        QTest::newRow("array") << QJsonValue(QJsonArray{1});
        QTest::newRow("too small") << QJsonValue(0);
        QTest::newRow("too large") << QJsonValue(QStringLiteral("101"));
    }
    void wrongFormsNameTheField()
    {
        QFETCH(QJsonValue, value);
        try {
            JsonFields::integerIn(value, QStringLiteral("pageInfo.pageSize"), 1, 100, 100);
            QFAIL("accepted");
        } catch (const SimError &error) {
            QCOMPARE(error.httpStatus(), 400);
            QCOMPARE(error.errorCode(), QStringLiteral("13000102"));
            QCOMPARE(error.parameter(), QStringLiteral("pageInfo.pageSize"));
        }
    }

    void lengthsCountCharactersNotBytes()
    {
        const QString twentyChinese = QString(20, QChar(0x76F8));
        QCOMPARE(JsonFields::string(QJsonValue(twentyChinese), QStringLiteral("name"), 20), twentyChinese);
        const QString twentyEmoji = QString::fromUcs4(std::u32string(20, U'\U0001F600').c_str());
        QCOMPARE(twentyEmoji.size(), 40); // UTF-16 units
        QCOMPARE(JsonFields::string(QJsonValue(twentyEmoji), QStringLiteral("name"), 20), twentyEmoji);
        QVERIFY_THROWS_EXCEPTION(SimError, JsonFields::string(QJsonValue(twentyChinese + QLatin1Char('x')),
                                                              QStringLiteral("name"), 20));
    }

    void stringListsAreBounded()
    {
        QJsonArray thirty;
        for (int i = 0; i < 30; ++i)
            thirty.append(QStringLiteral("F%1").arg(i));
        QCOMPARE(JsonFields::stringList(thirty, QStringLiteral("scopeDir"), 30, 64)->size(), 30);
        thirty.append(QStringLiteral("F30"));
        QVERIFY_THROWS_EXCEPTION(SimError,
                                 JsonFields::stringList(thirty, QStringLiteral("scopeDir"), 30, 64));
        QVERIFY_THROWS_EXCEPTION(SimError, JsonFields::stringList(QJsonArray{QString(65, QLatin1Char('a'))},
                                                                  QStringLiteral("ids"), 5, 64));
        QVERIFY_THROWS_EXCEPTION(
            SimError, JsonFields::stringList(QJsonValue(QStringLiteral("F1")), QStringLiteral("ids"), 5, 64));
    }
};

QTEST_GUILESS_MAIN(TestJsonFields)
#include "tst_JsonFields.moc"
