#include "ListingInvalidator.h"

#include "Database.h"
#include "FilteredListingCache.h"
#include "ListingCache.h"
#include "ListingPositions.h"
#include "SqlQuery.h"

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDatabase)

namespace blog {

ListingInvalidator::ListingInvalidator(
    ListingCache &cache, ListingPositions &positions, FilteredListingCache &filtered, Database &database)
    : m_cache(cache)
    , m_filtered(filtered)
    , m_positions(positions)
    , m_database(database)
{
}

void ListingInvalidator::articlesChanged()
{
    m_positions.invalidate();
    listingChanged();
}

void ListingInvalidator::listingChanged()
{
    m_cache.invalidate();
    m_filtered.invalidate();
    notifyOthers();
}

void ListingInvalidator::socialChanged()
{
    m_filtered.invalidate();
    notifyOthers();
}

void ListingInvalidator::notifyOthers()
{
    const QString notify = m_database.dialect().notifyListingChanged();
    if (notify.isEmpty())
        return;
    try {
        SqlQuery::exec(m_database.connection(), m_database.dialect(), notify);
    } catch (const std::exception &error) {
        // The write itself is committed; other instances then catch up when their cache expires.
        qCWarning(lcDatabase) << "cannot notify other instances:" << error.what();
    }
}

} // namespace blog
