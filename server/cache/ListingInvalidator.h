#pragma once

namespace blog {

class ChangeNotifier;
class ListingCache;
class ListingPositions;

// What services call after a write that changes the listing: clears this instance's cache at once and,
// on PostgreSQL, tells every other instance sharing the database, so no author waits for the cache to
// expire anywhere.
class ListingInvalidator
{
public:
    ListingInvalidator(ListingCache &cache, ListingPositions &positions, ChangeNotifier &notifier);

    void listingChanged();
    // An article came or went: the deep pages' anchors and the count change too.
    void articlesChanged();

private:
    ListingCache &m_cache;
    ListingPositions &m_positions;
    ChangeNotifier &m_notifier;
};

} // namespace blog
