#pragma once

#include "Reply.h"

namespace blog {

struct HttpRequest;
class ArticleService;
class CommentService;
class ProfileService;
class RealWorldAuth;

// /api/articles/:slug/comments and /api/articles/:slug/comments/:id.
class RealWorldCommentController
{
public:
    RealWorldCommentController(ArticleService &articles, CommentService &comments, ProfileService &profiles,
        const RealWorldAuth &auth);

    Reply list(const QString &slug, const HttpRequest &request);
    // Answered once the comment writer has committed it.
    void post(const QString &slug, const HttpRequest &request, ReplyCallback reply);
    Reply remove(const QString &slug, const QString &id, const HttpRequest &request);

private:
    ArticleService &m_articles;
    CommentService &m_comments;
    ProfileService &m_profiles;
    const RealWorldAuth &m_auth;
};

} // namespace blog
