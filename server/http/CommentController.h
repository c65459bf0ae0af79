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

    Reply post(const QString &slug, const HttpRequest &request);
    Reply remove(const QString &slug, const QString &id, const HttpRequest &request);

private:
    CommentService &m_comments;
    const Authenticator &m_authenticator;
};

} // namespace blog
