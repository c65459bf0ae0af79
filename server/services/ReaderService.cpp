#include "ReaderService.h"

namespace blog {

ReaderService::ReaderService(ReaderRepository &repository)
    : m_repository(repository)
{
}

Result<ArticlePage> ReaderService::byTag(const QString &tag, int limit, qint64 offset)
{
    ArticlePage page = m_repository.byTag(tag, limit, offset);
    if (page.total == 0)
        return Error::notFound(QStringLiteral("No article has this tag"));
    return page;
}

Result<ReaderService::AuthorPage> ReaderService::byAuthor(qint64 authorId, int limit, qint64 offset)
{
    const auto name = m_repository.authorName(authorId);
    if (!name)
        return Error::notFound(QStringLiteral("No such author"));
    return AuthorPage { *name, m_repository.byAuthor(authorId, limit, offset) };
}

QList<ReaderRepository::SitemapEntry> ReaderService::sitemapEntries(int limit, qint64 offset)
{
    return m_repository.sitemapEntries(limit, offset);
}

qint64 ReaderService::articleCount()
{
    return m_repository.articleCount();
}

} // namespace blog
