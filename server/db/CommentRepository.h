#pragma once

#include "Comment.h"

#include <QDateTime>
#include <QList>

#include <optional>

namespace blog {

class Database;

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

    explicit CommentRepository(Database &database);

    Comment insert(qint64 articleId, const CommentAuthor &author, const QString &text);
    QList<Comment> listLive(qint64 articleId);
    // A comment not deleted yet.
    std::optional<Ownership> findLive(qint64 id);
    bool softDelete(qint64 id);
    int purgeDeletedBefore(const QDateTime &cutoff);

private:
    Database &m_database;
};

} // namespace blog
