#pragma once

#include "models/PagedFileModel.h"

#include <QSignalSpy>
#include <QStringList>
#include <QTest>

namespace koodrive::test {

// Pages a file model to its end as a view would (fetchMore until done); false on an error or a stall.
inline bool loadAll(models::PagedFileModel &model, int timeoutMs = 20000)
{
    QSignalSpy errors(&model, &models::PagedFileModel::errorOccurred);
    while (model.canFetchMore()) {
        model.fetchMore();
        if (!QTest::qWaitFor([&] { return !model.isLoading(); }, timeoutMs) || !errors.isEmpty())
            return false;
    }
    return model.isComplete();
}

// The ids of the model's rows, in row order.
inline QStringList rowIds(const models::PagedFileModel &model)
{
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row).data(models::PagedFileModel::IdRole).toString();
    return ids;
}

} // namespace koodrive::test
