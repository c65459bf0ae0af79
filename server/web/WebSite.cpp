#include "WebSite.h"

#include "ArticleCodec.h"
#include "ArticleService.h"
#include "FeedWriter.h"
#include "HttpDate.h"
#include "HttpRequest.h"
#include "ListingCache.h"
#include "ListingService.h"
#include "PathId.h"
#include "ReaderService.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonDocument>
#include <QLocale>

namespace blog {

namespace {

const QByteArray Html = QByteArrayLiteral("text/html; charset=utf-8");
const QByteArray Atom = QByteArrayLiteral("application/atom+xml; charset=utf-8");
const QByteArray Xml = QByteArrayLiteral("application/xml; charset=utf-8");
// Defence in depth: were anything ever left unescaped, no script and no inline style would run.
const QByteArray ContentSecurityPolicy = QByteArrayLiteral(
    "default-src 'none'; style-src 'self'; img-src 'self' https: http: data:; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'");
// Pages past this are not found, before anything is read.
constexpr qint64 MaxPageNumber = 10'000'000;

bool etagMatches(const QByteArray &ifNoneMatch, const QByteArray &etag)
{
    for (const QByteArray &candidate : ifNoneMatch.split(',')) {
        QByteArray tag = candidate.trimmed();
        if (tag.startsWith("W/"))
            tag = tag.mid(2);
        if (tag == etag || tag == "*")
            return true;
    }
    return false;
}

bool isNotModified(const HttpRequest &request, const QByteArray &etag, const QDateTime &lastModified)
{
    if (!request.ifNoneMatch.isEmpty())
        return etagMatches(request.ifNoneMatch, etag);
    if (request.ifModifiedSince.isEmpty() || !lastModified.isValid())
        return false;
    const QDateTime since = HttpDate::parse(request.ifModifiedSince);
    return since.isValid() && lastModified <= since;
}

// The q of `mime` in an Accept header: its own, its type's "type/*", or "*/*"'s; 0 when none names it.
double acceptQuality(const QByteArray &accept, const QByteArray &mime)
{
    const QByteArray anySubtype = mime.left(mime.indexOf('/') + 1) + '*';
    double exact = -1;
    double type = -1;
    double any = -1;
    for (const QByteArray &range : accept.split(',')) {
        const QList<QByteArray> parts = range.split(';');
        const QByteArray name = parts.first().trimmed().toLower();
        double quality = 1;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts[i].trimmed();
            if (parameter.startsWith("q="))
                quality = parameter.mid(2).toDouble();
        }
        if (name == mime)
            exact = quality;
        else if (name == anySubtype)
            type = quality;
        else if (name == "*/*")
            any = quality;
    }
    return exact >= 0 ? exact : type >= 0 ? type : any >= 0 ? any : 0;
}

// ?page=N: 1 when absent, nullopt when not a page number.
std::optional<qint64> pageNumber(const HttpRequest &request)
{
    for (const auto &[key, value] : request.query) {
        if (key != QLatin1String("page"))
            continue;
        bool ok = false;
        const qint64 number = value.toLongLong(&ok);
        if (!ok || number < 1 || number > MaxPageNumber || value.startsWith(QLatin1Char('+')))
            return std::nullopt;
        return number;
    }
    return 1;
}

int pageCountOf(qint64 total, int pageSize)
{
    return int(std::max<qint64>(1, (total + pageSize - 1) / pageSize));
}

// Only a plain host[:port] ("blog.example", "127.0.0.1:3001", "[::1]:3001") goes into a page: whatever
// else a client sends as Host never does. A loop, not a regular expression: it runs on every request.
bool isPlainHost(const QByteArray &host)
{
    if (host.isEmpty() || host.size() > 262)
        return false;
    for (const char c : host) {
        const bool allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '.' || c == '-' || c == ':' || c == '[' || c == ']';
        if (!allowed)
            return false;
    }
    return true;
}

QString articleCount(qint64 count)
{
    return count == 1 ? QStringLiteral("1 article") : QStringLiteral("%1 articles").arg(count);
}

QByteArray readResource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing resource %s", qPrintable(path));
    return file.readAll();
}

} // namespace

WebSite::WebSite(const Services &services, const Config &config)
    : m_articles(services.articles)
    , m_listing(services.listing)
    , m_reader(services.reader)
    , m_publicUrl(
          config.publicUrl.endsWith(QLatin1Char('/')) ? config.publicUrl.chopped(1) : config.publicUrl)
    , m_renderer(config.siteName)
    , m_cache(services.listingCache, config.cacheTtl)
    , m_stylesheet(readResource(QStringLiteral(":/web/site.css")))
    , m_stylesheetEtag(
          '"' + QCryptographicHash::hash(m_stylesheet, QCryptographicHash::Sha1).toHex().left(32) + '"')
{
    addRoutes();
}

void WebSite::addRoutes()
{
    using Arguments = PathArguments;
    m_routes.add("GET", QStringLiteral("/"),
        [this](const HttpRequest &request, const Arguments &) { return home(request); });
    m_routes.add("GET", QStringLiteral("/posts/:slug"),
        [this](const HttpRequest &request, const Arguments &path) { return article(request, path[0]); });
    m_routes.add("GET", QStringLiteral("/feed.atom"),
        [this](const HttpRequest &request, const Arguments &) { return feed(request); });
    m_routes.add("GET", QStringLiteral("/tags/:tag"),
        [this](const HttpRequest &request, const Arguments &path) { return tag(request, path[0]); });
    m_routes.add("GET", QStringLiteral("/tags/:tag/feed.atom"),
        [this](const HttpRequest &request, const Arguments &path) { return tagFeed(request, path[0]); });
    m_routes.add("GET", QStringLiteral("/authors/:id"),
        [this](const HttpRequest &request, const Arguments &path) { return author(request, path[0]); });
    m_routes.add("GET", QStringLiteral("/authors/:id/feed.atom"),
        [this](const HttpRequest &request, const Arguments &path) { return authorFeed(request, path[0]); });
    m_routes.add("GET", QStringLiteral("/site.css"),
        [this](const HttpRequest &request, const Arguments &) { return stylesheet(request); });
    m_routes.add("GET", QStringLiteral("/sitemap.xml"),
        [this](const HttpRequest &request, const Arguments &) { return sitemap(request); });
    m_routes.add("GET", QStringLiteral("/robots.txt"),
        [this](const HttpRequest &request, const Arguments &) { return robots(request); });
}

bool WebSite::claimsUnmatched(const HttpRequest &request) const
{
    for (const char *own : { "/posts/", "/tags/", "/authors/" }) {
        if (request.path.startsWith(QLatin1String(own)))
            return true;
    }
    // A browser: it ranks HTML above JSON, where API clients ask for JSON or anything (*/*).
    return acceptQuality(request.accept, "text/html") > acceptQuality(request.accept, "application/json");
}

Reply WebSite::errorReply(const Error &error) const
{
    Reply reply;
    reply.contentType = Html;
    switch (error.kind) {
    case Error::Kind::NotFound:
        reply.status = 404;
        reply.body = m_renderer.errorPage(QStringLiteral("Not found"), error.message);
        break;
    case Error::Kind::Unavailable:
        reply.status = 503;
        reply.body = m_renderer.errorPage(QStringLiteral("Unavailable"), error.message);
        break;
    case Error::Kind::TooManyRequests:
        reply.status = 429;
        reply.body = m_renderer.errorPage(QStringLiteral("Too many requests"), error.message);
        break;
    default:
        reply.status = 500;
        reply.body = m_renderer.errorPage(QStringLiteral("Something went wrong"), error.message);
        break;
    }
    if (error.retryAfterSeconds > 0)
        reply.withHeader("Retry-After", QByteArray::number(error.retryAfterSeconds));
    return reply.withHeader("Content-Security-Policy", ContentSecurityPolicy);
}

Reply WebSite::errorReply(const HttpError &error) const
{
    Reply reply;
    reply.contentType = Html;
    reply.status = error.status;
    reply.body = error.status == 404
        ? m_renderer.errorPage(
            QStringLiteral("Not found"), QStringLiteral("There is no page at this address."))
        : m_renderer.errorPage(QStringLiteral("Cannot answer this request"), error.message);
    if (!error.allow.isEmpty())
        reply.withHeader("Allow", error.allow);
    return reply.withHeader("Content-Security-Policy", ContentSecurityPolicy);
}

Reply WebSite::notFound(const QString &message) const
{
    return errorReply(Error::notFound(message));
}

PageCache::Made WebSite::notFoundPage(const QString &message) const
{
    return { m_renderer.errorPage(QStringLiteral("Not found"), message), 404 };
}

QString WebSite::baseUrl(const HttpRequest &request) const
{
    if (!m_publicUrl.isEmpty())
        return m_publicUrl;
    return QStringLiteral("http://")
        + (isPlainHost(request.host) ? QString::fromLatin1(request.host) : QStringLiteral("localhost"));
}

Reply WebSite::cached(const HttpRequest &request, const QByteArray &key, const Content &content)
{
    // Absolute URLs differ by origin when it comes from the Host header.
    const QByteArray fullKey = m_publicUrl.isEmpty()
        ? key + '@' + (isPlainHost(request.host) ? request.host : QByteArrayLiteral("localhost"))
        : key;
    const auto page = m_cache.page(fullKey, content.load);
    Reply reply;
    reply.status = page->status;
    reply.contentType = page->status == 200 ? content.contentType : Html;
    if (page->status == 200) {
        if (isNotModified(request, page->etag, page->lastModified))
            reply.status = 304;
        else
            reply.body = page->body;
        reply.withHeader("ETag", page->etag).withHeader("Last-Modified", page->lastModifiedHeader);
    } else {
        reply.body = page->body;
    }
    // Readers may keep a page but ask again each time; the ETag makes asking cheap.
    reply.withHeader("Cache-Control", "public, no-cache");
    if (reply.contentType == Html)
        reply.withHeader("Content-Security-Policy", ContentSecurityPolicy);
    return reply;
}

Reply WebSite::home(const HttpRequest &request)
{
    const std::optional<qint64> number = pageNumber(request);
    if (!number)
        return notFound(QStringLiteral("There is no such page."));
    return cached(request, "home:" + QByteArray::number(*number),
        { Html, [this, number = *number, &request] {
             const QString base = baseUrl(request);
             ListingQuery query;
             query.limit = PageSize;
             query.offset = (number - 1) * PageSize;
             query.newestFirst = true;
             const ArticlePage page
                 = ArticleCodec::pageFromJson(QJsonDocument::fromJson(m_listing.page(query)->body).object());
             const int pages = pageCountOf(page.total, PageSize);
             if (number > pages)
                 return notFoundPage(
                     QStringLiteral("There is no page %1: the blog has %2.").arg(number).arg(pages));
             PageRenderer::Head head;
             head.title = number == 1 ? m_renderer.siteName()
                                      : QStringLiteral("%1 · page %2").arg(m_renderer.siteName()).arg(number);
             head.description = QStringLiteral("The latest articles of %1.").arg(m_renderer.siteName());
             head.canonical
                 = base + (number == 1 ? QStringLiteral("/") : QStringLiteral("/?page=%1").arg(number));
             head.feeds = { { m_renderer.siteName(), base + QStringLiteral("/feed.atom") } };
             PageRenderer::Listing listing { QStringLiteral("Latest articles"), {}, page, int(number), pages,
                 QStringLiteral("/") };
             return PageCache::Made { m_renderer.listing(head, listing), 200 };
         } });
}

Reply WebSite::article(const HttpRequest &request, const QString &slug)
{
    return cached(request, "post:" + slug.toUtf8(),
        { Html, [this, slug, &request] {
             const QString base = baseUrl(request);
             const auto article = m_articles.findBySlug(slug);
             if (!article)
                 return notFoundPage(QStringLiteral("There is no article at this address."));
             PageRenderer::Head head;
             head.title = article->title + QStringLiteral(" · ") + m_renderer.siteName();
             head.description = article->description;
             head.canonical = base + PageRenderer::articlePath(article->slug);
             head.ogType = QStringLiteral("article");
             head.feeds = { { m_renderer.siteName(), base + QStringLiteral("/feed.atom") },
                 { QStringLiteral("Articles by %1").arg(article->author.fullName),
                     base + PageRenderer::authorPath(article->author.id) + QStringLiteral("/feed.atom") } };
             return PageCache::Made { m_renderer.article(head, *article), 200 };
         } });
}

Reply WebSite::tag(const HttpRequest &request, const QString &tag)
{
    const std::optional<qint64> number = pageNumber(request);
    if (!number)
        return notFound(QStringLiteral("There is no such page."));
    return cached(request, "tag:" + QByteArray::number(*number) + ':' + tag.toUtf8(),
        { Html, [this, tag, number = *number, &request] {
             const QString base = baseUrl(request);
             const auto page = m_reader.byTag(tag, PageSize, (number - 1) * PageSize);
             if (!page)
                 return notFoundPage(QStringLiteral("No article has this tag."));
             const int pages = pageCountOf(page->total, PageSize);
             if (number > pages)
                 return notFoundPage(QStringLiteral("There is no such page."));
             const QString path = PageRenderer::tagPath(tag);
             PageRenderer::Head head;
             head.title = QStringLiteral("Tagged “%1” · %2").arg(tag, m_renderer.siteName());
             head.description = QStringLiteral("Articles tagged “%1” on %2.").arg(tag, m_renderer.siteName());
             head.canonical
                 = base + path + (number == 1 ? QString() : QStringLiteral("?page=%1").arg(number));
             head.feeds
                 = { { QStringLiteral("Tagged “%1”").arg(tag), base + path + QStringLiteral("/feed.atom") } };
             PageRenderer::Listing listing { QStringLiteral("Tagged “%1”").arg(tag),
                 articleCount(page->total), *page, int(number), pages, path };
             return PageCache::Made { m_renderer.listing(head, listing), 200 };
         } });
}

Reply WebSite::author(const HttpRequest &request, const QString &id)
{
    const std::optional<qint64> number = pageNumber(request);
    const std::optional<qint64> authorId = PathId::parse(id);
    if (!number || !authorId)
        return notFound(QStringLiteral("There is no such page."));
    return cached(request, "author:" + QByteArray::number(*number) + ':' + QByteArray::number(*authorId),
        { Html, [this, authorId = *authorId, number = *number, &request] {
             const QString base = baseUrl(request);
             const auto found = m_reader.byAuthor(authorId, PageSize, (number - 1) * PageSize);
             if (!found)
                 return notFoundPage(QStringLiteral("There is no such author."));
             const int pages = pageCountOf(found->articles.total, PageSize);
             if (number > pages)
                 return notFoundPage(QStringLiteral("There is no such page."));
             const QString path = PageRenderer::authorPath(authorId);
             PageRenderer::Head head;
             head.title = found->name + QStringLiteral(" · ") + m_renderer.siteName();
             head.description
                 = QStringLiteral("Articles by %1 on %2.").arg(found->name, m_renderer.siteName());
             head.canonical
                 = base + path + (number == 1 ? QString() : QStringLiteral("?page=%1").arg(number));
             head.ogType = QStringLiteral("profile");
             head.feeds = { { QStringLiteral("Articles by %1").arg(found->name),
                 base + path + QStringLiteral("/feed.atom") } };
             PageRenderer::Listing listing { QStringLiteral("Articles by %1").arg(found->name),
                 articleCount(found->articles.total), found->articles, int(number), pages, path };
             return PageCache::Made { m_renderer.listing(head, listing), 200 };
         } });
}

QList<Article> WebSite::articlesOf(const QStringList &slugs)
{
    QList<Article> articles;
    for (const QString &slug : slugs) {
        auto article = m_articles.findBySlug(slug);
        if (article) // deleted meanwhile: left out
            articles.append(std::move(*article));
    }
    return articles;
}

Reply WebSite::feed(const HttpRequest &request)
{
    return cached(request, "feed",
        { Atom, [this, &request] {
             const QString base = baseUrl(request);
             ListingQuery query;
             query.limit = FeedSize;
             query.newestFirst = true;
             const ArticlePage page
                 = ArticleCodec::pageFromJson(QJsonDocument::fromJson(m_listing.page(query)->body).object());
             QStringList slugs;
             for (const ArticleListItem &item : page.items)
                 slugs.append(item.slug);
             FeedWriter::Feed feed { m_renderer.siteName(), QStringLiteral("The latest articles"),
                 base + QStringLiteral("/feed.atom"), base + QStringLiteral("/"), base, articlesOf(slugs) };
             return PageCache::Made { FeedWriter::atom(feed), 200 };
         } });
}

Reply WebSite::tagFeed(const HttpRequest &request, const QString &tag)
{
    return cached(request, "tagfeed:" + tag.toUtf8(),
        { Atom, [this, tag, &request] {
             const QString base = baseUrl(request);
             const auto page = m_reader.byTag(tag, FeedSize, 0);
             if (!page)
                 return notFoundPage(QStringLiteral("No article has this tag."));
             QStringList slugs;
             for (const ArticleListItem &item : page->items)
                 slugs.append(item.slug);
             const QString path = PageRenderer::tagPath(tag);
             FeedWriter::Feed feed { QStringLiteral("%1: tagged “%2”").arg(m_renderer.siteName(), tag), {},
                 base + path + QStringLiteral("/feed.atom"), base + path, base, articlesOf(slugs) };
             return PageCache::Made { FeedWriter::atom(feed), 200 };
         } });
}

Reply WebSite::authorFeed(const HttpRequest &request, const QString &id)
{
    const std::optional<qint64> authorId = PathId::parse(id);
    if (!authorId)
        return notFound(QStringLiteral("There is no such author."));
    return cached(request, "authorfeed:" + QByteArray::number(*authorId),
        { Atom, [this, authorId = *authorId, &request] {
             const QString base = baseUrl(request);
             const auto found = m_reader.byAuthor(authorId, FeedSize, 0);
             if (!found)
                 return notFoundPage(QStringLiteral("There is no such author."));
             QStringList slugs;
             for (const ArticleListItem &item : found->articles.items)
                 slugs.append(item.slug);
             const QString path = PageRenderer::authorPath(authorId);
             FeedWriter::Feed feed {
                 QStringLiteral("%1: articles by %2").arg(m_renderer.siteName(), found->name), {},
                 base + path + QStringLiteral("/feed.atom"), base + path, base, articlesOf(slugs)
             };
             return PageCache::Made { FeedWriter::atom(feed), 200 };
         } });
}

Reply WebSite::sitemap(const HttpRequest &request)
{
    // ?part=N: one sitemap of the index a large blog gets; none: the whole map, or that index.
    qint64 part = 0;
    for (const auto &[key, value] : request.query) {
        if (key != QLatin1String("part"))
            continue;
        bool ok = false;
        part = value.toLongLong(&ok);
        if (!ok || part < 1 || part > MaxPageNumber)
            return notFound(QStringLiteral("There is no such sitemap."));
    }
    return cached(request, "sitemap:" + QByteArray::number(part),
        { Xml, [this, part, &request] {
             const QString base = baseUrl(request);
             // The home page first, then every article: URL i of the whole list is in part i / SitemapSize
             // + 1.
             const qint64 urls = m_reader.articleCount() + 1;
             const qint64 parts = (urls + SitemapSize - 1) / SitemapSize;
             if (part == 0 && parts > 1) {
                 QList<QString> locations;
                 for (qint64 p = 1; p <= parts; ++p)
                     locations.append(base + QStringLiteral("/sitemap.xml?part=%1").arg(p));
                 return PageCache::Made { FeedWriter::sitemapIndex(locations), 200 };
             }
             const qint64 index = std::max<qint64>(1, part);
             if (index > parts)
                 return notFoundPage(QStringLiteral("There is no such sitemap."));
             QList<FeedWriter::SitemapUrl> locations;
             qint64 first = (index - 1) * SitemapSize; // position in the whole list, the home page at 0
             if (first == 0) {
                 locations.append({ base + QStringLiteral("/"), {} });
                 first = 1;
             }
             for (const auto &entry : m_reader.sitemapEntries(int(index * SitemapSize - first), first - 1))
                 locations.append({ base + PageRenderer::articlePath(entry.slug), entry.updatedAt });
             return PageCache::Made { FeedWriter::sitemap(locations), 200 };
         } });
}

Reply WebSite::robots(const HttpRequest &request) const
{
    Reply reply;
    reply.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
    // The JSON API is for programs, not for search engines.
    reply.body = "User-agent: *\nDisallow: /user/\nDisallow: /article\nAllow: /\n\nSitemap: "
        + baseUrl(request).toUtf8() + "/sitemap.xml\n";
    return reply.withHeader("Cache-Control", "public, max-age=3600");
}

Reply WebSite::stylesheet(const HttpRequest &request) const
{
    Reply reply;
    reply.contentType = QByteArrayLiteral("text/css; charset=utf-8");
    if (etagMatches(request.ifNoneMatch, m_stylesheetEtag))
        reply.status = 304;
    else
        reply.body = m_stylesheet;
    return reply.withHeader("ETag", m_stylesheetEtag).withHeader("Cache-Control", "public, max-age=3600");
}

} // namespace blog
