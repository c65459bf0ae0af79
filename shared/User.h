#pragma once

#include "Social.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace blog {

// A user as the API shows it: never with a password or its hash.
struct User
{
    qint64 id = 0;
    // Unique regardless of letter case; RealWorld's name for a user (its profiles are found by it).
    QString username = {};
    QString fullName;
    QString email;
    QString bio;
    std::optional<Social> social;
    // A picture's URL; empty: none.
    QString image = {};
    QDateTime createdAt;
    QDateTime updatedAt;
};

// The answer to sign-up and sign-in.
struct SignedInUser
{
    User user;
    QString token;
};

} // namespace blog

Q_DECLARE_METATYPE(blog::User)
Q_DECLARE_METATYPE(blog::SignedInUser)
