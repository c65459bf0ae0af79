#include "RouteTable.h"

#include <QUrl>

namespace blog {

namespace {

QList<RouteTable::Segment> parsePattern(const QString &pattern)
{
    QList<RouteTable::Segment> segments;
    for (const QStringView part : RouteTable::segmentsOf(pattern)) {
        if (part.startsWith(QLatin1Char(':')))
            segments.append({ {}, true });
        else
            segments.append({ part.toString(), false });
    }
    return segments;
}

} // namespace

void RouteTable::add(QByteArray method, const QString &pattern, Handler handler)
{
    append({ std::move(method), pattern, parsePattern(pattern), std::move(handler), {} });
}

void RouteTable::addAsync(QByteArray method, const QString &pattern, AsyncHandler handler)
{
    append({ std::move(method), pattern, parsePattern(pattern), {}, std::move(handler) });
}

void RouteTable::append(Route route)
{
    m_routes.push_back(std::move(route));
}

QList<QStringView> RouteTable::segmentsOf(QStringView encodedPath)
{
    if (encodedPath.startsWith(QLatin1Char('/')))
        encodedPath = encodedPath.mid(1);
    return encodedPath.split(QLatin1Char('/'));
}

bool RouteTable::matches(const Route &route, const QList<QStringView> &segments, PathArguments *arguments)
{
    if (route.segments.size() != segments.size())
        return false;
    for (qsizetype i = 0; i < segments.size(); ++i) {
        const Segment &segment = route.segments[i];
        if (segment.isArgument ? segments[i].isEmpty() : segment.literal != segments[i])
            return false;
    }
    if (arguments) {
        arguments->clear();
        for (qsizetype i = 0; i < segments.size(); ++i) {
            if (route.segments[i].isArgument)
                arguments->append(QUrl::fromPercentEncoding(segments[i].toUtf8()));
        }
    }
    return true;
}

QByteArray RouteTable::allowedMethods(const QList<QStringView> &segments) const
{
    QList<QByteArray> methods;
    for (const Route &route : m_routes) {
        if (!methods.contains(route.method) && matches(route, segments, nullptr))
            methods.append(route.method);
    }
    return methods.join(", ");
}

} // namespace blog
