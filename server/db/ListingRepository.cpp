#include "ListingRepository.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "Validation.h"

namespace blog {

namespace {
// The seed API's page shows no id, but its cache needs them (ListingCache::invalidateArticles).
const QString ListingColumns
    = QStringLiteral("slug, title, description, tags, author_id, author_name, total_comments, id");
const QString EveryListingColumn = ListingColumns
    + QStringLiteral(", author_username, author_bio, author_image, created_at, updated_at, favorites_count");

// FROM and WHERE of a filtered listing, driven by the most selective index there is: a tag's links or a
// user's favourites (both in article order), else the articles. Fixed text; values are bound.
struct FilterSql
{
    QString idColumn;
    QString from;
};

FilterSql filterSql(const ListingRepository::Filter &filter)
{
    FilterSql sql;
    QStringList conditions;
    const QString favoritedBy = filter.favoritedBy
        ? QStringLiteral("f.user_id = :favorited_by")
        : QStringLiteral("f.user_id = (SELECT id FROM users WHERE username_key = :favorited)");
    const bool byFavorites = !filter.favoritedByUsername.isEmpty() || filter.favoritedBy;
    if (!filter.tag.isEmpty()) {
        sql.idColumn = QStringLiteral("l.article_id");
        sql.from = QStringLiteral("article_tags l");
        conditions.append(QStringLiteral("l.tag_id = (SELECT id FROM tags WHERE name = :tag)"));
        if (byFavorites) {
            sql.from += QStringLiteral(" JOIN favorites f ON f.article_id = l.article_id");
            conditions.append(favoritedBy);
        }
    } else if (byFavorites) {
        sql.idColumn = QStringLiteral("f.article_id");
        sql.from = QStringLiteral("favorites f");
        conditions.append(favoritedBy);
    } else {
        sql.idColumn = QStringLiteral("a.id");
        sql.from = QStringLiteral("articles a");
    }
    const bool byAuthorName = !filter.authorUsername.isEmpty();
    if (filter.authorId || byAuthorName || filter.feedOf) {
        if (sql.idColumn != QLatin1String("a.id"))
            sql.from += QStringLiteral(" JOIN articles a ON a.id = ") + sql.idColumn;
        if (filter.authorId)
            conditions.append(QStringLiteral("a.author_id = :author"));
        if (byAuthorName)
            conditions.append(
                QStringLiteral("a.author_id = (SELECT id FROM users WHERE username_key = :author_name)"));
        if (filter.feedOf)
            conditions.append(
                QStringLiteral("a.author_id IN (SELECT followed_id FROM follows WHERE follower_id = :feed)"));
    }
    if (!conditions.isEmpty())
        sql.from += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    return sql;
}

} // namespace

ListingRepository::ListingRepository(Database &database)
    : m_database(database)
{
}

QList<ArticleListItem> ListingRepository::items(int limit, qint64 offset, Order order)
{
    const QString direction = order == Order::OldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC");
    SqlQuery rows = pageOf(QStringLiteral("SELECT id FROM articles ORDER BY id ") + direction
            + QStringLiteral(" LIMIT :limit OFFSET :offset"),
        order);
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    return readItems(rows, limit);
}

QList<ArticleListItem> ListingRepository::itemsFrom(qint64 anchorId, qint64 skip, int count, Order order)
{
    SqlQuery rows = pageOf(
        QStringLiteral("SELECT id FROM articles WHERE id >= :anchor ORDER BY id LIMIT :count OFFSET :skip"),
        order);
    rows.bind(QStringLiteral(":anchor"), anchorId)
        .bind(QStringLiteral(":count"), count)
        .bind(QStringLiteral(":skip"), skip)
        .exec();
    return readItems(rows, count);
}

SqlQuery ListingRepository::pageOf(const QString &ids, Order order)
{
    // The ids come from the primary key alone (the offset skips index entries, not rows), the rows by
    // those ids, in one statement: one round trip to PostgreSQL instead of two (a hand-off to another
    // process each, which at low load cost more than the query on this VM). Its best plan is the same
    // whatever the LIMIT and OFFSET, but PostgreSQL's estimates made it plan it at every call (0.2 ms
    // with the view around it), so it runs where plans are kept (Database::Planning::Once).
    const QString direction = order == Order::OldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const SqlDialect &dialect = m_database.dialect();
    return SqlQuery(m_database.connection(Database::Planning::Once), dialect,
        QStringLiteral("SELECT ") + ListingColumns + QStringLiteral(" FROM article_listing WHERE ")
            + dialect.inSelectedIds(QStringLiteral("id"), ids) + QStringLiteral(" ORDER BY id ") + direction);
}

void ListingRepository::Filter::bindTo(SqlQuery &query) const
{
    if (!tag.isEmpty())
        query.bind(QStringLiteral(":tag"), tag);
    if (!favoritedByUsername.isEmpty() && !favoritedBy)
        query.bind(QStringLiteral(":favorited"), Validation::usernameKey(favoritedByUsername));
    if (favoritedBy)
        query.bind(QStringLiteral(":favorited_by"), *favoritedBy);
    if (authorId)
        query.bind(QStringLiteral(":author"), *authorId);
    if (!authorUsername.isEmpty())
        query.bind(QStringLiteral(":author_name"), Validation::usernameKey(authorUsername));
    if (feedOf)
        query.bind(QStringLiteral(":feed"), *feedOf);
}

QByteArray ListingRepository::Filter::key() const
{
    // Lengths first, so no tag or name can pass for another field. Appended one by one: a QStringBuilder
    // chain would keep references to the temporaries.
    QByteArray key;
    const auto text = [&key](const QString &value) {
        const QByteArray utf8 = value.toUtf8();
        key.append(QByteArray::number(utf8.size())).append(':').append(utf8).append('|');
    };
    const auto id = [&key](const std::optional<qint64> &value) {
        key.append(value ? QByteArray::number(*value) : QByteArray("-")).append('|');
    };
    text(tag);
    id(authorId);
    text(Validation::usernameKey(authorUsername));
    text(Validation::usernameKey(favoritedByUsername));
    id(feedOf);
    id(favoritedBy);
    key.append(newestFirst ? 'n' : 'o');
    return key;
}

ArticlePage ListingRepository::filtered(
    const Filter &filter, int limit, qint64 offset, std::optional<qint64> knownTotal)
{
    const FilterSql sql = filterSql(filter);
    const QString direction = filter.newestFirst ? QStringLiteral(" DESC") : QStringLiteral(" ASC");
    ArticlePage page;
    QSqlDatabase db = m_database.connection();
    if (knownTotal) {
        page.total = *knownTotal;
    } else {
        SqlQuery count(db, m_database.dialect(), QStringLiteral("SELECT count(*) FROM ") + sql.from);
        filter.bindTo(count);
        count.exec();
        page.total = count.next() ? count.value(0).toLongLong() : 0;
    }
    if (page.total <= offset)
        return page;
    SqlQuery rows(db, m_database.dialect(),
        QStringLiteral("SELECT ") + EveryListingColumn
            + QStringLiteral(" FROM article_listing WHERE id IN (SELECT ") + sql.idColumn
            + QStringLiteral(" FROM ") + sql.from + QStringLiteral(" ORDER BY ") + sql.idColumn + direction
            + QStringLiteral(" LIMIT :limit OFFSET :offset) ORDER BY id") + direction);
    filter.bindTo(rows);
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    page.items = readItems(rows, limit, true);
    return page;
}

QStringList ListingRepository::tagsInUse()
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT t.name FROM tags t "
                       "WHERE EXISTS (SELECT 1 FROM article_tags l WHERE l.tag_id = t.id) ORDER BY t.name"));
    query.exec();
    QStringList tags;
    while (query.next())
        tags.append(query.value(0).toString());
    return tags;
}

ListingRepository::Anchors ListingRepository::anchors(int every)
{
    // Anchor to anchor by index seeks, each skipping `every` ids, all in one statement: at a million
    // articles one row_number() pass over the table took 1.2 s, ~2,000 short queries 30 ms on SQLite and
    // 0.23 s of PostgreSQL's time (each planned anew), this 15 ms and 0.18 s.
    Anchors anchors;
    anchors.every = every;
    anchors.changeMark = articlesChangeMark(); // before: a change during the read shows next time
    QSqlDatabase db = m_database.connection();
    {
        SqlQuery ids(db, m_database.dialect(),
            QStringLiteral("WITH RECURSIVE anchor(id) AS (SELECT min(id) FROM articles UNION ALL "
                           "SELECT (SELECT a.id FROM articles a WHERE a.id >= anchor.id ORDER BY a.id "
                           "LIMIT 1 OFFSET :every) FROM anchor WHERE anchor.id IS NOT NULL) "
                           "SELECT id FROM anchor WHERE id IS NOT NULL"));
        ids.bind(QStringLiteral(":every"), every).exec();
        while (ids.next())
            anchors.ids.append(ids.value(0).toLongLong());
    }
    if (anchors.ids.isEmpty())
        return anchors;
    SqlQuery rest(
        db, m_database.dialect(), QStringLiteral("SELECT count(*) FROM articles WHERE id >= :anchor"));
    rest.bind(QStringLiteral(":anchor"), anchors.ids.last()).exec();
    anchors.total = (anchors.ids.size() - 1) * qint64(every) + (rest.next() ? rest.value(0).toLongLong() : 0);
    return anchors;
}

std::optional<qint64> ListingRepository::articlesChangeMark()
{
    if (m_database.dialect().kind() != DatabaseUrl::Kind::Postgres)
        return std::nullopt;
    // PostgreSQL's cumulative statistics count every row inserted into or deleted from the table, by any
    // connection, in shared memory: a read without touching the table. A backend reports its counts
    // after its commits, within a second when busy and up to a minute later when the statistics are
    // contended; a reset of them only reads the anchors once more. Without track_counts they stay still:
    // then there is no mark. TRUNCATE is not counted; ListingPositions reads the anchors every minute
    // whatever the mark says.
    SqlQuery mark(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT CASE WHEN current_setting('track_counts') = 'on' THEN "
                       "pg_stat_get_tuples_inserted(c.oid) + pg_stat_get_tuples_deleted(c.oid) END "
                       "FROM pg_class c WHERE c.oid = CAST('articles' AS regclass)"));
    mark.exec();
    if (!mark.next() || mark.value(0).isNull())
        return std::nullopt;
    return mark.value(0).toLongLong();
}

const QString &ListingRepository::everyListingColumn()
{
    return EveryListingColumn;
}

QList<ArticleListItem> ListingRepository::readEveryColumn(SqlQuery &rows, int expected)
{
    return readItems(rows, expected, true);
}

QList<ArticleListItem> ListingRepository::readItems(SqlQuery &rows, int expected, bool everyColumn)
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
        item.id = rows.value(7).toLongLong();
        if (everyColumn) {
            item.authorUsername = rows.value(8).toString();
            item.authorBio = rows.value(9).toString();
            item.authorImage = rows.value(10).toString();
            item.createdAt = Timestamp::fromString(rows.value(11).toString());
            item.updatedAt = Timestamp::fromString(rows.value(12).toString());
            item.favoritesCount = rows.value(13).toLongLong();
        }
        items.append(item);
    }
    return items;
}

} // namespace blog
