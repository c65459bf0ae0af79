#pragma once

#include "Article.h"
#include "Error.h"
#include "RenderedPages.h"
#include "Reply.h"

#include <optional>

namespace blog {

struct HttpRequest;
class ArticleService;
class FavoriteService;
class ListingService;
class RealWorldAuth;
class SearchService;

// /api/articles (list, feed, one, create, update, delete), their /favorite, and /api/tags.
class RealWorldArticleController
{
public:
    RealWorldArticleController(ArticleService &articles, FavoriteService &favorites, ListingService &listing,
        SearchService &search, const RealWorldAuth &auth);

    Reply list(const HttpRequest &request);
    Reply feed(const HttpRequest &request);
    Reply show(const QString &slug, const HttpRequest &request);
    Reply create(const HttpRequest &request);
    Reply update(const QString &slug, const HttpRequest &request);
    Reply remove(const QString &slug, const HttpRequest &request);
    Reply favorite(const QString &slug, const HttpRequest &request);
    Reply unfavorite(const QString &slug, const HttpRequest &request);
    Reply tags();

private:
    // The article as the reader sees it (favourites, follows), with `status`.
    Reply articleReply(const Result<Article> &article, std::optional<qint64> viewerId, int status = 200);
    Reply page(const HttpRequest &request, std::optional<qint64> feedOf, std::optional<qint64> viewerId);

    ArticleService &m_articles;
    FavoriteService &m_favorites;
    ListingService &m_listing;
    SearchService &m_search;
    const RealWorldAuth &m_auth;
    RenderedPages m_anonymousPages;
};

} // namespace blog
