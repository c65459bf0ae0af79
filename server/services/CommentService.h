#pragma once

#include "Comment.h"
#include "CommentWriter.h"
#include "Error.h"
#include "Requests.h"
#include "User.h"

#include <functional>

namespace blog {

class ArticleRepository;
class CommentRepository;
class ListingInvalidator;

// Comments: who may delete them (their author or the article's), soft deletes, the listing's counts.
class CommentService
{
public:
    CommentService(ArticleRepository &articles, CommentRepository &comments,
        ListingInvalidator &listingInvalidator, CommentWriter &writer);

    using Posted = std::function<void(Result<Comment>)>;
    // The article is looked up on the calling thread; the comment is stored by the CommentWriter, and
    // `done` runs on its thread once committed (or at once, on this one, for an unknown article).
    void post(const User &author, const QString &articleSlug, const CommentDraft &draft, Posted done);
    Result<Done> remove(qint64 userId, const QString &articleSlug, qint64 commentId);

private:
    ArticleRepository &m_articles;
    CommentRepository &m_comments;
    ListingInvalidator &m_listingInvalidator;
    CommentWriter &m_writer;
};

} // namespace blog
