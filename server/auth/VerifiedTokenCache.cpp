#include "VerifiedTokenCache.h"

namespace blog {

VerifiedTokenCache::VerifiedTokenCache(qsizetype capacity)
    : m_capacity(capacity)
{
}

std::optional<qint64> VerifiedTokenCache::find(const QByteArray &token, qint64 now) const
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_entries.constFind(token);
    if (found == m_entries.cend() || found->expiresAt <= now)
        return std::nullopt;
    return found->userId;
}

void VerifiedTokenCache::remember(const QByteArray &token, qint64 userId, qint64 expiresAt)
{
    const std::lock_guard lock(m_mutex);
    // Starting over is cheaper than tracking use, and refilling costs one verification a client.
    if (m_entries.size() >= m_capacity)
        m_entries.clear();
    m_entries.insert(token, Entry { userId, expiresAt });
}

} // namespace blog
