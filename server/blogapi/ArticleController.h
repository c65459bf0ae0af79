#pragma once

#include "Reply.h"

#include <QString>

namespace blog {

struct HttpRequest;
class ArticleService;
class Authenticator;
class ListingService;

// /article and /article/:slug|:id.
class ArticleController
{
public:
    ArticleController(ArticleService &articles, ListingService &listing, const Authenticator &authenticator);

    Reply list(const HttpRequest &request);
    Reply show(const QString &slug);
    Reply create(const HttpRequest &request);
    Reply update(const QString &id, const HttpRequest &request);
    Reply remove(const QString &id, const HttpRequest &request);

private:
    ArticleService &m_articles;
    ListingService &m_listing;
    const Authenticator &m_authenticator;
};

} // namespace blog
