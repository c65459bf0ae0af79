#pragma once

#include "Reply.h"
#include "Resume.h"

#include <QString>

namespace blog {

struct HttpRequest;
class ArticleService;
class Authenticator;
class FavoriteService;
class ListingService;
class SearchService;

// /article, /article/:slug|:id and /tag.
class ArticleController
{
public:
    ArticleController(ArticleService &articles, ListingService &listing, SearchService &search,
        FavoriteService &favorites, const Authenticator &authenticator);

    // A search the cache does not hold answers later, from the search pool.
    void list(const HttpRequest &request, Resume resume, ReplyCallback reply);
    // With a token: the reader's standing (favourites, following the author) beside the article.
    Reply show(const QString &slug, const HttpRequest &request);
    Reply tags();
    Reply create(const HttpRequest &request);
    Reply update(const QString &id, const HttpRequest &request);
    Reply remove(const QString &id, const HttpRequest &request);

private:
    ArticleService &m_articles;
    ListingService &m_listing;
    FavoriteService &m_favorites;
    SearchService &m_search;
    const Authenticator &m_authenticator;
};

} // namespace blog
