#include "ArticleService.h"

#include "ArticleRepository.h"
#include "ListingInvalidator.h"
#include "SlugMaker.h"

namespace blog {

namespace {
const QString Subject = QStringLiteral("article");
const QString NotAuthor = QStringLiteral("You are not the author of this article!");
const QString NoSuchArticle = QStringLiteral("Article not found");
const QString Changed = QStringLiteral("The article has changed since you loaded it");
} // namespace

ArticleService::ArticleService(ArticleRepository &articles, ListingInvalidator &listingInvalidator)
    : m_articles(articles)
    , m_listingInvalidator(listingInvalidator)
{
}

Result<Article> ArticleService::orNotFound(std::optional<Article> article)
{
    if (!article)
        return Error::notFound(NoSuchArticle).about(Subject);
    return std::move(*article);
}

Result<Article> ArticleService::findBySlug(const QString &slug)
{
    return orNotFound(m_articles.findBySlugWithComments(slug));
}

Result<Article> ArticleService::create(qint64 authorId, const ArticleDraft &draft)
{
    const qint64 id = m_articles.insert(authorId, SlugMaker::fromTitle(draft.title), draft);
    m_listingInvalidator.articlesChanged();
    return orNotFound(m_articles.findByIdWithComments(id));
}

Error ArticleService::stale(qint64 articleId)
{
    auto current = orNotFound(m_articles.findByIdWithComments(articleId));
    if (!current)
        return current.error(); // deleted meanwhile
    return Error::stale(Changed, std::move(*current));
}

Result<Article> ArticleService::update(qint64 userId, qint64 articleId, const ArticlePatch &patch,
    const std::optional<QList<qint64>> &expectedVersions)
{
    const auto owner = m_articles.findOwnership(articleId);
    if (!owner)
        return Error::notFound(NoSuchArticle).about(Subject);
    if (owner->authorId != userId)
        return Error::forbidden(NotAuthor).about(Subject);
    if (!patch.isEmpty()) {
        if (!m_articles.update(articleId, patch, expectedVersions))
            return stale(articleId);
        m_listingInvalidator.listingChanged();
        return orNotFound(m_articles.findByIdWithComments(articleId));
    }
    // Nothing to write, so reading the version is as good as checking it in the UPDATE.
    auto article = orNotFound(m_articles.findByIdWithComments(articleId));
    if (article && expectedVersions && !expectedVersions->contains(article->version))
        return Error::stale(Changed, std::move(*article));
    return article;
}

Result<Done> ArticleService::remove(qint64 userId, qint64 articleId)
{
    const auto owner = m_articles.findOwnership(articleId);
    if (!owner)
        return Error::notFound(NoSuchArticle).about(Subject);
    if (owner->authorId != userId)
        return Error::forbidden(NotAuthor).about(Subject);
    m_articles.remove(articleId);
    m_listingInvalidator.articlesChanged();
    return Done {};
}

} // namespace blog
