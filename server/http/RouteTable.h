#pragma once

#include "Reply.h"
#include "Resume.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringView>

#include <functional>
#include <vector>

namespace blog {

struct HttpRequest;

// The :name segments of a matched path, percent-decoded, in the pattern's order.
using PathArguments = QList<QString>;

// A front end's routes: method, path pattern ("/article/:slug/comments/:id") and handler. Rules are
// tried in the order they are added, so the busiest go first. The methods a path takes (for Allow and
// 405) are read from here too, never written a second time.
class RouteTable
{
public:
    using Handler = std::function<Reply(const HttpRequest &, const PathArguments &)>;
    // For handlers that answer later: after hashing (back on the HTTP thread through Resume), or from
    // the comment writer's thread.
    using AsyncHandler
        = std::function<void(const HttpRequest &, const PathArguments &, Resume, ReplyCallback)>;

    struct Segment
    {
        QString literal;
        bool isArgument = false;
    };
    struct Route
    {
        QByteArray method;
        // Also the route's name in the access log and the metrics.
        QString pattern;
        QList<Segment> segments;
        Handler handler; // one of the two is set
        AsyncHandler asyncHandler;
    };

    void add(QByteArray method, const QString &pattern, Handler handler);
    void addAsync(QByteArray method, const QString &pattern, AsyncHandler handler);

    const std::vector<Route> &routes() const { return m_routes; }
    // The path "/a/b%20c" as ["a", "b%20c"]; segments stay encoded until an argument is decoded.
    static QList<QStringView> segmentsOf(QStringView encodedPath);
    static bool matches(const Route &route, const QList<QStringView> &segments, PathArguments *arguments);
    // "GET, PATCH": the methods of the routes that take this path; empty if none does.
    QByteArray allowedMethods(const QList<QStringView> &segments) const;

private:
    void append(Route route);

    std::vector<Route> m_routes;
};

} // namespace blog
