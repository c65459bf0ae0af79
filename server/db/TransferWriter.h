#pragma once

#include "DatabaseError.h"
#include "SqlQuery.h"
#include "TransferRecords.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <map>
#include <memory>

namespace blog {

class Database;

// The SQL that writes imported rows with the ids they came with, on this thread's connection and
// inside the caller's WriteTransaction, a batch of rows of one kind at a time. On PostgreSQL a batch is
// one multi-row INSERT (one round trip for up to MaxBatch rows instead of one a row: ~2,900 articles a
// second became tens of thousands); on SQLite, where a statement costs no round trip, rows go one by
// one through statements prepared once. A row whose id, e-mail or slug is taken, or whose author or
// article is not there, throws RowRefused with its index in the batch.
class TransferWriter
{
public:
    static constexpr qsizetype MaxBatch = 256;

    // The database refused row `index` of the batch (kind: UniqueViolation or ForeignKeyViolation).
    class RowRefused : public DatabaseError
    {
    public:
        RowRefused(qsizetype index, const DatabaseError &error)
            : DatabaseError(error)
            , m_index(index)
        {
        }
        qsizetype index() const { return m_index; }

    private:
        qsizetype m_index;
    };

    // Inside the caller's transaction (it pauses the search index's triggers until finish()).
    explicit TransferWriter(Database &database);

    void insertUsers(const QList<TransferUser> &users);
    void insertArticles(const QList<TransferArticle> &articles);
    void insertComments(const QList<TransferComment> &comments);
    // After the last row: every article's search document, the articles' comment counts (comment_count)
    // from the comments imported, and ids the database generates from now on follow the imported ones.
    // On PostgreSQL also ANALYZE, so the planner knows the tables' new sizes before the first request
    // (autovacuum would take a while).
    void finish();

private:
    struct Columns
    {
        QString table;
        QStringList names;
    };
    // `rows` through multi-row statements (PostgreSQL) or one at a time; bindRow(query, slot, index)
    // binds the values of rows[index] as the statement's row `slot` (bindAt).
    template<typename Row, typename Bind>
    void insertBatch(const Columns &columns, const QList<Row> &rows, const Bind &bindRow);
    void bindAt(SqlQuery &query, const QString &column, qsizetype slot, const QVariant &value);
    // INSERT INTO table (columns) VALUES (...), ... for `count` rows, prepared once for each count.
    SqlQuery &statement(const Columns &columns, qsizetype count);
    static QString placeholder(const QString &column, qsizetype row);
    qint64 tagId(const QString &name);
    QString usernameFor(const TransferUser &user);

    Database &m_database;
    QSqlDatabase m_db;
    bool m_multiRow;
    QSet<QString> m_usernameKeys;
    QHash<QString, qint64> m_tagIds;
    std::map<std::pair<QString, qsizetype>, std::unique_ptr<SqlQuery>> m_statements;
    QHash<QString, QList<QString>> m_placeholders; // column -> its placeholder in row i
};

} // namespace blog
