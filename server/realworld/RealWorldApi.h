#pragma once

#include "FrontEnd.h"
#include "RealWorldArticleController.h"
#include "RealWorldAuth.h"
#include "RealWorldCommentController.h"
#include "RealWorldProfileController.h"
#include "RealWorldUserController.h"
#include "RouteTable.h"

namespace blog {

class ArticleService;
class Authenticator;
class CommentService;
class FavoriteService;
class ListingService;
class ProfileService;
class SearchService;
class SignInThrottle;
class UserService;

// The RealWorld ("Conduit") API under /api, over the same services, users and tokens as our own API:
// its controllers, its route table and its error shape. It receives its services; it builds none.
class RealWorldApi : public FrontEnd
{
public:
    struct Services
    {
        UserService &users;
        ProfileService &profiles;
        ArticleService &articles;
        FavoriteService &favorites;
        CommentService &comments;
        ListingService &listing;
        SearchService &search;
        const Authenticator &authenticator;
        SignInThrottle &signInThrottle;
    };
    explicit RealWorldApi(const Services &services);

    QString pathPrefix() const override { return QStringLiteral("/api"); }
    const RouteTable &routes() const override { return m_routes; }
    Reply errorReply(const Error &error) const override;
    Reply errorReply(const HttpError &error) const override;

private:
    void addRoutes();

    RealWorldAuth m_auth;
    RealWorldUserController m_users;
    RealWorldProfileController m_profiles;
    RealWorldArticleController m_articles;
    RealWorldCommentController m_comments;
    RouteTable m_routes;
};

} // namespace blog
