#pragma once

#include "Expected.h"

#include <QList>
#include <QString>

namespace blog {

class Database;

// Whole-file copies of a SQLite database with VACUUM INTO: it reads one snapshot in a read
// transaction, so a server goes on writing meanwhile (WAL), and writes a complete, compact database.
class SqliteBackup
{
public:
    struct Inspection
    {
        QList<int> migrations;
        qint64 users = 0;
        qint64 articles = 0;
        qint64 comments = 0;
    };

    // Writes the database's current snapshot into `emptyFile`, which must be empty or not exist.
    // Throws DatabaseError.
    static void copy(Database &database, const QString &emptyFile);
    // The same from a database file opened read-only (a backup being restored: nothing in it changes).
    static Expected<bool, QString> copyFile(const QString &sourceFile, const QString &emptyFile);
    // Opens `file` read-only and checks it is one of our databases and whole: integrity_check says ok
    // and it has schema_migrations. Error: what is wrong with it.
    static Expected<Inspection, QString> inspect(const QString &file);
    // Moves every commit in the WAL into the database file and empties the WAL, so the file alone is
    // the database (before it is replaced).
    static void checkpoint(Database &database);
};

} // namespace blog
