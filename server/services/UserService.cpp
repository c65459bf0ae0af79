#include "UserService.h"

#include "HashingPool.h"
#include "ListingInvalidator.h"
#include "PasswordHasher.h"
#include "TokenService.h"
#include "UserCache.h"
#include "UserCodec.h"
#include "UserRepository.h"

#include <QJsonDocument>

#include <any>
#include <exception>

namespace blog {

namespace {
const QString EmailTaken = QStringLiteral("This email is already registered, maybe you want to sign in?");
const QString UsernameTaken = QStringLiteral("This username is taken, please choose another one");

Error taken(UserRepository::Taken field)
{
    return field == UserRepository::Taken::Email ? Error::conflict(EmailTaken, QStringLiteral("email"))
                                                 : Error::conflict(UsernameTaken, QStringLiteral("username"));
}
const QString BadCredentials = QStringLiteral("Invalid combination of email and password");
// The token was valid, but its account is gone: the client has to sign in again.
const QString NoUser = QStringLiteral("This account no longer exists, sign in again");
} // namespace

UserService::UserService(UserRepository &users, const PasswordHasher &hasher, HashingPool &hashing,
    const TokenService &tokens, ListingInvalidator &listingInvalidator, UserCache &cache)
    : m_users(users)
    , m_hasher(hasher)
    , m_hashing(hashing)
    , m_tokens(tokens)
    , m_listingInvalidator(listingInvalidator)
    , m_cache(cache)
{
}

template<typename R, typename T>
void UserService::offload(
    std::function<R()> work, Resume resume, std::function<void(R)> then, const Completion<T> &refused)
{
    // `work` may run twice and outlive the request (HashingPool reruns a starved hash), so it holds only
    // what it hashes; the request's state is in the hand-overs, which run once.
    const bool started = m_hashing.tryStart([work = std::move(work)] { return std::any(work()); },
        [resume, then = std::move(then)](std::any result) {
            resume([then, result = std::any_cast<R>(std::move(result))] { then(result); });
        },
        [resume](std::exception_ptr failure) {
            // argon2 failing (out of memory): the request's own failure path answers it.
            resume([failure] { std::rethrow_exception(failure); });
        });
    if (!started)
        refused(Error::busy(m_hashing.retryAfterSeconds()));
}

void UserService::signUp(const SignUpRequest &request, Resume resume, Completion<SignedInUser> done)
{
    // A cheap early answer for the common case; the unique index decides races.
    if (m_users.existsByEmail(request.email)) {
        done(taken(UserRepository::Taken::Email));
        return;
    }
    if (!request.username.isEmpty() && m_users.existsByUsername(request.username)) {
        done(taken(UserRepository::Taken::Username));
        return;
    }
    offload<QString>([hasher = m_hasher, password = request.password] { return hasher.hash(password); },
        std::move(resume),
        [this, request, done](const QString &hash) {
            const auto user = m_users.insert(
                { request.username, request.email, request.fullName, hash, request.bio, request.social });
            if (!user)
                done(taken(user.error()));
            else
                done(SignedInUser { *user, m_tokens.issue(user->id) });
        },
        done);
}

void UserService::signIn(const SignInRequest &request, Resume resume, Completion<SignedInUser> done)
{
    auto credentials = m_users.findByEmail(request.email);
    offload<bool>(
        [hasher = m_hasher, credentials, password = request.password] {
            if (!credentials) {
                // As long as a wrong password, so timing does not tell which e-mails exist.
                hasher.verifyDummy(password);
                return false;
            }
            return hasher.verify(password, credentials->passwordHash);
        },
        std::move(resume),
        [this, credentials, done](bool verified) {
            if (!verified)
                done(Error::authentication(BadCredentials));
            else
                done(SignedInUser { credentials->user, m_tokens.issue(credentials->user.id) });
        },
        done);
}

Result<User> UserService::findAuthenticated(qint64 userId)
{
    if (std::optional<User> cached = m_cache.find(userId))
        return *cached;
    const quint64 generation = m_cache.generation();
    std::optional<User> user = m_users.findById(userId);
    if (!user)
        return Error::authentication(NoUser);
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

void UserService::updateProfile(
    qint64 userId, const ProfilePatch &patch, Resume resume, Completion<User> done)
{
    if (!patch.password) {
        done(applyProfile(userId, patch, std::nullopt));
        return;
    }
    offload<QString>([hasher = m_hasher, password = *patch.password] { return hasher.hash(password); },
        std::move(resume),
        [this, userId, patch, done](const QString &hash) { done(applyProfile(userId, patch, hash)); }, done);
}

Result<User> UserService::applyProfile(
    qint64 userId, const ProfilePatch &patch, const std::optional<QString> &newHash)
{
    std::optional<User> user = m_users.findById(userId);
    if (!user)
        return Error::authentication(NoUser);
    if (patch.fullName)
        user->fullName = *patch.fullName;
    if (patch.bio)
        user->bio = *patch.bio;
    if (patch.email)
        user->email = *patch.email;
    if (patch.changesSocial)
        user->social = patch.social;
    if (patch.username)
        user->username = *patch.username;
    if (patch.image)
        user->image = *patch.image;
    if (const auto field = m_users.update(*user, newHash))
        return taken(*field);
    // The notification goes out for every change, not only a new name (the listing shows authors'
    // names): the other instances drop their cached users on it.
    m_cache.invalidate();
    m_listingInvalidator.listingChanged();
    return *user;
}

} // namespace blog
