#pragma once

#include <QSortFilterProxyModel>

namespace koodrive::models {

// One album list of the sidebar (mine or shared) over the AlbumListModel: the albums of one kind, those
// whose name holds the filter's text (for a person with many albums), newest first as the service lists
// them or by name.
class AlbumListFilter final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlbumListFilter)

public:
    enum class Order
    {
        Newest, // the service's order (album-list.txt: by creation time, newest first)
        Name,   // A–Z, as a person reads them (numbers in order: "Trip 2" before "Trip 10")
    };
    Q_ENUM(Order)

    AlbumListFilter(int kind, QObject *parent = nullptr);

    void setNameFilter(const QString &text);
    const QString &nameFilter() const { return m_text; }
    void setOrder(Order order);
    Order order() const { return m_order; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    int m_kind;
    QString m_text;
    Order m_order = Order::Newest;
};

} // namespace koodrive::models
