#pragma once

#include "SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

namespace blog {

// A prepared statement that throws DatabaseError instead of returning false, so repositories read
// as the SQL they run. Values are always bound, never pasted into the text.
class SqlQuery
{
public:
    SqlQuery(QSqlDatabase db, const SqlDialect &dialect, const QString &sql);

    SqlQuery &bind(const QString &placeholder, const QVariant &value);
    SqlQuery &exec();
    bool next() { return m_query.next(); }
    QVariant value(int index) const { return m_query.value(index); }
    QVariant lastInsertId() const { return m_query.lastInsertId(); }
    int numRowsAffected() const { return m_query.numRowsAffected(); }
    // Ends a statement read only in part (INSERT ... RETURNING), which would otherwise hold SQLite's
    // savepoints and commits.
    void finish() { m_query.finish(); }

    // A statement without parameters (pragmas, BEGIN/COMMIT, migrations).
    static void exec(QSqlDatabase db, const SqlDialect &dialect, const QString &sql);

private:
    [[noreturn]] static void fail(const SqlDialect &dialect, const QSqlError &error, const QString &sql);

    QSqlQuery m_query;
    const SqlDialect &m_dialect;
    QString m_sql;
};

} // namespace blog
