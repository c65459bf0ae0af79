#pragma once

#include "ArticlePage.h"
#include "ResultCache.h"

#include <QStringList>

namespace blog {

// The filtered listings' pages (per filter, limit and offset) and the tags in use: what every write
// that changes an article, its tags, comments, favourites, its author's profile or a follow drops
// (ListingInvalidator).
struct FilteredListingCache
{
    explicit FilteredListingCache(std::chrono::milliseconds timeToLive)
        : pages(timeToLive)
        , tags(timeToLive)
    {
    }

    void invalidate()
    {
        pages.invalidate();
        tags.invalidate();
    }

    ResultCache<ArticlePage> pages;
    ResultCache<QStringList> tags;
};

} // namespace blog
