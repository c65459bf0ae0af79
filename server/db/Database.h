#pragma once

#include "DatabaseUrl.h"
#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>
#include <chrono>
#include <mutex>

namespace blog {

// One database, reached through one connection per thread (QSqlDatabase connections belong to the
// thread that opened them). Threads that used it call closeThreadConnection() before they end.
class Database
{
public:
    explicit Database(DatabaseUrl url);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const DatabaseUrl &url() const { return m_url; }
    const SqlDialect &dialect() const { return m_dialect; }

    // How PostgreSQL plans a connection's kept statements. Auto: for the values of the first five calls,
    // then it may keep one generic plan if that looks no costlier. PerCall (plan_cache_mode =
    // force_custom_plan): for the values at each call. A search's matching needs it: a generic plan kept
    // after searches for rare words took 1.5 s for a word most articles have (29 ms planned for it).
    // Once (force_generic_plan): one plan for every call, for statements whose best plan does not depend
    // on the values but whose estimates look cheaper per call: reading a search's one hit by id was
    // planned at every call (0.22 ms planning to 0.04 ms running), and so was a listing page (its LIMIT
    // and OFFSET). SQLite plans a statement once whatever the values, so there all three are the same
    // connection.
    enum class Planning { Auto, PerCall, Once };

    // Process-wide SQLite settings; before the first connection of the process opens (main does it
    // first thing), later they do not take.
    static void configureSqliteLibrary();

    // This thread's connection, opened on first use. Throws DatabaseError(Unavailable) when it cannot open.
    QSqlDatabase connection(Planning planning = Planning::Auto);
    // Closes every connection of this thread.
    void closeThreadConnection();
    // Bounds the queries of this thread (for threads that run costly reads, such as searches): past
    // `limit` a statement stops with DatabaseError(TimedOut). PostgreSQL times each statement (and its
    // wait for locks); SQLite the statements since the last restartThreadQueryClock() together, and waits
    // for a lock at most `limit`. Holds for the connections open now and any opened later on this thread.
    void limitThreadQueries(std::chrono::milliseconds limit);
    void restartThreadQueryClock();
    // A connection under `name`, outside the per-thread scheme (e.g. one kept for LISTEN). The caller
    // removes it. Not open when the database cannot be reached.
    QSqlDatabase openDedicated(const QString &name);
    // Held by a write transaction from before BEGIN to after COMMIT. SQLite admits one writer at a time
    // and makes the others retry in its busy handler, which sleeps 1 ms, then 2, 5, 10...: two threads
    // writing flat out then kept one core idle. Our threads queue here instead, and wake the moment
    // the writer commits; other processes (the CLI) still meet the busy timeout. PostgreSQL locks rows,
    // so there this lock is empty.
    std::unique_lock<std::mutex> lockForWriting();

private:
    Planning effective(Planning planning) const;
    int key(Planning planning) const; // in the thread's table of open connections
    QString connectionName(Planning planning) const;
    void configure(QSqlDatabase &db, Planning planning);
    // What limitThreadQueries() asked of this thread, on `db`.
    void applyThreadSettings(QSqlDatabase &db);
    void applyThreadSettingsToOpenConnections();
    QSqlDatabase addConnection(const QString &name);

    DatabaseUrl m_url;
    SqlDialect m_dialect;
    int m_instance;
    std::mutex m_writeMutex;
    static std::atomic_int s_instances;
};

} // namespace blog
