#pragma once

#include "Article.h"
#include "Requests.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace blog {

class Database;
class SqlQuery;

// All SQL on articles and their tag links.
class ArticleRepository
{
public:
    struct Ownership
    {
        qint64 id = 0;
        qint64 authorId = 0;
        QString slug;
    };

    explicit ArticleRepository(Database &database);

    // Stores the article under `baseSlug`, or `baseSlug-N` with the smallest free N, tags included,
    // in one transaction. Returns the new id.
    qint64 insert(qint64 authorId, const QString &baseSlug, const ArticleDraft &draft);
    // The article with author and tags, without its comments.
    std::optional<Article> findBySlug(const QString &slug);
    // The same with its live comments, oldest first, read in the same statement.
    std::optional<Article> findBySlugWithComments(const QString &slug);
    std::optional<Article> findByIdWithComments(qint64 id);
    std::optional<Ownership> findOwnership(qint64 id);
    std::optional<Ownership> findOwnershipBySlug(const QString &slug);
    // Changes the article only while its version is one of `expectedVersions` (any, when nullopt), in
    // the same statement, so two writers holding one version cannot both win; bumps the version. False
    // when nothing changed (another version, or no such article).
    bool update(qint64 id, const ArticlePatch &patch, const std::optional<QList<qint64>> &expectedVersions);
    // Comments and tag links go with it (ON DELETE CASCADE). False when there was no such article.
    bool remove(qint64 id);

private:
    enum class Comments { Without, With };
    // The article whose `column` (slug or id) is `value`.
    std::optional<Article> findWhere(const QString &column, const QVariant &value, Comments comments);
    std::optional<Ownership> ownershipWhere(const QString &condition, const QVariant &value);
    QString freeSlug(QSqlDatabase db, const QString &baseSlug);
    // The links only: the caller writes the same tags to the row's tag_list.
    void replaceTags(QSqlDatabase db, qint64 articleId, const QStringList &tags);

    Database &m_database;
};

} // namespace blog
