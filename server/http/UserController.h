#pragma once

#include "Reply.h"

namespace blog {

struct HttpRequest;
class Authenticator;
class SignInThrottle;
class UserService;

// /user/sign-up, /user/sign-in, /user/profile.
class UserController
{
public:
    UserController(UserService &users, const Authenticator &authenticator, SignInThrottle &throttle);

    Reply signUp(const HttpRequest &request);
    Reply signIn(const HttpRequest &request);
    Reply profile(const HttpRequest &request);
    Reply updateProfile(const HttpRequest &request);

private:
    UserService &m_users;
    const Authenticator &m_authenticator;
    SignInThrottle &m_throttle;
};

} // namespace blog
