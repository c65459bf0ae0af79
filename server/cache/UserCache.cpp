#include "UserCache.h"

namespace blog {

UserCache::UserCache(std::chrono::milliseconds timeToLive, qsizetype capacity)
    : m_timeToLive(timeToLive)
    , m_capacity(capacity)
{
}

std::optional<User> UserCache::find(qint64 userId) const
{
    const auto now = std::chrono::steady_clock::now();
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.constFind(userId);
    if (found == m_entries.cend() || found->expires <= now)
        return std::nullopt;
    return found->user;
}

void UserCache::remember(const User &user, quint64 generationBeforeRead)
{
    const auto expires = std::chrono::steady_clock::now() + m_timeToLive;
    const std::lock_guard lock(m_mutex);
    // Checked under the lock that invalidate() takes too: a row read before a change is never kept after it.
    if (generationBeforeRead != generation())
        return;
    if (m_entries.size() >= m_capacity)
        m_entries.clear();
    m_entries.insert(user.id, Entry { user, expires, {} });
}

std::optional<QByteArray> UserCache::profileJson(const User &user) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.constFind(user.id);
    if (found == m_entries.cend() || found->profileJson.isEmpty() || found->user.updatedAt != user.updatedAt)
        return std::nullopt;
    return found->profileJson;
}

void UserCache::rememberProfileJson(const User &user, const QByteArray &json)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.find(user.id);
    if (found != m_entries.end() && found->user.updatedAt == user.updatedAt)
        found->profileJson = json;
}

void UserCache::invalidate()
{
    const std::lock_guard lock(m_mutex);
    m_generation.fetch_add(1, std::memory_order_acq_rel);
    m_entries.clear();
}

} // namespace blog
