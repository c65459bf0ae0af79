#include "FavoriteController.h"

#include "ArticleCodec.h"
#include "Authenticator.h"
#include "ErrorReply.h"
#include "FavoriteService.h"

namespace blog {

FavoriteController::FavoriteController(FavoriteService &favorites, const Authenticator &authenticator)
    : m_favorites(favorites)
    , m_authenticator(authenticator)
{
}

Reply FavoriteController::change(const QString &slug, const HttpRequest &request, bool favorite)
{
    const auto user = m_authenticator.authenticate(request);
    if (!user)
        return ErrorReply::from(user.error());
    const auto article
        = favorite ? m_favorites.favorite(user->id, slug) : m_favorites.unfavorite(user->id, slug);
    if (!article)
        return ErrorReply::from(article.error());
    return Reply::json(ArticleCodec::standingToJson(m_favorites.standing(*article, user->id)));
}

} // namespace blog
