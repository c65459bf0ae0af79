#pragma once

#include "Error.h"
#include "HttpError.h"
#include "Reply.h"

#include <QString>

namespace blog {

class RouteTable;
struct HttpRequest;

// One API served by the host (ours, RealWorld's): its routes, and how it writes errors. The host's
// request pipeline does the rest (limits, CORS, metrics, the access log, faults) the same for all.
class FrontEnd
{
public:
    virtual ~FrontEnd() = default;

    // The paths it owns start with this ("" for the root); a path under it that no route takes gets
    // this front end's 404.
    virtual QString pathPrefix() const = 0;
    virtual const RouteTable &routes() const = 0;
    // For a path no route takes: whether this front end's 404 suits the request better than that of the
    // front end owning the longest prefix (the web pages answer browsers asking for HTML).
    virtual bool claimsUnmatched(const HttpRequest &) const { return false; }
    // The one place a front end turns errors into statuses and bodies.
    virtual Reply errorReply(const Error &error) const = 0;
    virtual Reply errorReply(const HttpError &error) const = 0;
};

} // namespace blog
