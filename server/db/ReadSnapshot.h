#pragma once

#include <QSqlDatabase>

namespace blog {

class Database;

// A read-only transaction on this thread's connection: every read inside it sees the database as it
// was at its first read (SQLite WAL) or at its start (PostgreSQL, REPEATABLE READ), while others write.
class ReadSnapshot
{
public:
    explicit ReadSnapshot(Database &database);
    ~ReadSnapshot();
    ReadSnapshot(const ReadSnapshot &) = delete;
    ReadSnapshot &operator=(const ReadSnapshot &) = delete;

private:
    QSqlDatabase m_db;
};

} // namespace blog
