#include "ListingRepository.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "SqlQuery.h"

namespace blog {

ListingRepository::ListingRepository(Database &database)
    : m_database(database)
{
}

qint64 ListingRepository::count()
{
    SqlQuery count(
        m_database.connection(), m_database.dialect(), QStringLiteral("SELECT count(*) FROM articles"));
    count.exec();
    return count.next() ? count.value(0).toLongLong() : 0;
}

QList<ArticleListItem> ListingRepository::items(int limit, qint64 offset, Order order)
{
    // The page's ids come from the primary key alone, so the view computes tags and comment counts for
    // the rows shown, not for every row the offset skips.
    const QString direction = order == Order::OldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC");
    SqlQuery rows(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT slug, title, description, tags, author_id, author_name, total_comments "
                       "FROM article_listing WHERE id IN (SELECT id FROM articles ORDER BY id ")
            + direction + QStringLiteral(" LIMIT :limit OFFSET :offset) ORDER BY id ") + direction);
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    QList<ArticleListItem> items;
    items.reserve(limit);
    while (rows.next()) {
        ArticleListItem item;
        item.slug = rows.value(0).toString();
        item.title = rows.value(1).toString();
        item.description = rows.value(2).toString();
        item.tags
            = ArticleCodec::tagsFromJsonText(rows.value(3).toString().toUtf8()); // the view's JSON array
        item.authorId = rows.value(4).toLongLong();
        item.authorName = rows.value(5).toString();
        item.totalComments = rows.value(6).toLongLong();
        items.append(item);
    }
    return items;
}

} // namespace blog
