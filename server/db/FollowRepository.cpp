#include "FollowRepository.h"

namespace blog {

FollowRepository::FollowRepository(Database &database)
    : m_follows(
        database, QStringLiteral("follows"), QStringLiteral("follower_id"), QStringLiteral("followed_id"))
{
}

bool FollowRepository::follow(qint64 followerId, qint64 followedId)
{
    return m_follows.add(followerId, followedId);
}

bool FollowRepository::unfollow(qint64 followerId, qint64 followedId)
{
    return m_follows.remove(followerId, followedId);
}

bool FollowRepository::isFollowing(qint64 followerId, qint64 followedId)
{
    return m_follows.contains(followerId, followedId);
}

QSet<qint64> FollowRepository::followedAmong(qint64 followerId, const QList<qint64> &userIds)
{
    return m_follows.targetsAmong(followerId, userIds);
}

} // namespace blog
