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

Reply UserController::signUp(const HttpRequest &request)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return ErrorReply::from(json.error());
    const auto signUp = RequestCodec::decodeSignUp(*json);
    if (!signUp)
        return ErrorReply::from(Error::invalid(signUp.error()));
    const auto signedIn = m_users.signUp(*signUp);
    if (!signedIn)
        return ErrorReply::from(signedIn.error());
    return Reply::json(UserCodec::toJson(*signedIn), 201);
}

Reply UserController::signIn(const HttpRequest &request)
{
    const auto json = JsonBody::parse(request);
    if (!json)
        return ErrorReply::from(json.error());
    const auto signIn = RequestCodec::decodeSignIn(*json);
    if (!signIn)
        return ErrorReply::from(Error::invalid(signIn.error()));
    if (const int wait
        = m_throttle.attempt(request.remoteAddress.toString(), Validation::emailKey(signIn->email)))
        return ErrorReply::from(Error::tooManyRequests(wait));
    const auto signedIn = m_users.signIn(*signIn);
    if (!signedIn)
        return ErrorReply::from(signedIn.error());
    return Reply::json(UserCodec::toJson(*signedIn));
}

Reply UserController::profile(const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    return Reply::jsonBytes(m_users.profileJson(*user));
}

Reply UserController::updateProfile(const HttpRequest &request)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const auto json = JsonBody::parse(request);
    if (!json)
        return ErrorReply::from(json.error());
    const auto patch = RequestCodec::decodeProfilePatch(*json);
    if (!patch)
        return ErrorReply::from(Error::invalid(patch.error()));
    const auto updated = m_users.updateProfile(user->id, *patch);
    if (!updated)
        return ErrorReply::from(updated.error());
    return Reply::json(UserCodec::toJson(*updated));
}

} // namespace blog
