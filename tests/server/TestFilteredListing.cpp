#include "ServiceParts.h"
#include "TestServer.h"

#include <QTest>

using namespace blog;
using namespace blog::test;

// ListingService's filtered listings (tag, author, favourited by), favourites and the tags in use,
// through their cache, on a real database (SQLite, or PostgreSQL in the pg run) without HTTP.
class TestFilteredListing : public QObject
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
    QStringList slugs(const ListingService::Filter &filter, int limit = 20, qint64 offset = 0)
    {
        return slugsOf(*m_parts->listing.filtered(filter, limit, offset));
    }
    static ListingService::Filter byTag(const QString &tag)
    {
        ListingService::Filter filter;
        filter.tag = tag;
        return filter;
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

    void filtersCombineAndCountEverythingThatMatches()
    {
        const User ada = m_parts->addUser("ada");
        const User bob = m_parts->addUser("bob");
        m_parts->addArticle(ada.id, "A1", { "x", "y" });
        m_parts->addArticle(bob.id, "B1", { "x" });
        m_parts->addArticle(ada.id, "A2", { "y" });
        m_parts->addArticle(ada.id, "A3", { "x" });

        QCOMPARE(slugs(byTag("x")), QStringList({ "a3", "b1", "a1" }));
        QCOMPARE(slugs(byTag("x"), 1, 1), QStringList { "b1" });
        QCOMPARE(m_parts->listing.filtered(byTag("x"), 1, 1)->total, 3);
        QCOMPARE(m_parts->listing.filtered(byTag("x"), 20, 5)->items.size(), 0);
        QCOMPARE(m_parts->listing.filtered(byTag("x"), 20, 5)->total, 3);

        ListingService::Filter byAda;
        byAda.authorUsername = "ADA";
        QCOMPARE(slugs(byAda), QStringList({ "a3", "a2", "a1" }));
        ListingService::Filter byAdaId;
        byAdaId.authorId = ada.id;
        byAdaId.tag = "y";
        QCOMPARE(slugs(byAdaId), QStringList({ "a2", "a1" }));
        byAdaId.newestFirst = false;
        QCOMPARE(slugs(byAdaId), QStringList({ "a1", "a2" }));
        ListingService::Filter nobody;
        nobody.authorUsername = "nobody";
        QCOMPARE(m_parts->listing.filtered(nobody, 20, 0)->total, 0);

        // Every column the RealWorld lists show is read.
        const ArticleListItem item = m_parts->listing.filtered(byTag("y"), 1, 0)->items.first();
        QCOMPARE(item.authorUsername, QStringLiteral("ada"));
        QCOMPARE(item.tags, QStringList { "y" });
        QVERIFY(item.id > 0);
        QVERIFY(item.createdAt.isValid());
        QCOMPARE(item.updatedAt, item.createdAt);
    }

    void favouritesCountFilterAndMarkPerReader()
    {
        const User ada = m_parts->addUser("ada");
        const User bob = m_parts->addUser("bob");
        const Article a1 = m_parts->addArticle(ada.id, "A1");
        const Article a2 = m_parts->addArticle(ada.id, "A2");
        ListingService::Filter favouredByBob;
        favouredByBob.favoritedByUsername = "bob";
        QCOMPARE(m_parts->listing.filtered(favouredByBob, 20, 0)->total, 0); // cached now

        QVERIFY(m_parts->favorites.favorite(bob.id, "a1"));
        QVERIFY(m_parts->favorites.favorite(bob.id, "a1")); // twice: one favourite
        QVERIFY(m_parts->favorites.favorite(ada.id, "a1"));
        QCOMPARE(slugs(favouredByBob), QStringList { "a1" });
        ListingService::Filter all;
        const auto page = m_parts->listing.filtered(all, 20, 0);
        QCOMPARE(page->items.at(1).slug, QStringLiteral("a1"));
        QCOMPARE(page->items.at(1).favoritesCount, 2);
        QCOMPARE(page->items.at(0).favoritesCount, 0);
        QCOMPARE(m_parts->listing.marks(bob.id, *page).favorited, QSet<qint64> { a1.id });
        QCOMPARE(m_parts->listing.marks(m_parts->addUser("cy").id, *page).favorited, QSet<qint64> {});

        const auto standing = m_parts->favorites.standing(a1, bob.id);
        QCOMPARE(standing.favoritesCount, 2);
        QVERIFY(standing.favorited);
        QVERIFY(!m_parts->favorites.standing(a2, bob.id).favorited);
        QVERIFY(!m_parts->favorites.standing(a1, std::nullopt).favorited);

        QVERIFY(m_parts->favorites.unfavorite(bob.id, "a1"));
        QCOMPARE(m_parts->listing.filtered(favouredByBob, 20, 0)->total, 0);
        QCOMPARE(m_parts->listing.filtered(all, 20, 0)->items.at(1).favoritesCount, 1);
        QCOMPARE(m_parts->favorites.favorite(bob.id, "no-such-article").error().subject,
            QStringLiteral("article"));

        // Deleting the article takes its favourites along.
        QVERIFY(m_parts->articles.remove(ada.id, a1.id));
        QCOMPARE(m_parts->favoriteRepository.count(a1.id), 0);
    }

    // Pages are cached; every write that changes one drops it at once.
    void writesDropCachedPages()
    {
        const User ada = m_parts->addUser("ada");
        const Article a1 = m_parts->addArticle(ada.id, "A1", { "x" });
        QCOMPARE(slugs(byTag("x")), QStringList { "a1" });
        const ListingService::Filter everything;
        QCOMPARE(m_parts->listing.filtered(everything, 1, 0)->total, 1); // counted by the anchors
        QCOMPARE(*m_parts->listing.tags(), QStringList { "x" });
        const quint64 misses = m_parts->filteredCache.pages.misses();
        QCOMPARE(slugs(byTag("x")), QStringList { "a1" });
        QCOMPARE(m_parts->filteredCache.pages.misses(), misses); // served from the cache

        m_parts->addArticle(ada.id, "A2", { "x", "z" });
        QCOMPARE(slugs(byTag("x")), QStringList({ "a2", "a1" }));
        QCOMPARE(m_parts->listing.filtered(everything, 1, 0)->total, 2);
        QCOMPARE(slugs(everything, 1, 1), QStringList { "a1" });
        QCOMPARE(*m_parts->listing.tags(), QStringList({ "x", "z" }));

        ArticlePatch patch;
        patch.tags = QStringList { "w" };
        QVERIFY(m_parts->articles.update(ada.id, a1.id, patch));
        QCOMPARE(slugs(byTag("x")), QStringList { "a2" });
        // Tags no article has any more are not listed.
        QCOMPARE(*m_parts->listing.tags(), QStringList({ "w", "x", "z" }));
        patch.tags = QStringList {};
        QVERIFY(m_parts->articles.update(ada.id, a1.id, patch));
        QCOMPARE(*m_parts->listing.tags(), QStringList({ "x", "z" }));
    }
};

QTEST_GUILESS_MAIN(TestFilteredListing)
#include "TestFilteredListing.moc"
