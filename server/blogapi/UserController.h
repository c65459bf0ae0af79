#pragma once

#include "Reply.h"
#include "Resume.h"

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

    // These hash a password on the HashingPool and answer through `reply` (after `resume`).
    void signUp(const HttpRequest &request, Resume resume, ReplyCallback reply);
    void signIn(const HttpRequest &request, Resume resume, ReplyCallback reply);
    void updateProfile(const HttpRequest &request, Resume resume, ReplyCallback reply);
    Reply profile(const HttpRequest &request);

private:
    UserService &m_users;
    const Authenticator &m_authenticator;
    SignInThrottle &m_throttle;
};

} // namespace blog
