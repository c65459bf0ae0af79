#pragma once

#include <QtGlobal>

namespace blog {

// How one reader stands to an article: how many favour it, whether the reader does, and whether the
// reader follows its author. Not the article's own data: it depends on who asks.
struct ArticleStanding
{
    qint64 favoritesCount = 0;
    bool favorited = false;
    bool followingAuthor = false;

    friend bool operator==(const ArticleStanding &, const ArticleStanding &) = default;
};

} // namespace blog
