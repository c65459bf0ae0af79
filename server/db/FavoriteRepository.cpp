#include "FavoriteRepository.h"

#include "Database.h"
#include "SqlQuery.h"

namespace blog {

FavoriteRepository::FavoriteRepository(Database &database)
    : m_database(database)
    , m_favorites(
          database, QStringLiteral("favorites"), QStringLiteral("user_id"), QStringLiteral("article_id"))
{
}

bool FavoriteRepository::favorite(qint64 userId, qint64 articleId)
{
    return m_favorites.add(userId, articleId);
}

bool FavoriteRepository::unfavorite(qint64 userId, qint64 articleId)
{
    return m_favorites.remove(userId, articleId);
}

bool FavoriteRepository::isFavorited(qint64 userId, qint64 articleId)
{
    return m_favorites.contains(userId, articleId);
}

qint64 FavoriteRepository::count(qint64 articleId)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT count(*) FROM favorites WHERE article_id = :article"));
    query.bind(QStringLiteral(":article"), articleId).exec();
    return query.next() ? query.value(0).toLongLong() : 0;
}

QSet<qint64> FavoriteRepository::favoritedAmong(qint64 userId, const QList<qint64> &articleIds)
{
    return m_favorites.targetsAmong(userId, articleIds);
}

} // namespace blog
