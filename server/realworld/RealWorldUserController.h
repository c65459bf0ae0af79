#pragma once

#include "Reply.h"
#include "Resume.h"

namespace blog {

struct HttpRequest;
class RealWorldAuth;
class SignInThrottle;
class UserService;

// /api/users (register), /api/users/login, /api/user (current user, update).
class RealWorldUserController
{
public:
    RealWorldUserController(UserService &users, const RealWorldAuth &auth, SignInThrottle &throttle);

    // These hash a password on the HashingPool and answer through `reply`.
    void signUp(const HttpRequest &request, Resume resume, ReplyCallback reply);
    void signIn(const HttpRequest &request, Resume resume, ReplyCallback reply);
    void update(const HttpRequest &request, Resume resume, ReplyCallback reply);
    Reply current(const HttpRequest &request);

private:
    UserService &m_users;
    const RealWorldAuth &m_auth;
    SignInThrottle &m_throttle;
};

} // namespace blog
