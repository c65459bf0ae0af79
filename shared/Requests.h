#pragma once

#include "Social.h"

#include <QString>
#include <QStringList>

#include <optional>

// The bodies clients send, decoded and validated by RequestCodec.
namespace blog {

struct SignUpRequest
{
    // Empty: made from the e-mail (Validation::usernameFromEmail), made unique.
    QString username;
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
    std::optional<QString> username;
    // An empty string clears it.
    std::optional<QString> image;

    bool isEmpty() const
    {
        return !fullName && !bio && !email && !password && !changesSocial && !username && !image;
    }
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

// GET /user/notifications?after=<cursor>&wait=<seconds>
struct NotificationQuery
{
    std::optional<qint64> after; // none: only tell the current cursor
    int waitSeconds = 25;
};

// GET /article?limit=&offset=&order=&tag=&author=&favorited=&feed=&q=
struct ListingQuery
{
    int limit = 20;
    qint64 offset = 0;
    bool newestFirst = false;
    // Filters (empty/nullopt: none); several together: articles matching all.
    QString tag;
    std::optional<qint64> authorId;
    // Articles this user favours.
    std::optional<qint64> favoritedBy = std::nullopt;
    // Articles by the authors the signed-in reader follows (needs a token).
    bool feed = false;
    // Words to search for (SearchTerms::parse accepts them), empty: none. With it the page is ranked by
    // relevance, then newest; `order` does not apply, the filters still do.
    QString search;

    bool isFiltered() const { return !tag.isEmpty() || authorId.has_value() || isSocial(); }
    // Filters that favourites and follows change.
    bool isSocial() const { return favoritedBy.has_value() || feed; }

    friend bool operator==(const ListingQuery &, const ListingQuery &) = default;
};

} // namespace blog
