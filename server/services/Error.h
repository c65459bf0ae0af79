#pragma once

#include "Article.h"
#include "Expected.h"
#include "FieldError.h"

#include <QString>

namespace blog {

// What went wrong, as a value. The http layer turns the kind into a status in one place (ErrorReply).
struct Error
{
    enum class Kind {
        BadRequest,
        Authentication,
        Forbidden,
        NotFound,
        Conflict,
        Stale, // the client's copy is older than the stored one (it sent an old version)
        TooManyRequests,
        Unavailable,
        Internal,
    };

    Kind kind = Kind::Internal;
    QString message;
    QString field;
    int retryAfterSeconds = 0;
    // With Stale: what is stored now, so the client can show what changed.
    std::optional<Article> current = std::nullopt;
    // What was not found or not allowed: "article", "comment", "profile" (empty: not said). Front ends
    // that name it (RealWorld's {"errors":{"article":["not found"]}}) read it here.
    QString subject = {};

    Error about(const QString &what) const
    {
        Error error = *this;
        error.subject = what;
        return error;
    }

    static Error badRequest(const QString &message, const QString &field = {})
    {
        return { Kind::BadRequest, message, field, 0 };
    }
    static Error invalid(const FieldError &error)
    {
        return { Kind::BadRequest, error.message, error.field, 0 };
    }
    static Error authentication(const QString &message) { return { Kind::Authentication, message, {}, 0 }; }
    static Error forbidden(const QString &message) { return { Kind::Forbidden, message, {}, 0 }; }
    static Error notFound(const QString &message) { return { Kind::NotFound, message, {}, 0 }; }
    static Error conflict(const QString &message, const QString &field = {})
    {
        return { Kind::Conflict, message, field, 0 };
    }
    static Error stale(const QString &message, Article current)
    {
        Error error { Kind::Stale, message, {}, 0 };
        error.current = std::move(current);
        return error;
    }
    static Error unavailable(const QString &message) { return { Kind::Unavailable, message, {}, 0 }; }
    // The database could not be reached: the request may succeed shortly.
    static Error databaseUnavailable()
    {
        return unavailable(QStringLiteral("The database is unavailable, try again shortly"));
    }
    // Too much work of this kind is waiting already (e.g. sign-ins to hash).
    static Error busy(int retryAfterSeconds)
    {
        return { Kind::Unavailable,
            QStringLiteral("The server is busy, try again in %1 s").arg(retryAfterSeconds), {},
            retryAfterSeconds };
    }
    // Details go to the log, never to the client.
    static Error internal() { return { Kind::Internal, QStringLiteral("Internal server error"), {}, 0 }; }
    static Error tooManyRequests(int retryAfterSeconds)
    {
        return { Kind::TooManyRequests,
            QStringLiteral("Too many attempts, try again in %1 s").arg(retryAfterSeconds), {},
            retryAfterSeconds };
    }
};

template<typename T> using Result = Expected<T, Error>;

// The value of a Result that has nothing to give back but success.
struct Done
{
};

} // namespace blog
