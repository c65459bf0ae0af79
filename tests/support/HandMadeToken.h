#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace blog::test {

QByteArray base64Url(const QByteArray &bytes);

// "header.payload.signature" made by hand, HMAC-signed with `hash` (or unsigned, "h.p.", without one),
// so tests need not trust libjwt to make the tokens it must refuse.
QString handMadeToken(const QJsonObject &header, const QJsonObject &payload, const QByteArray &secret,
    std::optional<QCryptographicHash::Algorithm> hash);

} // namespace blog::test
