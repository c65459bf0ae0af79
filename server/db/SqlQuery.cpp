#include "SqlQuery.h"

#include "DatabaseError.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

SqlQuery::SqlQuery(QSqlDatabase db, const SqlDialect &dialect, const QString &sql)
    : m_query(db)
    , m_dialect(dialect)
    , m_sql(sql)
{
    m_query.setForwardOnly(true);
    if (!m_query.prepare(sql))
        fail(m_dialect, m_query.lastError(), m_sql);
}

SqlQuery &SqlQuery::bind(const QString &placeholder, const QVariant &value)
{
    // A null QString would be stored as NULL; our text columns mean "empty" by it.
    if (value.typeId() == QMetaType::QString && value.toString().isNull())
        m_query.bindValue(placeholder, QString(QLatin1String("")));
    else
        m_query.bindValue(placeholder, value);
    return *this;
}

SqlQuery &SqlQuery::exec()
{
    if (!m_query.exec())
        fail(m_dialect, m_query.lastError(), m_sql);
    return *this;
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
    const bool unavailable = dialect.isConnectionError(error);
    // The statement text is ours and holds no values (they are bound), so it is safe to log. An
    // unreachable database is logged once, by whoever answers 503.
    if (!unavailable)
        qCWarning(lcDatabase).noquote() << "query failed:" << error.text() << "in" << sql.simplified();
    throw DatabaseError(unavailable ? DatabaseError::Kind::Unavailable : DatabaseError::Kind::Query, error.text());
}

} // namespace blog
