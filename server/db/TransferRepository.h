#pragma once

#include "TransferRecords.h"

#include <functional>

namespace blog {

class Database;

// The SQL that reads a whole database for export, in id order, a page at a time: memory stays small
// however large the database, on SQLite and PostgreSQL alike. Read inside a ReadSnapshot for a whole
// that is consistent while a server writes.
class TransferRepository
{
public:
    struct Counts
    {
        qint64 users = 0;
        qint64 articles = 0;
        qint64 comments = 0;
    };

    explicit TransferRepository(Database &database);

    Counts counts();
    // Each calls `visit` for every row in id order until it returns false; false then.
    bool forEachUser(const std::function<bool(const TransferUser &)> &visit);
    // With each article's tags in the author's order.
    bool forEachArticle(const std::function<bool(const TransferArticle &)> &visit);
    bool forEachComment(const std::function<bool(const TransferComment &)> &visit);

private:
    Database &m_database;
};

} // namespace blog
