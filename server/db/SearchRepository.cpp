#include "SearchRepository.h"

#include "Database.h"
#include "SearchTerms.h"
#include "SqlQuery.h"

#include <algorithm>

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
    if (!filter.favoritedByUsername.isEmpty() && !filter.favoritedBy)
        in(QStringLiteral("SELECT f.article_id FROM favorites f "
                          "WHERE f.user_id = (SELECT id FROM users WHERE username_key = :favorited)"));
    if (filter.favoritedBy)
        in(QStringLiteral("SELECT f.article_id FROM favorites f WHERE f.user_id = :favorited_by"));
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
    filter.bindTo(query);
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
    // The matching is planned for its words, the rows by id once (Database::Planning).
    QSqlDatabase db = m_database.connection(Database::Planning::PerCall);
    ArticlePage page;
    // The page's ids, best first, and the count of the matches ranked beside them: the engine evaluates
    // the query once. Only the newest MaxRanked matches are ranked: the engine reads them newest first
    // and stops there, where ranking every match of a common word took 1.7 s at a million articles
    // (scoring and sorting them all) and the newest thousand take ~30 ms.
    const QString newestMatches = QStringLiteral(" FROM ") + sql.from + QStringLiteral(" WHERE ") + where
        + QStringLiteral(" ORDER BY ") + sql.id + QStringLiteral(" DESC LIMIT :ranked) matches");
    QList<qint64> hits;
    {
        // In a subquery: FTS5 refuses bm25() beside a window function.
        SqlQuery ranked(db, m_database.dialect(),
            QStringLiteral("SELECT hit, count(*) OVER () FROM (SELECT ") + sql.id
                + QStringLiteral(" AS hit, ") + sql.score + QStringLiteral(" AS score") + newestMatches
                + QStringLiteral(" ORDER BY score ") + sql.bestFirst
                + QStringLiteral(", hit DESC LIMIT :limit OFFSET :offset"));
        bind(ranked, match, filter);
        ranked.bind(QStringLiteral(":ranked"), MaxRanked)
            .bind(QStringLiteral(":limit"), limit)
            .bind(QStringLiteral(":offset"), offset)
            .exec();
        while (ranked.next()) {
            hits.append(ranked.value(0).toLongLong());
            page.total = ranked.value(1).toLongLong();
        }
    }
    if (hits.isEmpty()) {
        if (offset > 0) { // past the last match: how many there are
            SqlQuery count(db, m_database.dialect(),
                QStringLiteral("SELECT count(*) FROM (SELECT ") + sql.id + newestMatches);
            bind(count, match, filter);
            count.bind(QStringLiteral(":ranked"), MaxRanked);
            count.exec();
            page.total = count.next() ? count.value(0).toLongLong() : 0;
        }
        return page;
    }
    SqlQuery rows(m_database.connection(Database::Planning::Once), m_database.dialect(),
        QStringLiteral("SELECT ") + ListingRepository::everyListingColumn()
            + QStringLiteral(" FROM article_listing WHERE ")
            + m_database.dialect().inBoundIds(QStringLiteral("id")));
    rows.bind(QStringLiteral(":ids"), m_database.dialect().boundIds(hits)).exec();
    const QList<ArticleListItem> items = ListingRepository::readEveryColumn(rows, int(hits.size()));
    // In the ranking's order; an article deleted between the two reads is left out.
    for (const qint64 hit : std::as_const(hits)) {
        const auto item = std::find_if(items.begin(), items.end(),
            [hit](const ArticleListItem &candidate) { return candidate.id == hit; });
        if (item != items.end())
            page.items.append(*item);
    }
    return page;
}

} // namespace blog
