#pragma once

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

    friend bool operator==(const ArticleListItem &, const ArticleListItem &) = default;
};

} // namespace blog
