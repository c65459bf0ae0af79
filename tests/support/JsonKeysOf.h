#pragma once

#include <QJsonObject>
#include <QStringList>

namespace blog::test {

// For comparing an answer's keys with the documented ones, whatever their order.
inline QStringList sortedKeys(const QJsonObject &object)
{
    QStringList keys = object.keys();
    keys.sort();
    return keys;
}

inline QStringList sorted(QStringList list)
{
    list.sort();
    return list;
}

} // namespace blog::test
