#pragma once

#include <QString>

#include <optional>

namespace blog::PathId {

// An id as it appears in a path: 1 to 18 decimal digits, nothing else ("abc", "-1", "1e3",
// "99999999999999999999" are not ids). QtHttpServer's int placeholders overflow silently, so ids arrive as
// text.
std::optional<qint64> parse(const QString &text);

} // namespace blog::PathId
