#pragma once

#include "Article.h"
#include "Error.h"
#include "RenderedPages.h"
#include "Reply.h"
#include "Resume.h"

#include <memory>
#include <optional>

namespace blog {

struct ArticlePage;
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

    // With `search`, a page the cache does not hold answers later, from the search pool.
    void list(const HttpRequest &request, Resume resume, ReplyCallback reply);
    void feed(const HttpRequest &request, Resume resume, ReplyCallback reply);
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
    void page(const HttpRequest &request, std::optional<qint64> feedOf, std::optional<qint64> viewerId,
        Resume resume, ReplyCallback reply);
    // The page as this viewer sees it (what they favour and follow).
    Reply pageReply(const std::shared_ptr<const ArticlePage> &page, std::optional<qint64> viewerId);

    ArticleService &m_articles;
    FavoriteService &m_favorites;
    ListingService &m_listing;
    SearchService &m_search;
    const RealWorldAuth &m_auth;
    RenderedPages m_anonymousPages;
};

} // namespace blog
