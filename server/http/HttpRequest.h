#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <utility>

class QHttpServerRequest;

namespace blog {

class TrustedProxies;

// What controllers need of a request, copied out of QHttpServerRequest so that work can move to
// another thread (QHttpServerRequest cannot be copied and dies with its handler).
struct HttpRequest
{
    QByteArray body;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray ifNoneMatch;
    QByteArray ifMatch;
    QByteArray ifModifiedSince;
    QByteArray accept;
    QByteArray host;
    QByteArray origin;
    QByteArray method;
    QString path;
    QList<std::pair<QString, QString>> query;
    // The connection's peer, and the client behind it: the same address unless the peer is a trusted
    // proxy, which says who the client is in X-Forwarded-For.
    QHostAddress remoteAddress;
    QHostAddress clientAddress;
    bool isForwarded = false;

    static HttpRequest from(const QHttpServerRequest &request, const TrustedProxies &proxies);
};

} // namespace blog
