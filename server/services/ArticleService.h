#pragma once

#include "Article.h"
#include "Error.h"
#include "Requests.h"

namespace blog {

class ArticleRepository;
class ListingInvalidator;

// Articles: slugs, ownership, and keeping the listing cache honest after writes.
class ArticleService
{
public:
    ArticleService(ArticleRepository &articles, ListingInvalidator &listingInvalidator);

    Result<Article> findBySlug(const QString &slug);
    Result<Article> create(qint64 authorId, const ArticleDraft &draft);
    // With `expectedVersions`, only while the article is at one of them; else a Stale error carrying
    // the article as it is now.
    Result<Article> update(qint64 userId, qint64 articleId, const ArticlePatch &patch,
        const std::optional<QList<qint64>> &expectedVersions = std::nullopt);
    Result<Done> remove(qint64 userId, qint64 articleId);

private:
    static Result<Article> orNotFound(std::optional<Article> article);
    Error stale(qint64 articleId);

    ArticleRepository &m_articles;
    ListingInvalidator &m_listingInvalidator;
};

} // namespace blog
