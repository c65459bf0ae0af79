#pragma once

#include "Reply.h"

#include <QString>

namespace blog {

struct HttpRequest;
class ArticleService;
class Authenticator;
class ListingService;
class SearchService;

// /article and /article/:slug|:id.
class ArticleController
{
public:
    ArticleController(ArticleService &articles, ListingService &listing, SearchService &search,
        const Authenticator &authenticator);

    Reply list(const HttpRequest &request);
    Reply show(const QString &slug);
    Reply create(const HttpRequest &request);
    Reply update(const QString &id, const HttpRequest &request);
    Reply remove(const QString &id, const HttpRequest &request);

private:
    ArticleService &m_articles;
    ListingService &m_listing;
    SearchService &m_search;
    const Authenticator &m_authenticator;
};

} // namespace blog
