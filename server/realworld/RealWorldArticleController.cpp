#include "RealWorldArticleController.h"

#include "ArticleService.h"
#include "FavoriteService.h"
#include "HttpRequest.h"
#include "JsonBody.h"
#include "ListingService.h"
#include "RealWorldAuth.h"
#include "RealWorldCodec.h"
#include "RealWorldErrorReply.h"
#include "SearchService.h"

#include <QJsonDocument>

namespace blog {

RealWorldArticleController::RealWorldArticleController(ArticleService &articles, FavoriteService &favorites,
    ListingService &listing, SearchService &search, const RealWorldAuth &auth)
    : m_articles(articles)
    , m_favorites(favorites)
    , m_listing(listing)
    , m_search(search)
    , m_auth(auth)
{
}

Reply RealWorldArticleController::articleReply(
    const Result<Article> &article, std::optional<qint64> viewerId, int status)
{
    if (!article)
        return RealWorldErrorReply::from(article.error());
    const FavoriteService::Standing standing = m_favorites.standing(*article, viewerId);
    return Reply::json(RealWorldCodec::article(*article,
                           { standing.favoritesCount, standing.favorited, standing.followingAuthor }),
        status);
}

void RealWorldArticleController::page(const HttpRequest &request, std::optional<qint64> feedOf,
    std::optional<qint64> viewerId, Resume resume, ReplyCallback reply)
{
    const auto query = RealWorldCodec::decodeListQuery(request.query);
    if (!query) {
        reply(RealWorldErrorReply::invalid(query.error()));
        return;
    }
    ListingService::Filter filter;
    filter.tag = query->tag;
    filter.authorUsername = query->author;
    filter.favoritedByUsername = query->favorited;
    filter.feedOf = feedOf;
    if (!query->search) {
        reply(pageReply(m_listing.filtered(filter, query->limit, query->offset), viewerId));
        return;
    }
    m_search.filtered(*query->search, filter, query->limit, query->offset, std::move(resume),
        [this, viewerId, reply = std::move(reply)](Result<SearchService::Page> page) {
            reply(page ? pageReply(*page, viewerId) : RealWorldErrorReply::from(page.error()));
        });
}

Reply RealWorldArticleController::pageReply(
    const std::shared_ptr<const ArticlePage> &page, std::optional<qint64> viewerId)
{
    // The page is shared by every reader (cached); what this reader favours and follows is read apart.
    const auto render = [&page](const ListingService::Marks &marks) {
        return QJsonDocument(RealWorldCodec::articles(*page, marks.favorited, marks.followedAuthors))
            .toJson(QJsonDocument::Compact);
    };
    if (!viewerId || page->items.isEmpty())
        return Reply::jsonBytes(m_anonymousPages.json(page, [&] { return render({}); }));
    return Reply::jsonBytes(render(m_listing.marks(*viewerId, *page)));
}

void RealWorldArticleController::list(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto viewer = m_auth.optional(request);
    if (!viewer) {
        reply(viewer.error());
        return;
    }
    page(request, std::nullopt, *viewer ? std::optional((*viewer)->id) : std::nullopt, std::move(resume),
        std::move(reply));
}

void RealWorldArticleController::feed(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto user = m_auth.required(request);
    if (!user) {
        reply(user.error());
        return;
    }
    page(request, user->id, user->id, std::move(resume), std::move(reply));
}

Reply RealWorldArticleController::show(const QString &slug, const HttpRequest &request)
{
    const auto viewer = m_auth.optional(request);
    if (!viewer)
        return viewer.error();
    return articleReply(m_articles.findBySlug(slug), *viewer ? std::optional((*viewer)->id) : std::nullopt);
}

Reply RealWorldArticleController::create(const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    const auto json = JsonBody::parse(request);
    if (!json)
        return RealWorldErrorReply::from(json.error());
    const auto draft = RealWorldCodec::decodeArticleDraft(*json);
    if (!draft)
        return RealWorldErrorReply::invalid(draft.error());
    return articleReply(m_articles.create(user->id, *draft), user->id, 201);
}

Reply RealWorldArticleController::update(const QString &slug, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    const auto json = JsonBody::parse(request);
    if (!json)
        return RealWorldErrorReply::from(json.error());
    const auto patch = RealWorldCodec::decodeArticlePatch(*json);
    if (!patch)
        return RealWorldErrorReply::invalid(patch.error());
    const auto article = m_articles.findBySlug(slug);
    if (!article)
        return RealWorldErrorReply::from(article.error());
    return articleReply(m_articles.update(user->id, article->id, *patch), user->id);
}

Reply RealWorldArticleController::remove(const QString &slug, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    const auto article = m_articles.findBySlug(slug);
    if (!article)
        return RealWorldErrorReply::from(article.error());
    const auto removed = m_articles.remove(user->id, article->id);
    if (!removed)
        return RealWorldErrorReply::from(removed.error());
    Reply reply;
    reply.status = 204;
    return reply;
}

Reply RealWorldArticleController::favorite(const QString &slug, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    return articleReply(m_favorites.favorite(user->id, slug), user->id);
}

Reply RealWorldArticleController::unfavorite(const QString &slug, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    return articleReply(m_favorites.unfavorite(user->id, slug), user->id);
}

Reply RealWorldArticleController::tags()
{
    return Reply::json(RealWorldCodec::tags(*m_listing.tags()));
}

} // namespace blog
