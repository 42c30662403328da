#include "AlbumListFilter.h"

#include "AlbumListModel.h"

namespace koodrive::models {

namespace {
// Names as a person reads them: runs of digits by their value ("Trip 2" before "Trip 10"), the rest by
// the language's order, in any case. (QCollator's numeric mode does not hold in every locale here: in
// the C locale Qt compares code points.)
int naturalCompare(const QString &a, const QString &b)
{
    qsizetype i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool digitA = a[i].isDigit(), digitB = b[j].isDigit();
        qsizetype endA = i, endB = j;
        while (endA < a.size() && a[endA].isDigit() == digitA)
            ++endA;
        while (endB < b.size() && b[endB].isDigit() == digitB)
            ++endB;
        const QStringView runA = QStringView(a).sliced(i, endA - i),
                          runB = QStringView(b).sliced(j, endB - j);
        int order = 0;
        if (digitA && digitB) {
            // By value: without leading zeros, the longer run is the larger number.
            QStringView valueA = runA, valueB = runB;
            while (valueA.size() > 1 && valueA.front() == u'0')
                valueA = valueA.sliced(1);
            while (valueB.size() > 1 && valueB.front() == u'0')
                valueB = valueB.sliced(1);
            order = valueA.size() != valueB.size() ? (valueA.size() < valueB.size() ? -1 : 1)
                                                   : valueA.compare(valueB);
        } else {
            order =
                QString::localeAwareCompare(runA.toString().toCaseFolded(), runB.toString().toCaseFolded());
        }
        if (order != 0)
            return order;
        i = endA;
        j = endB;
    }
    return (a.size() - i) < (b.size() - j) ? -1 : ((a.size() - i) > (b.size() - j) ? 1 : 0);
}
} // namespace

AlbumListFilter::AlbumListFilter(int kind, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_kind(kind)
{
    setDynamicSortFilter(true);
    sort(0);
}

void AlbumListFilter::setNameFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void AlbumListFilter::setOrder(Order order)
{
    if (order == m_order)
        return;
    m_order = order;
    invalidate();
}

bool AlbumListFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex album = sourceModel()->index(sourceRow, 0, sourceParent);
    if (album.data(AlbumListModel::KindRole).toInt() != m_kind)
        return false;
    // The name as shown (the server's text made safe), holding the words typed, in any case.
    return m_text.isEmpty() || album.data(Qt::DisplayRole).toString().contains(m_text, Qt::CaseInsensitive);
}

bool AlbumListFilter::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    if (m_order == Order::Newest)
        return left.row() < right.row(); // the model's own order: the service's, newest first
    const int byName =
        naturalCompare(left.data(Qt::DisplayRole).toString(), right.data(Qt::DisplayRole).toString());
    return byName != 0 ? byName < 0 : left.row() < right.row();
}

} // namespace koodrive::models
