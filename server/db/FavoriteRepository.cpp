#include "FavoriteRepository.h"

#include "Database.h"
#include "IdList.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

namespace blog {

FavoriteRepository::FavoriteRepository(Database &database)
    : m_database(database)
{
}

bool FavoriteRepository::favorite(qint64 userId, qint64 articleId)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("INSERT INTO favorites (user_id, article_id, created_at) "
                       "VALUES (:user, :article, :at) ON CONFLICT DO NOTHING"));
    query.bind(QStringLiteral(":user"), userId)
        .bind(QStringLiteral(":article"), articleId)
        .bind(QStringLiteral(":at"), Timestamp::toString(Timestamp::now()))
        .exec();
    const bool added = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return added;
}

bool FavoriteRepository::unfavorite(qint64 userId, qint64 articleId)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("DELETE FROM favorites WHERE user_id = :user AND article_id = :article"));
    query.bind(QStringLiteral(":user"), userId).bind(QStringLiteral(":article"), articleId).exec();
    const bool removed = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return removed;
}

bool FavoriteRepository::isFavorited(qint64 userId, qint64 articleId)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT 1 FROM favorites WHERE user_id = :user AND article_id = :article"));
    query.bind(QStringLiteral(":user"), userId).bind(QStringLiteral(":article"), articleId).exec();
    return query.next();
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
    QSet<qint64> favorited;
    if (articleIds.isEmpty())
        return favorited;
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT article_id FROM favorites WHERE user_id = :user AND article_id IN ")
            + IdList::placeholders(articleIds.size()));
    query.bind(QStringLiteral(":user"), userId);
    IdList::bind(query, articleIds);
    query.exec();
    while (query.next())
        favorited.insert(query.value(0).toLongLong());
    return favorited;
}

} // namespace blog
