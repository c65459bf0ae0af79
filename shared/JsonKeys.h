#pragma once

#include <QLatin1String>

// JSON field names of the API, spelled once.
namespace blog::JsonKeys {

inline constexpr QLatin1String Id { "id" };
inline constexpr QLatin1String Username { "username" };
inline constexpr QLatin1String Email { "email" };
inline constexpr QLatin1String FullName { "fullName" };
inline constexpr QLatin1String Password { "password" };
inline constexpr QLatin1String Bio { "bio" };
inline constexpr QLatin1String Social { "social" };
inline constexpr QLatin1String Twitter { "twitter" };
inline constexpr QLatin1String Facebook { "facebook" };
inline constexpr QLatin1String Linkedin { "linkedin" };
inline constexpr QLatin1String CreatedAt { "createdAt" };
inline constexpr QLatin1String UpdatedAt { "updatedAt" };
inline constexpr QLatin1String Token { "token" };

inline constexpr QLatin1String Slug { "slug" };
inline constexpr QLatin1String Title { "title" };
inline constexpr QLatin1String Description { "description" };
inline constexpr QLatin1String Text { "text" };
inline constexpr QLatin1String Tags { "tags" };
inline constexpr QLatin1String Author { "author" };
inline constexpr QLatin1String AuthorName { "authorName" };
inline constexpr QLatin1String TotalComments { "totalComments" };
inline constexpr QLatin1String Comments { "comments" };
inline constexpr QLatin1String Article { "article" };
inline constexpr QLatin1String ArticleSlug { "articleSlug" };
inline constexpr QLatin1String ArticleTitle { "articleTitle" };
inline constexpr QLatin1String Cursor { "cursor" };
inline constexpr QLatin1String After { "after" };
inline constexpr QLatin1String Wait { "wait" };
inline constexpr QLatin1String Items { "items" };
inline constexpr QLatin1String Total { "total" };
// How the signed-in reader stands to an article (GET /article/:slug, the favourite routes) and to a user.
inline constexpr QLatin1String Favorited { "favorited" };
inline constexpr QLatin1String FavoritesCount { "favoritesCount" };
inline constexpr QLatin1String FollowingAuthor { "followingAuthor" };
inline constexpr QLatin1String Following { "following" };

inline constexpr QLatin1String Error { "error" };
inline constexpr QLatin1String Field { "field" };
inline constexpr QLatin1String NotFound { "notFound" };
inline constexpr QLatin1String Success { "success" };
inline constexpr QLatin1String Ready { "ready" };

// Query parameters of the listing.
inline constexpr QLatin1String Limit { "limit" };
inline constexpr QLatin1String Offset { "offset" };
inline constexpr QLatin1String Order { "order" };
inline constexpr QLatin1String OrderNewest { "newest" };
inline constexpr QLatin1String OrderOldest { "oldest" };
inline constexpr QLatin1String Tag { "tag" };
// The author's id (the listing's "author" field).
inline constexpr QLatin1String AuthorFilter { "author" };
// The id of a user whose favourites are listed.
inline constexpr QLatin1String FavoritedFilter { "favorited" };
// "true": the articles of the authors the signed-in reader follows.
inline constexpr QLatin1String Feed { "feed" };
inline constexpr QLatin1String True { "true" };
inline constexpr QLatin1String False { "false" };
// Words to search for (SearchTerms): the listing ranked by relevance instead of by date.
inline constexpr QLatin1String Search { "q" };

} // namespace blog::JsonKeys
