#include "ProfileService.h"

#include "FollowRepository.h"
#include "ListingInvalidator.h"
#include "UserRepository.h"

namespace blog {

namespace {
const QString Subject = QStringLiteral("profile");

Error noSuchUser()
{
    return Error::notFound(QStringLiteral("User not found")).about(Subject);
}

Profile profileOf(const User &user, bool following)
{
    return Profile { user.id, user.username, user.bio, user.image, following };
}
} // namespace

ProfileService::ProfileService(
    UserRepository &users, FollowRepository &follows, ListingInvalidator &listingInvalidator)
    : m_users(users)
    , m_follows(follows)
    , m_listingInvalidator(listingInvalidator)
{
}

Result<Profile> ProfileService::find(const QString &username, std::optional<qint64> viewerId)
{
    const std::optional<User> user = m_users.findByUsername(username);
    if (!user)
        return noSuchUser();
    return profileOf(*user, viewerId && m_follows.isFollowing(*viewerId, user->id));
}

Result<Profile> ProfileService::follow(qint64 followerId, const QString &username)
{
    return changeFollow(followerId, m_users.findByUsername(username), true);
}

Result<Profile> ProfileService::unfollow(qint64 followerId, const QString &username)
{
    return changeFollow(followerId, m_users.findByUsername(username), false);
}

Result<Profile> ProfileService::follow(qint64 followerId, qint64 userId)
{
    return changeFollow(followerId, m_users.findById(userId), true);
}

Result<Profile> ProfileService::unfollow(qint64 followerId, qint64 userId)
{
    return changeFollow(followerId, m_users.findById(userId), false);
}

QSet<qint64> ProfileService::followedAmong(qint64 followerId, const QList<qint64> &userIds)
{
    return m_follows.followedAmong(followerId, userIds);
}

Result<Profile> ProfileService::changeFollow(qint64 followerId, const std::optional<User> &user, bool follow)
{
    if (!user)
        return noSuchUser();
    if (user->id == followerId && follow)
        return Error::badRequest(QStringLiteral("You cannot follow yourself"), QStringLiteral("username"));
    const bool changed
        = follow ? m_follows.follow(followerId, user->id) : m_follows.unfollow(followerId, user->id);
    if (changed)
        m_listingInvalidator.socialChanged(); // the follower's feed
    return profileOf(*user, follow);
}

} // namespace blog
