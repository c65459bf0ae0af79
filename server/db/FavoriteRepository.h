#pragma once

#include "LinkTable.h"

#include <QList>
#include <QSet>

namespace blog {

class Database;

// All SQL on favorites: which user favours which article.
class FavoriteRepository
{
public:
    explicit FavoriteRepository(Database &database);

    // Both are idempotent; true when something changed.
    bool favorite(qint64 userId, qint64 articleId);
    bool unfavorite(qint64 userId, qint64 articleId);
    bool isFavorited(qint64 userId, qint64 articleId);
    qint64 count(qint64 articleId);
    // Which of `articleIds` the user favours (for a page of articles).
    QSet<qint64> favoritedAmong(qint64 userId, const QList<qint64> &articleIds);

private:
    Database &m_database;
    LinkTable m_favorites;
};

} // namespace blog
