#pragma once

#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <optional>

namespace blog {

// A prepared statement that throws DatabaseError instead of returning false, so repositories read
// as the SQL they run. Values are always bound, never pasted into the text. Statements are prepared
// once per connection and kept (a request then skips SQLite's parser and planner); each is reset when
// its SqlQuery goes, so no read transaction stays open behind our back.
class SqlQuery
{
public:
    SqlQuery(QSqlDatabase db, const SqlDialect &dialect, const QString &sql);
    ~SqlQuery();
    SqlQuery(const SqlQuery &) = delete;
    SqlQuery &operator=(const SqlQuery &) = delete;

    SqlQuery &bind(const QString &placeholder, const QVariant &value);
    SqlQuery &exec();
    bool next();
    QVariant value(int index) const { return m_query->value(index); }
    int numRowsAffected() const { return m_query->numRowsAffected(); }
    // Ends a statement read only in part (INSERT ... RETURNING), which would otherwise hold SQLite's
    // savepoints and commits.
    void finish() { m_query->finish(); }

    // A statement without parameters (pragmas, BEGIN/COMMIT, migrations).
    static void exec(QSqlDatabase db, const SqlDialect &dialect, const QString &sql);
    // Drops this thread's kept statements of a connection; called before the connection closes.
    static void forgetConnection(const QString &connectionName);

    struct Kept;

private:
    [[noreturn]] static void fail(const SqlDialect &dialect, const QSqlError &error, const QString &sql);

    Kept *m_kept = nullptr; // null: a one-off statement (the kept one is busy higher up the stack)
    std::optional<QSqlQuery> m_oneOff;
    QSqlQuery *m_query = nullptr;
    const SqlDialect &m_dialect;
    QString m_sql;
};

} // namespace blog
