#include "UserCache.h"

#include "ListingCache.h"

namespace blog {

UserCache::UserCache(const ListingCache &changes, qsizetype capacity)
    : m_changes(changes)
    , m_capacity(capacity)
{
}

quint64 UserCache::generation() const
{
    return m_changes.generation();
}

std::optional<User> UserCache::find(qint64 userId) const
{
    const quint64 current = m_changes.generation();
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.constFind(userId);
    if (found == m_entries.cend() || found->generation != current || found->expires <= now)
        return std::nullopt;
    return found->user;
}

void UserCache::remember(const User &user, quint64 generationBeforeRead)
{
    if (generationBeforeRead != m_changes.generation())
        return; // a write came in while the row was read: it may be older than that write
    const auto expires = std::chrono::steady_clock::now() + m_changes.timeToLive();
    const std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_capacity)
        m_entries.clear();
    m_entries.insert(user.id, Entry { user, expires, generationBeforeRead });
}

} // namespace blog
