#pragma once

#include "DatabaseUrl.h"

#include <QSqlError>
#include <QString>
#include <QStringList>

namespace blog {

// Everything that differs between SQLite and PostgreSQL SQL lives here, nowhere else.
class SqlDialect
{
public:
    explicit SqlDialect(DatabaseUrl::Kind kind);

    DatabaseUrl::Kind kind() const { return m_kind; }

    // Replaces the {{placeholders}} of a migration file with this database's spelling, and keeps only
    // this database's blocks ({{sqlite}} or {{postgres}} ... {{end}}).
    QString expandMigration(const QString &sql) const;
    // Opens a transaction that will write: SQLite must take the write lock up front.
    QString beginWrite() const;
    // Opens a read-only transaction that sees one snapshot of the database throughout.
    QString beginSnapshot() const;
    bool isUniqueViolation(const QSqlError &error) const;
    bool isForeignKeyViolation(const QSqlError &error) const;
    bool isConnectionError(const QSqlError &error) const;
    // Stopped by the time limit of Database::limitThreadQueries().
    bool isTimeout(const QSqlError &error) const;
    // Serializes migrations of several instances starting at once (empty: the write lock does it).
    QString migrationLock() const;
    QString migrationUnlock() const;
    // Tells other instances sharing the database that the listing changed, with one bound value, the
    // payload (ChangeNotifier::Scope); empty: nobody to tell.
    QString notifyListingChanged() const;
    // Both notices of a comment post in one statement: the listing's, with the bound value :pages, and
    // the comments', with :payload. Empty where there is no NOTIFY.
    QString notifyCommentsAdded() const;
    // For one connection that writes a whole database in one transaction (import): SQLite spills dirty
    // pages to the WAL whenever its cache is full, again and again for the same index pages, so the
    // connection gets a cache that holds the indexes being filled (empty: PostgreSQL has its own buffers).
    QString cacheForBulkWrites() const;
    // After a bulk load (import): statistics for the planner on these tables (names are ours, never
    // input). PostgreSQL only: the server never runs ANALYZE on SQLite, whose plans for our queries need
    // none (empty: nothing to run).
    QString analyzeAfterBulkLoad(const QStringList &tables) const;
    // After a bulk load into an empty database with the search index's triggers paused (migration
    // 0008): every article's search document at once.
    QString searchIndexAfterBulkLoad() const;
    // Whether many rows are better written by one INSERT than by one each: on PostgreSQL every statement is
    // a round trip; SQLite runs in-process, and there one multi-row INSERT a million times made an import
    // slower (more CPU and twice the system time) than the single-row one run for each row.
    bool prefersMultiRowInserts() const { return m_kind == DatabaseUrl::Kind::Postgres; }
    // After rows were inserted with explicit ids: the next generated id follows the largest (empty: the
    // database does that itself).
    QString resetIdSequence(const QString &table) const;
    // "<column> is one of the ids bound to :ids", and those ids as :ids takes them (a page's: at most a
    // few hundred). One parameter whatever the count, so the statement is prepared once; on PostgreSQL
    // its generic plan is as good as a custom one (a short list of primary keys), so after five runs it
    // is not planned again (planning the listing's view took 0.18 ms, running it 0.08 ms).
    QString inBoundIds(const QString &column) const;
    QString boundIds(const QList<qint64> &ids) const;
    // PostgreSQL only: `values` as a text[] literal, for a statement that takes a batch's rows as arrays.
    static QString postgresTextArray(const QStringList &values);
    // PostgreSQL's text search literals (tsvector, tsquery): `lexeme` in quotes, escaped, appended to `out`.
    static void appendTextSearchLexeme(QString &out, QStringView lexeme);
    // "<column> is one of the ids `ids` (a SELECT of one column) gives". PostgreSQL: as an array the
    // subquery fills before the outer query runs, so the outer one is index lookups in any plan; as an
    // IN (subquery) a generic plan, which cannot know the subquery's LIMIT, joined it to a scan of the
    // whole table.
    QString inSelectedIds(const QString &column, const QString &ids) const;
    static QString listingChannel() { return QStringLiteral("blog_listing_changed"); }
    // Its payload: the ids of the users whose articles got comments, comma-separated; empty: anyone's.
    static QString commentsChannel() { return QStringLiteral("blog_comments_added"); }

private:
    DatabaseUrl::Kind m_kind;
};

} // namespace blog
