#include "TransferWriter.h"

#include "ArticleCodec.h"
#include "Database.h"
#include "PhraseIndex.h"
#include "SocialColumn.h"
#include "Validation.h"
#include "WriteTransaction.h"

namespace blog {

namespace {
const QString Users = QStringLiteral("users");
const QString Articles = QStringLiteral("articles");
const QString Links = QStringLiteral("article_tags");
const QString Comments = QStringLiteral("comments");

struct Link
{
    qint64 articleId;
    qint64 tagId;
    int position;
};

bool isRefusal(const DatabaseError &error)
{
    return error.kind() == DatabaseError::Kind::UniqueViolation
        || error.kind() == DatabaseError::Kind::ForeignKeyViolation;
}
} // namespace

TransferWriter::TransferWriter(Database &database)
    : m_database(database)
    , m_db(database.connection())
    , m_multiRow(database.dialect().prefersMultiRowInserts())
{
    if (const QString cache = database.dialect().cacheForBulkWrites(); !cache.isEmpty())
        SqlQuery::exec(m_db, database.dialect(), cache);
    // The search index is built once in finish(): row by row, each tag link rewrote its article's
    // document (migration 0008). Inside the caller's transaction, so no other connection sees the pause.
    SqlQuery::exec(
        m_db, database.dialect(), QStringLiteral("INSERT INTO search_index_paused (paused) VALUES (1)"));
}

QString TransferWriter::placeholder(const QString &column, qsizetype row)
{
    return QLatin1Char(':') + column + QLatin1Char('_') + QString::number(row);
}

SqlQuery &TransferWriter::statement(const Columns &columns, qsizetype count)
{
    auto &kept = m_statements[{ columns.table, count }];
    if (!kept) {
        QStringList rows;
        for (qsizetype row = 0; row < count; ++row) {
            QStringList values;
            for (const QString &column : columns.names)
                values.append(placeholder(column, row));
            rows.append(QLatin1Char('(') + values.join(QStringLiteral(", ")) + QLatin1Char(')'));
        }
        kept = std::make_unique<SqlQuery>(m_db, m_database.dialect(),
            QStringLiteral("INSERT INTO ") + columns.table + QStringLiteral(" (")
                + columns.names.join(QStringLiteral(", ")) + QStringLiteral(") VALUES ")
                + rows.join(QStringLiteral(", ")));
    }
    return *kept;
}

template<typename Row, typename Bind>
void TransferWriter::insertBatch(const Columns &columns, const QList<Row> &rows, const Bind &bindRow)
{
    // The placeholders of every row a statement may hold, made once a column.
    for (const QString &column : columns.names) {
        QList<QString> &names = m_placeholders[column];
        while (names.size() < std::min(rows.size(), MaxBatch))
            names.append(placeholder(column, names.size()));
    }
    const auto oneByOne = [&](qsizetype from, qsizetype to) {
        SqlQuery &single = statement(columns, 1);
        for (qsizetype i = from; i < to; ++i) {
            try {
                bindRow(single, 0, i);
                single.exec();
            } catch (const DatabaseError &error) {
                if (isRefusal(error))
                    throw RowRefused(i, error);
                throw;
            }
        }
    };
    if (!m_multiRow) {
        oneByOne(0, rows.size());
        return;
    }
    for (qsizetype from = 0; from < rows.size(); from += MaxBatch) {
        const qsizetype count = std::min(MaxBatch, rows.size() - from);
        try {
            // A savepoint, so that a refused batch can be taken back and its rows tried one by one to
            // name the row refused (a failed statement ends a PostgreSQL transaction otherwise).
            WriteTransaction savepoint(m_database);
            SqlQuery &query = statement(columns, count);
            for (qsizetype i = 0; i < count; ++i)
                bindRow(query, i, from + i);
            query.exec();
            savepoint.commit();
            continue;
        } catch (const DatabaseError &error) {
            if (!isRefusal(error))
                throw;
        }
        oneByOne(from, from + count);
    }
}

void TransferWriter::bindAt(SqlQuery &query, const QString &column, qsizetype row, const QVariant &value)
{
    query.bind(m_placeholders[column][row], value);
}

QString TransferWriter::usernameFor(const TransferUser &user)
{
    // Files from before usernames carry none: such a user gets its e-mail's local part, made unique
    // among the users imported (the import fills an empty database). A username the file carries is
    // kept; two alike in a file are refused by the unique index, failing the import as a whole.
    const QString base = user.username.isEmpty() ? Validation::usernameFromEmail(user.email) : user.username;
    QString username = base;
    for (int n = 2; user.username.isEmpty() && m_usernameKeys.contains(Validation::usernameKey(username));
         ++n)
        username = Validation::usernameCandidate(base, n);
    m_usernameKeys.insert(Validation::usernameKey(username));
    return username;
}

void TransferWriter::insertUsers(const QList<TransferUser> &users)
{
    static const Columns columns { Users,
        { QStringLiteral("id"), QStringLiteral("email"), QStringLiteral("email_key"),
            QStringLiteral("full_name"), QStringLiteral("password_hash"), QStringLiteral("bio"),
            QStringLiteral("social"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("username"), QStringLiteral("username_key"), QStringLiteral("image") } };
    // Made once a user, before any insert: a batch tried again row by row must bind the same names.
    QStringList usernames;
    usernames.reserve(users.size());
    for (const TransferUser &user : users)
        usernames.append(usernameFor(user));
    insertBatch(columns, users, [&](SqlQuery &query, qsizetype row, qsizetype index) {
        const TransferUser &user = users[index];
        const QString &username = usernames[index];
        const auto &c = columns.names;
        bindAt(query, c[0], row, user.id);
        bindAt(query, c[1], row, user.email);
        bindAt(query, c[2], row, Validation::emailKey(user.email));
        bindAt(query, c[3], row, user.fullName);
        bindAt(query, c[4], row, user.passwordHash);
        bindAt(query, c[5], row, user.bio);
        bindAt(query, c[6], row, SocialColumn::encode(user.social));
        bindAt(query, c[7], row, user.createdAt);
        bindAt(query, c[8], row, user.updatedAt);
        bindAt(query, c[9], row, username);
        bindAt(query, c[10], row, Validation::usernameKey(username));
        bindAt(query, c[11], row,
            user.image.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(user.image));
    });
}

void TransferWriter::insertArticles(const QList<TransferArticle> &articles)
{
    static const Columns columns { Articles,
        { QStringLiteral("id"), QStringLiteral("slug"), QStringLiteral("title"),
            QStringLiteral("description"), QStringLiteral("text"), QStringLiteral("author_id"),
            QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("tag_list") } };
    static const Columns linkColumns { Links,
        { QStringLiteral("article_id"), QStringLiteral("tag_id"), QStringLiteral("position") } };
    insertBatch(columns, articles, [&](SqlQuery &query, qsizetype row, qsizetype index) {
        const TransferArticle &article = articles[index];
        const auto &c = columns.names;
        bindAt(query, c[0], row, article.id);
        bindAt(query, c[1], row, article.slug);
        bindAt(query, c[2], row, article.title);
        bindAt(query, c[3], row, article.description);
        bindAt(query, c[4], row, article.text);
        bindAt(query, c[5], row, article.authorId);
        bindAt(query, c[6], row, article.createdAt);
        bindAt(query, c[7], row, article.updatedAt);
        bindAt(query, c[8], row, ArticleCodec::tagsToJsonText(article.tags));
    });
    // The articles are in: their links cannot be refused (tags exist, names do not repeat in an article).
    QList<Link> links;
    for (const TransferArticle &article : articles) {
        for (qsizetype position = 0; position < article.tags.size(); ++position)
            links.append({ article.id, tagId(article.tags[position]), int(position) });
    }
    insertBatch(linkColumns, links, [&](SqlQuery &query, qsizetype row, qsizetype index) {
        const Link &link = links[index];
        const auto &c = linkColumns.names;
        bindAt(query, c[0], row, link.articleId);
        bindAt(query, c[1], row, link.tagId);
        bindAt(query, c[2], row, link.position);
    });
}

qint64 TransferWriter::tagId(const QString &name)
{
    const auto known = m_tagIds.constFind(name);
    if (known != m_tagIds.cend())
        return *known;
    // Once a tag name: a database without articles may still hold tags from deleted ones.
    const SqlDialect &dialect = m_database.dialect();
    SqlQuery(
        m_db, dialect, QStringLiteral("INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING"))
        .bind(QStringLiteral(":name"), name)
        .exec();
    SqlQuery lookup(m_db, dialect, QStringLiteral("SELECT id FROM tags WHERE name = :name"));
    lookup.bind(QStringLiteral(":name"), name).exec();
    if (!lookup.next())
        throw DatabaseError(DatabaseError::Kind::Query, QStringLiteral("tag vanished while importing it"));
    const qint64 id = lookup.value(0).toLongLong();
    m_tagIds.insert(name, id);
    return id;
}

void TransferWriter::insertComments(const QList<TransferComment> &comments)
{
    static const Columns columns { Comments,
        { QStringLiteral("id"), QStringLiteral("article_id"), QStringLiteral("author_id"),
            QStringLiteral("text"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("deleted_at") } };
    insertBatch(columns, comments, [&](SqlQuery &query, qsizetype row, qsizetype index) {
        const TransferComment &comment = comments[index];
        const auto &c = columns.names;
        bindAt(query, c[0], row, comment.id);
        bindAt(query, c[1], row, comment.articleId);
        bindAt(query, c[2], row, comment.authorId);
        bindAt(query, c[3], row, comment.text);
        bindAt(query, c[4], row, comment.createdAt);
        bindAt(query, c[5], row, comment.updatedAt);
        bindAt(query, c[6], row, comment.deletedAt ? QVariant(*comment.deletedAt) : QVariant());
    });
}

void TransferWriter::finish()
{
    const SqlDialect &dialect = m_database.dialect();
    // One pass over the comments imported, where counting them row by row would be a statement an
    // article.
    SqlQuery::exec(m_db, dialect,
        QStringLiteral("UPDATE articles SET comment_count = (SELECT count(*) FROM comments c "
                       "WHERE c.article_id = articles.id AND c.deleted_at IS NULL) "
                       "WHERE id IN (SELECT article_id FROM comments WHERE deleted_at IS NULL)"));
    SqlQuery::exec(m_db, dialect, QStringLiteral("DELETE FROM search_index_paused"));
    SqlQuery::exec(m_db, dialect, dialect.searchIndexAfterBulkLoad());
    PhraseIndex phrases(m_database);
    phrases.queueAll(m_db);
    phrases.catchUpAll(m_db);
    for (const QString &table : { Users, Articles, Comments }) {
        const QString sql = dialect.resetIdSequence(table);
        if (!sql.isEmpty())
            SqlQuery::exec(m_db, dialect, sql);
    }
    if (const QString analyze
        = dialect.analyzeAfterBulkLoad({ Users, Articles, QStringLiteral("tags"), Links, Comments });
        !analyze.isEmpty())
        SqlQuery::exec(m_db, dialect, analyze);
}

} // namespace blog
