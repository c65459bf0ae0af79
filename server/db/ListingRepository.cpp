#include "ListingRepository.h"

#include "Database.h"
#include "SqlQuery.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace blog {

ListingRepository::ListingRepository(Database &database)
    : m_database(database)
{
}

ArticlePage ListingRepository::page(int limit, qint64 offset, Order order)
{
    QSqlDatabase db = m_database.connection();
    ArticlePage page;
    SqlQuery count(db, m_database.dialect(), QStringLiteral("SELECT count(*) FROM articles"));
    count.exec();
    if (count.next())
        page.total = count.value(0).toLongLong();

    const QString direction = order == Order::OldestFirst ? QStringLiteral("ASC") : QStringLiteral("DESC");
    SqlQuery rows(db, m_database.dialect(),
                  QStringLiteral("SELECT slug, title, description, tags, author_id, author_name, total_comments "
                                 "FROM article_listing ORDER BY id ")
                      + direction + QStringLiteral(" LIMIT :limit OFFSET :offset"));
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    while (rows.next()) {
        ArticleListItem item;
        item.slug = rows.value(0).toString();
        item.title = rows.value(1).toString();
        item.description = rows.value(2).toString();
        // The view aggregates tags as a JSON array of strings (the only JSON a repository reads).
        const QJsonArray tags = QJsonDocument::fromJson(rows.value(3).toString().toUtf8()).array();
        for (const QJsonValue &tag : tags)
            item.tags.append(tag.toString());
        item.authorId = rows.value(4).toLongLong();
        item.authorName = rows.value(5).toString();
        item.totalComments = rows.value(6).toLongLong();
        page.items.append(item);
    }
    return page;
}

} // namespace blog
