#pragma once

#include <QByteArray>
#include <QString>

namespace koodrive::sim {

// Writes compact JSON text straight into a buffer. The files list answers 100 items with two signed URLs
// each; building them as QJsonObjects and serialising took four fifths of the request (measured with
// perf), so the listing answers are written with this instead.
class JsonWriter final
{
public:
    JsonWriter &beginObject();
    JsonWriter &endObject();
    JsonWriter &beginArray();
    JsonWriter &endArray();
    JsonWriter &key(const char *name); // names are ours: plain ASCII, no escaping needed

    JsonWriter &value(const QString &text);
    JsonWriter &value(const char *latin1);
    JsonWriter &value(qint64 number);
    JsonWriter &value(int number) { return value(qint64(number)); }
    JsonWriter &value(bool flag);
    JsonWriter &rawValue(const QByteArray &json); // already valid JSON

    template<typename T>
    JsonWriter &field(const char *name, const T &v)
    {
        key(name);
        return value(v);
    }

    const QByteArray &data() const { return m_out; }
    QByteArray take() { return std::move(m_out); }
    void reserve(qsizetype bytes) { m_out.reserve(bytes); }

private:
    void separate();
    void escape(QByteArrayView utf8);

    QByteArray m_out;
    bool m_needComma = false;
};

} // namespace koodrive::sim
