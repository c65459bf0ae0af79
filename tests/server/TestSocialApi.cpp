#include "HttpClient.h"
#include "JsonKeysOf.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace blog::test;

namespace {

QStringList slugsOf(const QJsonObject &page)
{
    QStringList slugs;
    for (const QJsonValue &item : page.value("items").toArray())
        slugs.append(item.toObject().value("slug").toString());
    return slugs;
}

} // namespace

// Our API's favourites and follows over real HTTP: PUT/DELETE /article/:slug/favorite and
// /user/:id/follow, the reader's standing in GET /article/:slug, the listing's favorited= and feed=
// filters (their validation, 401s and cache invalidation) and GET /tag.
class TestSocialApi : public QObject
{
    Q_OBJECT

    struct Account
    {
        qint64 id = 0;
        QString token;
    };

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    Account m_seed; // foo@bar.com, author of the three seeded articles
    QStringList m_seedSlugs; // newest first

    QUrl url(const QString &path) const { return m_server->url(path); }

    Account account(const QJsonObject &answer) const
    {
        return Account { answer.value("id").toInteger(), answer.value("token").toString() };
    }
    Account signUp(const QString &name)
    {
        const auto answer = m_http.post(url("/user/sign-up"),
            { { "email", name + "@example.com" }, { "fullName", name }, { "password", "password123" } });
        if (answer.status != 201)
            qWarning() << "sign-up" << answer.status << answer.body;
        return account(answer.json());
    }
    HttpClient::Response put(const QString &path, const QString &token)
    {
        HttpClient::Headers headers;
        if (!token.isEmpty())
            headers.append({ "Authorization", "Bearer " + token.toLatin1() });
        return m_http.send("PUT", url(path), {}, headers);
    }
    QJsonObject listing(const QString &query, const QString &token = {})
    {
        const auto answer = m_http.get(url("/article" + query), token);
        if (answer.status != 200)
            qWarning() << query << answer.status << answer.body;
        return answer.json();
    }
    QString articleWithTitle(const QString &title, const QString &token, const QStringList &tags = {})
    {
        const auto answer = m_http.post(url("/article"),
            { { "title", title }, { "description", "About " + title }, { "text", "Text of " + title },
                { "tags", QJsonArray::fromStringList(tags) } },
            token);
        return answer.json().value("slug").toString();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        const auto signIn = m_http.post(url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        QCOMPARE(signIn.status, 200);
        m_seed = account(signIn.json());
        m_seedSlugs = slugsOf(listing("?order=newest"));
        QCOMPARE(m_seedSlugs.size(), 3);
    }
    void cleanup() { m_server.reset(); }

    void favouritingAnswersTheStandingAndIsIdempotent()
    {
        const Account ada = signUp("ada");
        const QString slug = m_seedSlugs.first();
        auto answer = put("/article/" + slug + "/favorite", ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(sortedKeys(answer.json()), sorted({ "favorited", "favoritesCount", "followingAuthor" }));
        QCOMPARE(answer.json().value("favorited").toBool(), true);
        QCOMPARE(answer.json().value("favoritesCount").toInteger(), 1);
        QCOMPARE(answer.json().value("followingAuthor").toBool(), false);
        // Again: nothing changes.
        answer = put("/article/" + slug + "/favorite", ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("favoritesCount").toInteger(), 1);
        // Another reader's favourite counts too, and each sees their own mark.
        const Account bob = signUp("bob");
        QCOMPARE(
            put("/article/" + slug + "/favorite", bob.token).json().value("favoritesCount").toInteger(), 2);

        auto article = m_http.get(url("/article/" + slug), ada.token);
        QCOMPARE(article.status, 200);
        QCOMPARE(article.json().value("favorited").toBool(), true);
        QCOMPARE(article.json().value("favoritesCount").toInteger(), 2);
        QCOMPARE(article.header("Cache-Control"), QByteArray("private"));
        article = m_http.get(url("/article/" + slug), m_seed.token);
        QCOMPARE(article.json().value("favorited").toBool(), false);
        QCOMPARE(article.json().value("favoritesCount").toInteger(), 2);
        // Anonymous readers get the article as before, without anybody's standing.
        article = m_http.get(url("/article/" + slug));
        QCOMPARE(article.status, 200);
        QVERIFY(!article.json().contains("favorited"));
        QVERIFY(!article.json().contains("favoritesCount"));

        answer = m_http.del(url("/article/" + slug + "/favorite"), ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("favorited").toBool(), false);
        QCOMPARE(answer.json().value("favoritesCount").toInteger(), 1);
        answer = m_http.del(url("/article/" + slug + "/favorite"), ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("favoritesCount").toInteger(), 1);
    }

    void favouritingNeedsATokenAndAnArticle()
    {
        const QString slug = m_seedSlugs.first();
        auto answer = put("/article/" + slug + "/favorite", {});
        QCOMPARE(answer.status, 401);
        QVERIFY(!answer.json().value("error").toString().isEmpty());
        QCOMPARE(m_http.del(url("/article/" + slug + "/favorite")).status, 401);
        QCOMPARE(put("/article/" + slug + "/favorite", "not-a-token").status, 401);
        answer = put("/article/no-such-article/favorite", m_seed.token);
        QCOMPARE(answer.status, 404);
        QCOMPARE(answer.json().value("notFound").toBool(), true);
        QCOMPARE(m_http.del(url("/article/no-such-article/favorite"), m_seed.token).status, 404);
        // Other methods: 405 with the ones it takes.
        answer = m_http.post(url("/article/" + slug + "/favorite"), {}, m_seed.token);
        QCOMPARE(answer.status, 405);
        QCOMPARE(answer.header("Allow"), QByteArray("PUT, DELETE"));
    }

    void aBadTokenOnAnArticleIs401()
    {
        const auto answer = m_http.get(url("/article/" + m_seedSlugs.first()), "expired-or-forged");
        QCOMPARE(answer.status, 401);
    }

    void theFavoritedFilterListsAUsersFavourites()
    {
        const Account ada = signUp("ada");
        const QString query = "?order=newest&favorited=" + QString::number(ada.id);
        // Cached empty first, so the favourite has to drop it.
        QCOMPARE(listing(query).value("total").toInteger(), 0);
        QCOMPARE(put("/article/" + m_seedSlugs[2] + "/favorite", ada.token).status, 200);
        QCOMPARE(put("/article/" + m_seedSlugs[0] + "/favorite", ada.token).status, 200);
        QJsonObject page = listing(query);
        QCOMPARE(slugsOf(page), QStringList({ m_seedSlugs[0], m_seedSlugs[2] }));
        QCOMPARE(page.value("total").toInteger(), 2);
        // The seed listing's item shape, nothing more.
        QCOMPARE(sortedKeys(page.value("items").toArray().first().toObject()),
            sorted({ "author", "authorName", "description", "slug", "tags", "title", "totalComments" }));
        // Paged like the listing.
        QCOMPARE(slugsOf(listing(query + "&limit=1&offset=1")), QStringList { m_seedSlugs[2] });
        // Anybody may ask; nobody else's favourites show.
        QCOMPARE(slugsOf(listing(query, m_seed.token)).size(), 2);
        QCOMPARE(listing("?favorited=" + QString::number(m_seed.id)).value("total").toInteger(), 0);

        QCOMPARE(m_http.del(url("/article/" + m_seedSlugs[0] + "/favorite"), ada.token).status, 200);
        QCOMPARE(slugsOf(listing(query)), QStringList { m_seedSlugs[2] });
        // Deleting the article takes it out.
        QCOMPARE(
            m_http
                .del(url("/article/"
                         + QString::number(
                             m_http.get(url("/article/" + m_seedSlugs[2])).json().value("id").toInteger())),
                    m_seed.token)
                .status,
            200);
        QCOMPARE(listing(query).value("total").toInteger(), 0);
    }

    void theFeedListsTheArticlesOfFollowedAuthors()
    {
        const Account ada = signUp("ada");
        const Account bob = signUp("bob");
        const QString bobsSlug = articleWithTitle("Bob writes", bob.token, { "bobs" });
        QVERIFY(!bobsSlug.isEmpty());
        QCOMPARE(listing("?feed=true", ada.token).value("total").toInteger(), 0);

        auto answer = put("/user/" + QString::number(m_seed.id) + "/follow", ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("id").toInteger(), m_seed.id);
        QCOMPARE(answer.json().value("following").toBool(), true);
        QCOMPARE(put("/user/" + QString::number(m_seed.id) + "/follow", ada.token).status, 200);
        QJsonObject feed = listing("?feed=true&order=newest", ada.token);
        QCOMPARE(slugsOf(feed), m_seedSlugs);
        QCOMPARE(feed.value("total").toInteger(), 3);
        // The article says so to the follower.
        QCOMPARE(m_http.get(url("/article/" + bobsSlug), ada.token).json().value("followingAuthor").toBool(),
            false);
        QCOMPARE(
            m_http.get(url("/article/" + m_seedSlugs[0]), ada.token).json().value("followingAuthor").toBool(),
            true);

        QCOMPARE(put("/user/" + QString::number(bob.id) + "/follow", ada.token).status, 200);
        feed = listing("?feed=true&order=newest", ada.token);
        QCOMPARE(slugsOf(feed), QStringList({ bobsSlug }) + m_seedSlugs);
        // Filters combine; each reader has their own feed, private to them.
        QCOMPARE(slugsOf(listing("?feed=true&tag=bobs", ada.token)), QStringList { bobsSlug });
        QCOMPARE(listing("?feed=true", bob.token).value("total").toInteger(), 0);
        QCOMPARE(m_http.get(url("/article?feed=true"), ada.token).header("Cache-Control"),
            QByteArray("private, no-cache"));

        answer = m_http.del(url("/user/" + QString::number(m_seed.id) + "/follow"), ada.token);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value("following").toBool(), false);
        QCOMPARE(slugsOf(listing("?feed=true", ada.token)), QStringList { bobsSlug });
        // feed=false is no filter.
        QCOMPARE(listing("?feed=false").value("total").toInteger(), 4);
    }

    void followingNeedsATokenAndAnotherUser()
    {
        const QString seedFollow = "/user/" + QString::number(m_seed.id) + "/follow";
        QCOMPARE(put(seedFollow, {}).status, 401);
        QCOMPARE(m_http.del(url(seedFollow)).status, 401);
        auto answer = put(seedFollow, m_seed.token);
        QCOMPARE(answer.status, 400);
        QVERIFY(!answer.json().value("error").toString().isEmpty());
        QCOMPARE(put("/user/999999/follow", m_seed.token).status, 404);
        QCOMPARE(put("/user/abc/follow", m_seed.token).status, 404);
        QCOMPARE(put("/user/-1/follow", m_seed.token).status, 404);
        QCOMPARE(m_http.del(url("/user/999999/follow"), m_seed.token).status, 404);
        QCOMPARE(m_http.get(url(seedFollow), m_seed.token).status, 405);
    }

    void theFeedNeedsATokenAndFiltersAreChecked()
    {
        auto answer = m_http.get(url("/article?feed=true"));
        QCOMPARE(answer.status, 401);
        QCOMPARE(m_http.get(url("/article?feed=true"), "forged").status, 401);
        for (const QString bad : { "yes", "1", "" }) {
            answer = m_http.get(url("/article?feed=" + bad), m_seed.token);
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.json().value("field").toString(), QString("feed"));
        }
        for (const QString bad : { "abc", "0", "-3", "1.5", "" }) {
            answer = m_http.get(url("/article?favorited=" + bad));
            QCOMPARE(answer.status, 400);
            QCOMPARE(answer.json().value("field").toString(), QString("favorited"));
        }
        // An id nobody has: nothing.
        QCOMPARE(listing("?favorited=999999").value("total").toInteger(), 0);
    }

    void tagsListsTheTagsInUse()
    {
        auto answer = m_http.get(url("/tag"));
        QCOMPARE(answer.status, 200);
        QCOMPARE(sortedKeys(answer.json()), QStringList { "tags" });
        QStringList tags;
        for (const QJsonValue &tag : answer.json().value("tags").toArray())
            tags.append(tag.toString());
        QVERIFY(!tags.isEmpty());
        QCOMPARE(tags, sorted(tags));
        QVERIFY(!tags.contains("brand-new"));
        QVERIFY(!articleWithTitle("Tagged", m_seed.token, { "brand-new" }).isEmpty());
        answer = m_http.get(url("/tag"));
        QVERIFY(answer.json().value("tags").toArray().contains(QJsonValue("brand-new")));
    }
};

QTEST_GUILESS_MAIN(TestSocialApi)
#include "TestSocialApi.moc"
