#pragma once

#include "SqlQuery.h"

#include <QList>

namespace blog {

// Reads rows of (article id, tag name), ordered by article and then by the tag's position, into the
// `tags` of the items they belong to, which are ordered by `id`: a page's tags in one read, by a merge
// walk. Rows of articles not among the items are skipped.
template<typename Item> void readTagRowsInto(SqlQuery &rows, QList<Item> &items)
{
    qsizetype index = 0;
    while (rows.next()) {
        const qint64 articleId = rows.value(0).toLongLong();
        while (index < items.size() && items[index].id < articleId)
            ++index;
        if (index < items.size() && items[index].id == articleId)
            items[index].tags.append(rows.value(1).toString());
    }
}

} // namespace blog
