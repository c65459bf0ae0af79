#include "TransferRepository.h"

#include "Database.h"
#include "SocialColumn.h"
#include "SqlQuery.h"
#include "TagRows.h"

#include <QList>

namespace blog {

namespace {
// Rows a page: large enough that the per-query cost vanishes, small enough to hold a page of texts.
constexpr int PageSize = 1000;
} // namespace

TransferRepository::TransferRepository(Database &database)
    : m_database(database)
{
}

TransferRepository::Counts TransferRepository::counts()
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM articles), "
                       "(SELECT count(*) FROM comments)"));
    query.exec();
    Counts counts;
    if (query.next()) {
        counts.users = query.value(0).toLongLong();
        counts.articles = query.value(1).toLongLong();
        counts.comments = query.value(2).toLongLong();
    }
    return counts;
}

bool TransferRepository::forEachUser(const std::function<bool(const TransferUser &)> &visit)
{
    QList<TransferUser> page;
    for (qint64 after = 0;; after = page.last().id) {
        page.clear();
        {
            SqlQuery query(m_database.connection(), m_database.dialect(),
                QStringLiteral(
                    "SELECT id, email, full_name, bio, social, password_hash, created_at, "
                    "updated_at, username, image FROM users WHERE id > :after ORDER BY id LIMIT %1")
                    .arg(PageSize));
            query.bind(QStringLiteral(":after"), after).exec();
            while (query.next()) {
                page.append(TransferUser { query.value(0).toLongLong(), query.value(1).toString(),
                    query.value(2).toString(), query.value(3).toString(),
                    SocialColumn::decode(query.value(4)), query.value(5).toString(),
                    query.value(6).toString(), query.value(7).toString(), query.value(8).toString(),
                    query.value(9).toString() });
            }
        }
        for (const TransferUser &user : std::as_const(page)) {
            if (!visit(user))
                return false;
        }
        if (page.size() < PageSize)
            return true;
    }
}

bool TransferRepository::forEachArticle(const std::function<bool(const TransferArticle &)> &visit)
{
    QList<TransferArticle> page;
    for (qint64 after = 0;; after = page.last().id) {
        page.clear();
        {
            SqlQuery query(m_database.connection(), m_database.dialect(),
                QStringLiteral("SELECT id, slug, title, description, text, author_id, created_at, "
                               "updated_at FROM articles WHERE id > :after ORDER BY id LIMIT %1")
                    .arg(PageSize));
            query.bind(QStringLiteral(":after"), after).exec();
            while (query.next()) {
                TransferArticle article;
                article.id = query.value(0).toLongLong();
                article.slug = query.value(1).toString();
                article.title = query.value(2).toString();
                article.description = query.value(3).toString();
                article.text = query.value(4).toString();
                article.authorId = query.value(5).toLongLong();
                article.createdAt = query.value(6).toString();
                article.updatedAt = query.value(7).toString();
                page.append(std::move(article));
            }
        }
        if (page.isEmpty())
            return true;
        {
            // The page's tags in one read, ordered as the page is: a merge walk fills them in.
            SqlQuery tags(m_database.connection(), m_database.dialect(),
                QStringLiteral("SELECT link.article_id, t.name FROM article_tags link "
                               "JOIN tags t ON t.id = link.tag_id "
                               "WHERE link.article_id > :after AND link.article_id <= :last "
                               "ORDER BY link.article_id, link.position"));
            tags.bind(QStringLiteral(":after"), after).bind(QStringLiteral(":last"), page.last().id).exec();
            readTagRowsInto(tags, page);
        }
        for (const TransferArticle &article : std::as_const(page)) {
            if (!visit(article))
                return false;
        }
        if (page.size() < PageSize)
            return true;
    }
}

bool TransferRepository::forEachComment(const std::function<bool(const TransferComment &)> &visit)
{
    QList<TransferComment> page;
    for (qint64 after = 0;; after = page.last().id) {
        page.clear();
        {
            SqlQuery query(m_database.connection(), m_database.dialect(),
                QStringLiteral("SELECT id, article_id, author_id, text, created_at, updated_at, deleted_at "
                               "FROM comments WHERE id > :after ORDER BY id LIMIT %1")
                    .arg(PageSize));
            query.bind(QStringLiteral(":after"), after).exec();
            while (query.next()) {
                TransferComment comment;
                comment.id = query.value(0).toLongLong();
                comment.articleId = query.value(1).toLongLong();
                comment.authorId = query.value(2).toLongLong();
                comment.text = query.value(3).toString();
                comment.createdAt = query.value(4).toString();
                comment.updatedAt = query.value(5).toString();
                if (!query.value(6).isNull())
                    comment.deletedAt = query.value(6).toString();
                page.append(std::move(comment));
            }
        }
        for (const TransferComment &comment : std::as_const(page)) {
            if (!visit(comment))
                return false;
        }
        if (page.size() < PageSize)
            return true;
    }
}

} // namespace blog
