#include "Authenticator.h"

#include "HttpRequest.h"
#include "TokenService.h"
#include "UserService.h"

namespace blog {

Authenticator::Authenticator(const TokenService &tokens, UserService &users)
    : m_tokens(tokens)
    , m_users(users)
{
}

Result<User> Authenticator::authenticate(const HttpRequest &request) const
{
    const Error missing
        = Error::authentication(QStringLiteral("Please provide your token via Authorization header"));
    const QByteArray header = request.authorization.trimmed();
    // "Bearer" is ours, "Token" RealWorld's; either front end takes both, as the tokens are the same.
    const qsizetype space = header.indexOf(' ');
    const QByteArray scheme = header.left(space);
    if (space < 0
        || (scheme.compare("Bearer", Qt::CaseInsensitive) != 0
            && scheme.compare("Token", Qt::CaseInsensitive) != 0))
        return missing;
    const std::optional<qint64> userId
        = m_tokens.verify(QString::fromLatin1(header.mid(space + 1).trimmed()));
    if (!userId)
        return missing;
    // A deleted account gets the same answer as a bad token: nothing to tell a stranger.
    auto user = m_users.findAuthenticated(*userId);
    if (!user && user.error().kind == Error::Kind::Authentication)
        return missing;
    return user;
}

} // namespace blog
