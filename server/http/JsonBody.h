#pragma once

#include "Expected.h"
#include "HttpError.h"

#include <QJsonObject>

namespace blog {

struct HttpRequest;

namespace JsonBody {

// The request's body as a JSON object, or the 400/415 that says why it is not one.
Expected<QJsonObject, HttpError> parse(const HttpRequest &request);

} // namespace JsonBody

} // namespace blog
