#include "Database.h"

#include "DatabaseError.h"
#include "SqlQuery.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlQuery>
#include <QThread>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcDatabase, "blog.db")

namespace blog {

std::atomic_int Database::s_instances { 0 };

namespace {
// The connections this thread opened. `open` is the per-query fast path (by Database instance and
// Database::Planning: a name
// and a lookup in Qt's locked registry cost ~2 % of a read); `names` lets the thread's end remove them,
// for threads we do not run ourselves (QThreadPool's); our own workers close theirs explicitly.
struct ThreadConnections
{
    QHash<int, QSqlDatabase> open;
    QStringList names;
    ~ThreadConnections()
    {
        open.clear();
        for (const QString &name : std::as_const(names)) {
            SqlQuery::forgetConnection(name);
            if (QSqlDatabase::contains(name))
                QSqlDatabase::removeDatabase(name);
        }
    }
};
thread_local ThreadConnections t_connections;

// Database::limitThreadQueries(): zero is no limit.
thread_local std::chrono::milliseconds t_queryLimit { 0 };
thread_local std::chrono::steady_clock::time_point t_queryDeadline;

// SQLite calls it every thousand virtual machine steps; non-zero interrupts the statement.
int pastDeadline(void *)
{
    return std::chrono::steady_clock::now() > t_queryDeadline ? 1 : 0;
}

sqlite3 *sqliteHandle(const QSqlDatabase &db)
{
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.constData());
}
} // namespace

void Database::configureSqliteLibrary()
{
    // SQLite counts every allocation in process-wide statistics under one mutex, on which our threads'
    // connections then queued: without them, at a million articles, quoted phrases ran ~30 % and random
    // listing pages ~20 % faster (three fresh starts of each). Only sqlite3_soft_heap_limit64 needs the
    // statistics, and we do not set one.
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

Database::Database(DatabaseUrl url)
    : m_url(std::move(url))
    , m_dialect(m_url.kind)
    , m_instance(++s_instances)
{
}

Database::~Database()
{
    closeThreadConnection();
}

Database::Planning Database::effective(Planning planning) const
{
    return m_url.kind == DatabaseUrl::Kind::Postgres ? planning : Planning::Auto;
}

int Database::key(Planning planning) const
{
    return m_instance * 3 + int(planning);
}

QString Database::connectionName(Planning planning) const
{
    return QStringLiteral("blog-%1-%2%3")
        .arg(m_instance)
        .arg(quintptr(QThread::currentThreadId()))
        .arg(planning == Planning::PerCall   ? QLatin1String("-per-call")
                : planning == Planning::Once ? QLatin1String("-once")
                                             : QLatin1String());
}

QSqlDatabase Database::connection(Planning planning)
{
    planning = effective(planning);
    const auto known = t_connections.open.constFind(key(planning));
    if (known != t_connections.open.cend() && known->isOpen())
        return *known;
    const QString name = connectionName(planning);
    QSqlDatabase db
        = QSqlDatabase::contains(name) ? QSqlDatabase::database(name, false) : addConnection(name);
    if (!db.isOpen()) {
        if (!db.open()) {
            const QString message = db.lastError().text();
            qCWarning(lcDatabase) << "cannot open" << m_url.displayString() << message;
            throw DatabaseError(DatabaseError::Kind::Unavailable, message);
        }
        configure(db, planning);
    }
    if (!t_connections.names.contains(name))
        t_connections.names.append(name);
    t_connections.open.insert(key(planning), db);
    return db;
}

QSqlDatabase Database::addConnection(const QString &name)
{
    const bool sqlite = m_url.kind == DatabaseUrl::Kind::Sqlite;
    QSqlDatabase db
        = QSqlDatabase::addDatabase(sqlite ? QStringLiteral("QSQLITE") : QStringLiteral("QPSQL"), name);
    if (sqlite) {
        QDir().mkpath(QFileInfo(m_url.path).absolutePath());
        db.setDatabaseName(m_url.path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else {
        db.setHostName(m_url.host);
        db.setPort(m_url.port);
        db.setUserName(m_url.user);
        db.setPassword(m_url.password);
        db.setDatabaseName(m_url.name);
        db.setConnectOptions(QStringLiteral("connect_timeout=5")
            + (m_url.sslMode.isEmpty() ? QString() : QStringLiteral(";sslmode=") + m_url.sslMode));
    }
    return db;
}

QSqlDatabase Database::openDedicated(const QString &name)
{
    QSqlDatabase db = addConnection(name);
    if (db.open())
        configure(db, Planning::Auto);
    else
        qCWarning(lcDatabase) << "cannot open" << m_url.displayString() << db.lastError().text();
    return db;
}

void Database::limitThreadQueries(std::chrono::milliseconds limit)
{
    t_queryLimit = limit;
    restartThreadQueryClock();
    applyThreadSettingsToOpenConnections();
}

void Database::restartThreadQueryClock()
{
    t_queryDeadline = std::chrono::steady_clock::now() + t_queryLimit;
}

void Database::applyThreadSettingsToOpenConnections()
{
    for (const Planning planning : { Planning::Auto, Planning::PerCall, Planning::Once }) {
        const auto known = t_connections.open.constFind(key(planning));
        if (known != t_connections.open.cend() && known->isOpen()) {
            QSqlDatabase db = *known;
            applyThreadSettings(db);
        }
    }
}

void Database::applyThreadSettings(QSqlDatabase &db)
{
    const qint64 milliseconds = t_queryLimit.count();
    if (m_url.kind == DatabaseUrl::Kind::Postgres) {
        if (milliseconds > 0)
            SqlQuery::exec(db, m_dialect, QStringLiteral("SET statement_timeout = %1").arg(milliseconds));
        return;
    }
    sqlite3 *handle = sqliteHandle(db);
    if (!handle || milliseconds <= 0)
        return;
    sqlite3_progress_handler(handle, 1000, pastDeadline, nullptr);
    sqlite3_busy_timeout(handle, int(milliseconds));
}

void Database::configure(QSqlDatabase &db, Planning planning)
{
    if (m_url.kind == DatabaseUrl::Kind::Postgres) {
        // libpq prints NOTICEs (such as "already exists, skipping") to stderr; we log what matters.
        SqlQuery::exec(db, m_dialect, QStringLiteral("SET client_min_messages TO WARNING"));
        if (planning == Planning::PerCall)
            SqlQuery::exec(db, m_dialect, QStringLiteral("SET plan_cache_mode = force_custom_plan"));
        else if (planning == Planning::Once)
            SqlQuery::exec(db, m_dialect, QStringLiteral("SET plan_cache_mode = force_generic_plan"));
        applyThreadSettings(db);
        return;
    }
    // WAL lets readers run beside the one writer. synchronous=NORMAL: a commit is in the WAL file before
    // we answer, so a crash or kill of this process loses nothing acknowledged (TestDurability); only
    // an OS crash or power cut can lose the commits since the last checkpoint. FULL closes that gap
    // with an fsync per commit: ~2 ms here, which caps writes near 500/s (README, "Durability").
    SqlQuery::exec(db, m_dialect, QStringLiteral("PRAGMA journal_mode=WAL"));
    SqlQuery::exec(db, m_dialect, QStringLiteral("PRAGMA synchronous=") + m_url.synchronous);
    SqlQuery::exec(db, m_dialect, QStringLiteral("PRAGMA foreign_keys=ON"));
    // 256 KiB of page cache per connection (SQLite's default is 2 MiB): the OS page cache holds the file
    // anyway, and listing, detail and profile reads measured the same with 1 MiB.
    SqlQuery::exec(db, m_dialect, QStringLiteral("PRAGMA cache_size=-256"));
    applyThreadSettings(db);
}

std::unique_lock<std::mutex> Database::lockForWriting()
{
    if (m_url.kind == DatabaseUrl::Kind::Sqlite)
        return std::unique_lock(m_writeMutex);
    return {};
}

void Database::closeThreadConnection()
{
    for (const Planning planning : { Planning::Auto, Planning::PerCall, Planning::Once }) {
        t_connections.open.remove(key(planning));
        const QString name = connectionName(planning);
        SqlQuery::forgetConnection(name);
        if (!QSqlDatabase::contains(name))
            continue;
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
        t_connections.names.removeAll(name);
    }
}

} // namespace blog
