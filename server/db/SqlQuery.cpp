#include "SqlQuery.h"

#include "DatabaseError.h"

#include <QLoggingCategory>
#include <QSqlError>

#include <memory>
#include <unordered_map>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

struct SqlQuery::Kept
{
    QSqlQuery query;
    bool inUse = false;
};

namespace {
// Per thread, since connections are: connection name + '\n' + SQL -> its prepared statement.
thread_local std::unordered_map<QString, std::unique_ptr<SqlQuery::Kept>> t_kept;
} // namespace

SqlQuery::SqlQuery(QSqlDatabase db, const SqlDialect &dialect, const QString &sql)
    : m_dialect(dialect)
    , m_sql(sql)
{
    const QString key = db.connectionName() + QLatin1Char('\n') + sql;
    const auto found = t_kept.find(key);
    if (found != t_kept.end() && !found->second->inUse) {
        m_kept = found->second.get();
        m_kept->inUse = true;
        m_query = &m_kept->query;
        return;
    }
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.prepare(sql))
        fail(m_dialect, query.lastError(), m_sql);
    if (found == t_kept.end()) {
        auto kept = std::make_unique<Kept>(Kept { std::move(query), true });
        m_kept = kept.get();
        m_query = &m_kept->query;
        t_kept.emplace(key, std::move(kept));
    } else {
        m_oneOff.emplace(std::move(query));
        m_query = &*m_oneOff;
    }
}

SqlQuery::~SqlQuery()
{
    m_query->finish();
    if (m_kept)
        m_kept->inUse = false;
}

void SqlQuery::forgetConnection(const QString &connectionName)
{
    const QString prefix = connectionName + QLatin1Char('\n');
    for (auto it = t_kept.begin(); it != t_kept.end();) {
        if (it->first.startsWith(prefix))
            it = t_kept.erase(it);
        else
            ++it;
    }
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    // A null QString would be stored as NULL; our text columns mean "empty" by it.
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query->bindValue(placeholder, QString(QLatin1String("")));
    else
        m_query->bindValue(placeholder, value);
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    if (!m_query->exec())
        fail(m_dialect, m_query->lastError(), m_sql);
    return *this;
}

bool SqlQuery::next()
{
    if (m_query->next())
        return true;
    // A step can fail after the first row too (SQLite interrupted by a time limit): never a short
    // result passed off as the whole one.
    if (m_query->lastError().isValid())
        fail(m_dialect, m_query->lastError(), m_sql);
    return false;
}

void SqlQuery::exec(QSqlDatabase db, const SqlDialect &dialect, const QString &sql)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        fail(dialect, query.lastError(), sql);
}

void SqlQuery::fail(const SqlDialect &dialect, const QSqlError &error, const QString &sql)
{
    if (dialect.isUniqueViolation(error))
        throw DatabaseError(DatabaseError::Kind::UniqueViolation, error.text());
    if (dialect.isForeignKeyViolation(error))
        throw DatabaseError(DatabaseError::Kind::ForeignKeyViolation, error.text());
    if (dialect.isTimeout(error))
        throw DatabaseError(DatabaseError::Kind::TimedOut, error.text());
    const bool unavailable = dialect.isConnectionError(error);
    // The statement text is ours and holds no values (they are bound), so it is safe to log. An
    // unreachable database is logged once, by whoever answers 503.
    if (!unavailable)
        qCWarning(lcDatabase).noquote() << "query failed:" << error.text() << "in" << sql.simplified();
    throw DatabaseError(
        unavailable ? DatabaseError::Kind::Unavailable : DatabaseError::Kind::Query, error.text());
}

} // namespace blog
