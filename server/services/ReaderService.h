#pragma once

#include "ArticlePage.h"
#include "Error.h"
#include "ReaderRepository.h"

namespace blog {

// What readers browse besides the listing and the articles: a tag's and an author's articles, and every
// article for the sitemap. Reads only; the web pages cache what they make of it.
class ReaderService
{
public:
    struct AuthorPage
    {
        QString name;
        ArticlePage articles;
    };

    explicit ReaderService(ReaderRepository &repository);

    // Not found when no article carries the tag.
    Result<ArticlePage> byTag(const QString &tag, int limit, qint64 offset);
    // Not found when there is no such user.
    Result<AuthorPage> byAuthor(qint64 authorId, int limit, qint64 offset);
    QList<ReaderRepository::SitemapEntry> sitemapEntries(int limit, qint64 offset);
    qint64 articleCount();

private:
    ReaderRepository &m_repository;
};

} // namespace blog
