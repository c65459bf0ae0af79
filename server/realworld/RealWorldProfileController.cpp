#include "RealWorldProfileController.h"

#include "ProfileService.h"
#include "RealWorldAuth.h"
#include "RealWorldCodec.h"
#include "RealWorldErrorReply.h"

namespace blog {

namespace {
Reply answer(const Result<Profile> &profile)
{
    if (!profile)
        return RealWorldErrorReply::from(profile.error());
    return Reply::json(RealWorldCodec::profile(*profile));
}
} // namespace

RealWorldProfileController::RealWorldProfileController(ProfileService &profiles, const RealWorldAuth &auth)
    : m_profiles(profiles)
    , m_auth(auth)
{
}

Reply RealWorldProfileController::show(const QString &username, const HttpRequest &request)
{
    const auto viewer = m_auth.optional(request);
    if (!viewer)
        return viewer.error();
    return answer(m_profiles.find(username, *viewer ? std::optional((*viewer)->id) : std::nullopt));
}

Reply RealWorldProfileController::follow(const QString &username, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    return answer(m_profiles.follow(user->id, username));
}

Reply RealWorldProfileController::unfollow(const QString &username, const HttpRequest &request)
{
    const auto user = m_auth.required(request);
    if (!user)
        return user.error();
    return answer(m_profiles.unfollow(user->id, username));
}

} // namespace blog
