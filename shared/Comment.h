#pragma once

#include <QDateTime>
#include <QString>

namespace blog {

struct CommentAuthor
{
    qint64 id = 0;
    QString fullName;
    QString username = {};
    QString bio = {};
    QString image = {};
};

struct Comment
{
    qint64 id = 0;
    QString text;
    qint64 articleId = 0;
    CommentAuthor author;
    QDateTime createdAt;
};

} // namespace blog
