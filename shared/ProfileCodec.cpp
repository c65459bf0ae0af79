#include "ProfileCodec.h"

#include "JsonKeys.h"

namespace blog::ProfileCodec {

QJsonObject toJson(const Profile &profile)
{
    return QJsonObject {
        { JsonKeys::Id, profile.id },
        { JsonKeys::Username, profile.username },
        { JsonKeys::Bio, profile.bio },
        { JsonKeys::Following, profile.following },
    };
}

Profile fromJson(const QJsonObject &json)
{
    Profile profile;
    profile.id = json.value(JsonKeys::Id).toInteger();
    profile.username = json.value(JsonKeys::Username).toString();
    profile.bio = json.value(JsonKeys::Bio).toString();
    profile.following = json.value(JsonKeys::Following).toBool();
    return profile;
}

} // namespace blog::ProfileCodec
