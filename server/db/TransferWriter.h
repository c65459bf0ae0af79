#pragma once

#include "SqlQuery.h"
#include "TransferRecords.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <array>
#include <memory>
#include <vector>

namespace blog {

class Database;

// The SQL that writes imported rows with the ids they came with, on this thread's connection and
// inside the caller's WriteTransaction. Its statements are prepared once and reused row after row.
// A row whose id, e-mail or slug is taken throws DatabaseError(UniqueViolation); one whose author or
// article is not there throws DatabaseError(ForeignKeyViolation).
class TransferWriter
{
public:
    explicit TransferWriter(Database &database);

    void insertUser(const TransferUser &user);
    void insertArticle(const TransferArticle &article);
    void insertComment(const TransferComment &comment);
    // After the last row: ids the database generates from now on follow the imported ones.
    void resetIdSequences();

private:
    qint64 tagId(const QString &name);
    // INSERT INTO article_tags for `count` links in one statement (on PostgreSQL one round trip an
    // article instead of one a tag), prepared once for each count and kept.
    SqlQuery &links(qsizetype count);

    Database &m_database;
    QSqlDatabase m_db;
    SqlQuery m_user;
    QSet<QString> m_usernameKeys;
    SqlQuery m_article;
    SqlQuery m_comment;
    QHash<QString, qint64> m_tagIds;
    std::vector<std::unique_ptr<SqlQuery>> m_links;
    // The placeholders of link i: :a<i>, :t<i>, :p<i>.
    QList<std::array<QString, 3>> m_linkPlaceholders;
};

} // namespace blog
