#pragma once

#include "FrontEnd.h"
#include "PageCache.h"
#include "PageRenderer.h"
#include "RouteTable.h"

#include <QString>

#include <chrono>

namespace blog {

class ArticleService;
class ListingCache;
class ListingService;
class ReaderService;
struct Article;

// The blog for readers, as server-rendered HTML with no JavaScript: the home page (the listing, newest
// first), /posts/<slug>, /tags/<tag>, /authors/<id>, their Atom feeds, /sitemap.xml and /robots.txt.
// Pages and feeds are cached as ready bytes (PageCache, dropped with the listing's cache) and answered
// with ETag and Last-Modified, 304 when the reader has them already.
class WebSite : public FrontEnd
{
public:
    struct Services
    {
        ArticleService &articles;
        ListingService &listing;
        ReaderService &reader;
        const ListingCache &listingCache;
    };
    struct Config
    {
        // "https://blog.example": for canonical links, feeds and the sitemap. Empty: from the Host header.
        QString publicUrl;
        QString siteName = QStringLiteral("Blog");
        std::chrono::milliseconds cacheTtl = std::chrono::seconds(5);
    };

    WebSite(const Services &services, const Config &config);

    QString pathPrefix() const override { return {}; }
    const RouteTable &routes() const override { return m_routes; }
    bool claimsUnmatched(const HttpRequest &request) const override;
    Reply errorReply(const Error &error) const override;
    Reply errorReply(const HttpError &error) const override;

    const PageCache &cache() const { return m_cache; }

    static constexpr int PageSize = 10;
    static constexpr int FeedSize = 20;
    static constexpr int SitemapSize = 50000;

private:
    struct Content
    {
        QByteArray contentType;
        PageCache::Loader load;
    };

    void addRoutes();
    Reply home(const HttpRequest &request);
    Reply article(const HttpRequest &request, const QString &slug);
    Reply tag(const HttpRequest &request, const QString &tag);
    Reply author(const HttpRequest &request, const QString &id);
    Reply feed(const HttpRequest &request);
    Reply tagFeed(const HttpRequest &request, const QString &tag);
    Reply authorFeed(const HttpRequest &request, const QString &id);
    Reply sitemap(const HttpRequest &request);
    Reply robots(const HttpRequest &request) const;
    Reply stylesheet(const HttpRequest &request) const;

    // The cached page for `key` (made by `load` when missing), or 304.
    Reply cached(const HttpRequest &request, const QByteArray &key, const Content &content);
    // The 404 page, uncached: for requests refused before anything is read.
    Reply notFound(const QString &message) const;
    PageCache::Made notFoundPage(const QString &message) const;
    QList<Article> articlesOf(const QStringList &slugs);
    // The site's origin, "https://blog.example", for absolute URLs.
    QString baseUrl(const HttpRequest &request) const;

    ArticleService &m_articles;
    ListingService &m_listing;
    ReaderService &m_reader;
    QString m_publicUrl;
    PageRenderer m_renderer;
    PageCache m_cache;
    QByteArray m_stylesheet;
    QByteArray m_stylesheetEtag;
    RouteTable m_routes;
};

} // namespace blog
