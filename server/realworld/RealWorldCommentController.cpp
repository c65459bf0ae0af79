#include "RealWorldCommentController.h"

#include "ArticleService.h"
#include "CommentService.h"
#include "HttpRequest.h"
#include "JsonBody.h"
#include "PathId.h"
#include "ProfileService.h"
#include "RealWorldAuth.h"
#include "RealWorldCodec.h"
#include "RealWorldErrorReply.h"

namespace blog {

RealWorldCommentController::RealWorldCommentController(
    ArticleService &articles, CommentService &comments, ProfileService &profiles, const RealWorldAuth &auth)
    : m_articles(articles)
    , m_comments(comments)
    , m_profiles(profiles)
    , m_auth(auth)
{
}

Reply RealWorldCommentController::list(const QString &slug, const HttpRequest &request)
{
    const auto viewer = m_auth.optional(request);
    if (!viewer)
        return viewer.error();
    const auto article = m_articles.findBySlug(slug);
    if (!article)
        return RealWorldErrorReply::from(article.error());
    QSet<qint64> followed;
    if (*viewer && !article->comments.isEmpty()) {
        QList<qint64> authors;
        for (const Comment &comment : article->comments)
            authors.append(comment.author.id);
        followed = m_profiles.followedAmong((*viewer)->id, authors);
    }
    return Reply::json(RealWorldCodec::comments(article->comments, followed));
}

void RealWorldCommentController::post(const QString &slug, const HttpRequest &request, ReplyCallback reply)
{
    const auto user = m_auth.required(request);
    if (!user)
        return reply(user.error());
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(RealWorldErrorReply::from(json.error()));
    const auto draft = RealWorldCodec::decodeComment(*json);
    if (!draft)
        return reply(RealWorldErrorReply::invalid(draft.error()));
    // One's own comment: RealWorld says "following" of oneself is false.
    m_comments.post(*user, slug, *draft, [reply](const Result<Comment> &comment) {
        if (!comment)
            reply(RealWorldErrorReply::from(comment.error()));
        else
            reply(Reply::json(RealWorldCodec::comment(*comment, false), 201));
    });
}

Reply RealWorldCommentController::remove(const QString &slug, const QString &id, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    const std::optional<qint64> commentId = PathId::parse(id);
    if (!commentId) {
        // Which is missing, the article or the comment, as for a well-formed id.
        const auto article = m_articles.findBySlug(slug);
        if (!article)
            return RealWorldErrorReply::from(article.error());
        return RealWorldErrorReply::from(
            Error::notFound(QStringLiteral("Comment not found")).about(QStringLiteral("comment")));
    }
    const auto removed = m_comments.remove(user->id, slug, *commentId);
    if (!removed)
        return RealWorldErrorReply::from(removed.error());
    Reply reply;
    reply.status = 204;
    return reply;
}

} // namespace blog
