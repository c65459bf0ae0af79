#include "CommentService.h"

#include "ArticleRepository.h"
#include "CommentRepository.h"
#include "ListingInvalidator.h"

namespace blog {

CommentService::CommentService(ArticleRepository &articles, CommentRepository &comments,
    ListingInvalidator &listingInvalidator, CommentWriter &writer)
    : m_articles(articles)
    , m_comments(comments)
    , m_listingInvalidator(listingInvalidator)
    , m_writer(writer)
{
}

namespace {

Error articleNotFound()
{
    return Error::notFound(QStringLiteral("Article not found")).about(QStringLiteral("article"));
}

Error errorOf(CommentWriter::Failure failure)
{
    switch (failure) {
    case CommentWriter::Failure::ArticleGone:
        return articleNotFound();
    case CommentWriter::Failure::Unavailable:
        return Error::databaseUnavailable();
    case CommentWriter::Failure::Stopping:
        return Error::unavailable(QStringLiteral("The server is stopping"));
    case CommentWriter::Failure::Fault:
        break;
    }
    return Error::internal();
}

} // namespace

void CommentService::post(
    const User &author, const QString &articleSlug, const CommentDraft &draft, Posted done)
{
    const auto article = m_articles.findOwnershipBySlug(articleSlug);
    if (!article) {
        done(articleNotFound());
        return;
    }
    m_writer.submit(
        { article->id,
            CommentAuthor { author.id, author.fullName, author.username, author.bio, author.image },
            draft.text, article->authorId },
        [done = std::move(done)](Expected<Comment, CommentWriter::Failure> stored) {
            if (stored)
                done(std::move(*stored));
            else
                done(errorOf(stored.error()));
        });
}

Result<Done> CommentService::remove(qint64 userId, const QString &articleSlug, qint64 commentId)
{
    const auto article = m_articles.findOwnershipBySlug(articleSlug);
    if (!article)
        return articleNotFound();
    const auto comment = m_comments.findLive(commentId);
    if (!comment || comment->articleId != article->id)
        return Error::notFound(QStringLiteral("Comment not found")).about(QStringLiteral("comment"));
    if (comment->authorId != userId && article->authorId != userId)
        return Error::forbidden(
            QStringLiteral("You may only delete your own comments or comments on your articles"))
            .about(QStringLiteral("comment"));
    if (m_comments.softDelete(commentId))
        m_listingInvalidator.commentsChanged({ article->id });
    return Done {};
}

} // namespace blog
