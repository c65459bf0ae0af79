#pragma once

#include "ArticlePage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace blog {

class Database;

// The SQL the public web pages need beyond the listing: articles by tag and by author, an author's name,
// and every article's slug and last change for the sitemap. Kept apart from ListingRepository (the API's
// listing, which other front ends are changing) so the two do not collide.
class ReaderRepository
{
public:
    struct SitemapEntry
    {
        QString slug;
        QDateTime updatedAt;
    };

    explicit ReaderRepository(Database &database);

    // Newest first, with the count of all that match.
    ArticlePage byTag(const QString &tag, int limit, qint64 offset);
    ArticlePage byAuthor(qint64 authorId, int limit, qint64 offset);
    std::optional<QString> authorName(qint64 authorId);
    // Oldest first, `limit` articles from position `offset`.
    QList<SitemapEntry> sitemapEntries(int limit, qint64 offset);
    qint64 articleCount();

private:
    ArticlePage pageWhere(const QString &idsCondition, const QString &placeholder, const QVariant &value,
        int limit, qint64 offset);

    Database &m_database;
};

} // namespace blog
