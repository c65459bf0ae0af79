#include "TransferWriter.h"

#include "Database.h"
#include "DatabaseError.h"
#include "SocialColumn.h"
#include "Validation.h"

namespace blog {

TransferWriter::TransferWriter(Database &database)
    : m_database(database)
    , m_db(database.connection())
    , m_user(m_db, database.dialect(),
          QStringLiteral(
              "INSERT INTO users (id, email, email_key, full_name, password_hash, bio, social, "
              "created_at, updated_at, username, username_key, image) VALUES (:id, :email, :key, "
              ":name, :hash, :bio, :social, :created, :updated, :username, :username_key, :image)"))
    , m_article(m_db, database.dialect(),
          QStringLiteral("INSERT INTO articles (id, slug, title, description, text, author_id, created_at, "
                         "updated_at) VALUES (:id, :slug, :title, :description, :text, :author, :created, "
                         ":updated)"))
    , m_comment(m_db, database.dialect(),
          QStringLiteral("INSERT INTO comments (id, article_id, author_id, text, created_at, updated_at, "
                         "deleted_at) VALUES (:id, :article, :author, :text, :created, :updated, :deleted)"))
{
    if (const QString cache = database.dialect().cacheForBulkWrites(); !cache.isEmpty())
        SqlQuery::exec(m_db, database.dialect(), cache);
}

void TransferWriter::insertUser(const TransferUser &user)
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
    m_user.bind(QStringLiteral(":username"), username)
        .bind(QStringLiteral(":username_key"), Validation::usernameKey(username))
        .bind(QStringLiteral(":image"),
            user.image.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(user.image))
        .bind(QStringLiteral(":id"), user.id)
        .bind(QStringLiteral(":email"), user.email)
        .bind(QStringLiteral(":key"), Validation::emailKey(user.email))
        .bind(QStringLiteral(":name"), user.fullName)
        .bind(QStringLiteral(":hash"), user.passwordHash)
        .bind(QStringLiteral(":bio"), user.bio)
        .bind(QStringLiteral(":social"), SocialColumn::encode(user.social))
        .bind(QStringLiteral(":created"), user.createdAt)
        .bind(QStringLiteral(":updated"), user.updatedAt)
        .exec();
}

void TransferWriter::insertArticle(const TransferArticle &article)
{
    m_article.bind(QStringLiteral(":id"), article.id)
        .bind(QStringLiteral(":slug"), article.slug)
        .bind(QStringLiteral(":title"), article.title)
        .bind(QStringLiteral(":description"), article.description)
        .bind(QStringLiteral(":text"), article.text)
        .bind(QStringLiteral(":author"), article.authorId)
        .bind(QStringLiteral(":created"), article.createdAt)
        .bind(QStringLiteral(":updated"), article.updatedAt)
        .exec();
    if (article.tags.isEmpty())
        return;
    if (!m_database.dialect().prefersMultiRowInserts()) {
        SqlQuery &query = links(1);
        const auto &[a, t, p] = m_linkPlaceholders[0];
        for (qsizetype position = 0; position < article.tags.size(); ++position)
            query.bind(a, article.id).bind(t, tagId(article.tags[position])).bind(p, int(position)).exec();
        return;
    }
    SqlQuery &query = links(article.tags.size());
    for (qsizetype position = 0; position < article.tags.size(); ++position) {
        const auto &[a, t, p] = m_linkPlaceholders[position];
        query.bind(a, article.id).bind(t, tagId(article.tags[position])).bind(p, int(position));
    }
    query.exec();
}

SqlQuery &TransferWriter::links(qsizetype count)
{
    while (m_linkPlaceholders.size() < count) {
        const QString n = QString::number(m_linkPlaceholders.size());
        m_linkPlaceholders.append(
            { QStringLiteral(":a") + n, QStringLiteral(":t") + n, QStringLiteral(":p") + n });
    }
    if (qsizetype(m_links.size()) <= count)
        m_links.resize(count + 1);
    if (!m_links[count]) {
        QStringList rows;
        for (qsizetype i = 0; i < count; ++i)
            rows.append(
                QStringLiteral("(%1, %2, %3)")
                    .arg(m_linkPlaceholders[i][0], m_linkPlaceholders[i][1], m_linkPlaceholders[i][2]));
        m_links[count] = std::make_unique<SqlQuery>(m_db, m_database.dialect(),
            QStringLiteral("INSERT INTO article_tags (article_id, tag_id, position) VALUES ")
                + rows.join(QStringLiteral(", ")));
    }
    return *m_links[count];
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

void TransferWriter::insertComment(const TransferComment &comment)
{
    m_comment.bind(QStringLiteral(":id"), comment.id)
        .bind(QStringLiteral(":article"), comment.articleId)
        .bind(QStringLiteral(":author"), comment.authorId)
        .bind(QStringLiteral(":text"), comment.text)
        .bind(QStringLiteral(":created"), comment.createdAt)
        .bind(QStringLiteral(":updated"), comment.updatedAt)
        .bind(QStringLiteral(":deleted"), comment.deletedAt ? QVariant(*comment.deletedAt) : QVariant())
        .exec();
}

void TransferWriter::resetIdSequences()
{
    const SqlDialect &dialect = m_database.dialect();
    for (const QString &table :
        { QStringLiteral("users"), QStringLiteral("articles"), QStringLiteral("comments") }) {
        const QString sql = dialect.resetIdSequence(table);
        if (!sql.isEmpty())
            SqlQuery::exec(m_db, dialect, sql);
    }
}

} // namespace blog
