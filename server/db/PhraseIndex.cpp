#include "PhraseIndex.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "PhrasePairs.h"
#include "SqlQuery.h"
#include "WriteTransaction.h"

namespace blog {

namespace {

constexpr int Batch = 500;
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

// An FTS5 column: the pairs separated by spaces; `parts` are the tags, with a lone joiner between two (a
// token no phrase has, so one tag's pairs are not the next one's neighbours).
QString ftsColumn(const QStringList &parts)
{
    QString column;
    for (const QString &part : parts) {
        if (!column.isEmpty())
            column.append(QChar(PhrasePairs::Joiner)).append(QLatin1Char(' '));
        PhrasePairs::forEach(
            part, [&column](QStringView pair) { column.append(pair).append(QLatin1Char(' ')); });
    }
    return column;
}

// An article's pairs as one tsvector literal, each at its position with its field's weight (A title, B
// description and tags, D text, like article_search). Each field and tag starts a position after the
// last one's end, so no pair is the neighbour of another field's or tag's; positions stop at
// MaxPosition. Pairs are word characters and the joiner, so they never need quoting inside the quotes.
QString tsvectorLiteral(const QueuedArticle &article)
{
    QString literal;
    int position = 0;
    const auto field = [&](const QString &text, QChar weight) {
        ++position;
        PhrasePairs::forEach(text, [&](QStringView pair) {
            if (position >= MaxPosition)
                return;
            literal.append(QLatin1Char('\'')).append(pair).append(QLatin1String("':"));
            literal.append(QString::number(++position)).append(weight).append(QLatin1Char(' '));
        });
    };
    field(article.title, QLatin1Char('A'));
    field(article.description, QLatin1Char('B'));
    for (const QString &tag : article.tags)
        field(tag, QLatin1Char('B'));
    field(article.text, QLatin1Char('D'));
    return literal;
}

// A PostgreSQL text[] literal.
QString textArray(const QStringList &values)
{
    QString literal(QLatin1Char('{'));
    for (qsizetype i = 0; i < values.size(); ++i) {
        QString value = values[i];
        value.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('"'), QLatin1String("\\\""));
        literal += (i > 0 ? QStringLiteral(",\"") : QStringLiteral("\"")) + value + QLatin1Char('"');
    }
    return literal + QLatin1Char('}');
}

} // namespace

PhraseIndex::PhraseIndex(Database &database)
    : m_database(database)
{
}

void PhraseIndex::catchUp(QSqlDatabase db, qint64 articleId)
{
    qint64 after = 0;
    indexQueued(db, articleId, after);
}

qint64 PhraseIndex::catchUpAll(QSqlDatabase db)
{
    qint64 indexed = 0;
    qint64 after = 0;
    for (int batch = Batch; batch == Batch; indexed += batch)
        batch = indexQueued(db, 0, after);
    return indexed;
}

qint64 PhraseIndex::catchUpAll()
{
    qint64 indexed = 0;
    qint64 after = 0;
    for (int batch = Batch; batch == Batch; indexed += batch) {
        WriteTransaction transaction(m_database);
        batch = indexQueued(transaction.connection(), 0, after);
        transaction.commit();
    }
    return indexed;
}

int PhraseIndex::indexQueued(QSqlDatabase db, qint64 articleId, qint64 &after)
{
    const SqlDialect &dialect = m_database.dialect();
    const bool sqlite = dialect.kind() == DatabaseUrl::Kind::Sqlite;
    // The queue read from the last batch's end, a batch at a time before the join: a scan from the
    // start stepped over every row deleted before (PostgreSQL keeps them in the index until a vacuum),
    // and a join before the limit merged with a scan of every article before. PostgreSQL: the article's
    // row is locked while its pairs are made, so a writer on another instance cannot change it between
    // this read and the write below (it waits, and its trigger queues the article again).
    SqlQuery queued(db, dialect,
        QStringLiteral("SELECT a.id, a.title, a.description, a.text, a.tag_list "
                       "FROM (SELECT article_id FROM article_search_pairs_pending WHERE article_id > :after ")
            + (articleId ? QStringLiteral("AND article_id = :id ") : QString())
            + QStringLiteral("ORDER BY article_id LIMIT :batch) p JOIN articles a ON a.id = p.article_id "
                             "ORDER BY a.id")
            + (sqlite ? QString() : QStringLiteral(" FOR UPDATE OF a")));
    if (articleId)
        queued.bind(QStringLiteral(":id"), articleId);
    queued.bind(QStringLiteral(":after"), after).bind(QStringLiteral(":batch"), Batch).exec();
    QList<QueuedArticle> articles;
    while (queued.next()) {
        articles.append(
            { queued.value(0).toLongLong(), queued.value(1).toString(), queued.value(2).toString(),
                queued.value(3).toString(), ArticleCodec::tagsFromJsonText(queued.value(4).toByteArray()) });
    }
    queued.finish();
    if (articles.isEmpty())
        return 0;
    after = articles.last().id;
    QList<qint64> ids;
    for (const QueuedArticle &article : std::as_const(articles))
        ids.append(article.id);

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
    } else {
        // One statement a batch, its rows as arrays: a statement an article spent more in the round
        // trips and in executing each statement than in making the documents.
        QStringList documents;
        for (const QueuedArticle &article : std::as_const(articles))
            documents.append(tsvectorLiteral(article));
        SqlQuery upsert(db, dialect,
            QStringLiteral("INSERT INTO article_search_pairs (article_id, pairs) "
                           "SELECT u.id, CAST(u.pairs AS tsvector) "
                           "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:pairs AS TEXT[])) AS u (id, pairs) "
                           "ON CONFLICT (article_id) DO UPDATE SET pairs = excluded.pairs"));
        upsert.bind(QStringLiteral(":ids"), dialect.boundIds(ids))
            .bind(QStringLiteral(":pairs"), textArray(documents))
            .exec();
    }
    SqlQuery done(db, dialect,
        QStringLiteral("DELETE FROM article_search_pairs_pending WHERE ")
            + dialect.inBoundIds(QStringLiteral("article_id")));
    done.bind(QStringLiteral(":ids"), dialect.boundIds(ids)).exec();
    return int(articles.size());
}

} // namespace blog
