#pragma once

#include <QString>
#include <QStringList>

// Limits and rules for what users type, shared so the desktop client can check before it sends.
namespace blog::Validation {

inline constexpr int MaxEmailLength = 254;
inline constexpr int MaxUsernameLength = 64;
inline constexpr int MaxImageUrlLength = 2000;
inline constexpr int MaxFullNameLength = 100;
inline constexpr int MaxBioLength = 2000;
inline constexpr int MaxSocialHandleLength = 200;
inline constexpr int MinPasswordLength = 8;
inline constexpr int MaxPasswordLength = 256;
inline constexpr int MaxTitleLength = 200;
inline constexpr int MaxDescriptionLength = 1000;
inline constexpr int MaxArticleTextLength = 200000;
inline constexpr int MaxTagLength = 40;
inline constexpr int MaxTagCount = 20;
inline constexpr int MaxCommentLength = 5000;

inline constexpr int DefaultPageLimit = 20;
inline constexpr int MaxPageLimit = 100;
// A long poll for notifications; below the 30 s idle timeout of connections (and of most proxies).
inline constexpr int MaxNotificationWaitSeconds = 25;

// Something@something.something, no spaces, one '@'; the full RFC grammar helps nobody here.
bool isEmailLike(const QString &email);

// The form we compare e-mails in: unique regardless of letter case.
QString emailKey(const QString &email);

bool isBlank(const QString &text);

// A username appears in paths (/api/profiles/<username>): no spaces, controls or '/', '?', '#', '%'.
bool isUsernameLike(const QString &username);
// The form usernames are compared in: unique regardless of letter case.
QString usernameKey(const QString &username);
// A username made from an e-mail's local part, for users who did not choose one (the characters a
// username may not have are dropped; "user" when nothing is left). Not necessarily free.
QString usernameFromEmail(const QString &email);
// `base`, then `base-2`, `base-3`...: the n-th candidate (n from 1), cut so it stays within the limit.
QString usernameCandidate(const QString &base, int n);

// Trims tags, drops duplicates (case-insensitive, first spelling wins); empty entries are kept for
// the caller to reject.
QStringList normalizedTags(const QStringList &tags);

} // namespace blog::Validation
