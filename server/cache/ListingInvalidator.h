#pragma once

namespace blog {

class Database;
class ListingCache;

// What services call after a write that changes the listing: clears this instance's cache at once and,
// on PostgreSQL, tells every other instance sharing the database (NOTIFY), so no author waits for the
// cache to expire anywhere.
class ListingInvalidator
{
public:
    ListingInvalidator(ListingCache &cache, Database &database);

    void listingChanged();

private:
    ListingCache &m_cache;
    Database &m_database;
};

} // namespace blog
