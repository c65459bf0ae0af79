#include "UserService.h"

#include "ListingInvalidator.h"
#include "PasswordHasher.h"
#include "TokenService.h"
#include "UserCache.h"
#include "UserCodec.h"
#include "UserRepository.h"

#include <QJsonDocument>

namespace blog {

namespace {
const QString EmailTaken = QStringLiteral("This email is already registered, maybe you want to sign in?");
const QString BadCredentials = QStringLiteral("Invalid combination of email and password");
} // namespace

UserService::UserService(UserRepository &users, const PasswordHasher &hasher, const TokenService &tokens,
    ListingInvalidator &listingInvalidator, UserCache &cache)
    : m_users(users)
    , m_hasher(hasher)
    , m_tokens(tokens)
    , m_listingInvalidator(listingInvalidator)
    , m_cache(cache)
{
}

Result<SignedInUser> UserService::signUp(const SignUpRequest &request)
{
    // A cheap early answer for the common case; the unique index decides races.
    if (m_users.existsByEmail(request.email))
        return Error::conflict(EmailTaken, QStringLiteral("email"));
    const std::optional<User> user = m_users.insert(
        { request.email, request.fullName, m_hasher.hash(request.password), request.bio, request.social });
    if (!user)
        return Error::conflict(EmailTaken, QStringLiteral("email"));
    return SignedInUser { *user, m_tokens.issue(user->id) };
}

Result<SignedInUser> UserService::signIn(const SignInRequest &request)
{
    const auto credentials = m_users.findByEmail(request.email);
    if (!credentials) {
        m_hasher.verifyDummy(request.password);
        return Error::authentication(BadCredentials);
    }
    if (!m_hasher.verify(request.password, credentials->passwordHash))
        return Error::authentication(BadCredentials);
    return SignedInUser { credentials->user, m_tokens.issue(credentials->user.id) };
}

Result<User> UserService::findAuthenticated(qint64 userId)
{
    if (std::optional<User> cached = m_cache.find(userId))
        return *cached;
    const quint64 generation = m_cache.generation();
    std::optional<User> user = m_users.findById(userId);
    if (!user)
        return Error::authentication(QStringLiteral("Please provide your token via Authorization header"));
    m_cache.remember(*user, generation);
    return *user;
}

QByteArray UserService::profileJson(const User &user)
{
    if (std::optional<QByteArray> cached = m_cache.profileJson(user))
        return *cached;
    QByteArray json = QJsonDocument(UserCodec::toJson(user)).toJson(QJsonDocument::Compact);
    m_cache.rememberProfileJson(user, json);
    return json;
}

Result<User> UserService::updateProfile(qint64 userId, const ProfilePatch &patch)
{
    std::optional<User> user = m_users.findById(userId);
    if (!user)
        return Error::authentication(QStringLiteral("Please provide your token via Authorization header"));
    if (patch.fullName)
        user->fullName = *patch.fullName;
    if (patch.bio)
        user->bio = *patch.bio;
    if (patch.email)
        user->email = *patch.email;
    if (patch.changesSocial)
        user->social = patch.social;
    std::optional<QString> newHash;
    if (patch.password)
        newHash = m_hasher.hash(*patch.password);
    if (!m_users.update(*user, newHash))
        return Error::conflict(EmailTaken, QStringLiteral("email"));
    // The notification goes out for every change, not only a new name (the listing shows authors'
    // names): the other instances drop their cached users on it.
    m_cache.invalidate();
    m_listingInvalidator.listingChanged();
    return *user;
}

} // namespace blog
