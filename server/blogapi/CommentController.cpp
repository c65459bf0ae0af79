#include "CommentController.h"

#include "Authenticator.h"
#include "CommentCodec.h"
#include "CommentService.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "JsonBody.h"
#include "PathId.h"
#include "RequestCodec.h"

namespace blog {

CommentController::CommentController(CommentService &comments, const Authenticator &authenticator)
    : m_comments(comments)
    , m_authenticator(authenticator)
{
}

void CommentController::post(const QString &slug, const HttpRequest &request, ReplyCallback reply)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return reply(ErrorReply::from(user.error()));
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(ErrorReply::from(json.error()));
    const auto draft = RequestCodec::decodeCommentDraft(*json);
    if (!draft)
        return reply(ErrorReply::from(Error::invalid(draft.error())));
    m_comments.post(*user, slug, *draft, [reply = std::move(reply)](Result<Comment> comment) {
        reply(comment ? Reply::json(CommentCodec::toJsonWithArticle(*comment), 201)
                      : ErrorReply::from(comment.error()));
    });
}

Reply CommentController::remove(const QString &slug, const QString &id, const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const std::optional<qint64> commentId = PathId::parse(id);
    if (!commentId)
        return ErrorReply::from(Error::notFound(QStringLiteral("Comment not found")));
    const auto removed = m_comments.remove(user->id, slug, *commentId);
    if (!removed)
        return ErrorReply::from(removed.error());
    return Reply::success();
}

} // namespace blog
