#pragma once

#include <QList>

namespace blog {

class ChangeNotifier;
class ListingCache;
struct FilteredListingCache;
class ListingPositions;

// What services call after a write that changes the listing: clears this instance's cache at once and,
// on PostgreSQL, tells every other instance sharing the database, so no author waits for the cache to
// expire anywhere.
class ListingInvalidator
{
public:
    ListingInvalidator(ListingCache &cache, ListingPositions &positions, FilteredListingCache &filtered,
        ChangeNotifier &notifier);

    void listingChanged();
    // Comments came or went on these articles: only their counts changed, so of the seed API's cached
    // listing pages only those showing them go (its front page stays while older articles get comments);
    // the filtered listings, searches and web pages are all made again. For a post, the other instances
    // also hear whose articles got comments (`articleAuthors`); they drop all their pages.
    void commentsChanged(const QList<qint64> &articles, const QList<qint64> &articleAuthors = {});
    // An article came or went: the deep pages' anchors and the count change too.
    void articlesChanged();
    // A favourite or a follow came or went: the filtered listings (favourite counts, the favourited
    // filter, feeds) change, the seed listing does not.
    void socialChanged();

private:
    ListingCache &m_cache;
    FilteredListingCache &m_filtered;
    ListingPositions &m_positions;
    ChangeNotifier &m_notifier;
};

} // namespace blog
