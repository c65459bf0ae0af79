#pragma once

#include "Article.h"
#include "ArticleStanding.h"
#include "Error.h"

#include <optional>

namespace blog {

class ArticleRepository;
class FavoriteRepository;
class FollowRepository;
class ListingInvalidator;

// How a reader stands to an article: whether they favour it and follow its author, and how many favour
// it. Favouring changes the filtered listings (counts, the favourited filter).
class FavoriteService
{
public:
    using Standing = ArticleStanding;

    FavoriteService(ArticleRepository &articles, FavoriteRepository &favorites, FollowRepository &follows,
        ListingInvalidator &listingInvalidator);

    // The article favoured (or not) by the user, as it is now.
    Result<Article> favorite(qint64 userId, const QString &slug);
    Result<Article> unfavorite(qint64 userId, const QString &slug);
    // `viewerId`: nullopt for anonymous readers.
    Standing standing(const Article &article, std::optional<qint64> viewerId);

private:
    Result<Article> change(qint64 userId, const QString &slug, bool favorite);

    ArticleRepository &m_articles;
    FavoriteRepository &m_favorites;
    FollowRepository &m_follows;
    ListingInvalidator &m_listingInvalidator;
};

} // namespace blog
