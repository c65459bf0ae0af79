#pragma once

#include "ArticleRepository.h"
#include "ArticleService.h"
#include "ChangeNotifier.h"
#include "CommentRepository.h"
#include "FavoriteRepository.h"
#include "FavoriteService.h"
#include "FilteredListingCache.h"
#include "FollowRepository.h"
#include "ListingCache.h"
#include "ListingInvalidator.h"
#include "ListingPositions.h"
#include "ListingRepository.h"
#include "ListingService.h"
#include "ProfileService.h"
#include "UserRepository.h"

namespace blog::test {

// The repositories, caches and services over one database, wired as the server wires them, for tests
// of the services without HTTP. Users are stored directly (no hashing): `addUser`.
struct ServiceParts
{
    explicit ServiceParts(Database &database, std::chrono::milliseconds cacheTtl = std::chrono::seconds(60))
        : listingCache(cacheTtl)
        , positions(cacheTtl, [this] { listingCache.invalidate(); })
        , filteredCache(cacheTtl)
        , notifier(database)
        , invalidator(listingCache, positions, filteredCache, notifier)
        , users(database)
        , articleRepository(database)
        , comments(database)
        , listingRepository(database)
        , follows(database)
        , favoriteRepository(database)
        , articles(articleRepository, invalidator)
        , listing(listingRepository, listingCache, positions, filteredCache, favoriteRepository, follows)
        , profiles(users, follows, invalidator)
        , favorites(articleRepository, favoriteRepository, follows, invalidator)
    {
    }
    ~ServiceParts() { positions.stop(); }

    User addUser(const QString &username)
    {
        auto user = users.insert({ username, username + QStringLiteral("@example.com"), username,
            QStringLiteral("not-a-hash"), QString(), std::nullopt });
        return user ? *user : User {};
    }
    Article addArticle(qint64 authorId, const QString &title, const QStringList &tags = {})
    {
        auto article = articles.create(
            authorId, ArticleDraft { title, QStringLiteral("d"), QStringLiteral("t"), tags });
        return article ? *article : Article {};
    }

    ListingCache listingCache;
    ListingPositions positions;
    FilteredListingCache filteredCache;
    ChangeNotifier notifier;
    ListingInvalidator invalidator;
    UserRepository users;
    ArticleRepository articleRepository;
    CommentRepository comments;
    ListingRepository listingRepository;
    FollowRepository follows;
    FavoriteRepository favoriteRepository;
    ArticleService articles;
    ListingService listing;
    ProfileService profiles;
    FavoriteService favorites;
};

} // namespace blog::test
