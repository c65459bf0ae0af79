#pragma once

#include "ConnectionPolicy.h"
#include "DatabaseUrl.h"
#include "PasswordHasher.h"
#include "TrustedProxies.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <chrono>
#include <optional>

namespace blog {

// Everything `blog-server serve` can be told, with the defaults it uses when it is not.
struct ServerConfig
{
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 3001;
    DatabaseUrl database;
    QByteArray jwtSecret;
    std::chrono::seconds tokenLifetime = std::chrono::hours(24 * 7);
    // Threads answering HTTP, each with its own listening socket and database connection; 0: one a core.
    int workerThreads = 0;
    // Threads for argon2id hashing, off the HTTP threads so sign-ins never stall reads; 0: one a core.
    int hashingThreads = 0;
    // Sign-ins, sign-ups and password changes waiting for or in hashing; beyond it, 503 and Retry-After.
    int hashingQueueLimit = 64;
    ConnectionPolicy connections;
    std::chrono::milliseconds listingCacheTtl = std::chrono::seconds(5);
    std::chrono::milliseconds purgeInterval = std::chrono::hours(1);
    int purgeOlderThanDays = 30;
    PasswordHasher::Cost hashCost;
    // Sign-in attempts a minute per client address; per e-mail address, a third of it (at least 3).
    int signInAttemptsPerMinute = 30;
    // Proxies whose X-Forwarded-For names the client (for the sign-in limit, the per-address caps and
    // the access log); their own connections count against the total cap only. Empty: no proxy trusted.
    TrustedProxies trustedProxies;
    // Browser origins allowed to call the API (CORS); empty: CORS off.
    QList<QByteArray> corsOrigins;
    struct Endpoint
    {
        QString host;
        quint16 port = 0; // 0: any free port
    };
    // Where Prometheus scrapes GET /metrics; unset: no metrics listener. Never the public port.
    std::optional<Endpoint> metricsListen;
};

} // namespace blog
