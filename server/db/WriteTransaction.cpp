#include "WriteTransaction.h"

#include "SqlQuery.h"

#include <QHash>
#include <QSqlQuery>

namespace blog {

namespace {
// Open transactions per database on this thread (connections are per thread, so this is per connection).
thread_local QHash<const Database *, int> t_depth;

QString savepoint(int depth)
{
    return QStringLiteral("nested_%1").arg(depth);
}
} // namespace

WriteTransaction::WriteTransaction(Database &database)
    : m_database(database)
    , m_depth(t_depth.value(&database))
{
    if (m_depth == 0)
        m_writeLock = database.lockForWriting();
    m_db = database.connection();
    SqlQuery::exec(m_db, m_database.dialect(),
        m_depth == 0 ? m_database.dialect().beginWrite() : QStringLiteral("SAVEPOINT ") + savepoint(m_depth));
    m_open = true;
    t_depth.insert(&database, m_depth + 1);
}

WriteTransaction::~WriteTransaction()
{
    if (m_open) {
        // Never throws from a destructor: a failed rollback leaves the connection to the driver.
        QSqlQuery rollback(m_db);
        if (m_depth == 0) {
            rollback.exec(QStringLiteral("ROLLBACK"));
        } else {
            rollback.exec(QStringLiteral("ROLLBACK TO SAVEPOINT ") + savepoint(m_depth));
            rollback.exec(QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth));
        }
    }
    if (m_depth == 0)
        t_depth.remove(&m_database);
    else
        t_depth.insert(&m_database, m_depth);
}

void WriteTransaction::commit()
{
    SqlQuery::exec(m_db, m_database.dialect(),
        m_depth == 0 ? QStringLiteral("COMMIT") : QStringLiteral("RELEASE SAVEPOINT ") + savepoint(m_depth));
    m_open = false;
    if (m_writeLock.owns_lock())
        m_writeLock.unlock();
}

} // namespace blog
