#pragma once

#include "SqlQuery.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace blog::IdList {

// "(:id0, :id1, ...)" for an IN over `count` bound ids (a page's: at most a hundred).
inline QString placeholders(qsizetype count)
{
    QStringList names;
    for (qsizetype i = 0; i < count; ++i)
        names.append(QStringLiteral(":id%1").arg(i));
    return QLatin1Char('(') + names.join(QStringLiteral(", ")) + QLatin1Char(')');
}

inline void bind(SqlQuery &query, const QList<qint64> &ids)
{
    for (qsizetype i = 0; i < ids.size(); ++i)
        query.bind(QStringLiteral(":id%1").arg(i), ids[i]);
}

} // namespace blog::IdList
