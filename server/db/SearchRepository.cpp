#include "SearchRepository.h"

#include "Database.h"
#include "PhrasePairs.h"
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

SearchSql wordsSql(const SqlDialect &dialect)
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

// A search with phrases is led by their pairs (migration 0009), weighed like the words are; `:words`,
// when there are words beside them, is read once too.
SearchSql pairsSql(const SqlDialect &dialect, bool besideWords)
{
    if (dialect.kind() == DatabaseUrl::Kind::Sqlite) {
        return { QStringLiteral("article_search_pairs"), QStringLiteral("article_search_pairs.rowid"),
            QStringLiteral("article_search_pairs MATCH :match"),
            QStringLiteral("bm25(article_search_pairs, 10.0, 4.0, 1.0, 4.0)"), QStringLiteral("ASC") };
    }
    return { QStringLiteral("article_search_pairs s CROSS JOIN (SELECT CAST(:match AS tsquery) AS q")
            + (besideWords
                    ? QStringLiteral(", websearch_to_tsquery('english', blog_search_fold(:words)) AS w")
                    : QString())
            + QStringLiteral(") wanted"),
        QStringLiteral("s.article_id"), QStringLiteral("s.pairs @@ wanted.q"),
        QStringLiteral("ts_rank(s.pairs, wanted.q)"), QStringLiteral("DESC") };
}

// Beside the pairs, that the article has the words (and the phrases the pairs cannot answer): looked up
// for each article the pairs found, since a phrase's pairs are rarer than its words. SQLite: an FTS5
// query for each (17 ms for 262 articles and a word nearly every text has, where the articles that have
// the word, gathered first, took 2 s). PostgreSQL: words beside the phrases that are all stop words ask
// for nothing more (`"quick fox" the` finds the phrase, not no article).
QString wordsBesidePairs(const SqlDialect &dialect)
{
    if (dialect.kind() == DatabaseUrl::Kind::Sqlite)
        return QStringLiteral("EXISTS (SELECT 1 FROM article_search WHERE article_search MATCH :words "
                              "AND article_search.rowid = article_search_pairs.rowid)");
    return QStringLiteral("(numnode(wanted.w) = 0 OR EXISTS (SELECT 1 FROM article_search x "
                          "WHERE x.article_id = s.article_id AND x.document @@ wanted.w))");
}

// The phrases' pairs as the database reads them: each phrase's pairs in a row, every phrase required.
QString pairsMatchText(const SqlDialect &dialect, const QList<QStringList> &phrases)
{
    if (dialect.kind() == DatabaseUrl::Kind::Sqlite) {
        // FTS5 reads a phrase of pairs like one of words.
        SearchTerms pairs;
        for (const QStringList &phrase : phrases)
            pairs.phrases.append(phrase.join(QLatin1Char(' ')));
        return SearchRepository::matchText(pairs);
    }
    QString query;
    for (const QStringList &phrase : phrases) {
        query += query.isEmpty() ? QStringLiteral("(") : QStringLiteral(" & (");
        for (qsizetype i = 0; i < phrase.size(); ++i) {
            if (i > 0)
                query += QStringLiteral(" <-> ");
            SqlDialect::appendTextSearchLexeme(query, phrase[i]);
        }
        query += QLatin1Char(')');
    }
    return query;
}

// What a search asks of which index: the phrases that pairs answer, the rest of the words index.
struct SearchPlan
{
    SearchSql sql;
    QString match;
    QString words; // beside the pairs; empty when the words index leads or nothing else is asked
};

SearchPlan plan(const SqlDialect &dialect, const SearchTerms &terms)
{
    SearchTerms byWords;
    byWords.words = terms.words;
    QList<QStringList> byPairs;
    for (const QString &phrase : terms.phrases) {
        if (auto pairs = PhrasePairs::ofPhrase(phrase))
            byPairs.append(*pairs);
        else
            byWords.phrases.append(phrase);
    }
    if (byPairs.isEmpty())
        return { wordsSql(dialect), SearchRepository::matchText(byWords), {} };
    return { pairsSql(dialect, !byWords.isEmpty()), pairsMatchText(dialect, byPairs),
        byWords.isEmpty() ? QString() : SearchRepository::matchText(byWords) };
}

QString conditions(const SqlDialect &dialect, const SearchPlan &plan, const ListingRepository::Filter &filter)
{
    const SearchSql &sql = plan.sql;
    QStringList all { sql.match };
    const auto in
        = [&](const QString &ids) { all.append(sql.id + QStringLiteral(" IN (") + ids + QLatin1Char(')')); };
    if (!plan.words.isEmpty())
        all.append(wordsBesidePairs(dialect));
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

void bind(SqlQuery &query, const SearchPlan &plan, const ListingRepository::Filter &filter)
{
    query.bind(QStringLiteral(":match"), plan.match);
    if (!plan.words.isEmpty())
        query.bind(QStringLiteral(":words"), plan.words);
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
    const SearchPlan searchPlan = plan(m_database.dialect(), terms);
    const SearchSql &sql = searchPlan.sql;
    const QString where = conditions(m_database.dialect(), searchPlan, filter);
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
        bind(ranked, searchPlan, filter);
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
            bind(count, searchPlan, filter);
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
