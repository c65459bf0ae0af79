#pragma once

#include "VerifiedTokenCache.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>

namespace blog {

// HS256 JSON Web Tokens carrying the user id ("id") and an expiry ("exp"). libjwt pins neither the
// algorithm nor the expiry, so verify() checks both itself. Tokens that verified are remembered
// (VerifiedTokenCache), so a client's repeated token costs a lookup, not an HMAC.
class TokenService
{
public:
    // Throws std::invalid_argument on an empty secret: libjwt would then accept unsigned tokens.
    TokenService(QByteArray secret, std::chrono::seconds lifetime);

    QString issue(qint64 userId) const;
    QString issue(qint64 userId, qint64 issuedAt, qint64 expiresAt) const;
    // The user id, or nullopt for any token that is malformed, not HS256, badly signed or expired.
    std::optional<qint64> verify(const QString &token) const;

    std::chrono::seconds lifetime() const { return m_lifetime; }

private:
    QByteArray m_secret;
    std::chrono::seconds m_lifetime;
    mutable VerifiedTokenCache m_verified;
};

} // namespace blog
