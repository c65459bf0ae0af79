#pragma once

#include "Error.h"
#include "HttpError.h"
#include "Reply.h"

namespace blog::ErrorReply {

// The one place where our API turns an error into an HTTP status and its JSON body.
int statusOf(Error::Kind kind);
Reply from(const Error &error);
Reply from(const HttpError &error);

} // namespace blog::ErrorReply
