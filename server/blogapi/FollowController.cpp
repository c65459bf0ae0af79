#include "FollowController.h"

#include "Authenticator.h"
#include "ErrorReply.h"
#include "PathId.h"
#include "ProfileCodec.h"
#include "ProfileService.h"

namespace blog {

FollowController::FollowController(ProfileService &profiles, const Authenticator &authenticator)
    : m_profiles(profiles)
    , m_authenticator(authenticator)
{
}

Reply FollowController::change(const QString &userId, const HttpRequest &request, bool follow)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const std::optional<qint64> followedId = PathId::parse(userId);
    if (!followedId)
        return ErrorReply::from(Error::notFound(QStringLiteral("User not found")));
    const auto profile
        = follow ? m_profiles.follow(user->id, *followedId) : m_profiles.unfollow(user->id, *followedId);
    if (!profile)
        return ErrorReply::from(profile.error());
    return Reply::json(ProfileCodec::toJson(*profile));
}

} // namespace blog
