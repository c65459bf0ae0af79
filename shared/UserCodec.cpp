#include "UserCodec.h"

#include "JsonKeys.h"
#include "Timestamp.h"

namespace blog::UserCodec {

QJsonValue socialToJson(const std::optional<Social> &social)
{
    if (!social)
        return QJsonValue::Null;
    return QJsonObject {
        { JsonKeys::Twitter, social->twitter },
        { JsonKeys::Facebook, social->facebook },
        { JsonKeys::Linkedin, social->linkedin },
    };
}

QJsonObject toJson(const User &user)
{
    return QJsonObject {
        { JsonKeys::Id, user.id },
        { JsonKeys::Username, user.username },
        { JsonKeys::FullName, user.fullName },
        { JsonKeys::Email, user.email },
        { JsonKeys::Bio, user.bio },
        { JsonKeys::Social, socialToJson(user.social) },
        { JsonKeys::CreatedAt, Timestamp::toString(user.createdAt) },
        { JsonKeys::UpdatedAt, Timestamp::toString(user.updatedAt) },
    };
}

QJsonObject toJson(const SignedInUser &signedIn)
{
    QJsonObject json = toJson(signedIn.user);
    json.insert(JsonKeys::Token, signedIn.token);
    return json;
}

std::optional<Social> socialFromJson(const QJsonValue &json)
{
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject object = json.toObject();
    return Social {
        object.value(JsonKeys::Twitter).toString(),
        object.value(JsonKeys::Facebook).toString(),
        object.value(JsonKeys::Linkedin).toString(),
    };
}

User userFromJson(const QJsonObject &json)
{
    User user;
    user.id = json.value(JsonKeys::Id).toInteger();
    user.username = json.value(JsonKeys::Username).toString();
    user.fullName = json.value(JsonKeys::FullName).toString();
    user.email = json.value(JsonKeys::Email).toString();
    user.bio = json.value(JsonKeys::Bio).toString();
    user.social = socialFromJson(json.value(JsonKeys::Social));
    user.createdAt = Timestamp::fromString(json.value(JsonKeys::CreatedAt).toString());
    user.updatedAt = Timestamp::fromString(json.value(JsonKeys::UpdatedAt).toString());
    return user;
}

SignedInUser signedInUserFromJson(const QJsonObject &json)
{
    return SignedInUser { userFromJson(json), json.value(JsonKeys::Token).toString() };
}

} // namespace blog::UserCodec
