#include "JsonWriter.h"

namespace koodrive::sim {

void JsonWriter::separate()
{
    if (m_needComma)
        m_out.append(',');
}

JsonWriter &JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endObject()
{
    m_out.append('}');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
    m_needComma = false;
    return *this;
}

JsonWriter &JsonWriter::endArray()
{
    m_out.append(']');
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_needComma = false;
    return *this;
}

void JsonWriter::escape(QByteArrayView utf8)
{
    static const char hex[] = "0123456789abcdef";
    m_out.append('"');
    const char *run = utf8.begin();
    for (const char *at = utf8.begin(); at != utf8.end(); ++at) {
        const auto u = static_cast<unsigned char>(*at);
        if (u >= 0x20 && *at != '"' && *at != '\\')
            continue;
        m_out.append(run, at - run); // the clean run before this character, in one go
        run = at + 1;
        switch (*at) {
        case '"': m_out.append("\\\"", 2); break;
        case '\\': m_out.append("\\\\", 2); break;
        case '\n': m_out.append("\\n", 2); break;
        case '\r': m_out.append("\\r", 2); break;
        case '\t': m_out.append("\\t", 2); break;
        default: {
            const char sequence[] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 15]};
            m_out.append(sequence, sizeof sequence);
        }
        }
    }
    m_out.append(run, utf8.end() - run);
    m_out.append('"');
}

JsonWriter &JsonWriter::value(const QString &text)
{
    separate();
    escape(text.toUtf8());
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(const char *latin1)
{
    separate();
    escape(QByteArrayView(latin1));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(qint64 number)
{
    separate();
    m_out.append(QByteArray::number(number));
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::value(bool flag)
{
    separate();
    m_out.append(flag ? "true" : "false");
    m_needComma = true;
    return *this;
}

JsonWriter &JsonWriter::rawValue(const QByteArray &json)
{
    separate();
    m_out.append(json);
    m_needComma = true;
    return *this;
}

} // namespace koodrive::sim
