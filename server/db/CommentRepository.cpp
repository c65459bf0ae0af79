#include "CommentRepository.h"

#include "Database.h"
#include "DatabaseError.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

namespace blog {

CommentRepository::CommentRepository(Database &database)
    : m_database(database)
{
}

Comment CommentRepository::insert(qint64 articleId, const CommentAuthor &author, const QString &text)
{
    Comment comment;
    comment.articleId = articleId;
    comment.author = author;
    comment.text = text;
    comment.createdAt = Timestamp::now();
    const QString now = Timestamp::toString(comment.createdAt);
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("INSERT INTO comments (article_id, author_id, text, created_at, updated_at) "
                       "VALUES (:article, :author, :text, :created, :updated) RETURNING id"));
    query.bind(QStringLiteral(":article"), articleId)
        .bind(QStringLiteral(":author"), author.id)
        .bind(QStringLiteral(":text"), text)
        .bind(QStringLiteral(":created"), now)
        .bind(QStringLiteral(":updated"), now)
        .exec();
    if (!query.next())
        throw DatabaseError(DatabaseError::Kind::Query, QStringLiteral("INSERT ... RETURNING gave no row"));
    comment.id = query.value(0).toLongLong();
    query.finish();
    transaction.commit();
    return comment;
}

QList<Comment> CommentRepository::listLive(qint64 articleId)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT c.id, c.text, c.created_at, u.id, u.full_name FROM comments c "
                       "JOIN users u ON u.id = c.author_id "
                       "WHERE c.article_id = :article AND c.deleted_at IS NULL ORDER BY c.id"));
    query.bind(QStringLiteral(":article"), articleId).exec();
    QList<Comment> comments;
    while (query.next()) {
        Comment comment;
        comment.id = query.value(0).toLongLong();
        comment.text = query.value(1).toString();
        comment.createdAt = Timestamp::fromString(query.value(2).toString());
        comment.author = CommentAuthor { query.value(3).toLongLong(), query.value(4).toString() };
        comment.articleId = articleId;
        comments.append(comment);
    }
    return comments;
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
                       "WHERE id = :id AND deleted_at IS NULL"));
    query.bind(QStringLiteral(":now"), now)
        .bind(QStringLiteral(":now2"), now)
        .bind(QStringLiteral(":id"), id)
        .exec();
    const bool deleted = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return deleted;
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
