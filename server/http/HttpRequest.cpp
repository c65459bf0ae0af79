#include "HttpRequest.h"

#include <QHttpServerRequest>
#include <QUrlQuery>

namespace blog {

HttpRequest HttpRequest::from(const QHttpServerRequest &request)
{
    HttpRequest copy;
    copy.body = request.body();
    copy.remoteAddress = request.remoteAddress();
    copy.path = request.url().path();
    switch (request.method()) {
    case QHttpServerRequest::Method::Get:
        copy.method = QByteArrayLiteral("GET");
        break;
    case QHttpServerRequest::Method::Post:
        copy.method = QByteArrayLiteral("POST");
        break;
    case QHttpServerRequest::Method::Patch:
        copy.method = QByteArrayLiteral("PATCH");
        break;
    case QHttpServerRequest::Method::Delete:
        copy.method = QByteArrayLiteral("DELETE");
        break;
    case QHttpServerRequest::Method::Options:
        copy.method = QByteArrayLiteral("OPTIONS");
        break;
    default:
        copy.method = QByteArrayLiteral("OTHER");
        break;
    }
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            copy.authorization = value;
        else if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            copy.contentType = value;
        else if (name.compare("if-none-match", Qt::CaseInsensitive) == 0)
            copy.ifNoneMatch = value;
        else if (name.compare("origin", Qt::CaseInsensitive) == 0)
            copy.origin = value;
    }
    const QUrlQuery query = request.query();
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        copy.query.append({ key, value });
    return copy;
}

} // namespace blog
