#pragma once

#include "ArticlePage.h"

#include <QStringList>

#include <optional>

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
        // articlesChangeMark() read before them, if the database keeps one.
        std::optional<qint64> changeMark;

        // The same positions; the mark says nothing about them.
        friend bool operator==(const Anchors &a, const Anchors &b)
        {
            return a.ids == b.ids && a.total == b.total && a.every == b.every;
        }
    };

    // Which articles a filtered listing shows; every filter given must hold.
    struct Filter
    {
        QString tag;
        std::optional<qint64> authorId;
        QString authorUsername; // in any letter case
        QString favoritedByUsername;
        std::optional<qint64> feedOf; // articles by the authors this user follows
        bool newestFirst = true;
        // The user's id; when set, favoritedByUsername is not read.
        std::optional<qint64> favoritedBy = std::nullopt;

        // Tells filters apart in caches.
        QByteArray key() const;
        // Binds the values of the filter's placeholders (:tag, :favorited, :favorited_by, :author,
        // :author_name, :feed) for the fields that are set; the search's SQL uses the same ones.
        void bindTo(SqlQuery &query) const;
        // No filter at all: every article.
        bool isEverything() const
        {
            return tag.isEmpty() && !authorId && authorUsername.isEmpty() && favoritedByUsername.isEmpty()
                && !feedOf && !favoritedBy;
        }

        friend bool operator==(const Filter &, const Filter &) = default;
    };

    explicit ListingRepository(Database &database);

    // A page of a filtered listing, items with every column (ArticleListItem's timestamps, author
    // username, favourites), and how many articles match in all (`knownTotal` when the caller knows it:
    // counting every article is a pass over the table).
    ArticlePage filtered(
        const Filter &filter, int limit, qint64 offset, std::optional<qint64> knownTotal = std::nullopt);
    // Every tag some article has, by name.
    QStringList tagsInUse();
    // What `filtered` reads from article_listing, and how: SearchRepository's pages have the same shape.
    static const QString &everyListingColumn();
    static QList<ArticleListItem> readEveryColumn(SqlQuery &rows, int expected);

    QList<ArticleListItem> items(int limit, qint64 offset, Order order);
    // `count` rows from ascending position p + skip, where anchorId is the article at position p, shown
    // in `order`: a deep page without reading every row before it (ListingPositions).
    QList<ArticleListItem> itemsFrom(qint64 anchorId, qint64 skip, int count, Order order);
    Anchors anchors(int every);
    // A number that changes whenever an article is inserted or deleted, by anyone, cheap to read;
    // nothing where the database keeps none (SQLite, whose anchors cost little to read again).
    std::optional<qint64> articlesChangeMark();

private:
    // A page's statement: the listing's rows of the ids the SELECT `ids` gives, in `order`.
    SqlQuery pageOf(const QString &ids, Order order);
    static QList<ArticleListItem> readItems(SqlQuery &rows, int expected, bool everyColumn = false);

    Database &m_database;
};

} // namespace blog
