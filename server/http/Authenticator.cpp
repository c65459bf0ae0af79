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
    if (header.size() < 8 || header.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return missing;
    const std::optional<qint64> userId = m_tokens.verify(QString::fromLatin1(header.mid(7).trimmed()));
    if (!userId)
        return missing;
    return m_users.findAuthenticated(*userId);
}

} // namespace blog
