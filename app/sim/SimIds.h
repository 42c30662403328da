#pragma once

#include <QRandomGenerator>
#include <QString>

namespace koodrive::sim::SimIds {

// Ids the simulator hands out, shaped like the pages' examples: file ids "F" + 32 letters, digits, '-' or
// '_' (files-list.txt), job, upload and album ids of 19 digits (album-create.txt; GetJobDetail's taskId).
inline QString fileId()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString id(33, Qt::Uninitialized);
    id[0] = QLatin1Char('F');
    for (int i = 1; i < id.size(); ++i)
        id[i] = QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof alphabet - 1))]);
    return id;
}

inline QString numeric(int digits = 19)
{
    QString id = QString::number(1 + QRandomGenerator::global()->bounded(9));
    while (id.size() < digits)
        id.append(QChar(u'0' + QRandomGenerator::global()->bounded(10)));
    return id;
}

} // namespace koodrive::sim::SimIds
