#include "RouteMetrics.h"

#include <algorithm>
#include <cstring>

namespace blog {

RouteMetrics::RouteMetrics(QString route)
    : m_route(std::move(route))
{
}

std::size_t RouteMetrics::methodSlot(const QByteArray &method)
{
    for (std::size_t i = 0; i + 1 < Methods.size(); ++i) {
        if (method.size() == qsizetype(std::strlen(Methods[i])) && method == Methods[i])
            return i;
    }
    return Methods.size() - 1;
}

std::size_t RouteMetrics::statusSlot(int status)
{
    const auto it = std::lower_bound(Statuses.begin(), Statuses.end(), status);
    return it != Statuses.end() && *it == status ? std::size_t(it - Statuses.begin()) : Statuses.size();
}

QByteArray RouteMetrics::statusLabel(std::size_t slot)
{
    return slot < Statuses.size() ? QByteArray::number(Statuses[slot]) : QByteArrayLiteral("other");
}

} // namespace blog
