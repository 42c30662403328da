// How koodrive-sim places an upload's parts in the file (OPERATIONS.md §3; README, "how part sizes add up"):
// sequential parts follow one another, parallel ones carry partOffset, and nothing overlaps or runs past
// the length.
#include "PartPlan.h"
#include "SimError.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace koodrive::sim;

namespace {
constexpr qint64 MiB = 1024 * 1024;

QJsonObject part(int number, qint64 size, qint64 offset = -1)
{
    QJsonObject object{{QStringLiteral("partNumber"), number}, {QStringLiteral("partSize"), size}};
    if (offset >= 0)
        object.insert(QStringLiteral("partOffset"), offset);
    return object;
}

// The parameter a refusal names, or "" when the parts are accepted.
QString refusal(qint64 length, const QVector<UploadPart> &known, const QJsonArray &asked,
                QVector<UploadPart> *merged = nullptr)
{
    try {
        const auto parts = PartPlan::merge(length, known, PartPlan::read(asked, QStringLiteral("multiParts")),
                                           QStringLiteral("multiParts"));
        if (merged)
            *merged = parts;
        return {};
    } catch (const SimError &error) {
        return error.parameter();
    }
}
} // namespace

class TestPartPlan : public QObject
{
    Q_OBJECT

private slots:
    void sequentialPartsFollowOneAnother()
    {
        QVector<UploadPart> parts;
        QCOMPARE(refusal(12 * MiB, {}, {part(1, 5 * MiB), part(2, 5 * MiB), part(3, 2 * MiB)}, &parts),
                 QString());
        QCOMPARE(parts.size(), 3);
        QCOMPARE(parts.at(2).offset, 10 * MiB);
        // Not all at once: part 3 later, after parts 1 and 2 are known.
        QCOMPARE(refusal(12 * MiB, parts.mid(0, 2), {part(3, 2 * MiB)}, &parts), QString());
        QCOMPARE(parts.at(2).offset, 10 * MiB);
    }

    void parallelPartsCarryTheirOffsetInAnyOrder()
    {
        QVector<UploadPart> parts;
        QCOMPARE(refusal(12 * MiB, {},
                         {part(3, 2 * MiB, 10 * MiB), part(1, 5 * MiB, 0), part(2, 5 * MiB, 5 * MiB)},
                         &parts),
                 QString());
        QCOMPARE(PartPlan::incomplete(12 * MiB, parts), QStringLiteral("part 1 has not arrived"));
        for (UploadPart &p : parts)
            p.received = true;
        QCOMPARE(PartPlan::incomplete(12 * MiB, parts), QString());
        QCOMPARE(PartPlan::incomplete(13 * MiB, parts),
                 QStringLiteral("no part holds bytes 12582912 to 13631487"));
    }

    void layoutsThatCannotBeAreRefused_data()
    {
        QTest::addColumn<QJsonArray>("asked");
        QTest::addColumn<QString>("param");
        QTest::newRow("a part without its place")
            << QJsonArray{part(2, 5 * MiB)} << "multiParts[0].partOffset";
        QTest::newRow("overlapping offsets")
            << QJsonArray{part(1, 5 * MiB, 0), part(2, 5 * MiB, 4 * MiB)} << "multiParts[1].partOffset";
        QTest::newRow("part 1 not at the start")
            << QJsonArray{part(1, 5 * MiB, MiB)} << "multiParts[0].partOffset";
        QTest::newRow("a part after the end")
            << QJsonArray{part(1, 5 * MiB), part(2, 5 * MiB), part(3, 2 * MiB), part(4, 0)}
            << "multiParts[3].partOffset";
        QTest::newRow("a short part in the middle")
            << QJsonArray{part(1, 4 * MiB)} << "multiParts[0].partSize";
        QTest::newRow("past the length") << QJsonArray{part(1, 13 * MiB)} << "multiParts[0].partSize";
    }
    void layoutsThatCannotBeAreRefused()
    {
        QFETCH(QJsonArray, asked);
        QFETCH(QString, param);
        QCOMPARE(refusal(12 * MiB, {}, asked), param);
    }

    void aPartAskedAgainKeepsItsSize()
    {
        const QVector<UploadPart> known{{1, 5 * MiB, 0, true, "\"e\""}};
        QCOMPARE(refusal(12 * MiB, known, {part(1, 5 * MiB)}), QString());
        QCOMPARE(refusal(12 * MiB, known, {part(1, 6 * MiB)}), QStringLiteral("multiParts[0].partSize"));
    }

    void anEmptyFileHasOneEmptyPartOrNone()
    {
        QCOMPARE(refusal(0, {}, {part(1, 0)}), QString());
        QCOMPARE(PartPlan::incomplete(0, {}), QString());
        QCOMPARE(refusal(0, {}, {part(1, 0), part(2, 0)}), QStringLiteral("multiParts[1].partOffset"));
    }
};

QTEST_GUILESS_MAIN(TestPartPlan)
#include "tst_PartPlan.moc"
