#pragma once

#include "Error.h"
#include "Requests.h"
#include "Resume.h"
#include "User.h"

#include <optional>

namespace blog {

class HashingPool;
class ListingInvalidator;
class PasswordHasher;
class TokenService;
class UserCache;
class UserRepository;

// Sign-up, sign-in and profile changes. Hashing is slow on purpose (argon2id), so it alone runs on the
// HashingPool; every database read and write stays on the calling thread, before the hash or after it
// (through `resume`), at that thread's priority.
class UserService
{
public:
    UserService(UserRepository &users, const PasswordHasher &hasher, HashingPool &hashing,
        const TokenService &tokens, ListingInvalidator &listingInvalidator, UserCache &cache);

    // These complete through `resume`, or at once with an error (a full HashingPool is a 503).
    void signUp(const SignUpRequest &request, Resume resume, Completion<SignedInUser> done);
    void signIn(const SignInRequest &request, Resume resume, Completion<SignedInUser> done);
    // Without a new password nothing is hashed, and `done` runs before this returns.
    void updateProfile(qint64 userId, const ProfilePatch &patch, Resume resume, Completion<User> done);
    // The user a verified token names (from UserCache when it has it); gone users are an authentication
    // error.
    Result<User> findAuthenticated(qint64 userId);
    // The JSON of GET /user/profile, made once while the user is cached.
    QByteArray profileJson(const User &user);

private:
    template<typename R, typename T>
    void offload(
        std::function<R()> work, Resume resume, std::function<void(R)> then, const Completion<T> &refused);
    Result<User> applyProfile(
        qint64 userId, const ProfilePatch &patch, const std::optional<QString> &newHash);

    UserRepository &m_users;
    const PasswordHasher &m_hasher;
    HashingPool &m_hashing;
    const TokenService &m_tokens;
    ListingInvalidator &m_listingInvalidator;
    UserCache &m_cache;
};

} // namespace blog
