#include "ReadSnapshot.h"

#include "Database.h"
#include "SqlQuery.h"

namespace blog {

ReadSnapshot::ReadSnapshot(Database &database)
    : m_db(database.connection())
{
    SqlQuery::exec(m_db, database.dialect(), database.dialect().beginSnapshot());
}

ReadSnapshot::~ReadSnapshot()
{
    // Nothing was written: ending it either way is the same, and a destructor must not throw.
    QSqlQuery end(m_db);
    end.exec(QStringLiteral("ROLLBACK"));
}

} // namespace blog
