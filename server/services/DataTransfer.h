#pragma once

#include "Expected.h"

#include <QIODevice>

#include <functional>

namespace blog {

class Database;

// Export and import of a whole database as JSON Lines (TransferCodec): users, then articles, then
// comments, ids kept. The way to move between SQLite and PostgreSQL, and a backup both can read.
class DataTransfer
{
public:
    struct Counts
    {
        qint64 users = 0;
        qint64 articles = 0;
        qint64 comments = 0;
        qint64 skipped = 0; // lines of kinds this version does not know

        qint64 total() const { return users + articles + comments + skipped; }
    };
    // Called every few thousand records with the counts so far.
    using Progress = std::function<void(const Counts &)>;

    explicit DataTransfer(Database &database);

    // Writes one snapshot of the database, so a server may go on writing meanwhile. Error: the output
    // failed. Throws DatabaseError when the database does.
    Expected<Counts, QString> exportTo(QIODevice &output, const Progress &progress = {});
    // Into an empty database (no users, articles or comments), all in one transaction: a bad line stops
    // it with "line N: reason" and nothing of it is kept. Throws DatabaseError when the database fails.
    Expected<Counts, QString> importFrom(QIODevice &input, const Progress &progress = {});

private:
    Database &m_database;
};

} // namespace blog
