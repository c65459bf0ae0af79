#pragma once

#include "Reply.h"

namespace blog {

struct HttpRequest;
class ProfileService;
class RealWorldAuth;

// /api/profiles/:username and its /follow.
class RealWorldProfileController
{
public:
    RealWorldProfileController(ProfileService &profiles, const RealWorldAuth &auth);

    Reply show(const QString &username, const HttpRequest &request);
    Reply follow(const QString &username, const HttpRequest &request);
    Reply unfollow(const QString &username, const HttpRequest &request);

private:
    ProfileService &m_profiles;
    const RealWorldAuth &m_auth;
};

} // namespace blog
