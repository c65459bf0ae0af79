#include "UserController.h"

#include "Authenticator.h"
#include "ErrorReply.h"
#include "HttpRequest.h"
#include "JsonBody.h"
#include "RequestCodec.h"
#include "SignInThrottle.h"
#include "UserCodec.h"
#include "UserService.h"
#include "Validation.h"

namespace blog {

UserController::UserController(
    UserService &users, const Authenticator &authenticator, SignInThrottle &throttle)
    : m_users(users)
    , m_authenticator(authenticator)
    , m_throttle(throttle)
{
}

namespace {
template<typename T> Completion<T> answerWith(ReplyCallback reply, int status = 200)
{
    return [reply = std::move(reply), status](const Result<T> &result) {
        if (!result)
            reply(ErrorReply::from(result.error()));
        else
            reply(Reply::json(UserCodec::toJson(*result), status));
    };
}
} // namespace

void UserController::signUp(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(ErrorReply::from(json.error()));
    const auto signUp = RequestCodec::decodeSignUp(*json);
    if (!signUp)
        return reply(ErrorReply::from(Error::invalid(signUp.error())));
    m_users.signUp(*signUp, std::move(resume), answerWith<SignedInUser>(std::move(reply), 201));
}

void UserController::signIn(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(ErrorReply::from(json.error()));
    const auto signIn = RequestCodec::decodeSignIn(*json);
    if (!signIn)
        return reply(ErrorReply::from(Error::invalid(signIn.error())));
    if (const int wait
        = m_throttle.attempt(request.clientAddress.toString(), Validation::emailKey(signIn->email)))
        return reply(ErrorReply::from(Error::tooManyRequests(wait)));
    m_users.signIn(*signIn, std::move(resume), answerWith<SignedInUser>(std::move(reply)));
}

Reply UserController::profile(const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    return Reply::jsonBytes(m_users.profileJson(*user));
}

void UserController::updateProfile(const HttpRequest &request, Resume resume, ReplyCallback reply)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return reply(ErrorReply::from(user.error()));
    const auto json = JsonBody::parse(request);
    if (!json)
        return reply(ErrorReply::from(json.error()));
    const auto patch = RequestCodec::decodeProfilePatch(*json);
    if (!patch)
        return reply(ErrorReply::from(Error::invalid(patch.error())));
    m_users.updateProfile(user->id, *patch, std::move(resume), answerWith<User>(std::move(reply)));
}

} // namespace blog
