#pragma once

#include "Reply.h"

#include <QString>

namespace blog {

struct HttpRequest;
class Authenticator;
class ProfileService;

// /user/:id/follow: PUT follows the user, DELETE unfollows; both answer the user's profile as the
// follower sees it now. Doing either twice changes nothing and answers the same.
class FollowController
{
public:
    FollowController(ProfileService &profiles, const Authenticator &authenticator);

    Reply change(const QString &userId, const HttpRequest &request, bool follow);

private:
    ProfileService &m_profiles;
    const Authenticator &m_authenticator;
};

} // namespace blog
