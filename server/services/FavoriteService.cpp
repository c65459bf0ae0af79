#include "FavoriteService.h"

#include "ArticleRepository.h"
#include "DatabaseError.h"
#include "FavoriteRepository.h"
#include "FollowRepository.h"
#include "ListingInvalidator.h"

namespace blog {

FavoriteService::FavoriteService(ArticleRepository &articles, FavoriteRepository &favorites,
    FollowRepository &follows, ListingInvalidator &listingInvalidator)
    : m_articles(articles)
    , m_favorites(favorites)
    , m_follows(follows)
    , m_listingInvalidator(listingInvalidator)
{
}

Result<Article> FavoriteService::favorite(qint64 userId, const QString &slug)
{
    return change(userId, slug, true);
}

Result<Article> FavoriteService::unfavorite(qint64 userId, const QString &slug)
{
    return change(userId, slug, false);
}

namespace {
Error noSuchArticle()
{
    return Error::notFound(QStringLiteral("Article not found")).about(QStringLiteral("article"));
}
} // namespace

Result<Article> FavoriteService::change(qint64 userId, const QString &slug, bool favorite)
{
    std::optional<Article> article = m_articles.findBySlug(slug);
    if (!article)
        return noSuchArticle();
    bool changed = false;
    try {
        changed = favorite ? m_favorites.favorite(userId, article->id)
                           : m_favorites.unfavorite(userId, article->id);
    } catch (const DatabaseError &error) {
        // Deleted between the look-up and the insert.
        if (error.kind() == DatabaseError::Kind::ForeignKeyViolation)
            return noSuchArticle();
        throw;
    }
    if (changed)
        m_listingInvalidator.socialChanged();
    return std::move(*article);
}

FavoriteService::Standing FavoriteService::standing(const Article &article, std::optional<qint64> viewerId)
{
    Standing standing;
    standing.favoritesCount = m_favorites.count(article.id);
    if (viewerId) {
        standing.favorited = m_favorites.isFavorited(*viewerId, article.id);
        standing.followingAuthor = m_follows.isFollowing(*viewerId, article.author.id);
    }
    return standing;
}

} // namespace blog
