#pragma once

#include "Error.h"
#include "Reply.h"

namespace blog::ErrorReply {

// The one place where an error becomes an HTTP status and its JSON body.
int statusOf(Error::Kind kind);
Reply from(const Error &error);

} // namespace blog::ErrorReply
