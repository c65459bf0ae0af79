#include "TokenService.h"

#include <QDateTime>

#include <cerrno>
#include <cstdlib>
#include <jwt.h>
#include <memory>
#include <stdexcept>

namespace blog {

namespace {

struct JwtDeleter
{
    void operator()(jwt_t *jwt) const { jwt_free(jwt); }
};
using JwtPointer = std::unique_ptr<jwt_t, JwtDeleter>;

} // namespace

TokenService::TokenService(QByteArray secret, std::chrono::seconds lifetime)
    : m_secret(std::move(secret))
    , m_lifetime(lifetime)
{
    if (m_secret.isEmpty())
        throw std::invalid_argument("the JWT secret must not be empty");
}

QString TokenService::issue(qint64 userId) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return issue(userId, now, now + m_lifetime.count());
}

QString TokenService::issue(qint64 userId, qint64 issuedAt, qint64 expiresAt) const
{
    jwt_t *raw = nullptr;
    if (jwt_new(&raw) != 0)
        throw std::runtime_error("jwt_new failed");
    JwtPointer jwt(raw);
    if (jwt_add_grant_int(jwt.get(), "id", long(userId)) != 0
        || jwt_add_grant_int(jwt.get(), "iat", long(issuedAt)) != 0
        || jwt_add_grant_int(jwt.get(), "exp", long(expiresAt)) != 0
        || jwt_set_alg(jwt.get(), JWT_ALG_HS256,
               reinterpret_cast<const unsigned char *>(m_secret.constData()), int(m_secret.size()))
            != 0)
        throw std::runtime_error("cannot build a JWT");
    char *encoded = jwt_encode_str(jwt.get());
    if (!encoded)
        throw std::runtime_error("jwt_encode_str failed");
    const QString token = QString::fromLatin1(encoded);
    ::free(encoded); // libjwt 1.10 has no jwt_free_str
    return token;
}

std::optional<qint64> TokenService::verify(const QString &token) const
{
    if (token.isEmpty() || token.size() > 4096)
        return std::nullopt;
    const QByteArray text = token.toLatin1();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    if (const std::optional<qint64> known = m_verified.find(text, now))
        return known;
    jwt_t *raw = nullptr;
    if (jwt_decode(&raw, text.constData(), reinterpret_cast<const unsigned char *>(m_secret.constData()),
            int(m_secret.size()))
        != 0)
        return std::nullopt;
    JwtPointer jwt(raw);
    if (jwt_get_alg(jwt.get()) != JWT_ALG_HS256)
        return std::nullopt;
    errno = 0;
    const long expiresAt = jwt_get_grant_int(jwt.get(), "exp");
    if (errno != 0 || expiresAt <= now)
        return std::nullopt;
    errno = 0;
    const long userId = jwt_get_grant_int(jwt.get(), "id");
    if (errno != 0 || userId <= 0)
        return std::nullopt;
    m_verified.remember(text, userId, expiresAt);
    return qint64(userId);
}

} // namespace blog
