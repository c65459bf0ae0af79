#include "PhraseIndex.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "PhrasePairs.h"
#include "SqlQuery.h"
#include "TagRows.h"
#include "WriteTransaction.h"

namespace blog {

namespace {

// PostgreSQL keeps positions up to this one; pairs past it could not be told apart by position.
constexpr int MaxPosition = 16383;

struct QueuedArticle
{
    qint64 id = 0;
    QString title;
    QString description;
    QString text;
    QStringList tags;
};

// An FTS5 column: the pairs separated by spaces. A lone joiner (a token no phrase has) stands for a pair
// too long to index and goes between two of `parts` (the tags), so no pair passes for the neighbour of
// one it was not next to.
QString ftsColumn(const QStringList &parts)
{
    const auto gap
        = [](QString &column) { column.append(QChar(PhrasePairs::Joiner)).append(QLatin1Char(' ')); };
    QString column;
    for (const QString &part : parts) {
        if (!column.isEmpty())
            gap(column);
        PhrasePairs::forEach(part, [&](QStringView pair) {
            if (pair.isEmpty())
                gap(column);
            else
                column.append(pair).append(QLatin1Char(' '));
        });
    }
    return column;
}

// An article's pairs as one tsvector literal, each at its position with its field's weight (A title, B
// description and tags, D text, like article_search). Each field and tag starts a position after the
// last one's end and a pair too long to index keeps its position, so no pair passes for the neighbour of
// one it was not next to; positions stop at MaxPosition. Folding can put any character into a pair ("⑴"
// is "(1)"), so lexemes are quoted.
QString tsvectorLiteral(const QueuedArticle &article)
{
    QString literal;
    int position = 0;
    const auto field = [&](const QString &text, QChar weight) {
        ++position;
        PhrasePairs::forEach(text, [&](QStringView pair) {
            if (++position > MaxPosition || pair.isEmpty())
                return;
            SqlDialect::appendTextSearchLexeme(literal, pair);
            literal.append(QLatin1Char(':'))
                .append(QString::number(position))
                .append(weight)
                .append(QLatin1Char(' '));
        });
    };
    field(article.title, QLatin1Char('A'));
    field(article.description, QLatin1Char('B'));
    for (const QString &tag : article.tags)
        field(tag, QLatin1Char('B'));
    field(article.text, QLatin1Char('D'));
    return literal;
}

} // namespace

PhraseIndex::PhraseIndex(Database &database)
    : m_database(database)
{
}

void PhraseIndex::queueAll(QSqlDatabase db)
{
    SqlQuery::exec(db, m_database.dialect(),
        QStringLiteral("INSERT INTO article_search_pairs_pending (article_id) SELECT id FROM articles "
                       "WHERE true ON CONFLICT (article_id) DO NOTHING"));
}

void PhraseIndex::catchUp(QSqlDatabase db, qint64 articleId)
{
    qint64 after = 0;
    indexQueued(db, articleId, after, OtherWriters::None);
}

qint64 PhraseIndex::catchUpAll(QSqlDatabase db)
{
    qint64 read = 0;
    qint64 after = 0;
    for (int batch = BatchSize; batch == BatchSize; read += batch)
        batch = indexQueued(db, 0, after, OtherWriters::None);
    return read;
}

qint64 PhraseIndex::catchUpQueued(qint64 atMost)
{
    {
        // Mostly empty: a read, not a write transaction (on SQLite the one writer) every time.
        SqlQuery any(m_database.connection(), m_database.dialect(),
            QStringLiteral("SELECT 1 FROM article_search_pairs_pending LIMIT 1"));
        any.exec();
        if (!any.next())
            return 0;
    }
    qint64 read = 0;
    qint64 after = 0;
    for (int batch = BatchSize; batch == BatchSize && read < atMost; read += batch) {
        WriteTransaction transaction(m_database);
        batch = indexQueued(transaction.connection(), 0, after, OtherWriters::Possible);
        transaction.commit();
    }
    return read;
}

int PhraseIndex::indexQueued(QSqlDatabase db, qint64 articleId, qint64 &after, OtherWriters otherWriters)
{
    const SqlDialect &dialect = m_database.dialect();
    const bool sqlite = dialect.kind() == DatabaseUrl::Kind::Sqlite;
    // The queue from the last batch's end: from its start, PostgreSQL stepped over every row this
    // transaction had deleted (they stay in the index until a vacuum) again each batch.
    QList<qint64> queued;
    {
        SqlQuery query(db, dialect,
            QStringLiteral("SELECT article_id FROM article_search_pairs_pending WHERE article_id > :after ")
                + (articleId ? QStringLiteral("AND article_id = :id ") : QString())
                + QStringLiteral("ORDER BY article_id LIMIT :batch"));
        if (articleId)
            query.bind(QStringLiteral(":id"), articleId);
        query.bind(QStringLiteral(":after"), after).bind(QStringLiteral(":batch"), BatchSize).exec();
        while (query.next())
            queued.append(query.value(0).toLongLong());
    }
    if (queued.isEmpty())
        return 0;
    after = queued.last();
    const QString boundQueued = dialect.boundIds(queued);

    // PostgreSQL, beside other writers: each row locked while its pairs are made, so a writer on another
    // instance cannot change it between this read and the write below (it waits, and its trigger queues
    // the article again). An article deleted since it was queued is not there, and leaves the queue.
    QList<QueuedArticle> articles;
    {
        SqlQuery query(db, dialect,
            QStringLiteral("SELECT id, title, description, text FROM articles WHERE ")
                + dialect.inBoundIds(QStringLiteral("id")) + QStringLiteral(" ORDER BY id")
                + (!sqlite && otherWriters == OtherWriters::Possible ? QStringLiteral(" FOR UPDATE")
                                                                     : QString()));
        query.bind(QStringLiteral(":ids"), boundQueued).exec();
        while (query.next())
            articles.append({ query.value(0).toLongLong(), query.value(1).toString(),
                query.value(2).toString(), query.value(3).toString(), {} });
    }
    {
        // From the links, which the triggers watch (not the articles' tag_list, which a link written by
        // hand leaves as it was); each tag apart, so no pair runs from one into the next.
        SqlQuery query(db, dialect,
            QStringLiteral(
                "SELECT l.article_id, t.name FROM article_tags l JOIN tags t ON t.id = l.tag_id WHERE ")
                + dialect.inBoundIds(QStringLiteral("l.article_id"))
                + QStringLiteral(" ORDER BY l.article_id, l.position"));
        query.bind(QStringLiteral(":ids"), boundQueued).exec();
        readTagRowsInto(query, articles);
    }

    if (sqlite) {
        SqlQuery remove(db, dialect, QStringLiteral("DELETE FROM article_search_pairs WHERE rowid = :id"));
        SqlQuery insert(db, dialect,
            QStringLiteral("INSERT INTO article_search_pairs (rowid, title, description, text, tags) "
                           "VALUES (:id, :title, :description, :text, :tags)"));
        for (const QueuedArticle &article : std::as_const(articles)) {
            remove.bind(QStringLiteral(":id"), article.id).exec();
            insert.bind(QStringLiteral(":id"), article.id)
                .bind(QStringLiteral(":title"), ftsColumn({ article.title }))
                .bind(QStringLiteral(":description"), ftsColumn({ article.description }))
                .bind(QStringLiteral(":text"), ftsColumn({ article.text }))
                .bind(QStringLiteral(":tags"), ftsColumn(article.tags))
                .exec();
        }
    } else if (!articles.isEmpty()) {
        // One statement a batch, its rows as arrays: a statement an article spent more in the round
        // trips and in executing each statement than in making the documents.
        QList<qint64> ids;
        QStringList documents;
        for (const QueuedArticle &article : std::as_const(articles)) {
            ids.append(article.id);
            documents.append(tsvectorLiteral(article));
        }
        SqlQuery upsert(db, dialect,
            QStringLiteral("INSERT INTO article_search_pairs (article_id, pairs) "
                           "SELECT u.id, CAST(u.pairs AS tsvector) "
                           "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:pairs AS TEXT[])) AS u (id, pairs) "
                           "ON CONFLICT (article_id) DO UPDATE SET pairs = excluded.pairs"));
        upsert.bind(QStringLiteral(":ids"), dialect.boundIds(ids))
            .bind(QStringLiteral(":pairs"), SqlDialect::postgresTextArray(documents))
            .exec();
    }
    SqlQuery done(db, dialect,
        QStringLiteral("DELETE FROM article_search_pairs_pending WHERE ")
            + dialect.inBoundIds(QStringLiteral("article_id")));
    done.bind(QStringLiteral(":ids"), boundQueued).exec();
    return int(queued.size());
}

} // namespace blog
