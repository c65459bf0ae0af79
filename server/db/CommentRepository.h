#pragma once

#include "Comment.h"
#include "CommentNotice.h"

#include <QDateTime>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace blog {

class Database;
class SqlQuery;

// All SQL on comments. Deleting is soft (deleted_at); purgeDeletedBefore removes them for good.
class CommentRepository
{
public:
    struct Ownership
    {
        qint64 id = 0;
        qint64 articleId = 0;
        qint64 authorId = 0;
    };

    struct NewComment
    {
        qint64 articleId = 0;
        CommentAuthor author;
        QString text;
        qint64 articleAuthorId = 0; // whom to notify
    };

    explicit CommentRepository(Database &database);

    // Throws DatabaseError if the article or the author is not there.
    Comment insert(qint64 articleId, const CommentAuthor &author, const QString &text);
    // All in one transaction, in order; nullopt for a comment whose article or author is gone.
    QList<std::optional<Comment>> insertAll(const QList<NewComment> &comments);
    // The parts of a statement reading an article's live comments (ArticleRepository reads them with
    // the article): the columns (LiveColumnCount of them, readLive() reads them from `first` on), and
    // the FROM and WHERE for the live comments of the article whose id the SQL `articleId` gives.
    static QString liveColumns();
    static constexpr int LiveColumnCount = 8;
    static QString liveCommentsOf(const QString &articleId);
    static Comment readLive(const SqlQuery &query, int first, qint64 articleId);
    // Live comments by others on `authorId`'s articles with an id above `afterId`, oldest first.
    QList<CommentNotice> newOnArticlesOf(qint64 authorId, qint64 afterId, int limit);
    // The highest comment id so far (0 for none): where "new" starts.
    qint64 latestId();
    // A comment not deleted yet.
    std::optional<Ownership> findLive(qint64 id);
    // Inserts and soft deletes move the article's comment_count in the same transaction (the listing
    // reads it); purging removes only comments already deleted, so it leaves the counts as they are.
    bool softDelete(qint64 id);
    int purgeDeletedBefore(const QDateTime &cutoff);

private:
    void moveCount(QSqlDatabase db, qint64 articleId, qint64 by);

    Database &m_database;
};

} // namespace blog
