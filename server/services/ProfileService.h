#pragma once

#include "Error.h"
#include "Profile.h"
#include "User.h"

#include <QSet>

#include <optional>

namespace blog {

class FollowRepository;
class ListingInvalidator;
class UserRepository;

// Users as others see them (by username), and following them.
class ProfileService
{
public:
    ProfileService(UserRepository &users, FollowRepository &follows, ListingInvalidator &listingInvalidator);

    // `viewerId`: who asks (whether they follow); nullopt for anonymous readers.
    Result<Profile> find(const QString &username, std::optional<qint64> viewerId);
    Result<Profile> follow(qint64 followerId, const QString &username);
    Result<Profile> unfollow(qint64 followerId, const QString &username);
    // The same by the user's id (our own API names users by id).
    Result<Profile> follow(qint64 followerId, qint64 userId);
    Result<Profile> unfollow(qint64 followerId, qint64 userId);
    // Which of `userIds` the follower follows (the authors of a page of comments, say).
    QSet<qint64> followedAmong(qint64 followerId, const QList<qint64> &userIds);

private:
    Result<Profile> changeFollow(qint64 followerId, const std::optional<User> &user, bool follow);

    UserRepository &m_users;
    FollowRepository &m_follows;
    ListingInvalidator &m_listingInvalidator;
};

} // namespace blog
