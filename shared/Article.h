#pragma once

#include "Comment.h"
#include "Social.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace blog {

struct ArticleAuthor
{
    qint64 id = 0;
    QString fullName;
    QString bio;
    std::optional<Social> social;
    QString username = {};
    QString image = {};
};

// One article with its text and its (not deleted) comments, oldest comment first.
struct Article
{
    qint64 id = 0;
    QString slug;
    QString title;
    QString description;
    QString text;
    QStringList tags;
    ArticleAuthor author;
    QList<Comment> comments;
    QDateTime createdAt;
    QDateTime updatedAt;
    // Bumped by every change to the fields above (not by comments); the server's ETag, not in the JSON.
    qint64 version = 0;
};

} // namespace blog

Q_DECLARE_METATYPE(blog::Article)
