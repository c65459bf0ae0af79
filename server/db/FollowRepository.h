#pragma once

#include "LinkTable.h"

#include <QList>
#include <QSet>

namespace blog {

class Database;

// All SQL on follows: who reads whom (RealWorld's profiles and feed).
class FollowRepository
{
public:
    explicit FollowRepository(Database &database);

    // Both are idempotent; true when something changed.
    bool follow(qint64 followerId, qint64 followedId);
    bool unfollow(qint64 followerId, qint64 followedId);
    bool isFollowing(qint64 followerId, qint64 followedId);
    // Which of `userIds` the follower follows (for a page of articles: their authors).
    QSet<qint64> followedAmong(qint64 followerId, const QList<qint64> &userIds);

private:
    LinkTable m_follows;
};

} // namespace blog
