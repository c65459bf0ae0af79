#pragma once

#include <QList>

namespace blog {

class Database;

// Tells the other instances sharing a PostgreSQL database what changed (NOTIFY, heard by their
// ChangeListener); on SQLite, where one process owns the file, it does nothing.
class ChangeNotifier
{
public:
    explicit ChangeNotifier(Database &database);

    // Never throws: the write it follows is committed, and if the notice is lost the other instances
    // catch up when their caches expire.
    void listingChanged();
    // Comments were added to these users' articles (for their notifications).
    void commentsAdded(const QList<qint64> &articleAuthors);

private:
    Database &m_database;
};

} // namespace blog
