#pragma once

namespace blog {

class Database;

// Tells the other instances sharing a PostgreSQL database that the listing changed (NOTIFY, heard by
// their ChangeListener); on SQLite, where one process owns the file, it does nothing.
class ChangeNotifier
{
public:
    explicit ChangeNotifier(Database &database);

    // Never throws: the write it follows is committed, and if the notice is lost the other instances
    // catch up when their caches expire.
    void listingChanged();

private:
    Database &m_database;
};

} // namespace blog
