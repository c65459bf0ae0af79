#pragma once

#include "DatabaseUrl.h"
#include "HttpConfig.h"
#include "PasswordHasher.h"

#include <QByteArray>
#include <QString>

#include <chrono>

namespace blog {

// Everything `blog-server serve` can be told, with the defaults it uses when it is not. The HTTP part
// is HttpConfig's, which the HTTP host takes alone.
struct ServerConfig : HttpConfig
{
    DatabaseUrl database;
    QByteArray jwtSecret;
    std::chrono::seconds tokenLifetime = std::chrono::hours(24 * 7);
    // Threads for argon2id hashing, off the HTTP threads so sign-ins never stall reads; 0: one a core.
    int hashingThreads = 0;
    // Sign-ins, sign-ups and password changes waiting for or in hashing; beyond it, 503 and Retry-After.
    int hashingQueueLimit = 64;
    // Threads for searches the cache does not hold, off the HTTP threads; 0: one a core.
    int searchThreads = 0;
    // Searches waiting for or in the search pool; beyond it, 503 and Retry-After.
    int searchQueueLimit = 64;
    // Database time a search may take; past it, it is stopped and answered 503.
    std::chrono::milliseconds searchTimeLimit = std::chrono::seconds(2);
    std::chrono::milliseconds listingCacheTtl = std::chrono::seconds(5);
    std::chrono::milliseconds purgeInterval = std::chrono::hours(1);
    int purgeOlderThanDays = 30;
    PasswordHasher::Cost hashCost;
    // Sign-in attempts a minute per client address; per e-mail address, a third of it (at least 3).
    int signInAttemptsPerMinute = 30;
    // The web pages' origin for canonical links, feeds and the sitemap ("https://blog.example"); empty:
    // taken from each request's Host header.
    QString publicUrl;
    QString siteName = QStringLiteral("Blog");
};

} // namespace blog
