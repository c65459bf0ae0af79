#pragma once

#include <QByteArray>
#include <QHash>

#include <mutex>
#include <optional>

namespace blog {

// Tokens that passed the full check (signature, algorithm, claims), with their user id and expiry.
// A signed-in client sends the same token on every request, and the HMAC plus libjwt's JSON parse was
// ~15 % of an authenticated read (perf); a hit costs one hash lookup. Keyed by the exact token bytes, so
// a hit is a token that verified before; the expiry is checked again on every hit. Bounded: when full it
// starts over. Shared by the HTTP threads.
class VerifiedTokenCache
{
public:
    explicit VerifiedTokenCache(qsizetype capacity = 10000);

    // The user id of a token remembered and not expired at `now` (seconds since the epoch).
    std::optional<qint64> find(const QByteArray &token, qint64 now) const;
    void remember(const QByteArray &token, qint64 userId, qint64 expiresAt);

private:
    struct Entry
    {
        qint64 userId;
        qint64 expiresAt;
    };

    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<QByteArray, Entry> m_entries;
};

} // namespace blog
