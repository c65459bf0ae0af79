#pragma once

#include "Reply.h"

#include <QString>

namespace blog {

struct HttpRequest;
class Authenticator;
class CommentService;

// /article/:slug/comment and /article/:slug/comment/:id.
class CommentController
{
public:
    CommentController(CommentService &comments, const Authenticator &authenticator);

    // Answers through `reply`: at once for a refused request, else once the comment is stored.
    void post(const QString &slug, const HttpRequest &request, ReplyCallback reply);
    Reply remove(const QString &slug, const QString &id, const HttpRequest &request);

private:
    CommentService &m_comments;
    const Authenticator &m_authenticator;
};

} // namespace blog
