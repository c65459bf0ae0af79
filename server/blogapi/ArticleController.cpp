#include "ArticleController.h"

#include "ArticleCodec.h"
#include "ArticleEtag.h"
#include "ArticleService.h"
#include "Authenticator.h"
#include "ErrorReply.h"
#include "FavoriteService.h"
#include "HttpRequest.h"
#include "JsonBody.h"
#include "JsonKeys.h"
#include "ListingService.h"
#include "PathId.h"
#include "RequestCodec.h"
#include "SearchService.h"
#include "SearchTerms.h"

namespace blog {

namespace {

// If-None-Match may list several tags, or be "*".
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

Error articleNotFound()
{
    return Error::notFound(QStringLiteral("Article not found"));
}

} // namespace

ArticleController::ArticleController(ArticleService &articles, ListingService &listing, SearchService &search,
    FavoriteService &favorites, const Authenticator &authenticator)
    : m_articles(articles)
    , m_listing(listing)
    , m_favorites(favorites)
    , m_search(search)
    , m_authenticator(authenticator)
{
}

void ArticleController::list(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto query = RequestCodec::decodeListingQuery(request.query);
    if (!query) {
        reply(ErrorReply::from(Error::invalid(query.error())));
        return;
    }
    std::optional<qint64> readerId;
    if (query->feed) {
        const auto user = m_authenticator.authenticate(request);
        if (!user) {
            reply(ErrorReply::from(user.error()));
            return;
        }
        readerId = user->id;
    }
    // Clients may keep the page but must ask again each time; the ETag makes asking cheap. A feed is
    // one reader's: no shared cache may keep it.
    const QByteArray cacheControl = query->feed ? "private, no-cache" : "no-cache";
    const auto answer = [ifNoneMatch = request.ifNoneMatch, cacheControl](const ListingCache::Page &page) {
        Reply answer;
        if (!ifNoneMatch.isEmpty() && etagMatches(ifNoneMatch, page.etag))
            answer.status = 304;
        else
            answer = Reply::jsonBytes(page.body);
        return answer.withHeader("ETag", page.etag).withHeader("Cache-Control", cacheControl);
    };
    if (query->search.isEmpty()) {
        reply(answer(*m_listing.page(*query, readerId)));
        return;
    }
    const auto terms = SearchTerms::parse(query->search);
    if (!terms) { // the codec let it through, so it parses; never a page of nothing all the same
        reply(ErrorReply::from(
            Error::invalid(FieldError { JsonKeys::Search, SearchTerms::describe(terms.error()) })));
        return;
    }
    m_search.page(*terms, *query, readerId, std::move(resume),
        [reply = std::move(reply), answer](Result<SearchService::JsonPage> page) {
            reply(page ? answer(**page) : ErrorReply::from(page.error()));
        });
}

Reply ArticleController::show(const QString &slug, const HttpRequest &request)
{
    // Anonymous readers get the article alone; a token that does not hold gets 401, so a client with
    // an expired one learns it here rather than seeing "not favourited".
    std::optional<User> reader;
    if (!request.authorization.trimmed().isEmpty()) {
        auto user = m_authenticator.authenticate(request);
        if (!user)
            return ErrorReply::from(user.error());
        reader = std::move(*user);
    }
    const auto article = m_articles.findBySlug(slug);
    if (!article)
        return ErrorReply::from(article.error());
    // The ETag versions the article's own fields, not its comments: it is for If-Match on PATCH, so
    // there is no 304 here.
    const QByteArray etag = ArticleEtag::of(*article);
    if (!reader)
        return Reply::json(ArticleCodec::toJson(*article)).withHeader("ETag", etag);
    const auto standing = m_favorites.standing(*article, reader->id);
    return Reply::json(ArticleCodec::toJson(*article, standing))
        .withHeader("ETag", etag)
        .withHeader("Cache-Control", "private");
}

Reply ArticleController::tags()
{
    return Reply::json(ArticleCodec::tagsToJson(*m_listing.tags()));
}

Reply ArticleController::create(const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const auto json = JsonBody::parse(request);
    if (!json)
        return ErrorReply::from(json.error());
    const auto draft = RequestCodec::decodeArticleDraft(*json);
    if (!draft)
        return ErrorReply::from(Error::invalid(draft.error()));
    const auto article = m_articles.create(user->id, *draft);
    if (!article)
        return ErrorReply::from(article.error());
    return Reply::json(ArticleCodec::toJson(*article), 201).withHeader("ETag", ArticleEtag::of(*article));
}

Reply ArticleController::update(const QString &id, const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const std::optional<qint64> articleId = PathId::parse(id);
    if (!articleId)
        return ErrorReply::from(articleNotFound());
    const auto json = JsonBody::parse(request);
    if (!json)
        return ErrorReply::from(json.error());
    const auto patch = RequestCodec::decodeArticlePatch(*json);
    if (!patch)
        return ErrorReply::from(Error::invalid(patch.error()));
    const auto article = m_articles.update(
        user->id, *articleId, *patch, ArticleEtag::acceptedVersions(request.ifMatch, *articleId));
    if (!article)
        return ErrorReply::from(article.error());
    return Reply::json(ArticleCodec::toJson(*article)).withHeader("ETag", ArticleEtag::of(*article));
}

Reply ArticleController::remove(const QString &id, const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const std::optional<qint64> articleId = PathId::parse(id);
    if (!articleId)
        return ErrorReply::from(articleNotFound());
    const auto removed = m_articles.remove(user->id, *articleId);
    if (!removed)
        return ErrorReply::from(removed.error());
    return Reply::success();
}

} // namespace blog
