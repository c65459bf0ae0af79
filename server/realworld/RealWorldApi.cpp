#include "RealWorldApi.h"

#include "RealWorldErrorReply.h"

namespace blog {

RealWorldApi::RealWorldApi(const Services &services)
    : m_auth(services.authenticator)
    , m_users(services.users, m_auth, services.signInThrottle)
    , m_profiles(services.profiles, m_auth)
    , m_articles(services.articles, services.favorites, services.listing, services.search, m_auth)
    , m_comments(services.articles, services.comments, services.profiles, m_auth)
{
    addRoutes();
}

Reply RealWorldApi::errorReply(const Error &error) const
{
    return RealWorldErrorReply::from(error);
}

Reply RealWorldApi::errorReply(const HttpError &error) const
{
    return RealWorldErrorReply::from(error);
}

void RealWorldApi::addRoutes()
{
    const QString articles = QStringLiteral("/api/articles");
    const QString article = articles + QStringLiteral("/:slug");
    const QString favorite = article + QStringLiteral("/favorite");
    const QString comments = article + QStringLiteral("/comments");
    const QString comment = comments + QStringLiteral("/:id");
    const QString profile = QStringLiteral("/api/profiles/:username");
    const QString follow = profile + QStringLiteral("/follow");
    using Arguments = PathArguments;

    // The busiest first: rules are tried in order. The feed before /:slug, which would take "feed".
    // Searches run on the search pool and answer later.
    m_routes.addAsync("GET", articles,
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_articles.list(request, std::move(resume), std::move(reply));
        });
    m_routes.addAsync("GET", articles + QStringLiteral("/feed"),
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_articles.feed(request, std::move(resume), std::move(reply));
        });
    m_routes.add("GET", article, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.show(path[0], request);
    });
    m_routes.add("GET", QStringLiteral("/api/tags"),
        [this](const HttpRequest &, const Arguments &) { return m_articles.tags(); });
    m_routes.add("GET", comments, [this](const HttpRequest &request, const Arguments &path) {
        return m_comments.list(path[0], request);
    });
    m_routes.add("GET", profile, [this](const HttpRequest &request, const Arguments &path) {
        return m_profiles.show(path[0], request);
    });

    // argon2id takes ~150 ms on purpose: the hash runs on the hashing pool, never on an HTTP thread.
    m_routes.addAsync("POST", QStringLiteral("/api/users"),
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.signUp(request, std::move(resume), std::move(reply));
        });
    m_routes.addAsync("POST", QStringLiteral("/api/users/login"),
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.signIn(request, std::move(resume), std::move(reply));
        });
    m_routes.add("GET", QStringLiteral("/api/user"),
        [this](const HttpRequest &request, const Arguments &) { return m_users.current(request); });
    m_routes.addAsync("PUT", QStringLiteral("/api/user"),
        [this](const HttpRequest &request, const Arguments &, Resume resume, ReplyCallback reply) {
            m_users.update(request, std::move(resume), std::move(reply));
        });

    m_routes.add("POST", follow, [this](const HttpRequest &request, const Arguments &path) {
        return m_profiles.follow(path[0], request);
    });
    m_routes.add("DELETE", follow, [this](const HttpRequest &request, const Arguments &path) {
        return m_profiles.unfollow(path[0], request);
    });

    m_routes.add("POST", articles,
        [this](const HttpRequest &request, const Arguments &) { return m_articles.create(request); });
    m_routes.add("PUT", article, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.update(path[0], request);
    });
    m_routes.add("DELETE", article, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.remove(path[0], request);
    });
    m_routes.add("POST", favorite, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.favorite(path[0], request);
    });
    m_routes.add("DELETE", favorite, [this](const HttpRequest &request, const Arguments &path) {
        return m_articles.unfavorite(path[0], request);
    });
    m_routes.addAsync("POST", comments,
        [this](const HttpRequest &request, const Arguments &path, Resume, ReplyCallback reply) {
            m_comments.post(path[0], request, std::move(reply));
        });
    m_routes.add("DELETE", comment, [this](const HttpRequest &request, const Arguments &path) {
        return m_comments.remove(path[0], path[1], request);
    });
}

} // namespace blog
