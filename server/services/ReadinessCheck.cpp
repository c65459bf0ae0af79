#include "ReadinessCheck.h"

#include "DatabaseError.h"
#include "Migrator.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ReadinessCheck::ReadinessCheck(Database &database)
    : m_database(database)
{
}

Result<Done> ReadinessCheck::check() const
{
    try {
        if (Migrator(m_database).isCurrent())
            return Done {};
        return Error::unavailable(QStringLiteral("Database migrations are pending"));
    } catch (const DatabaseError &error) {
        if (error.kind() == DatabaseError::Kind::Unavailable)
            throw;
        // A missing schema_migrations table, say: not ready either, and not a fault of ours.
        qCWarning(lcDatabase) << "not ready:" << error.what();
        return Error::unavailable(QStringLiteral("The database schema is not ready"));
    }
}

} // namespace blog
