#pragma once

#include "Error.h"
#include "Reply.h"

namespace blog::ErrorReply {

// The one place where an error becomes an HTTP status and its JSON body.
int statusOf(Error::Kind kind);
Reply from(const Error &error);
// {"error": message}, for answers written below QtHttpServer (ConnectionGuard).
QByteArray body(const QString &message);

} // namespace blog::ErrorReply
