#include "FollowRepository.h"

#include "Database.h"
#include "IdList.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

namespace blog {

FollowRepository::FollowRepository(Database &database)
    : m_database(database)
{
}

bool FollowRepository::follow(qint64 followerId, qint64 followedId)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("INSERT INTO follows (follower_id, followed_id, created_at) "
                       "VALUES (:follower, :followed, :at) ON CONFLICT DO NOTHING"));
    query.bind(QStringLiteral(":follower"), followerId)
        .bind(QStringLiteral(":followed"), followedId)
        .bind(QStringLiteral(":at"), Timestamp::toString(Timestamp::now()))
        .exec();
    const bool added = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return added;
}

bool FollowRepository::unfollow(qint64 followerId, qint64 followedId)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("DELETE FROM follows WHERE follower_id = :follower AND followed_id = :followed"));
    query.bind(QStringLiteral(":follower"), followerId).bind(QStringLiteral(":followed"), followedId).exec();
    const bool removed = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return removed;
}

bool FollowRepository::isFollowing(qint64 followerId, qint64 followedId)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT 1 FROM follows WHERE follower_id = :follower AND followed_id = :followed"));
    query.bind(QStringLiteral(":follower"), followerId).bind(QStringLiteral(":followed"), followedId).exec();
    return query.next();
}

QSet<qint64> FollowRepository::followedAmong(qint64 followerId, const QList<qint64> &userIds)
{
    QSet<qint64> followed;
    if (userIds.isEmpty())
        return followed;
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT followed_id FROM follows WHERE follower_id = :follower AND followed_id IN ")
            + IdList::placeholders(userIds.size()));
    query.bind(QStringLiteral(":follower"), followerId);
    IdList::bind(query, userIds);
    query.exec();
    while (query.next())
        followed.insert(query.value(0).toLongLong());
    return followed;
}

} // namespace blog
