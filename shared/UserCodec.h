#pragma once

#include "User.h"

#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace blog::UserCodec {

QJsonObject toJson(const User &user);
QJsonObject toJson(const SignedInUser &signedIn);
QJsonValue socialToJson(const std::optional<Social> &social);

User userFromJson(const QJsonObject &json);
SignedInUser signedInUserFromJson(const QJsonObject &json);
std::optional<Social> socialFromJson(const QJsonValue &json);

} // namespace blog::UserCodec
