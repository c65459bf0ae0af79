#pragma once

#include "ArticleController.h"
#include "CommentController.h"
#include "FavoriteController.h"
#include "FollowController.h"
#include "FrontEnd.h"
#include "NotificationController.h"
#include "RouteTable.h"
#include "UserController.h"

namespace blog {

class ArticleService;
class Authenticator;
class CommentService;
class FavoriteService;
class ListingService;
class NotificationService;
class ProfileService;
class ReadinessCheck;
class SearchService;
class SignInThrottle;
class UserService;

// Our own REST API (/user, /article, /tag, /health, /ready): its controllers and its route table.
class BlogApi : public FrontEnd
{
public:
    struct Services
    {
        UserService &users;
        ArticleService &articles;
        CommentService &comments;
        ListingService &listing;
        SearchService &search;
        NotificationService &notifications;
        FavoriteService &favorites;
        ProfileService &profiles;
        const Authenticator &authenticator;
        SignInThrottle &signInThrottle;
        const ReadinessCheck &readiness;
    };
    explicit BlogApi(const Services &services);

    QString pathPrefix() const override { return {}; }
    const RouteTable &routes() const override { return m_routes; }
    Reply errorReply(const Error &error) const override;
    Reply errorReply(const HttpError &error) const override;

private:
    void addRoutes();
    Reply readiness() const;

    const ReadinessCheck &m_readiness;
    UserController m_users;
    ArticleController m_articles;
    CommentController m_comments;
    FavoriteController m_favorites;
    FollowController m_follows;
    NotificationController m_notifications;
    RouteTable m_routes;
};

} // namespace blog
