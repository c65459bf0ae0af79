#pragma once

#include "ArticlePage.h"

namespace blog {

class Database;

// Reads the article_listing view.
class ListingRepository
{
public:
    enum class Order { OldestFirst, NewestFirst };

    explicit ListingRepository(Database &database);

    qint64 count();
    QList<ArticleListItem> items(int limit, qint64 offset, Order order);

private:
    Database &m_database;
};

} // namespace blog
