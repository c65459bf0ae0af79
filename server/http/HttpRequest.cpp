#include "HttpRequest.h"

#include "TrustedProxies.h"

#include <QHttpServerRequest>
#include <QUrlQuery>

namespace blog {

HttpRequest HttpRequest::from(const QHttpServerRequest &request, const TrustedProxies &proxies)
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
    case QHttpServerRequest::Method::Put: // RealWorld's updates
        copy.method = QByteArrayLiteral("PUT");
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
    QByteArray forwardedFor;
    QByteArray forwarded;
    for (const auto &[name, value] : request.headers()) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0)
            copy.authorization = value;
        else if (name.compare("content-type", Qt::CaseInsensitive) == 0)
            copy.contentType = value;
        else if (name.compare("if-none-match", Qt::CaseInsensitive) == 0)
            copy.ifNoneMatch = value;
        else if (name.compare("if-match", Qt::CaseInsensitive) == 0)
            copy.ifMatch += (copy.ifMatch.isEmpty() ? "" : ",") + value;
        else if (name.compare("if-modified-since", Qt::CaseInsensitive) == 0)
            copy.ifModifiedSince = value;
        else if (name.compare("accept", Qt::CaseInsensitive) == 0)
            copy.accept = value;
        else if (name.compare("host", Qt::CaseInsensitive) == 0)
            copy.host = value;
        else if (name.compare("origin", Qt::CaseInsensitive) == 0)
            copy.origin = value;
        else if (name.compare("x-forwarded-for", Qt::CaseInsensitive) == 0)
            forwardedFor += (forwardedFor.isEmpty() ? "" : ",") + value; // repeated headers are one list
        else if (name.compare("forwarded", Qt::CaseInsensitive) == 0)
            forwarded += (forwarded.isEmpty() ? "" : ",") + value;
    }
    copy.clientAddress = proxies.clientAddress(copy.remoteAddress, forwardedFor, forwarded);
    copy.isForwarded = !proxies.isEmpty() && proxies.contains(copy.remoteAddress);
    const QUrlQuery query = request.query();
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        copy.query.append({ key, value });
    return copy;
}

} // namespace blog
