#pragma once

#include "Social.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace blog {

// The rows that export and import move between databases, ids included. Timestamps stay the text the
// database holds, so an export of an import is the same file byte for byte.
struct TransferUser
{
    qint64 id = 0;
    QString email;
    QString fullName;
    QString bio;
    std::optional<Social> social;
    QString passwordHash;
    QString createdAt;
    QString updatedAt;
    // Empty in files from before usernames: the import makes one from the e-mail.
    QString username = {};
    QString image = {};
};

struct TransferArticle
{
    qint64 id = 0;
    QString slug;
    QString title;
    QString description;
    QString text;
    QStringList tags; // in the author's order
    qint64 authorId = 0;
    QString createdAt;
    QString updatedAt;
};

struct TransferComment
{
    qint64 id = 0;
    qint64 articleId = 0;
    qint64 authorId = 0;
    QString text;
    QString createdAt;
    QString updatedAt;
    std::optional<QString> deletedAt;
};

} // namespace blog
