#include "BlogApi.h"

#include "ApiPaths.h"
#include "ErrorReply.h"
#include "JsonKeys.h"
#include "ReadinessCheck.h"

namespace blog {

BlogApi::BlogApi(const Services &services)
    : m_readiness(services.readiness)
    , m_users(services.users, services.authenticator, services.signInThrottle)
    , m_articles(
          services.articles, services.listing, services.search, services.favorites, services.authenticator)
    , m_comments(services.comments, services.authenticator)
    , m_favorites(services.favorites, services.authenticator)
    , m_follows(services.profiles, services.authenticator)
    , m_notifications(services.notifications, services.authenticator)
{
    addRoutes();
}

Reply BlogApi::errorReply(const Error &error) const
{
    return ErrorReply::from(error);
}

Reply BlogApi::errorReply(const HttpError &error) const
{
    return ErrorReply::from(error);
}

void BlogApi::addRoutes()
{
    const QString article = ApiPaths::Articles + QStringLiteral("/:slug");
    const QString articleById = ApiPaths::Articles + QStringLiteral("/:id");
    const QString comments = article + QLatin1Char('/') + ApiPaths::CommentsSegment;
    const QString comment = comments + QStringLiteral("/:id");
    const QString favorite = article + QLatin1Char('/') + ApiPaths::FavoriteSegment;
    const QString follow = ApiPaths::Users + QStringLiteral("/:id/") + ApiPaths::FollowSegment;
    using Arguments = PathArguments;

    // The busiest first: rules are tried in order.
    // A search can take a while: it runs on the search pool, and answers later.
    m_routes.addAsync("GET", ApiPaths::Articles,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_articles.list(request, std::move(resume), std::move(reply));
        });
    m_routes.add(
        "GET", ApiPaths::Health, [](const HttpRequest &, const Arguments &) { return Reply::success(); });
    m_routes.add(
        "GET", ApiPaths::Ready, [this](const HttpRequest &, const Arguments &) { return readiness(); });

    // argon2id takes ~150 ms on purpose: the hash runs on the hashing pool, never on an HTTP thread.
    m_routes.addAsync("POST", ApiPaths::SignUp,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.signUp(request, std::move(resume), std::move(reply));
        });
    m_routes.addAsync("POST", ApiPaths::SignIn,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.signIn(request, std::move(resume), std::move(reply));
        });
    m_routes.add("GET", ApiPaths::Profile,
        [this](const HttpRequest &request, const Arguments &) { return m_users.profile(request); });
    // A new password is hashed too.
    m_routes.addAsync("PATCH", ApiPaths::Profile,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.updateProfile(request, std::move(resume), std::move(reply));
        });

    // Long polling: answered when a comment comes on one of my articles, or after the wait.
    m_routes.addAsync("GET", ApiPaths::Notifications,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_notifications.newComments(request, std::move(resume), std::move(reply));
        });

    m_routes.add("POST", ApiPaths::Articles,
        [this](const HttpRequest &request, const Arguments &) { return m_articles.create(request); });
    m_routes.add("GET", article, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.show(path[0], request);
    });
    m_routes.add("PATCH", articleById, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.update(path[0], request);
    });
    m_routes.add("DELETE", articleById, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.remove(path[0], request);
    });
    // Answered once the comment writer has committed it.
    m_routes.addAsync("POST", comments,
        [this](const HttpRequest &request, const Arguments &path, Resume, ReplyCallback reply) {
            m_comments.post(path[0], request, std::move(reply));
        });
    m_routes.add("DELETE", comment, [this](const HttpRequest &request, const Arguments &path) {
        return m_comments.remove(path[0], path[1], request);
    });
    m_routes.add("PUT", favorite, [this](const HttpRequest &request, const Arguments &path) {
        return m_favorites.change(path[0], request, true);
    });
    m_routes.add("DELETE", favorite, [this](const HttpRequest &request, const Arguments &path) {
        return m_favorites.change(path[0], request, false);
    });
    m_routes.add("PUT", follow, [this](const HttpRequest &request, const Arguments &path) {
        return m_follows.change(path[0], request, true);
    });
    m_routes.add("DELETE", follow, [this](const HttpRequest &request, const Arguments &path) {
        return m_follows.change(path[0], request, false);
    });
    m_routes.add(
        "GET", ApiPaths::Tags, [this](const HttpRequest &, const Arguments &) { return m_articles.tags(); });
}

Reply BlogApi::readiness() const
{
    const auto ready = m_readiness.check();
    if (!ready)
        return ErrorReply::from(ready.error());
    return Reply::json(QJsonObject { { JsonKeys::Ready, true } });
}

} // namespace blog
