#pragma once

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

    bool isUnauthorized() const { return kind == Kind::Http && status == 401; }
};

template<typename T> using ApiResult = Expected<T, ApiError>;

struct Success
{
};

} // namespace blog

Q_DECLARE_METATYPE(blog::ApiError)
