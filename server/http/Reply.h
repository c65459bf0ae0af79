#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <utility>

namespace blog {

// An answer before it meets QtHttpServer: handlers make these on any thread, RequestPipeline sends them.
struct Reply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = QByteArrayLiteral("application/json");
    QList<std::pair<QByteArray, QByteArray>> headers;

    static Reply json(const QJsonObject &object, int status = 200);
    static Reply jsonBytes(QByteArray body, int status = 200);
    static Reply success();

    Reply &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({ std::move(name), std::move(value) });
        return *this;
    }
};

// Takes the answer of a request that completes later, on any thread (RouteTable::AsyncHandler).
using ReplyCallback = std::function<void(Reply)>;

} // namespace blog
