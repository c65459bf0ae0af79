#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QString>

#include <utility>

class QHttpServerRequest;

namespace blog {

// What controllers need of a request, copied out of QHttpServerRequest so that work can move to
// another thread (QHttpServerRequest cannot be copied and dies with its handler).
struct HttpRequest
{
    QByteArray body;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray ifNoneMatch;
    QByteArray origin;
    QByteArray method;
    QString path;
    QList<std::pair<QString, QString>> query;
    QHostAddress remoteAddress;

    static HttpRequest from(const QHttpServerRequest &request);
};

} // namespace blog
