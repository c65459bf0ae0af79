#pragma once

#include "Article.h"
#include "Expected.h"

#include <QMetaType>
#include <QString>

namespace blog {

// Why a request to the server failed: no answer at all (Network), or an answer with an error status.
struct ApiError
{
    enum class Kind { Network, Http };

    Kind kind = Kind::Network;
    int status = 0;
    QString message;
    QString field; // the request field the server blames, if any
    // For a conflict: the article as the server has it now (its version included).
    std::optional<Article> current = std::nullopt;

    bool isUnauthorized() const { return kind == Kind::Http && status == 401; }
    // Someone changed the article since the version the request was based on.
    bool isConflict() const { return kind == Kind::Http && status == 412; }
    // The request itself is refused: sent again it gets the same answer, or, once another article takes
    // a deleted one's slug, lands there. A server failing, an expired sign-in or a limit reached answer
    // otherwise later.
    bool isFinalRefusal() const
    {
        return kind == Kind::Http && status >= 400 && status < 500 && status != 401 && status != 408
            && status != 429;
    }
};

template<typename T> using ApiResult = Expected<T, ApiError>;

struct Success
{
};

} // namespace blog

Q_DECLARE_METATYPE(blog::ApiError)
