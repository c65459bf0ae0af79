#pragma once

#include "ArticleListItem.h"

#include <QList>

namespace blog {

// One page of the listing and the number of articles in all.
struct ArticlePage
{
    QList<ArticleListItem> items;
    qint64 total = 0;
};

} // namespace blog
