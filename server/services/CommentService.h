#pragma once

#include "Comment.h"
#include "Error.h"
#include "Requests.h"
#include "User.h"

namespace blog {

class ArticleRepository;
class CommentRepository;
class ListingInvalidator;

// Comments: who may delete them (their author or the article's), soft deletes, the listing's counts.
class CommentService
{
public:
    CommentService(
        ArticleRepository &articles, CommentRepository &comments, ListingInvalidator &listingInvalidator);

    Result<Comment> post(const User &author, const QString &articleSlug, const CommentDraft &draft);
    Result<Done> remove(qint64 userId, const QString &articleSlug, qint64 commentId);

private:
    ArticleRepository &m_articles;
    CommentRepository &m_comments;
    ListingInvalidator &m_listingInvalidator;
};

} // namespace blog
