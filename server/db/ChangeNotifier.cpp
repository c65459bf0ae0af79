#include "ChangeNotifier.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ChangeNotifier::ChangeNotifier(Database &database)
    : m_database(database)
{
}

void ChangeNotifier::listingChanged()
{
    const QString notify = m_database.dialect().notifyListingChanged();
    if (notify.isEmpty())
        return;
    try {
        SqlQuery::exec(m_database.connection(), m_database.dialect(), notify);
    } catch (const std::exception &error) {
        qCWarning(lcDatabase) << "cannot notify other instances:" << error.what();
    }
}

} // namespace blog
