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

struct ArticlePairs
{
    QStringList title;
    QStringList description;
    QList<QStringList> tags; // each tag's own: no pair runs from one tag into the next
    QStringList text;
};

// FTS5's columns: the pairs separated by spaces, a lone joiner between two tags (a token that no
// phrase has, so the tags' pairs are not neighbours).
QString ftsColumn(const QList<QStringList> &parts)
{
    QStringList joined;
    for (const QStringList &part : parts)
        joined.append(part.join(QLatin1Char(' ')));
    return joined.join(QStringLiteral(" ") + QChar(PhrasePairs::Joiner) + QLatin1Char(' '));
}

// A tsvector literal, lexemes at their positions; `||` adds the previous field's last position to this
// one's, and each part starts a position later, so no pair is the neighbour of another field's or tag's.
// Positions stop at MaxPosition (`used` counts them across the article's fields).
QString tsvectorLiteral(const QList<QStringList> &parts, int &used)
{
    QString literal;
    int position = 0;
    for (const QStringList &part : parts) {
        ++position;
        for (const QString &pair : part) {
            if (used + position >= MaxPosition)
                break;
            ++position;
            QString lexeme = pair;
            // Pairs are letters, digits and marks; quoted all the same.
            lexeme.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
                .replace(QLatin1Char('\''), QLatin1String("''"));
            literal += QLatin1Char('\'') + lexeme + QStringLiteral("':") + QString::number(position)
                + QLatin1Char(' ');
        }
    }
    used += position;
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
    QList<std::pair<qint64, ArticlePairs>> articles;
    while (queued.next()) {
        ArticlePairs pairs { PhrasePairs::ofText(queued.value(1).toString()),
            PhrasePairs::ofText(queued.value(2).toString()), {},
            PhrasePairs::ofText(queued.value(3).toString()) };
        for (const QString &tag : ArticleCodec::tagsFromJsonText(queued.value(4).toByteArray()))
            pairs.tags.append(PhrasePairs::ofText(tag));
        articles.append({ queued.value(0).toLongLong(), std::move(pairs) });
    }
    queued.finish();
    if (articles.isEmpty())
        return 0;
    after = articles.last().first;
    QList<qint64> ids;
    for (const auto &article : std::as_const(articles))
        ids.append(article.first);

    if (sqlite) {
        SqlQuery remove(db, dialect, QStringLiteral("DELETE FROM article_search_pairs WHERE rowid = :id"));
        SqlQuery insert(db, dialect,
            QStringLiteral("INSERT INTO article_search_pairs (rowid, title, description, text, tags) "
                           "VALUES (:id, :title, :description, :text, :tags)"));
        for (const auto &[id, pairs] : std::as_const(articles)) {
            remove.bind(QStringLiteral(":id"), id).exec();
            insert.bind(QStringLiteral(":id"), id)
                .bind(QStringLiteral(":title"), ftsColumn({ pairs.title }))
                .bind(QStringLiteral(":description"), ftsColumn({ pairs.description }))
                .bind(QStringLiteral(":text"), ftsColumn({ pairs.text }))
                .bind(QStringLiteral(":tags"), ftsColumn(pairs.tags))
                .exec();
        }
    } else {
        // One statement a batch, its rows as arrays: a statement an article spent more in the round
        // trips and in executing each statement than in making the documents.
        QStringList titles, descriptions, tags, texts;
        for (const auto &[id, pairs] : std::as_const(articles)) {
            int used = 0; // in the order article_search weighs them: title, description, tags, text
            titles.append(tsvectorLiteral({ pairs.title }, used));
            descriptions.append(tsvectorLiteral({ pairs.description }, used));
            tags.append(tsvectorLiteral(pairs.tags, used));
            texts.append(tsvectorLiteral({ pairs.text }, used));
        }
        SqlQuery upsert(db, dialect,
            QStringLiteral("INSERT INTO article_search_pairs (article_id, pairs) "
                           "SELECT u.id, setweight(CAST(u.title AS tsvector), 'A') "
                           "|| setweight(CAST(u.description AS tsvector), 'B') "
                           "|| setweight(CAST(u.tags AS tsvector), 'B') "
                           "|| setweight(CAST(u.text AS tsvector), 'D') "
                           "FROM unnest(CAST(:ids AS BIGINT[]), CAST(:titles AS TEXT[]), "
                           "CAST(:descriptions AS TEXT[]), CAST(:tags AS TEXT[]), CAST(:texts AS TEXT[])) "
                           "AS u (id, title, description, tags, text) "
                           "ON CONFLICT (article_id) DO UPDATE SET pairs = excluded.pairs"));
        upsert.bind(QStringLiteral(":ids"), dialect.boundIds(ids))
            .bind(QStringLiteral(":titles"), textArray(titles))
            .bind(QStringLiteral(":descriptions"), textArray(descriptions))
            .bind(QStringLiteral(":tags"), textArray(tags))
            .bind(QStringLiteral(":texts"), textArray(texts))
            .exec();
    }
    SqlQuery done(db, dialect,
        QStringLiteral("DELETE FROM article_search_pairs_pending WHERE ")
            + dialect.inBoundIds(QStringLiteral("article_id")));
    done.bind(QStringLiteral(":ids"), dialect.boundIds(ids)).exec();
    return int(articles.size());
}

} // namespace blog
