#pragma once

#include "Comment.h"

#include <QList>
#include <QString>

namespace blog {

// A comment someone left on one of my articles, with what a notification needs to name the article.
struct CommentNotice
{
    Comment comment;
    QString articleSlug;
    QString articleTitle;
};

// New comments on my articles since a cursor, and the cursor to ask from next time.
struct CommentNotices
{
    QList<CommentNotice> notices;
    qint64 cursor = 0;
};

} // namespace blog
