#pragma once

#include "Expected.h"
#include "Reply.h"
#include "User.h"

#include <optional>

namespace blog {

class Authenticator;
struct HttpRequest;

// Who sends a RealWorld request: "Authorization: Token <jwt>" (or Bearer, the same tokens as our API's),
// checked by the shared Authenticator, with RealWorld's 401s.
class RealWorldAuth
{
public:
    explicit RealWorldAuth(const Authenticator &authenticator);

    // The signed-in user, or the 401 (or 503) to answer.
    Expected<User, Reply> required(const HttpRequest &request) const;
    // No token: nobody (nullopt). A token that does not verify is still a 401.
    Expected<std::optional<User>, Reply> optional(const HttpRequest &request) const;
    // The token the request carries, for answers that echo it ({"user":{"token":…}}).
    static QString tokenOf(const HttpRequest &request);

private:
    const Authenticator &m_authenticator;
};

} // namespace blog
