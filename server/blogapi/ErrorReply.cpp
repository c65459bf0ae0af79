#include "ErrorReply.h"

#include "ArticleCodec.h"
#include "ArticleEtag.h"
#include "ErrorCodec.h"

namespace blog::ErrorReply {

int statusOf(Error::Kind kind)
{
    switch (kind) {
    case Error::Kind::BadRequest:
        return 400;
    case Error::Kind::Authentication:
        return 401;
    case Error::Kind::Forbidden:
        return 403;
    case Error::Kind::NotFound:
        return 404;
    case Error::Kind::Conflict:
        return 409;
    case Error::Kind::Stale:
        return 412;
    case Error::Kind::TooManyRequests:
        return 429;
    case Error::Kind::Unavailable:
        return 503;
    case Error::Kind::Internal:
        break;
    }
    return 500;
}

Reply from(const Error &error)
{
    // A stale write answers with what is stored now, as GET would, so the client can merge.
    if (error.kind == Error::Kind::Stale && error.current)
        return Reply::json(ArticleCodec::toJson(*error.current), statusOf(error.kind))
            .withHeader("ETag", ArticleEtag::of(*error.current));
    Reply reply
        = Reply::json(ErrorCodec::toJson(error.message, error.field, error.kind == Error::Kind::NotFound),
            statusOf(error.kind));
    if (error.kind == Error::Kind::Authentication)
        reply.withHeader("WWW-Authenticate", "Bearer");
    if (error.retryAfterSeconds > 0)
        reply.withHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return reply;
}

Reply from(const HttpError &error)
{
    Reply reply = Reply::json(ErrorCodec::toJson(error.message, {}, error.status == 404), error.status);
    if (!error.allow.isEmpty())
        reply.withHeader("Allow", error.allow);
    return reply;
}

} // namespace blog::ErrorReply
