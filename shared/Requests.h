#pragma once

#include "Social.h"

#include <QString>
#include <QStringList>

#include <optional>

// The bodies clients send, decoded and validated by RequestCodec.
namespace blog {

struct SignUpRequest
{
    QString email;
    QString fullName;
    QString password;
    QString bio;
    std::optional<Social> social;
};

struct SignInRequest
{
    QString email;
    QString password;
};

// PATCH /user/profile: only what is set changes. `social` replaces the whole object; null clears it.
struct ProfilePatch
{
    std::optional<QString> fullName;
    std::optional<QString> bio;
    std::optional<QString> email;
    std::optional<QString> password;
    bool changesSocial = false;
    std::optional<Social> social;

    bool isEmpty() const { return !fullName && !bio && !email && !password && !changesSocial; }
};

struct ArticleDraft
{
    QString title;
    QString description;
    QString text;
    QStringList tags;
};

struct ArticlePatch
{
    std::optional<QString> title;
    std::optional<QString> description;
    std::optional<QString> text;
    std::optional<QStringList> tags;

    bool isEmpty() const { return !title && !description && !text && !tags; }
};

struct CommentDraft
{
    QString text;
};

// GET /article?limit=&offset=&order=
// GET /user/notifications?after=<cursor>&wait=<seconds>
struct NotificationQuery
{
    std::optional<qint64> after; // none: only tell the current cursor
    int waitSeconds = 25;
};

struct ListingQuery
{
    int limit = 20;
    qint64 offset = 0;
    bool newestFirst = false;

    friend bool operator==(const ListingQuery &, const ListingQuery &) = default;
};

} // namespace blog
