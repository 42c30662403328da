#pragma once

#include <QByteArray>
#include <QList>

namespace koodrive::net {

// A body read under a byte budget: what a transfer holds of an answer. The announced length is judged
// before a byte is read, every piece as it arrives; past the budget the body is refused for good and what
// was held is let go. Pieces are kept apart while they arrive, so a body of unknown length never costs
// twice its size as it grows (a QByteArray that doubles would). Pure: no network, fuzzed on its own.
class BoundedBody final
{
public:
    explicit BoundedBody(qint64 budget)
        : m_budget(budget)
    {}

    // Content-Length, when the answer has one: false (refused) when it is past the budget.
    bool announce(qint64 length);
    // A piece of the body: false (refused) when the body would go past the budget.
    bool append(QByteArray piece);
    bool isRefused() const { return m_refused; }
    qint64 size() const { return m_size; }
    qint64 budget() const { return m_budget; }
    qint64 announced() const { return m_announced; }
    // The whole body (empty when refused); the pieces are let go.
    QByteArray take();
    void clear();

private:
    void refuse();

    qint64 m_budget;
    qint64 m_size = 0;
    qint64 m_announced = -1;
    QList<QByteArray> m_pieces;
    bool m_refused = false;
};

} // namespace koodrive::net
