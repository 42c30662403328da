#include "BoundedBody.h"

namespace koodrive::net {

bool BoundedBody::announce(qint64 length)
{
    if (m_refused)
        return false;
    if (length < 0)
        return true; // no usable Content-Length: counted as it comes
    m_announced = length;
    if (length > m_budget) {
        refuse();
        return false;
    }
    return true;
}

bool BoundedBody::append(QByteArray piece)
{
    if (m_refused)
        return false;
    if (piece.size() > m_budget - m_size) {
        refuse();
        return false;
    }
    if (piece.isEmpty())
        return true;
    m_size += piece.size();
    m_pieces.append(std::move(piece));
    return true;
}

QByteArray BoundedBody::take()
{
    if (m_refused)
        return {};
    QByteArray body;
    if (m_pieces.size() == 1) {
        body = std::exchange(m_pieces, {}).constFirst();
    } else {
        body.reserve(m_size);
        for (const QByteArray &piece : std::exchange(m_pieces, {}))
            body.append(piece);
    }
    m_size = 0;
    return body;
}

void BoundedBody::clear()
{
    m_pieces.clear();
    m_size = 0;
}

void BoundedBody::refuse()
{
    m_refused = true;
    clear();
}

} // namespace koodrive::net
