#pragma once

#include <QLatin1String>

// Every route of the REST API, spelled once for the server's router and the desktop client.
namespace blog::ApiPaths {

inline constexpr QLatin1String SignUp { "/user/sign-up" };
inline constexpr QLatin1String SignIn { "/user/sign-in" };
inline constexpr QLatin1String Profile { "/user/profile" };
// GET ?after=<cursor>&wait=<seconds>: new comments on my articles; waits up to `wait` (at most 25 s)
// for one when there is none yet (long polling). Without `after`: at once, only the current cursor.
inline constexpr QLatin1String Notifications { "/user/notifications" };
inline constexpr QLatin1String Articles { "/article" };
inline constexpr QLatin1String CommentsSegment { "comment" };
// PUT favours the article, DELETE stops favouring it (signed in); both answer the reader's standing
// (ArticleCodec::standingToJson).
inline constexpr QLatin1String FavoriteSegment { "favorite" };
// GET: {"tags": [...]}, every tag some article has, by name.
inline constexpr QLatin1String Tags { "/tag" };
inline constexpr QLatin1String Users { "/user" };
// PUT follows the user, DELETE unfollows (signed in); both answer the profile (ProfileCodec).
inline constexpr QLatin1String FollowSegment { "follow" };
// Answers {"success":true} while the process serves HTTP; for load balancers and probes (no database).
inline constexpr QLatin1String Health { "/health" };
// 200 {"ready":true} when the database answers and every migration is applied, else 503: whether an
// instance should get traffic.
inline constexpr QLatin1String Ready { "/ready" };

// "/article/<slug-or-id>"
QString article(const QString &slugOrId);
// "/article/<slug>/comment"
QString comments(const QString &slug);
// "/article/<slug>/comment/<id>"
QString comment(const QString &slug, qint64 commentId);
// "/article/<slug>/favorite"
QString favorite(const QString &slug);
// "/user/<id>/follow"
QString follow(qint64 userId);

} // namespace blog::ApiPaths
