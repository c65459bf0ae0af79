#pragma once

#include "ArticlePage.h"

namespace blog {

class Database;
class SqlQuery;

// Reads the article_listing view.
class ListingRepository
{
public:
    enum class Order { OldestFirst, NewestFirst };
    // Every `every`-th article id in ascending order, and the count.
    struct Anchors
    {
        QList<qint64> ids; // ids[j] is the article at ascending position j * every
        qint64 total = 0;
        int every = 1;

        friend bool operator==(const Anchors &, const Anchors &) = default;
    };

    explicit ListingRepository(Database &database);

    QList<ArticleListItem> items(int limit, qint64 offset, Order order);
    // `count` rows from ascending position p + skip, where anchorId is the article at position p, shown
    // in `order`: a deep page without reading every row before it (ListingPositions).
    QList<ArticleListItem> itemsFrom(qint64 anchorId, qint64 skip, int count, Order order);
    Anchors anchors(int every);

private:
    static QList<ArticleListItem> readItems(SqlQuery &rows, int expected);

    Database &m_database;
};

} // namespace blog
