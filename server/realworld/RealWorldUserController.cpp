#include "RealWorldUserController.h"

#include "HttpRequest.h"
#include "JsonBody.h"
#include "RealWorldAuth.h"
#include "RealWorldCodec.h"
#include "RealWorldErrorReply.h"
#include "SignInThrottle.h"
#include "UserService.h"
#include "Validation.h"

namespace blog {

RealWorldUserController::RealWorldUserController(
    UserService &users, const RealWorldAuth &auth, SignInThrottle &throttle)
    : m_users(users)
    , m_auth(auth)
    , m_throttle(throttle)
{
}

void RealWorldUserController::signUp(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(RealWorldErrorReply::from(json.error()));
    const auto registration = RealWorldCodec::decodeRegistration(*json);
    if (!registration)
        return reply(RealWorldErrorReply::invalid(registration.error()));
    SignUpRequest signUp;
    signUp.username = registration->username;
    signUp.email = registration->email;
    signUp.password = registration->password;
    // RealWorld users have no full name of their own; our API shows the username there.
    signUp.fullName = registration->username;
    m_users.signUp(signUp, std::move(resume), [reply](const Result<SignedInUser> &result) {
        if (!result)
            reply(RealWorldErrorReply::from(result.error()));
        else
            reply(Reply::json(RealWorldCodec::user(result->user, result->token), 201));
    });
}

void RealWorldUserController::signIn(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(RealWorldErrorReply::from(json.error()));
    const auto login = RealWorldCodec::decodeLogin(*json);
    if (!login)
        return reply(RealWorldErrorReply::invalid(login.error()));
    // The same limit as /user/sign-in, counted together: one budget per address and per e-mail.
    if (const int wait
        = m_throttle.attempt(request.clientAddress.toString(), Validation::emailKey(login->email)))
        return reply(RealWorldErrorReply::from(Error::tooManyRequests(wait)));
    m_users.signIn(SignInRequest { login->email, login->password }, std::move(resume),
        [reply](const Result<SignedInUser> &result) {
            if (result)
                reply(Reply::json(RealWorldCodec::user(result->user, result->token)));
            else if (result.error().kind == Error::Kind::Authentication)
                reply(Reply::json(
                    RealWorldCodec::errors(QStringLiteral("credentials"), QStringLiteral("invalid")), 401));
            else
                reply(RealWorldErrorReply::from(result.error()));
        });
}

Reply RealWorldUserController::current(const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    return Reply::json(RealWorldCodec::user(*user, RealWorldAuth::tokenOf(request)));
}

void RealWorldUserController::update(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto user = m_auth.required(request);
    if (!user)
        return reply(user.error());
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(RealWorldErrorReply::from(json.error()));
    const auto patch = RealWorldCodec::decodeUserUpdate(*json);
    if (!patch)
        return reply(RealWorldErrorReply::invalid(patch.error()));
    m_users.updateProfile(user->id, *patch, std::move(resume),
        [reply, token = RealWorldAuth::tokenOf(request)](const Result<User> &result) {
            if (!result)
                reply(RealWorldErrorReply::from(result.error()));
            else
                reply(Reply::json(RealWorldCodec::user(*result, token)));
        });
}

} // namespace blog
