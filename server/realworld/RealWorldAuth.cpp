#include "RealWorldAuth.h"

#include "Authenticator.h"
#include "HttpRequest.h"
#include "RealWorldErrorReply.h"

namespace blog {

RealWorldAuth::RealWorldAuth(const Authenticator &authenticator)
    : m_authenticator(authenticator)
{
}

Expected<User, Reply> RealWorldAuth::required(const HttpRequest &request) const
{
    if (request.authorization.trimmed().isEmpty())
        return RealWorldErrorReply::unauthorized(false);
    auto user = m_authenticator.authenticate(request);
    if (!user)
        return user.error().kind == Error::Kind::Authentication ? RealWorldErrorReply::unauthorized(true)
                                                                : RealWorldErrorReply::from(user.error());
    return std::move(*user);
}

Expected<std::optional<User>, Reply> RealWorldAuth::optional(const HttpRequest &request) const
{
    if (request.authorization.trimmed().isEmpty())
        return std::optional<User>();
    auto user = required(request);
    if (!user)
        return user.error();
    return std::optional<User>(std::move(*user));
}

QString RealWorldAuth::tokenOf(const HttpRequest &request)
{
    const QByteArray header = request.authorization.trimmed();
    return QString::fromLatin1(header.mid(header.indexOf(' ') + 1).trimmed());
}

} // namespace blog
