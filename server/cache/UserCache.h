#pragma once

#include "User.h"

#include <QHash>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

namespace blog {

// Users that authenticated lately, by id. Every authenticated request names its user, and reading the
// row was a quarter of the cost of GET /user/profile (perf: one SQLite read transaction with its file
// locks). An entry lives for the time to live (the listing cache's) unless invalidate() comes first:
// this instance's profile updates call it at once, and on PostgreSQL so does every NOTIFY from the other
// instances (a profile update always notifies). So a profile change shows everywhere at once; only a
// user row changed or deleted behind the servers' backs (no route deletes users) shows when the time
// to live is up. Shared by the HTTP threads; bounded, it starts over when full.
class UserCache
{
public:
    explicit UserCache(std::chrono::milliseconds timeToLive, qsizetype capacity = 10000);

    // The generation to pass to remember() for a row about to be read.
    quint64 generation() const { return m_generation.load(std::memory_order_acquire); }
    std::optional<User> find(qint64 userId) const;
    // Keeps `user` unless invalidate() came since `generationBeforeRead`.
    void remember(const User &user, quint64 generationBeforeRead);
    void invalidate();
    // The profile answer kept with a cached user (made once: GET /user/profile sends the same bytes
    // every time), if `user` is the version cached.
    std::optional<QByteArray> profileJson(const User &user) const;
    void rememberProfileJson(const User &user, const QByteArray &json);

private:
    struct Entry
    {
        User user;
        std::chrono::steady_clock::time_point expires;
        QByteArray profileJson;
    };

    const std::chrono::milliseconds m_timeToLive;
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<qint64, Entry> m_entries;
    std::atomic<quint64> m_generation { 0 };
};

} // namespace blog
