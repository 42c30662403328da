#include "JsonWriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using koodrive::sim::JsonWriter;

class TestJsonWriter : public QObject
{
    Q_OBJECT

private slots:
    void writesWhatQtReadsBack()
    {
        const QString tricky =
            QStringLiteral("a \"quoted\" back\\slash\ttab\nnew\x01 ctrl, 相册, \U0001F600");
        JsonWriter out;
        out.beginObject()
            .field("name", tricky)
            .field("count", qint64(9007199254740991))
            .field("negative", -3)
            .field("yes", true)
            .field("latin", "drive#fileList");
        out.key("list")
            .beginArray()
            .value(1)
            .beginObject()
            .endObject()
            .beginArray()
            .endArray()
            .value(QString())
            .endArray();
        out.key("nested").beginObject().field("x", false).endObject();
        out.endObject();
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(out.data(), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        const QJsonObject o = doc.object();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), tricky);
        QCOMPARE(o.value(QStringLiteral("count")).toInteger(), qint64(9007199254740991));
        QCOMPARE(o.value(QStringLiteral("negative")).toInt(), -3);
        QCOMPARE(o.value(QStringLiteral("yes")).toBool(), true);
        QCOMPARE(o.value(QStringLiteral("latin")).toString(), QStringLiteral("drive#fileList"));
        QCOMPARE(o.value(QStringLiteral("list")).toArray().size(), 4);
        QCOMPARE(o.value(QStringLiteral("nested")).toObject().value(QStringLiteral("x")).toBool(true), false);
    }
};

QTEST_GUILESS_MAIN(TestJsonWriter)
#include "tst_JsonWriter.moc"
