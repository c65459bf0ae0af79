#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

namespace blog {

// One row of the article listing (the article_listing view).
struct ArticleListItem
{
    QString slug;
    QString title;
    QString description;
    QStringList tags;
    qint64 authorId = 0;
    QString authorName;
    qint64 totalComments = 0;
    // Read by the filtered listings (RealWorld's lists show them); the seed API's listing leaves them out.
    qint64 id = 0;
    QString authorUsername = {};
    QString authorBio = {};
    QString authorImage = {};
    QDateTime createdAt = {};
    QDateTime updatedAt = {};
    qint64 favoritesCount = 0;

    friend bool operator==(const ArticleListItem &, const ArticleListItem &) = default;
};

} // namespace blog
