#include "SearchRepository.h"

#include "Database.h"
#include "SearchTerms.h"
#include "SqlQuery.h"
#include "Validation.h"

namespace blog {

namespace {

// How each database spells a search. Fixed text; the query and the filter's values are bound.
struct SearchSql
{
    QString from;
    QString id; // the matching article's id
    QString match;
    QString score;
    QString bestFirst; // the direction of `score` that puts the best match first
};

SearchSql searchSql(const SqlDialect &dialect)
{
    if (dialect.kind() == DatabaseUrl::Kind::Sqlite) {
        // bm25's weights per column: title, description, text, tags.
        return { QStringLiteral("article_search"), QStringLiteral("article_search.rowid"),
            QStringLiteral("article_search MATCH :match"),
            QStringLiteral("bm25(article_search, 10.0, 4.0, 1.0, 4.0)"), QStringLiteral("ASC") };
    }
    // The documents' weights (A title, B description and tags, D text) rank them.
    return { QStringLiteral("article_search s CROSS JOIN "
                            "(SELECT websearch_to_tsquery('english', blog_search_fold(:match)) AS q) wanted"),
        QStringLiteral("s.article_id"), QStringLiteral("s.document @@ wanted.q"),
        QStringLiteral("ts_rank(s.document, wanted.q)"), QStringLiteral("DESC") };
}

QString conditions(const SearchSql &sql, const ListingRepository::Filter &filter)
{
    QStringList all { sql.match };
    const auto in
        = [&](const QString &ids) { all.append(sql.id + QStringLiteral(" IN (") + ids + QLatin1Char(')')); };
    if (!filter.tag.isEmpty())
        in(QStringLiteral("SELECT l.article_id FROM article_tags l "
                          "WHERE l.tag_id = (SELECT id FROM tags WHERE name = :tag)"));
    if (!filter.favoritedByUsername.isEmpty())
        in(QStringLiteral("SELECT f.article_id FROM favorites f "
                          "WHERE f.user_id = (SELECT id FROM users WHERE username_key = :favorited)"));
    if (filter.authorId)
        in(QStringLiteral("SELECT a.id FROM articles a WHERE a.author_id = :author"));
    if (!filter.authorUsername.isEmpty())
        in(QStringLiteral("SELECT a.id FROM articles a "
                          "WHERE a.author_id = (SELECT id FROM users WHERE username_key = :author_name)"));
    if (filter.feedOf)
        in(QStringLiteral(
            "SELECT a.id FROM articles a "
            "WHERE a.author_id IN (SELECT followed_id FROM follows WHERE follower_id = :feed)"));
    return all.join(QStringLiteral(" AND "));
}

void bind(SqlQuery &query, const QString &match, const ListingRepository::Filter &filter)
{
    query.bind(QStringLiteral(":match"), match);
    if (!filter.tag.isEmpty())
        query.bind(QStringLiteral(":tag"), filter.tag);
    if (!filter.favoritedByUsername.isEmpty())
        query.bind(QStringLiteral(":favorited"), Validation::usernameKey(filter.favoritedByUsername));
    if (filter.authorId)
        query.bind(QStringLiteral(":author"), *filter.authorId);
    if (!filter.authorUsername.isEmpty())
        query.bind(QStringLiteral(":author_name"), Validation::usernameKey(filter.authorUsername));
    if (filter.feedOf)
        query.bind(QStringLiteral(":feed"), *filter.feedOf);
}

} // namespace

SearchRepository::SearchRepository(Database &database)
    : m_database(database)
{
}

QString SearchRepository::matchText(const SearchTerms &terms)
{
    // Parts hold letters, digits and marks only; a quote is doubled all the same, as both read it.
    QStringList quoted;
    for (const QStringList *parts : { &terms.words, &terms.phrases }) {
        for (QString part : *parts)
            quoted.append(
                QLatin1Char('"') + part.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"'));
    }
    return quoted.join(QLatin1Char(' '));
}

ArticlePage SearchRepository::search(
    const SearchTerms &terms, const ListingRepository::Filter &filter, int limit, qint64 offset)
{
    const SearchSql sql = searchSql(m_database.dialect());
    const QString where = conditions(sql, filter);
    const QString match = matchText(terms);
    QSqlDatabase db = m_database.connection();
    ArticlePage page;
    {
        SqlQuery count(db, m_database.dialect(),
            QStringLiteral("SELECT count(*) FROM ") + sql.from + QStringLiteral(" WHERE ") + where);
        bind(count, match, filter);
        count.exec();
        page.total = count.next() ? count.value(0).toLongLong() : 0;
    }
    if (page.total <= offset)
        return page;
    const QString order = QStringLiteral("score ") + sql.bestFirst + QStringLiteral(", hit DESC");
    SqlQuery rows(db, m_database.dialect(),
        QStringLiteral("SELECT ") + ListingRepository::everyListingColumn()
            + QStringLiteral(" FROM article_listing JOIN (SELECT ") + sql.id + QStringLiteral(" AS hit, ")
            + sql.score + QStringLiteral(" AS score FROM ") + sql.from + QStringLiteral(" WHERE ") + where
            + QStringLiteral(" ORDER BY ") + order
            + QStringLiteral(
                " LIMIT :limit OFFSET :offset) ranked ON ranked.hit = article_listing.id ORDER BY ")
            + order);
    bind(rows, match, filter);
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    page.items = ListingRepository::readEveryColumn(rows, limit);
    return page;
}

} // namespace blog
