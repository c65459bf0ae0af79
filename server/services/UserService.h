#pragma once

#include "Error.h"
#include "Requests.h"
#include "User.h"

namespace blog {

class ListingInvalidator;
class PasswordHasher;
class TokenService;
class UserCache;
class UserRepository;

// Sign-up, sign-in and profile changes. Hashing is slow on purpose (argon2id): the http layer runs
// signUp, signIn and password changes off its worker threads.
class UserService
{
public:
    UserService(UserRepository &users, const PasswordHasher &hasher, const TokenService &tokens,
        ListingInvalidator &listingInvalidator, UserCache &cache);

    Result<SignedInUser> signUp(const SignUpRequest &request);
    Result<SignedInUser> signIn(const SignInRequest &request);
    Result<User> updateProfile(qint64 userId, const ProfilePatch &patch);
    // The user a verified token names (from UserCache when it has it); gone users are an authentication
    // error.
    Result<User> findAuthenticated(qint64 userId);
    // The JSON of GET /user/profile, made once while the user is cached.
    QByteArray profileJson(const User &user);

private:
    UserRepository &m_users;
    const PasswordHasher &m_hasher;
    const TokenService &m_tokens;
    ListingInvalidator &m_listingInvalidator;
    UserCache &m_cache;
};

} // namespace blog
