#pragma once

#include "DatabaseUrl.h"
#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QString>

#include <atomic>

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

    // This thread's connection, opened on first use. Throws DatabaseError(Unavailable) when it cannot open.
    QSqlDatabase connection();
    void closeThreadConnection();
    // A connection under `name`, outside the per-thread scheme (e.g. one kept for LISTEN). The caller
    // removes it. Not open when the database cannot be reached.
    QSqlDatabase openDedicated(const QString &name);

private:
    QString connectionName() const;
    void configure(QSqlDatabase &db);
    QSqlDatabase addConnection(const QString &name);

    DatabaseUrl m_url;
    SqlDialect m_dialect;
    int m_instance;
    static std::atomic_int s_instances;
};

} // namespace blog
