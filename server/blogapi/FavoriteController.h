#pragma once

#include "Reply.h"

#include <QString>

namespace blog {

struct HttpRequest;
class Authenticator;
class FavoriteService;

// /article/:slug/favorite: PUT favours the article, DELETE stops favouring it; both answer how the
// reader stands to it now. Doing either twice changes nothing and answers the same.
class FavoriteController
{
public:
    FavoriteController(FavoriteService &favorites, const Authenticator &authenticator);

    Reply change(const QString &slug, const HttpRequest &request, bool favorite);

private:
    FavoriteService &m_favorites;
    const Authenticator &m_authenticator;
};

} // namespace blog
