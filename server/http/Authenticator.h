#pragma once

#include "Error.h"
#include "User.h"

namespace blog {

struct HttpRequest;
class TokenService;
class UserService;

// "Authorization: Bearer <jwt>" (or "Token <jwt>") -> the signed-in user, or the 401 every failure gets.
class Authenticator
{
public:
    Authenticator(const TokenService &tokens, UserService &users);

    Result<User> authenticate(const HttpRequest &request) const;

private:
    const TokenService &m_tokens;
    UserService &m_users;
};

} // namespace blog
