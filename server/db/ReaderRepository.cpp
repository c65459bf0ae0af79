#include "ReaderRepository.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "SqlQuery.h"
#include "Timestamp.h"

namespace blog {

namespace {
const QString TagIds = QStringLiteral(
    "SELECT link.article_id FROM article_tags link JOIN tags t ON t.id = link.tag_id WHERE t.name = :value");
const QString AuthorIds = QStringLiteral("SELECT id FROM articles WHERE author_id = :value");
} // namespace

ReaderRepository::ReaderRepository(Database &database)
    : m_database(database)
{
}

ArticlePage ReaderRepository::byTag(const QString &tag, int limit, qint64 offset)
{
    return pageWhere(TagIds, QStringLiteral(":value"), tag, limit, offset);
}

ArticlePage ReaderRepository::byAuthor(qint64 authorId, int limit, qint64 offset)
{
    return pageWhere(AuthorIds, QStringLiteral(":value"), authorId, limit, offset);
}

ArticlePage ReaderRepository::pageWhere(
    const QString &idsCondition, const QString &placeholder, const QVariant &value, int limit, qint64 offset)
{
    ArticlePage page;
    QSqlDatabase db = m_database.connection();
    {
        SqlQuery count(db, m_database.dialect(),
            QStringLiteral("SELECT count(*) FROM (") + idsCondition + QStringLiteral(") AS matching"));
        count.bind(placeholder, value).exec();
        page.total = count.next() ? count.value(0).toLongLong() : 0;
    }
    if (page.total <= offset)
        return page;
    SqlQuery rows(db, m_database.dialect(),
        QStringLiteral("SELECT slug, title, description, tags, author_id, author_name, total_comments "
                       "FROM article_listing WHERE id IN (SELECT id FROM articles WHERE id IN (")
            + idsCondition
            + QStringLiteral(") ORDER BY id DESC LIMIT :limit OFFSET :offset) ORDER BY id DESC"));
    rows.bind(placeholder, value)
        .bind(QStringLiteral(":limit"), limit)
        .bind(QStringLiteral(":offset"), offset);
    rows.exec();
    while (rows.next()) {
        ArticleListItem item;
        item.slug = rows.value(0).toString();
        item.title = rows.value(1).toString();
        item.description = rows.value(2).toString();
        item.tags = ArticleCodec::tagsFromJsonText(rows.value(3).toString().toUtf8());
        item.authorId = rows.value(4).toLongLong();
        item.authorName = rows.value(5).toString();
        item.totalComments = rows.value(6).toLongLong();
        page.items.append(item);
    }
    return page;
}

std::optional<QString> ReaderRepository::authorName(qint64 authorId)
{
    SqlQuery row(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT full_name FROM users WHERE id = :id"));
    row.bind(QStringLiteral(":id"), authorId).exec();
    if (!row.next())
        return std::nullopt;
    return row.value(0).toString();
}

QList<ReaderRepository::SitemapEntry> ReaderRepository::sitemapEntries(int limit, qint64 offset)
{
    SqlQuery rows(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT slug, updated_at FROM articles ORDER BY id LIMIT :limit OFFSET :offset"));
    rows.bind(QStringLiteral(":limit"), limit).bind(QStringLiteral(":offset"), offset).exec();
    QList<SitemapEntry> entries;
    while (rows.next())
        entries.append({ rows.value(0).toString(), Timestamp::fromString(rows.value(1).toString()) });
    return entries;
}

qint64 ReaderRepository::articleCount()
{
    SqlQuery row(
        m_database.connection(), m_database.dialect(), QStringLiteral("SELECT count(*) FROM articles"));
    row.exec();
    return row.next() ? row.value(0).toLongLong() : 0;
}

} // namespace blog
