#pragma once

#include "Reply.h"

namespace blog {

struct HttpRequest;
class Authenticator;
class UserService;

// /user/sign-up, /user/sign-in, /user/profile.
class UserController
{
public:
    UserController(UserService &users, const Authenticator &authenticator);

    Reply signUp(const HttpRequest &request);
    Reply signIn(const HttpRequest &request);
    Reply profile(const HttpRequest &request);
    Reply updateProfile(const HttpRequest &request);

private:
    UserService &m_users;
    const Authenticator &m_authenticator;
};

} // namespace blog
