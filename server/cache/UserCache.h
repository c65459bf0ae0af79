#pragma once

#include "User.h"

#include <QHash>

#include <chrono>
#include <mutex>
#include <optional>

namespace blog {

class ListingCache;

// Users that authenticated lately, by id. Every authenticated request names its user, and reading the
// row was a quarter of the cost of GET /user/profile (perf: one SQLite read transaction with its file
// locks). Entries follow the listing cache: they live for its time to live and die with any change it
// sees, that is this instance's writes at once and, on PostgreSQL, the other instances' through NOTIFY
// (a profile update always notifies). So a profile change shows everywhere at once; only a user row
// deleted behind the servers' backs (no route deletes users) still authenticates for up to the time to
// live. Shared by the HTTP threads; bounded, it starts over when full.
class UserCache
{
public:
    explicit UserCache(const ListingCache &changes, qsizetype capacity = 10000);

    // The generation to pass to remember() for a row about to be read.
    quint64 generation() const;
    std::optional<User> find(qint64 userId) const;
    // Keeps `user` unless something changed since `generationBeforeRead`.
    void remember(const User &user, quint64 generationBeforeRead);

private:
    struct Entry
    {
        User user;
        std::chrono::steady_clock::time_point expires;
        quint64 generation;
    };

    const ListingCache &m_changes;
    const qsizetype m_capacity;
    mutable std::mutex m_mutex;
    QHash<qint64, Entry> m_entries;
};

} // namespace blog
