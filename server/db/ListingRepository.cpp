#include "ListingRepository.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "SqlQuery.h"

namespace blog {

namespace {
const QString ListingColumns
    = QStringLiteral("slug, title, description, tags, author_id, author_name, total_comments");
} // namespace

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
        QStringLiteral("SELECT ") + ListingColumns
            + QStringLiteral(" FROM article_listing WHERE id IN (SELECT id FROM articles ORDER BY id ")
            + direction + QStringLiteral(" LIMIT :limit OFFSET :offset) ORDER BY id ") + direction);
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    return readItems(rows, limit);
}

QList<ArticleListItem> ListingRepository::itemsFrom(qint64 anchorId, qint64 skip, int count, Order order)
{
    const QString direction = order == Order::OldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC");
    SqlQuery rows(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT ") + ListingColumns
            + QStringLiteral(" FROM article_listing WHERE id IN (SELECT id FROM articles WHERE id >= :anchor "
                             "ORDER BY id LIMIT :count OFFSET :skip) ORDER BY id ")
            + direction);
    rows.bind(QStringLiteral(":anchor"), anchorId)
        .bind(QStringLiteral(":count"), count)
        .bind(QStringLiteral(":skip"), skip)
        .exec();
    return readItems(rows, count);
}

ListingRepository::Anchors ListingRepository::anchors(int every)
{
    // One pass over the primary key: the ids at every `every`-th position, and the last row for the
    // count (lead() is NULL there), both from the same snapshot.
    SqlQuery rows(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT id, n, next FROM (SELECT id, row_number() OVER (ORDER BY id) - 1 AS n, "
                       "lead(id) OVER (ORDER BY id) AS next FROM articles) AS numbered "
                       "WHERE n % :every = 0 OR next IS NULL ORDER BY id"));
    rows.bind(QStringLiteral(":every"), every).exec();
    Anchors anchors;
    anchors.every = every;
    while (rows.next()) {
        const qint64 position = rows.value(1).toLongLong();
        if (position % every == 0)
            anchors.ids.append(rows.value(0).toLongLong());
        if (rows.value(2).isNull())
            anchors.total = position + 1;
    }
    return anchors;
}

QList<ArticleListItem> ListingRepository::readItems(SqlQuery &rows, int expected)
{
    QList<ArticleListItem> items;
    items.reserve(expected);
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
