#pragma once

#include "Profile.h"

#include <QJsonObject>

// A user as another user sees them (the follow routes' answer).
namespace blog::ProfileCodec {

QJsonObject toJson(const Profile &profile);
Profile fromJson(const QJsonObject &json);

} // namespace blog::ProfileCodec
