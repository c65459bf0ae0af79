#pragma once

#include "Error.h"

#include <QJsonObject>

namespace blog {

struct HttpRequest;

namespace JsonBody {

// The request's body as a JSON object, or the 400/415 that says why it is not one.
Result<QJsonObject> parse(const HttpRequest &request);

} // namespace JsonBody
} // namespace blog
