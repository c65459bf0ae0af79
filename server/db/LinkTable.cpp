#include "LinkTable.h"

#include "Database.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

namespace blog {

LinkTable::LinkTable(Database &database, QString table, QString ownerColumn, QString targetColumn)
    : m_database(database)
    , m_table(std::move(table))
    , m_owner(std::move(ownerColumn))
    , m_target(std::move(targetColumn))
{
}

bool LinkTable::add(qint64 owner, qint64 target)
{
    return write(QStringLiteral("INSERT INTO %1 (%2, %3, created_at) VALUES (:owner, :target, :at) "
                                "ON CONFLICT DO NOTHING")
                     .arg(m_table, m_owner, m_target),
        owner, target);
}

bool LinkTable::remove(qint64 owner, qint64 target)
{
    return write(
        QStringLiteral("DELETE FROM %1 WHERE %2 = :owner AND %3 = :target").arg(m_table, m_owner, m_target),
        owner, target);
}

bool LinkTable::write(const QString &statement, qint64 owner, qint64 target)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(), statement);
    query.bind(QStringLiteral(":owner"), owner).bind(QStringLiteral(":target"), target);
    if (statement.contains(QLatin1String(":at")))
        query.bind(QStringLiteral(":at"), Timestamp::toString(Timestamp::now()));
    query.exec();
    const bool changed = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return changed;
}

bool LinkTable::contains(qint64 owner, qint64 target)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT 1 FROM %1 WHERE %2 = :owner AND %3 = :target")
            .arg(m_table, m_owner, m_target));
    query.bind(QStringLiteral(":owner"), owner).bind(QStringLiteral(":target"), target).exec();
    return query.next();
}

QSet<qint64> LinkTable::targetsAmong(qint64 owner, const QList<qint64> &targets)
{
    QSet<qint64> found;
    if (targets.isEmpty())
        return found;
    const SqlDialect &dialect = m_database.dialect();
    SqlQuery query(m_database.connection(), dialect,
        QStringLiteral("SELECT %1 FROM %2 WHERE %3 = :owner AND ").arg(m_target, m_table, m_owner)
            + dialect.inBoundIds(m_target));
    query.bind(QStringLiteral(":owner"), owner)
        .bind(QStringLiteral(":ids"), dialect.boundIds(targets))
        .exec();
    while (query.next())
        found.insert(query.value(0).toLongLong());
    return found;
}

} // namespace blog
