#pragma once

#include "ArticlePage.h"
#include "ListingCache.h"
#include "ResultCache.h"

#include <QStringList>

namespace blog {

// The filtered listings' pages (per filter, limit and offset) and the tags in use: what every write
// that changes an article, its tags, comments, favourites, its author's profile or a follow drops
// (ListingInvalidator). Search results too (SearchService), which the same writes change.
struct FilteredListingCache
{
    // Every search is a key of its own, so searches are kept apart from the listings and fewer: a flood
    // of made-up queries evicts only searches, and holds at most this many pages (of at most 100
    // articles) in each of the two.
    static constexpr qsizetype MaxSearchPages = 256;

    explicit FilteredListingCache(std::chrono::milliseconds timeToLive)
        : pages(timeToLive)
        , tags(timeToLive)
        , searchJson(timeToLive, MaxSearchPages)
        , searches(timeToLive, MaxSearchPages)
    {
    }

    void invalidate()
    {
        pages.invalidate();
        tags.invalidate();
        searchJson.invalidate();
        searches.invalidate();
    }

    ResultCache<ArticlePage> pages;
    ResultCache<QStringList> tags;
    ListingCache searchJson; // the seed API's search pages, ready to send
    ResultCache<ArticlePage> searches; // the RealWorld API's
};

} // namespace blog
