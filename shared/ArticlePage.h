#pragma once

#include "ArticleListItem.h"

#include <QList>

namespace blog {

// One page of the listing and the number of articles in all.
struct ArticlePage
{
    QList<ArticleListItem> items;
    qint64 total = 0;

    // The articles' ids, in the page's order.
    QList<qint64> ids() const
    {
        QList<qint64> all;
        all.reserve(items.size());
        for (const ArticleListItem &item : items)
            all.append(item.id);
        return all;
    }
};

} // namespace blog
