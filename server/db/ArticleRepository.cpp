#include "ArticleRepository.h"

#include "ArticleCodec.h"
#include "CommentRepository.h"
#include "Database.h"
#include "DatabaseError.h"
#include "PhraseIndex.h"
#include "SocialColumn.h"
#include "SqlQuery.h"
#include "Timestamp.h"
#include "WriteTransaction.h"

#include <QSet>

namespace blog {

ArticleRepository::ArticleRepository(Database &database)
    : m_database(database)
{
}

QString ArticleRepository::freeSlug(QSqlDatabase db, const QString &baseSlug)
{
    // The candidates (base, base-2, base-3...) are probed by equality, a batch at a time, so the unique
    // index answers each one. A prefix LIKE read the whole slug index instead: ~40 MB a post at a
    // million articles, since neither database uses an index for LIKE under its default collation.
    constexpr int Batch = 16;
    static const QString sql = []() -> QString {
        QStringList placeholders;
        for (int i = 0; i < Batch; ++i)
            placeholders.append(QStringLiteral(":s%1").arg(i));
        return QStringLiteral("SELECT slug FROM articles WHERE slug IN (")
            + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
    }();
    for (int first = 1;; first += Batch) {
        QStringList candidates;
        for (int n = first; n < first + Batch; ++n)
            candidates.append(n == 1 ? baseSlug : baseSlug + QLatin1Char('-') + QString::number(n));
        SqlQuery query(db, m_database.dialect(), sql);
        for (int i = 0; i < Batch; ++i)
            query.bind(QStringLiteral(":s%1").arg(i), candidates[i]);
        query.exec();
        QSet<QString> taken;
        while (query.next())
            taken.insert(query.value(0).toString());
        for (const QString &candidate : std::as_const(candidates)) {
            if (!taken.contains(candidate))
                return candidate;
        }
    }
}

qint64 ArticleRepository::insert(qint64 authorId, const QString &baseSlug, const ArticleDraft &draft)
{
    // Another server instance may take the same slug between our check and our insert (PostgreSQL):
    // the unique index tells us, and we look again.
    for (int attempt = 0;; ++attempt) {
        try {
            WriteTransaction transaction(m_database);
            const QString slug = freeSlug(transaction.connection(), baseSlug);
            const QString now = Timestamp::toString(Timestamp::now());
            SqlQuery query(transaction.connection(), m_database.dialect(),
                QStringLiteral("INSERT INTO articles (slug, title, description, text, author_id, "
                               "created_at, updated_at, tag_list) VALUES (:slug, :title, :description, "
                               ":text, :author, :created, :updated, :tag_list) RETURNING id"));
            query.bind(QStringLiteral(":slug"), slug)
                .bind(QStringLiteral(":tag_list"), ArticleCodec::tagsToJsonText(draft.tags))
                .bind(QStringLiteral(":title"), draft.title)
                .bind(QStringLiteral(":description"), draft.description)
                .bind(QStringLiteral(":text"), draft.text)
                .bind(QStringLiteral(":author"), authorId)
                .bind(QStringLiteral(":created"), now)
                .bind(QStringLiteral(":updated"), now)
                .exec();
            if (!query.next())
                throw DatabaseError(
                    DatabaseError::Kind::Query, QStringLiteral("INSERT ... RETURNING gave no row"));
            const qint64 id = query.value(0).toLongLong();
            query.finish();
            replaceTags(transaction.connection(), id, draft.tags);
            PhraseIndex(m_database).catchUp(transaction.connection(), id);
            transaction.commit();
            return id;
        } catch (const DatabaseError &error) {
            if (error.kind() != DatabaseError::Kind::UniqueViolation || attempt >= 5)
                throw;
        }
    }
}

void ArticleRepository::replaceTags(QSqlDatabase db, qint64 articleId, const QStringList &tags)
{
    const SqlDialect &dialect = m_database.dialect();
    SqlQuery(db, dialect, QStringLiteral("DELETE FROM article_tags WHERE article_id = :id"))
        .bind(QStringLiteral(":id"), articleId)
        .exec();
    SqlQuery upsert(
        db, dialect, QStringLiteral("INSERT INTO tags (name) VALUES (:name) ON CONFLICT (name) DO NOTHING"));
    SqlQuery lookup(db, dialect, QStringLiteral("SELECT id FROM tags WHERE name = :name"));
    SqlQuery link(db, dialect,
        QStringLiteral("INSERT INTO article_tags (article_id, tag_id, position) "
                       "VALUES (:article, :tag, :position)"));
    for (int position = 0; position < tags.size(); ++position) {
        upsert.bind(QStringLiteral(":name"), tags[position]).exec();
        lookup.bind(QStringLiteral(":name"), tags[position]).exec();
        if (!lookup.next())
            throw DatabaseError(DatabaseError::Kind::Query, QStringLiteral("tag vanished while linking it"));
        const qint64 tagId = lookup.value(0).toLongLong();
        lookup.finish();
        link.bind(QStringLiteral(":article"), articleId)
            .bind(QStringLiteral(":tag"), tagId)
            .bind(QStringLiteral(":position"), position)
            .exec();
    }
}

namespace {

// An article's row lines up with a comment's (CommentRepository::liveColumns(): id, text, created_at,
// then the author's id, full name, username, bio and image), so one statement can read both; the
// article's own columns follow, NULL in the comments' rows.
const QString ArticleLikeComment
    = QStringLiteral("a.id, a.text, a.created_at, u.id, u.full_name, u.username, u.bio, u.image");
const QStringList ArticleOnlyColumns { QStringLiteral("a.slug"), QStringLiteral("a.title"),
    QStringLiteral("a.description"), QStringLiteral("a.updated_at"), QStringLiteral("u.social"),
    QStringLiteral("a.version"), QStringLiteral("a.tag_list") };

} // namespace

std::optional<Article> ArticleRepository::findWhere(
    const QString &column, const QVariant &value, Comments comments)
{
    // Column 0 says what a row is: 0 the article, 1 a comment.
    QString sql = QStringLiteral("SELECT 0, ") + ArticleLikeComment + QStringLiteral(", ")
        + ArticleOnlyColumns.join(QStringLiteral(", "))
        + QStringLiteral(" FROM articles a JOIN users u ON u.id = a.author_id WHERE a.") + column
        + QStringLiteral(" = :key");
    if (comments == Comments::With) {
        // In the same statement, not a second one: on PostgreSQL each statement is a round trip to
        // another process, which costs more than reading an article's few rows. The value is bound
        // twice, under two names, as each placeholder appears once in the text.
        const QString article = column == QLatin1String("id")
            ? QStringLiteral(":article")
            : QStringLiteral("(SELECT id FROM articles WHERE ") + column + QStringLiteral(" = :article)");
        const QStringList nulls(ArticleOnlyColumns.size(), QStringLiteral("NULL"));
        sql += QStringLiteral(" UNION ALL SELECT 1, ") + CommentRepository::liveColumns()
            + QStringLiteral(", ") + nulls.join(QStringLiteral(", "))
            + CommentRepository::liveCommentsOf(article) + QStringLiteral(" ORDER BY 1, 2");
    }
    SqlQuery query(m_database.connection(), m_database.dialect(), sql);
    query.bind(QStringLiteral(":key"), value);
    if (comments == Comments::With)
        query.bind(QStringLiteral(":article"), value);
    query.exec();
    if (!query.next())
        return std::nullopt;
    Article article;
    article.id = query.value(1).toLongLong();
    article.text = query.value(2).toString();
    article.createdAt = Timestamp::fromString(query.value(3).toString());
    article.author.id = query.value(4).toLongLong();
    article.author.fullName = query.value(5).toString();
    article.author.username = query.value(6).toString();
    article.author.bio = query.value(7).toString();
    article.author.image = query.value(8).toString();
    const int own = 1 + CommentRepository::LiveColumnCount; // ArticleOnlyColumns from here
    article.slug = query.value(own).toString();
    article.title = query.value(own + 1).toString();
    article.description = query.value(own + 2).toString();
    article.updatedAt = Timestamp::fromString(query.value(own + 3).toString());
    article.author.social = SocialColumn::decode(query.value(own + 4));
    article.version = query.value(own + 5).toLongLong();
    // The links' names in order, as the writes keep them on the row (migration 0007).
    article.tags = ArticleCodec::tagsFromJsonText(query.value(own + 6).toString().toUtf8());
    while (query.next())
        article.comments.append(CommentRepository::readLive(query, 1, article.id));
    return article;
}

std::optional<Article> ArticleRepository::findBySlug(const QString &slug)
{
    return findWhere(QStringLiteral("slug"), slug, Comments::Without);
}

std::optional<Article> ArticleRepository::findBySlugWithComments(const QString &slug)
{
    return findWhere(QStringLiteral("slug"), slug, Comments::With);
}

std::optional<Article> ArticleRepository::findByIdWithComments(qint64 id)
{
    return findWhere(QStringLiteral("id"), id, Comments::With);
}

std::optional<ArticleRepository::Ownership> ArticleRepository::ownershipWhere(
    const QString &condition, const QVariant &value)
{
    SqlQuery query(m_database.connection(), m_database.dialect(),
        QStringLiteral("SELECT id, author_id, slug FROM articles WHERE ") + condition);
    query.bind(QStringLiteral(":key"), value).exec();
    if (!query.next())
        return std::nullopt;
    return Ownership { query.value(0).toLongLong(), query.value(1).toLongLong(), query.value(2).toString() };
}

std::optional<ArticleRepository::Ownership> ArticleRepository::findOwnership(qint64 id)
{
    return ownershipWhere(QStringLiteral("id = :key"), id);
}

std::optional<ArticleRepository::Ownership> ArticleRepository::findOwnershipBySlug(const QString &slug)
{
    return ownershipWhere(QStringLiteral("slug = :key"), slug);
}

bool ArticleRepository::update(
    qint64 id, const ArticlePatch &patch, const std::optional<QList<qint64>> &expectedVersions)
{
    if (expectedVersions && expectedVersions->isEmpty())
        return false;
    WriteTransaction transaction(m_database);
    QStringList assignments { QStringLiteral("updated_at = :updated"),
        QStringLiteral("version = version + 1") };
    if (patch.title)
        assignments.append(QStringLiteral("title = :title"));
    if (patch.description)
        assignments.append(QStringLiteral("description = :description"));
    if (patch.text)
        assignments.append(QStringLiteral("text = :text"));
    if (patch.tags)
        assignments.append(QStringLiteral("tag_list = :tag_list"));
    // The version check is in the UPDATE's own WHERE: on PostgreSQL a second writer waits for the
    // first's row lock and then sees the new version; SQLite has one writer at a time anyway.
    QString condition = QStringLiteral(" WHERE id = :id");
    if (expectedVersions) {
        QStringList placeholders;
        for (qsizetype i = 0; i < expectedVersions->size(); ++i)
            placeholders.append(QStringLiteral(":v%1").arg(i));
        condition += QStringLiteral(" AND version IN (") + placeholders.join(QStringLiteral(", "))
            + QLatin1Char(')');
    }
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("UPDATE articles SET ") + assignments.join(QStringLiteral(", ")) + condition);
    query.bind(QStringLiteral(":updated"), Timestamp::toString(Timestamp::now()))
        .bind(QStringLiteral(":id"), id);
    if (expectedVersions) {
        for (qsizetype i = 0; i < expectedVersions->size(); ++i)
            query.bind(QStringLiteral(":v%1").arg(i), expectedVersions->at(i));
    }
    if (patch.title)
        query.bind(QStringLiteral(":title"), *patch.title);
    if (patch.description)
        query.bind(QStringLiteral(":description"), *patch.description);
    if (patch.text)
        query.bind(QStringLiteral(":text"), *patch.text);
    if (patch.tags)
        query.bind(QStringLiteral(":tag_list"), ArticleCodec::tagsToJsonText(*patch.tags));
    query.exec();
    if (query.numRowsAffected() == 0)
        return false; // the transaction rolls back unchanged
    query.finish();
    if (patch.tags)
        replaceTags(transaction.connection(), id, *patch.tags);
    PhraseIndex(m_database).catchUp(transaction.connection(), id);
    transaction.commit();
    return true;
}

bool ArticleRepository::remove(qint64 id)
{
    WriteTransaction transaction(m_database);
    SqlQuery query(transaction.connection(), m_database.dialect(),
        QStringLiteral("DELETE FROM articles WHERE id = :id"));
    query.bind(QStringLiteral(":id"), id).exec();
    const bool deleted = query.numRowsAffected() > 0;
    query.finish();
    transaction.commit();
    return deleted;
}

} // namespace blog
