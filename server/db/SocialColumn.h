#pragma once

#include "Social.h"

#include <QVariant>

#include <optional>

namespace blog::SocialColumn {

// The social handles are one JSON column; NULL when the user never gave any.
QVariant encode(const std::optional<Social> &social);
std::optional<Social> decode(const QVariant &column);

} // namespace blog::SocialColumn
