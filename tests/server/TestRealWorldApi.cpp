#include "HttpClient.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace blog::test;

// The RealWorld API under /api over real HTTP, mirroring the key checks of the official Bruno suite
// (../shared/realworld, run by ./dev test), so that a failure here points at a line: shapes, statuses,
// the error format, tokens shared with our own API, favourites, follows, the feed and the lists' caches.
class TestRealWorldApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }

    HttpClient::Response call(const QByteArray &method, const QString &path, const QJsonObject &body = {},
        const QString &token = {}, const QByteArray &scheme = "Token")
    {
        HttpClient::Headers headers;
        if (!body.isEmpty())
            headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        if (!token.isEmpty())
            headers.append(
                std::pair<QByteArray, QByteArray>("Authorization", scheme + ' ' + token.toLatin1()));
        const QByteArray bytes = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson();
        return m_http.send(method, url(path), bytes, headers);
    }
    // Registers a user and returns the token.
    QString registerUser(const QString &username)
    {
        const auto response = call("POST", "/api/users",
            { { "user",
                QJsonObject { { "username", username }, { "email", username + "@test.com" },
                    { "password", "password123" } } } });
        return response.status == 201 ? response.json().value("user").toObject().value("token").toString()
                                      : QString();
    }
    QJsonObject createArticle(const QString &token, const QString &title, const QStringList &tags = {})
    {
        QJsonObject article { { "title", title }, { "description", "d" }, { "body", "b" } };
        if (!tags.isEmpty())
            article.insert("tagList", QJsonArray::fromStringList(tags));
        const auto response = call("POST", "/api/articles", { { "article", article } }, token);
        return response.status == 201 ? response.json().value("article").toObject() : QJsonObject {};
    }
    static QString firstError(const HttpClient::Response &response, const QString &field)
    {
        return response.json().value("errors").toObject().value(field).toArray().first().toString();
    }
    static QStringList slugsOf(const HttpClient::Response &response)
    {
        QStringList slugs;
        for (const QJsonValue &article : response.json().value("articles").toArray())
            slugs.append(article.toObject().value("slug").toString());
        return slugs;
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void registerLoginAndTheCurrentUser()
    {
        const auto registered = call("POST", "/api/users",
            { { "user",
                QJsonObject {
                    { "username", "ada" }, { "email", "ada@test.com" }, { "password", "password123" } } } });
        QCOMPARE(registered.status, 201);
        const QJsonObject user = registered.json().value("user").toObject();
        QCOMPARE(user.keys(), QStringList({ "bio", "email", "image", "token", "username" }));
        QCOMPARE(user.value("username").toString(), QStringLiteral("ada"));
        QVERIFY(user.value("bio").isNull());
        QVERIFY(user.value("image").isNull());
        QVERIFY(!registered.body.contains("password123"));

        const auto login = call("POST", "/api/users/login",
            { { "user", QJsonObject { { "email", "ADA@test.com" }, { "password", "password123" } } } });
        QCOMPARE(login.status, 200);
        const QString token = login.json().value("user").toObject().value("token").toString();
        const auto current = call("GET", "/api/user", {}, token);
        QCOMPARE(current.status, 200);
        QCOMPARE(current.json().value("user").toObject().value("email").toString(),
            QStringLiteral("ada@test.com"));
        QCOMPARE(current.json().value("user").toObject().value("token").toString(), token);

        const auto wrong = call("POST", "/api/users/login",
            { { "user", QJsonObject { { "email", "ada@test.com" }, { "password", "wrongpassword" } } } });
        QCOMPARE(wrong.status, 401);
        QCOMPARE(firstError(wrong, "credentials"), QStringLiteral("invalid"));
    }

    void registrationErrors_data()
    {
        QTest::addColumn<QJsonObject>("user");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        const QJsonObject valid { { "username", "fresh" }, { "email", "fresh@test.com" },
            { "password", "password123" } };
        auto with = [valid](const char *key, const QJsonValue &value) {
            QJsonObject user = valid;
            user.insert(key, value);
            return user;
        };
        QTest::newRow("blank username") << with("username", "") << 422 << "username"
                                        << "can't be blank";
        QTest::newRow("blank email") << with("email", "") << 422 << "email"
                                     << "can't be blank";
        QTest::newRow("blank password") << with("password", "") << 422 << "password"
                                        << "can't be blank";
        QTest::newRow("short password") << with("password", "short7c") << 422 << "password"
                                        << "is too short (minimum is 8 characters)";
        QTest::newRow("taken username, other case") << with("username", "FOO") << 409 << "username"
                                                    << "has already been taken";
        QTest::newRow("taken email") << with("email", "foo@bar.com") << 409 << "email"
                                     << "has already been taken";
    }

    // The seed user is foo@bar.com, username "foo".
    void registrationErrors()
    {
        QFETCH(QJsonObject, user);
        QFETCH(int, status);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto response = call("POST", "/api/users", { { "user", user } });
        QCOMPARE(response.status, status);
        QCOMPARE(firstError(response, field), message);
    }

    // Blank bio and image become null; null clears; username and e-mail change; a null e-mail, username
    // or password is refused.
    void updatingTheUser()
    {
        const QString token = registerUser("bea");
        auto put = [&](const QJsonObject &user) {
            return call("PUT", "/api/user", { { "user", user } }, token);
        };
        QCOMPARE(put({ { "bio", "Hello" }, { "image", "https://example.com/a.jpg" } }).status, 200);
        auto me = call("GET", "/api/user", {}, token).json().value("user").toObject();
        QCOMPARE(me.value("bio").toString(), QStringLiteral("Hello"));
        QCOMPARE(me.value("image").toString(), QStringLiteral("https://example.com/a.jpg"));
        QVERIFY(put({ { "bio", "" }, { "image", QJsonValue::Null } })
                    .json()
                    .value("user")
                    .toObject()
                    .value("bio")
                    .isNull());
        me = call("GET", "/api/user", {}, token).json().value("user").toObject();
        QVERIFY(me.value("bio").isNull());
        QVERIFY(me.value("image").isNull());
        for (const char *field : { "email", "username", "password" }) {
            QCOMPARE(put({ { field, QJsonValue::Null } }).status, 422);
            QCOMPARE(put({ { field, "" } }).status, 422);
        }
        const auto renamed = put({ { "username", "bea2" }, { "email", "bea2@test.com" } });
        QCOMPARE(renamed.status, 200);
        QCOMPARE(
            call("GET", "/api/profiles/BEA2").json().value("profile").toObject().value("username").toString(),
            QStringLiteral("bea2"));
        QCOMPARE(call("GET", "/api/profiles/bea").status, 404);
    }

    // One domain, two front ends: a token from /user/sign-in works on /api and the other way round,
    // with either scheme.
    void tokensWorkOnBothApis()
    {
        const QString seedToken = m_http.signIn(url("/user/sign-in"),
            QString::fromLatin1(TestServer::SeedEmail), QString::fromLatin1(TestServer::SeedPassword));
        QCOMPARE(call("GET", "/api/user", {}, seedToken)
                     .json()
                     .value("user")
                     .toObject()
                     .value("username")
                     .toString(),
            QStringLiteral("foo"));
        QCOMPARE(call("GET", "/api/user", {}, seedToken, "Bearer").status, 200);
        const QString apiToken = registerUser("cy");
        const auto profile = m_http.get(url("/user/profile"), apiToken);
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.json().value("username").toString(), QStringLiteral("cy"));
    }

    void missingOrBadTokensAre401_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("current user") << QByteArray("GET") << "/api/user";
        QTest::newRow("update user") << QByteArray("PUT") << "/api/user";
        QTest::newRow("feed") << QByteArray("GET") << "/api/articles/feed";
        QTest::newRow("create article") << QByteArray("POST") << "/api/articles";
        QTest::newRow("update article") << QByteArray("PUT") << "/api/articles/some-slug";
        QTest::newRow("delete article") << QByteArray("DELETE") << "/api/articles/some-slug";
        QTest::newRow("favorite") << QByteArray("POST") << "/api/articles/some-slug/favorite";
        QTest::newRow("unfavorite") << QByteArray("DELETE") << "/api/articles/some-slug/favorite";
        QTest::newRow("comment") << QByteArray("POST") << "/api/articles/some-slug/comments";
        QTest::newRow("delete comment") << QByteArray("DELETE") << "/api/articles/some-slug/comments/1";
        QTest::newRow("follow") << QByteArray("POST") << "/api/profiles/foo/follow";
        QTest::newRow("unfollow") << QByteArray("DELETE") << "/api/profiles/foo/follow";
    }

    void missingOrBadTokensAre401()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const QJsonObject body { { "x", 1 } };
        const auto missing = call(method, path, body);
        QCOMPARE(missing.status, 401);
        QCOMPARE(firstError(missing, "token"), QStringLiteral("is missing"));
        const auto bad = call(method, path, body, "not.a.jwt");
        QCOMPARE(bad.status, 401);
        QCOMPARE(firstError(bad, "token"), QStringLiteral("is invalid"));
    }

    void articlesLifecycle()
    {
        const QString token = registerUser("art");
        const QJsonObject created = createArticle(token, "Test Article", { "d_tag", "t_tag" });
        const QString slug = created.value("slug").toString();
        QVERIFY(!slug.isEmpty());
        QCOMPARE(created.value("body").toString(), QStringLiteral("b"));
        QCOMPARE(created.value("tagList").toArray(), QJsonArray({ "d_tag", "t_tag" }));
        QCOMPARE(created.value("favorited").toBool(true), false);
        QCOMPARE(created.value("favoritesCount").toInt(-1), 0);
        QCOMPARE(created.value("author").toObject().value("username").toString(), QStringLiteral("art"));

        const auto list = call("GET", "/api/articles?author=art");
        QCOMPARE(list.status, 200);
        QCOMPARE(list.json().value("articlesCount").toInt(), 1);
        const QJsonObject item = list.json().value("articles").toArray().first().toObject();
        QVERIFY(!item.contains("body"));
        QCOMPARE(item.value("slug").toString(), slug);
        QCOMPARE(slugsOf(call("GET", "/api/articles?tag=d_tag")), QStringList { slug });

        auto put = [&](const QJsonObject &article) {
            return call("PUT", "/api/articles/" + slug, { { "article", article } }, token);
        };
        const auto updated = put({ { "body", "new body" } });
        QCOMPARE(updated.status, 200);
        const QJsonObject after = updated.json().value("article").toObject();
        QCOMPARE(after.value("body").toString(), QStringLiteral("new body"));
        QCOMPARE(after.value("tagList").toArray().size(), 2); // no tagList: tags kept
        QCOMPARE(after.value("createdAt"), created.value("createdAt"));
        QVERIFY(after.value("updatedAt") != created.value("updatedAt"));
        QCOMPARE(put({ { "tagList", QJsonArray {} } })
                     .json()
                     .value("article")
                     .toObject()
                     .value("tagList")
                     .toArray()
                     .size(),
            0);
        QCOMPARE(put({ { "tagList", QJsonValue::Null } }).status, 422);
        QCOMPARE(put({ { "title", "" } }).status, 422);

        const QString other = registerUser("intruder");
        const auto forbidden = call("DELETE", "/api/articles/" + slug, {}, other);
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(firstError(forbidden, "article"), QStringLiteral("forbidden"));
        QCOMPARE(call("DELETE", "/api/articles/" + slug, {}, token).status, 204);
        const auto gone = call("GET", "/api/articles/" + slug);
        QCOMPARE(gone.status, 404);
        QCOMPARE(firstError(gone, "article"), QStringLiteral("not found"));
    }

    void createValidatesEachField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::newRow("title") << "title";
        QTest::newRow("description") << "description";
        QTest::newRow("body") << "body";
    }

    void createValidatesEachField()
    {
        QFETCH(QString, field);
        const QString token = registerUser("val");
        QJsonObject article { { "title", "t" }, { "description", "d" }, { "body", "b" } };
        article.insert(field, "");
        const auto response = call("POST", "/api/articles", { { "article", article } }, token);
        QCOMPARE(response.status, 422);
        QCOMPARE(firstError(response, field), QStringLiteral("can't be blank"));
    }

    // Newest first; two articles made within one millisecond still keep their order; the count is what
    // matches, not the page.
    void paginationIsNewestFirst()
    {
        const QString token = registerUser("pager");
        const QString first = createArticle(token, "Page 1").value("slug").toString();
        const QString second = createArticle(token, "Page 2").value("slug").toString();
        const auto page1 = call("GET", "/api/articles?author=pager&limit=1");
        QCOMPARE(slugsOf(page1), QStringList { second });
        QCOMPARE(page1.json().value("articlesCount").toInt(), 2);
        QCOMPARE(slugsOf(call("GET", "/api/articles?author=pager&limit=1&offset=1")), QStringList { first });
        QCOMPARE(call("GET", "/api/articles?limit=0").status, 422);
        QCOMPARE(call("GET", "/api/articles?offset=-1").status, 422);
    }

    void favouritesAndTheirFilter()
    {
        const QString token = registerUser("fav");
        const QString slug = createArticle(token, "Favourite me").value("slug").toString();
        // The listing is cached: a favourite must still show at once.
        QCOMPARE(call("GET", "/api/articles?favorited=fav").json().value("articlesCount").toInt(), 0);
        const auto favored = call("POST", "/api/articles/" + slug + "/favorite", {}, token);
        QCOMPARE(favored.status, 200);
        QCOMPARE(favored.json().value("article").toObject().value("favorited").toBool(), true);
        QCOMPARE(favored.json().value("article").toObject().value("favoritesCount").toInt(), 1);
        const auto filtered = call("GET", "/api/articles?favorited=fav", {}, token);
        QCOMPARE(slugsOf(filtered), QStringList { slug });
        QCOMPARE(
            filtered.json().value("articles").toArray().first().toObject().value("favorited").toBool(), true);
        // Another reader sees the count, not the mark.
        const auto anonymous = call("GET", "/api/articles/" + slug).json().value("article").toObject();
        QCOMPARE(anonymous.value("favoritesCount").toInt(), 1);
        QCOMPARE(anonymous.value("favorited").toBool(true), false);
        const auto unfavored = call("DELETE", "/api/articles/" + slug + "/favorite", {}, token);
        QCOMPARE(unfavored.status, 200);
        QCOMPARE(unfavored.json().value("article").toObject().value("favoritesCount").toInt(), 0);
        QCOMPARE(call("GET", "/api/articles?favorited=fav").json().value("articlesCount").toInt(), 0);
        const auto unknown = call("POST", "/api/articles/no-such/favorite", {}, token);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(firstError(unknown, "article"), QStringLiteral("not found"));
    }

    void profilesFollowsAndTheFeed()
    {
        const QString reader = registerUser("reader");
        const QString celeb = registerUser("celeb");
        QCOMPARE(call("GET", "/api/articles/feed", {}, reader).json().value("articlesCount").toInt(), 0);
        const auto profile = call("GET", "/api/profiles/celeb");
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.json().value("profile").toObject().keys(),
            QStringList({ "bio", "following", "image", "username" }));
        const auto followed = call("POST", "/api/profiles/celeb/follow", {}, reader);
        QCOMPARE(followed.json().value("profile").toObject().value("following").toBool(), true);
        const QString one = createArticle(celeb, "Feed 1").value("slug").toString();
        const QString two = createArticle(celeb, "Feed 2").value("slug").toString();
        const auto feed = call("GET", "/api/articles/feed?limit=1", {}, reader);
        QCOMPARE(slugsOf(feed), QStringList { two });
        QCOMPARE(feed.json().value("articlesCount").toInt(), 2);
        QCOMPARE(feed.json()
                     .value("articles")
                     .toArray()
                     .first()
                     .toObject()
                     .value("author")
                     .toObject()
                     .value("following")
                     .toBool(),
            true);
        QCOMPARE(
            slugsOf(call("GET", "/api/articles/feed?limit=1&offset=1", {}, reader)), QStringList { one });
        const auto unfollowed = call("DELETE", "/api/profiles/celeb/follow", {}, reader);
        QCOMPARE(unfollowed.status, 200);
        QCOMPARE(unfollowed.json().value("profile").toObject().value("following").toBool(true), false);
        QCOMPARE(call("GET", "/api/articles/feed", {}, reader).json().value("articlesCount").toInt(), 0);
        const auto unknown = call("POST", "/api/profiles/nobody/follow", {}, reader);
        QCOMPARE(unknown.status, 404);
        QCOMPARE(firstError(unknown, "profile"), QStringLiteral("not found"));
    }

    void commentsAndWhoMayDeleteThem()
    {
        const QString author = registerUser("writer");
        const QString other = registerUser("other");
        const QString slug = createArticle(author, "Discuss").value("slug").toString();
        const auto posted = call("POST", "/api/articles/" + slug + "/comments",
            { { "comment", QJsonObject { { "body", "first" } } } }, author);
        QCOMPARE(posted.status, 201);
        const QJsonObject comment = posted.json().value("comment").toObject();
        QCOMPARE(comment.value("body").toString(), QStringLiteral("first"));
        QCOMPARE(comment.value("author").toObject().value("username").toString(), QStringLiteral("writer"));
        const QString id = QString::number(comment.value("id").toInteger());

        const auto blank = call("POST", "/api/articles/" + slug + "/comments",
            { { "comment", QJsonObject { { "body", "" } } } }, author);
        QCOMPARE(blank.status, 422);
        QCOMPARE(firstError(blank, "body"), QStringLiteral("can't be blank"));
        const auto forbidden = call("DELETE", "/api/articles/" + slug + "/comments/" + id, {}, other);
        QCOMPARE(forbidden.status, 403);
        QCOMPARE(firstError(forbidden, "comment"), QStringLiteral("forbidden"));
        QCOMPARE(
            call("GET", "/api/articles/" + slug + "/comments").json().value("comments").toArray().size(), 1);
        const auto missing = call("DELETE", "/api/articles/" + slug + "/comments/99999", {}, author);
        QCOMPARE(missing.status, 404);
        QCOMPARE(firstError(missing, "comment"), QStringLiteral("not found"));
        const auto noArticle = call("GET", "/api/articles/nope/comments");
        QCOMPARE(noArticle.status, 404);
        QCOMPARE(firstError(noArticle, "article"), QStringLiteral("not found"));
        QCOMPARE(call("DELETE", "/api/articles/" + slug + "/comments/" + id, {}, author).status, 204);
        QCOMPARE(
            call("GET", "/api/articles/" + slug + "/comments").json().value("comments").toArray().size(), 0);
    }

    // Every tag in use, not only the popular ones; a tag no article has any more goes.
    void tagsListEveryTagInUse()
    {
        const QString token = registerUser("tagger");
        const QString slug = createArticle(token, "Tagged", { "h_tag", "t_tag" }).value("slug").toString();
        QStringList tags;
        for (const QJsonValue &tag : call("GET", "/api/tags").json().value("tags").toArray())
            tags.append(tag.toString());
        QVERIFY(tags.contains("h_tag") && tags.contains("t_tag") && tags.contains("foo1"));
        QCOMPARE(call("DELETE", "/api/articles/" + slug, {}, token).status, 204);
        QVERIFY(!call("GET", "/api/tags").body.contains("h_tag"));
    }

    // The sign-in limit covers /api/users/login, with one budget shared with /user/sign-in.
    void loginIsThrottledWithTheSameBudget()
    {
        TestServer::Options options;
        options.signInAttemptsPerMinute = 4; // per e-mail: a third, at least 3
        m_server = std::make_unique<TestServer>(options);
        const QJsonObject wrong { { "user",
            QJsonObject { { "email", "foo@bar.com" }, { "password", "wrong-one" } } } };
        QCOMPARE(call("POST", "/api/users/login", wrong).status, 401);
        QCOMPARE(
            m_http.post(url("/user/sign-in"), { { "email", "foo@bar.com" }, { "password", "wrong-one" } })
                .status,
            401);
        QCOMPARE(call("POST", "/api/users/login", wrong).status, 401);
        const auto throttled = call("POST", "/api/users/login", wrong);
        QCOMPARE(throttled.status, 429);
        QVERIFY(!throttled.header("Retry-After").isEmpty());
        QVERIFY(throttled.json().value("errors").isObject());
    }

    // The same standards as our own API: 405 with Allow, 415, 413, the JSON error shape for unknown paths.
    void httpErrorsInRealWorldsShape()
    {
        const auto wrongMethod = call("PATCH", "/api/user", { { "user", QJsonObject {} } });
        QCOMPARE(wrongMethod.status, 405);
        QCOMPARE(wrongMethod.header("Allow"), QByteArray("GET, PUT"));
        QVERIFY(wrongMethod.json().value("errors").isObject());
        const auto noRoute = call("GET", "/api/nothing-here");
        QCOMPARE(noRoute.status, 404);
        QVERIFY(noRoute.json().value("errors").isObject());
        const auto notJson
            = m_http.send("POST", url("/api/users/login"), "user=x", { { "Content-Type", "text/plain" } });
        QCOMPARE(notJson.status, 415);
        QVERIFY(notJson.json().value("errors").isObject());
        const QByteArray huge(2 * 1024 * 1024, 'x');
        const auto tooLarge
            = m_http.send("POST", url("/api/users"), huge, { { "Content-Type", "application/json" } });
        QCOMPARE(tooLarge.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestRealWorldApi)
#include "TestRealWorldApi.moc"
