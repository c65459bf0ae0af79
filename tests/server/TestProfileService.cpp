#include "ServiceParts.h"
#include "TestServer.h"

#include <QTest>

using namespace blog;
using namespace blog::test;

// Profiles by username, follows and the feed they make, on a real database (SQLite, or PostgreSQL in
// the pg run) without HTTP.
class TestProfileService : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ServiceParts> m_parts;

    static QStringList slugsOf(const ArticlePage &page)
    {
        QStringList slugs;
        for (const ArticleListItem &item : page.items)
            slugs.append(item.slug);
        return slugs;
    }

private slots:
    void init()
    {
        TestServer::Options options;
        options.seed = false;
        m_server = std::make_unique<TestServer>(options);
        m_parts = std::make_unique<ServiceParts>(m_server->database());
    }
    void cleanup()
    {
        m_parts.reset();
        m_server.reset();
    }

    void profilesAreFoundByUsernameInAnyCase()
    {
        const User ada = m_parts->addUser("Ada");
        QVERIFY(ada.id > 0);
        const auto found = m_parts->profiles.find("aDA", std::nullopt);
        QVERIFY(found);
        QCOMPARE(found->id, ada.id);
        QCOMPARE(found->username, QStringLiteral("Ada"));
        QVERIFY(!found->following);
        const auto missing = m_parts->profiles.find("nobody", std::nullopt);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, Error::Kind::NotFound);
        QCOMPARE(missing.error().subject, QStringLiteral("profile"));
    }

    void followingIsIdempotentAndShowsForTheFollowerOnly()
    {
        const User ada = m_parts->addUser("ada");
        const User bob = m_parts->addUser("bob");
        const User cy = m_parts->addUser("cy");
        QVERIFY(m_parts->profiles.follow(ada.id, "BOB")->following);
        QVERIFY(m_parts->profiles.follow(ada.id, "bob")->following); // twice: still one follow
        QVERIFY(m_parts->profiles.find("bob", ada.id)->following);
        QVERIFY(!m_parts->profiles.find("bob", cy.id)->following);
        QVERIFY(!m_parts->profiles.find("ada", bob.id)->following);
        QVERIFY(!m_parts->profiles.unfollow(ada.id, "bob")->following);
        QVERIFY(!m_parts->profiles.find("bob", ada.id)->following);
        QVERIFY(!m_parts->profiles.unfollow(ada.id, "bob")->following); // not following: no error
        QCOMPARE(m_parts->profiles.follow(ada.id, "nobody").error().kind, Error::Kind::NotFound);
        QCOMPARE(m_parts->profiles.follow(ada.id, "ada").error().kind, Error::Kind::BadRequest);
    }

    // The feed: articles by the authors a reader follows, newest first, with the total; a follow or an
    // unfollow changes it at once, though pages are cached.
    void theFeedFollowsTheFollows()
    {
        const User reader = m_parts->addUser("reader");
        const User bob = m_parts->addUser("bob");
        const User cy = m_parts->addUser("cy");
        m_parts->addArticle(bob.id, "Bob one");
        m_parts->addArticle(cy.id, "Cy one");
        m_parts->addArticle(bob.id, "Bob two");
        ListingService::Filter feed;
        feed.feedOf = reader.id;
        QCOMPARE(m_parts->listing.filtered(feed, 20, 0)->total, 0);

        QVERIFY(m_parts->profiles.follow(reader.id, "bob"));
        auto page = m_parts->listing.filtered(feed, 20, 0);
        QCOMPARE(slugsOf(*page), QStringList({ "bob-two", "bob-one" }));
        QCOMPARE(page->total, 2);
        QCOMPARE(slugsOf(*m_parts->listing.filtered(feed, 1, 1)), QStringList { "bob-one" });
        QCOMPARE(m_parts->listing.filtered(feed, 1, 1)->total, 2);
        const auto marks = m_parts->listing.marks(reader.id, *page);
        QCOMPARE(marks.followedAuthors, QSet<qint64> { bob.id });

        QVERIFY(m_parts->profiles.follow(reader.id, "cy"));
        QCOMPARE(slugsOf(*m_parts->listing.filtered(feed, 20, 0)),
            QStringList({ "bob-two", "cy-one", "bob-one" }));
        QVERIFY(m_parts->profiles.unfollow(reader.id, "bob"));
        QCOMPARE(slugsOf(*m_parts->listing.filtered(feed, 20, 0)), QStringList { "cy-one" });
    }
};

QTEST_GUILESS_MAIN(TestProfileService)
#include "TestProfileService.moc"
