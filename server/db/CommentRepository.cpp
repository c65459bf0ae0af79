#include "CommentRepository.h"

#include "Database.h"
#include "DatabaseError.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

#include <QHash>

namespace blog {

CommentRepository::CommentRepository(Database &database)
    : m_database(database)
{
}

Comment CommentRepository::insert(qint64 articleId, const CommentAuthor &author, const QString &text)
{
    const std::optional<Comment> comment = insertAll({ NewComment { articleId, author, text } }).first();
    if (!comment)
        throw DatabaseError(DatabaseError::Kind::Query, QStringLiteral("the article or the author is gone"));
    return *comment;
}

QList<std::optional<Comment>> CommentRepository::insertAll(const QList<NewComment> &comments)
{
    const QDateTime createdAt = Timestamp::now();
    const QString now = Timestamp::toString(createdAt);
    QList<std::optional<Comment>> inserted;
    inserted.reserve(comments.size());
    WriteTransaction transaction(m_database);
    QHash<qint64, qint64> added; // article id -> comments added to it here
    for (const NewComment &newComment : comments) {
        // The article was looked up before the comment was queued, and may have gone since: then this
        // comment gets no row, and the others still go in.
        SqlQuery query(transaction.connection(), m_database.dialect(),
            QStringLiteral("INSERT INTO comments (article_id, author_id, text, created_at, updated_at) "
                           "SELECT :article, :author, :text, :created, :updated "
                           "WHERE EXISTS (SELECT 1 FROM articles WHERE id = :article2) "
                           "AND EXISTS (SELECT 1 FROM users WHERE id = :author2) RETURNING id"));
        query.bind(QStringLiteral(":article"), newComment.articleId)
            .bind(QStringLiteral(":author"), newComment.author.id)
            .bind(QStringLiteral(":text"), newComment.text)
            .bind(QStringLiteral(":created"), now)
            .bind(QStringLiteral(":updated"), now)
            .bind(QStringLiteral(":article2"), newComment.articleId)
            .bind(QStringLiteral(":author2"), newComment.author.id)
            .exec();
        if (!query.next()) {
            inserted.append(std::nullopt);
            continue;
        }
        Comment comment;
        comment.id = query.value(0).toLongLong();
        comment.articleId = newComment.articleId;
        comment.author = newComment.author;
        comment.text = newComment.text;
        comment.createdAt = createdAt;
        inserted.append(comment);
        ++added[newComment.articleId];
    }
    for (auto it = added.cbegin(); it != added.cend(); ++it)
        moveCount(transaction.connection(), it.key(), it.value());
    transaction.commit();
    return inserted;
}

QList<CommentNotice> CommentRepository::newOnArticlesOf(qint64 authorId, qint64 afterId, int limit)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT c.id, c.text, c.created_at, u.id, u.full_name, a.id, a.slug, a.title "
                       "FROM articles a JOIN comments c ON c.article_id = a.id "
                       "JOIN users u ON u.id = c.author_id "
                       "WHERE a.author_id = :author AND c.id > :after AND c.author_id <> :self "
                       "AND c.deleted_at IS NULL ORDER BY c.id LIMIT :limit"));
    query.bind(QStringLiteral(":author"), authorId)
        .bind(QStringLiteral(":after"), afterId)
        .bind(QStringLiteral(":self"), authorId)
        .bind(QStringLiteral(":limit"), limit)
        .exec();
    QList<CommentNotice> notices;
    while (query.next()) {
        CommentNotice notice;
        notice.comment.id = query.value(0).toLongLong();
        notice.comment.text = query.value(1).toString();
        notice.comment.createdAt = Timestamp::fromString(query.value(2).toString());
        notice.comment.author = CommentAuthor { query.value(3).toLongLong(), query.value(4).toString() };
        notice.comment.articleId = query.value(5).toLongLong();
        notice.articleSlug = query.value(6).toString();
        notice.articleTitle = query.value(7).toString();
        notices.append(notice);
    }
    return notices;
}

qint64 CommentRepository::latestId()
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM comments"));
    query.exec();
    return query.next() ? query.value(0).toLongLong() : 0;
}

QString CommentRepository::liveColumns()
{
    return QStringLiteral("c.id, c.text, c.created_at, u.id, u.full_name, u.username, u.bio, u.image");
}

QString CommentRepository::liveCommentsOf(const QString &articleId)
{
    return QStringLiteral(" FROM comments c JOIN users u ON u.id = c.author_id WHERE c.article_id = ")
        + articleId + QStringLiteral(" AND c.deleted_at IS NULL");
}

Comment CommentRepository::readLive(const SqlQuery &query, int first, qint64 articleId)
{
    Comment comment;
    comment.id = query.value(first).toLongLong();
    comment.text = query.value(first + 1).toString();
    comment.createdAt = Timestamp::fromString(query.value(first + 2).toString());
    comment.author = CommentAuthor { query.value(first + 3).toLongLong(), query.value(first + 4).toString(),
        query.value(first + 5).toString(), query.value(first + 6).toString(),
        query.value(first + 7).toString() };
    comment.articleId = articleId;
    return comment;
}

std::optional<CommentRepository::Ownership> CommentRepository::findLive(qint64 id)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT id, article_id, author_id FROM comments "
                       "WHERE id = :id AND deleted_at IS NULL"));
    query.bind(QStringLiteral(":id"), id).exec();
    if (!query.next())
        return std::nullopt;
    return Ownership { query.value(0).toLongLong(), query.value(1).toLongLong(),
        query.value(2).toLongLong() };
}

bool CommentRepository::softDelete(qint64 id)
{
    const QString now = Timestamp::toString(Timestamp::now());
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("UPDATE comments SET deleted_at = :now, updated_at = :now2 "
                       "WHERE id = :id AND deleted_at IS NULL RETURNING article_id"));
    query.bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .bind(QStringLiteral(":id"), id)
        .exec();
    if (!query.next())
        return false; // gone or deleted already; the transaction rolls back unchanged
    const qint64 articleId = query.value(0).toLongLong();
    query.finish();
    moveCount(transaction.connection(), articleId, -1);
    transaction.commit();
    return true;
}

void CommentRepository::moveCount(QSqlDatabase db, qint64 articleId, qint64 by)
{
    SqlQuery(db, m_database.dialect(),
        QStringLiteral("UPDATE articles SET comment_count = comment_count + :by WHERE id = :id"))
        .bind(QStringLiteral(":by"), by)
        .bind(QStringLiteral(":id"), articleId)
        .exec();
}

int CommentRepository::purgeDeletedBefore(const QDateTime &cutoff)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("DELETE FROM comments WHERE deleted_at IS NOT NULL AND deleted_at < :cutoff"));
    query.bind(QStringLiteral(":cutoff"), Timestamp::toString(cutoff)).exec();
    const int purged = query.numRowsAffected();
    query.finish();
    transaction.commit();
    return purged;
}

} // namespace blog
