#pragma once

#include "Database.h"

#include <mutex>

namespace blog {

// A write transaction that rolls back unless committed. On SQLite it is BEGIN IMMEDIATE, so two
// connections that read then write cannot deadlock into "database is locked". Opened inside another
// one on the same thread, it becomes a savepoint, so repositories compose into larger transactions
// (seeding writes everything in one). Every write goes through one, even a single statement: on SQLite
// that is also where the threads of this process queue for the one writer (Database::lockForWriting).
class WriteTransaction
{
public:
    explicit WriteTransaction(Database &database);
    ~WriteTransaction();
    WriteTransaction(const WriteTransaction &) = delete;
    WriteTransaction &operator=(const WriteTransaction &) = delete;

    QSqlDatabase connection() const { return m_db; }
    void commit();

private:
    Database &m_database;
    std::unique_lock<std::mutex> m_writeLock;
    QSqlDatabase m_db;
    int m_depth = 0;
    bool m_open = false;
};

} // namespace blog
