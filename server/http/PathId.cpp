#include "PathId.h"

namespace blog::PathId {

std::optional<qint64> parse(const QString &text)
{
    if (text.isEmpty() || text.size() > 18)
        return std::nullopt;
    qint64 value = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
        value = value * 10 + (c.unicode() - '0');
    }
    if (value <= 0)
        return std::nullopt;
    return value;
}

} // namespace blog::PathId
