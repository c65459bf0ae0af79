#include "HttpClient.h"
#include "JsonKeysOf.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

#include <algorithm>

using namespace blog::test;

namespace {

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &entry : value.toArray())
        list.append(entry.isString() ? entry.toString() : QStringLiteral("<not a string>"));
    return list;
}

QStringList slugsOf(const QJsonObject &page)
{
    QStringList slugs;
    for (const QJsonValue &item : page.value("items").toArray())
        slugs.append(item.toObject().value("slug").toString());
    return slugs;
}

} // namespace

// GET /article: the tutorial's listing over its SQL view, ordering, paging, validation of the query,
// ETags and the short-lived cache, over real HTTP against a seeded server.
class TestListingApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }
    QString seedToken()
    {
        return m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
            QString::fromLatin1(TestServer::SeedPassword));
    }
    QJsonObject page(const QString &query)
    {
        const auto response = m_http.get(url("/article" + query));
        return response.status == 200 ? response.json() : QJsonObject {};
    }
    qint64 totalCommentsOf(const QJsonObject &page, const QString &slug)
    {
        for (const QJsonValue &item : page.value("items").toArray()) {
            if (item.toObject().value("slug").toString() == slug)
                return item.toObject().value("totalComments").toInteger();
        }
        return -1;
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    // The tutorial's own test of the listing.
    void listingShowsTheSeededArticles()
    {
        const auto response = m_http.get(url("/article"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        const QJsonObject listing = response.json();
        QCOMPARE(sortedKeys(listing), sorted({ "items", "total" }));
        QCOMPARE(listing.value("total").toInteger(), 3);
        const QJsonArray items = listing.value("items").toArray();
        QCOMPARE(items.size(), 3);

        const QStringList slugs { "title-1-3", "title-2-3", "title-3-3" };
        const QStringList titles { "title 1/3", "title 2/3", "title 3/3" };
        const QStringList descriptions { "desc 1/3", "desc 2/3", "desc 3/3" };
        const QList<QStringList> tags { { "foo1", "foo2" }, { "foo2" }, { "foo2", "foo3" } };
        const QList<qint64> comments { 2, 1, 3 };
        for (qsizetype i = 0; i < items.size(); ++i) {
            const QJsonObject item = items.at(i).toObject();
            QCOMPARE(sortedKeys(item),
                sorted({ "slug", "title", "description", "tags", "author", "authorName", "totalComments" }));
            QCOMPARE(item.value("slug").toString(), slugs.at(i));
            QCOMPARE(item.value("title").toString(), titles.at(i));
            QCOMPARE(item.value("description").toString(), descriptions.at(i));
            QCOMPARE(strings(item.value("tags")), tags.at(i));
            QVERIFY(item.value("author").isDouble());
            QCOMPARE(item.value("author").toInteger(), 1);
            QCOMPARE(item.value("authorName").toString(), QStringLiteral("Foo Bar"));
            QVERIFY(item.value("totalComments").isDouble());
            QCOMPARE(item.value("totalComments").toInteger(), comments.at(i));
        }
    }

    void orderNewestReverses()
    {
        const QStringList oldest { "title-1-3", "title-2-3", "title-3-3" };
        QCOMPARE(slugsOf(page("?order=oldest")), oldest);
        QCOMPARE(slugsOf(page("")), oldest);
        const QJsonObject newest = page("?order=newest");
        QCOMPARE(slugsOf(newest), QStringList({ "title-3-3", "title-2-3", "title-1-3" }));
        QCOMPARE(newest.value("total").toInteger(), 3);
        QCOMPARE(slugsOf(page("?order=newest&limit=1&offset=1")), QStringList { "title-2-3" });
    }

    void invalidQueriesAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("order=bogus") << "?order=bogus"
                                     << "order";
        QTest::newRow("order=NEWEST") << "?order=NEWEST"
                                      << "order";
        QTest::newRow("limit=101") << "?limit=101"
                                   << "limit";
        QTest::newRow("limit=0") << "?limit=0"
                                 << "limit";
        QTest::newRow("limit=-1") << "?limit=-1"
                                  << "limit";
        QTest::newRow("limit=abc") << "?limit=abc"
                                   << "limit";
        QTest::newRow("limit=") << "?limit="
                                << "limit";
        QTest::newRow("offset=-1") << "?offset=-1"
                                   << "offset";
        QTest::newRow("offset=1.5") << "?offset=1.5"
                                    << "offset";
        QTest::newRow("offset=abc") << "?offset=abc"
                                    << "offset";
        QTest::newRow("tag=") << "?tag="
                              << "tag";
        QTest::newRow("tag too long") << "?tag=" + QString(41, QLatin1Char('t')) << "tag";
        QTest::newRow("author=abc") << "?author=abc"
                                    << "author";
        QTest::newRow("author=0") << "?author=0"
                                  << "author";
    }

    void invalidQueriesAre400()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const auto response = m_http.get(url("/article" + query));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        QVERIFY(!response.json().value("error").toString().isEmpty());
    }

    // ?tag= and ?author=<id> narrow the listing, alone or together, with the total of what matches;
    // a write shows in a filtered page at once.
    void filtersByTagAndAuthor()
    {
        QCOMPARE(slugsOf(page("?tag=foo1")), QStringList { "title-1-3" });
        QCOMPARE(slugsOf(page("?tag=foo2")), QStringList({ "title-1-3", "title-2-3", "title-3-3" }));
        QCOMPARE(page("?tag=foo2&limit=1").value("total").toInteger(), 3);
        QCOMPARE(slugsOf(page("?tag=foo2&order=newest&limit=1&offset=1")), QStringList { "title-2-3" });
        QCOMPARE(page("?tag=nothing").value("total").toInteger(), 0);
        QCOMPARE(page("?author=1").value("total").toInteger(), 3);
        QCOMPARE(page("?author=999").value("total").toInteger(), 0);
        QCOMPARE(sortedKeys(page("?tag=foo1").value("items").toArray().first().toObject()),
            sortedKeys(page("").value("items").toArray().first().toObject()));

        const QString other
            = m_http.signUp(url("/user/sign-up"), "other@example.com", "Other Author", "password123");
        QVERIFY(!other.isEmpty());
        const auto created = m_http.post(url("/article"),
            { { "title", "Another foo1" }, { "description", "d" }, { "text", "t" },
                { "tags", QJsonArray { "foo1" } } },
            other);
        QCOMPARE(created.status, 201);
        const qint64 otherId = created.json().value("author").toObject().value("id").toInteger();
        QCOMPARE(slugsOf(page("?tag=foo1")), QStringList({ "title-1-3", "another-foo1" }));
        QCOMPARE(
            slugsOf(page("?tag=foo1&author=" + QString::number(otherId))), QStringList { "another-foo1" });
        QCOMPARE(slugsOf(page("?tag=foo3&author=" + QString::number(otherId))), QStringList {});
        QCOMPARE(page("?author=1&tag=foo1").value("total").toInteger(), 1);

        const QString articleId = QString::number(created.json().value("id").toInteger());
        QCOMPARE(m_http.del(url("/article/" + articleId), other).status, 200);
        QCOMPARE(slugsOf(page("?tag=foo1")), QStringList { "title-1-3" });
    }

    void paginationWalksEveryArticleOnce()
    {
        const QString token = seedToken();
        QVERIFY(!token.isEmpty());
        for (int i = 1; i <= 25; ++i) {
            const auto created = m_http.post(url("/article"),
                { { "title", QStringLiteral("Extra %1").arg(i) }, { "description", "d" }, { "text", "t" } },
                token);
            QCOMPARE(created.status, 201);
        }

        QStringList seen;
        const QList<int> expectedSizes { 10, 10, 8 };
        for (int pageIndex = 0; pageIndex < 3; ++pageIndex) {
            const QJsonObject current = page(QStringLiteral("?limit=10&offset=%1").arg(pageIndex * 10));
            QCOMPARE(current.value("total").toInteger(), 28);
            const QStringList slugs = slugsOf(current);
            QCOMPARE(slugs.size(), expectedSizes.at(pageIndex));
            for (const QString &slug : slugs) {
                QVERIFY2(!seen.contains(slug), qPrintable(slug));
                seen.append(slug);
            }
        }
        QCOMPARE(seen.size(), 28);
        QCOMPARE(seen.mid(0, 4), QStringList({ "title-1-3", "title-2-3", "title-3-3", "extra-1" }));
        QCOMPARE(seen.last(), QStringLiteral("extra-25"));

        const QJsonObject byDefault = page("");
        QCOMPARE(byDefault.value("total").toInteger(), 28);
        QCOMPARE(slugsOf(byDefault), seen.mid(0, 20));

        const QJsonObject hundred = page("?limit=100");
        QCOMPARE(hundred.value("total").toInteger(), 28);
        QCOMPARE(slugsOf(hundred), seen);

        const QJsonObject newest = page("?order=newest&limit=10&offset=20");
        QStringList reversed = seen.mid(0, 8);
        std::reverse(reversed.begin(), reversed.end());
        QCOMPARE(slugsOf(newest), reversed);
    }

    void anOffsetPastTheEndGivesAnEmptyPage_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("offset=3") << "?offset=3";
        QTest::newRow("offset=50") << "?offset=50";
        QTest::newRow("offset=1000000&limit=100") << "?offset=1000000&limit=100";
    }

    void anOffsetPastTheEndGivesAnEmptyPage()
    {
        QFETCH(QString, query);
        const auto response = m_http.get(url("/article" + query));
        QCOMPARE(response.status, 200);
        QVERIFY(response.json().value("items").isArray());
        QCOMPARE(response.json().value("items").toArray().size(), 0);
        QCOMPARE(response.json().value("total").toInteger(), 3);
    }

    // ---- ETag and Cache-Control

    void aMatchingEtagGives304()
    {
        const auto first = m_http.get(url("/article"));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        QVERIFY2(etag.startsWith('"') && etag.endsWith('"') && etag.size() > 2, etag.constData());
        QVERIFY(!first.header("Cache-Control").isEmpty());
        QVERIFY2(
            first.header("Cache-Control").contains("no-cache"), first.header("Cache-Control").constData());

        const auto again = m_http.get(url("/article"), {}, { { "If-None-Match", etag } });
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);

        // Another page is another representation.
        const auto other = m_http.get(url("/article?limit=1"), {}, { { "If-None-Match", etag } });
        QCOMPARE(other.status, 200);
        QVERIFY(other.header("ETag") != etag);
        QCOMPARE(other.json().value("items").toArray().size(), 1);
    }

    void aWriteChangesTheEtagAtOnce()
    {
        const auto first = m_http.get(url("/article"));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        QCOMPARE(totalCommentsOf(first.json(), "title-2-3"), 1);

        const auto posted
            = m_http.post(url("/article/title-2-3/comment"), { { "text", "A new comment" } }, seedToken());
        QCOMPARE(posted.status, 201);

        // No waiting for the cache to expire: the write cleared it.
        const auto after = m_http.get(url("/article"), {}, { { "If-None-Match", etag } });
        QCOMPARE(after.status, 200);
        QVERIFY(!after.header("ETag").isEmpty());
        QVERIFY(after.header("ETag") != etag);
        QCOMPARE(totalCommentsOf(after.json(), "title-2-3"), 2);

        const auto unchanged = m_http.get(url("/article"), {}, { { "If-None-Match", after.header("ETag") } });
        QCOMPARE(unchanged.status, 304);
    }

    // A comment changes one article's count: the cached pages showing it go at once, the others stay
    // until they expire (a change made behind the server's back shows which pages were made again).
    void aCommentDropsOnlyThePagesShowingItsArticle()
    {
        m_server.reset();
        TestServer::Options options;
        options.listingCacheTtl = std::chrono::minutes(1);
        m_server = std::make_unique<TestServer>(options);
        const QString token = seedToken();
        QCOMPARE(slugsOf(page("?limit=1&offset=0")), QStringList { "title-1-3" });
        QCOMPARE(slugsOf(page("?limit=1&offset=1")), QStringList { "title-2-3" });
        QCOMPARE(totalCommentsOf(page("?limit=1&offset=1"), "title-2-3"), 1);
        QCOMPARE(slugsOf(page("")).size(), 3);
        {
            SideConnection side(m_server->databaseUrl());
            QVERIFY(side.exec("UPDATE articles SET title = 'Changed aside'"));
        }
        const auto title = [](const QJsonObject &page) {
            return page.value("items").toArray().first().toObject().value("title").toString();
        };

        const auto posted
            = m_http.post(url("/article/title-2-3/comment"), { { "text", "On the second" } }, token);
        QCOMPARE(posted.status, 201);
        const QJsonObject second = page("?limit=1&offset=1");
        QCOMPARE(totalCommentsOf(second, "title-2-3"), 2);
        QCOMPARE(title(second), QStringLiteral("Changed aside")); // made again
        QCOMPARE(title(page("?limit=1&offset=0")), QStringLiteral("title 1/3")); // kept
        QCOMPARE(title(page("")), QStringLiteral("Changed aside")); // shows title-2-3 too
        QCOMPARE(totalCommentsOf(page(""), "title-2-3"), 2);

        // A delete the same way.
        const qint64 comment = posted.json().value("id").toInteger();
        QCOMPARE(
            m_http.del(url(QStringLiteral("/article/title-2-3/comment/%1").arg(comment)), token).status, 200);
        QCOMPARE(totalCommentsOf(page("?limit=1&offset=1"), "title-2-3"), 1);
        QCOMPARE(title(page("?limit=1&offset=0")), QStringLiteral("title 1/3"));
    }

    void ifNoneMatchForms_data()
    {
        QTest::addColumn<QByteArray>("ifNoneMatch"); // ETAG stands for the current ETag
        QTest::addColumn<int>("status");
        QTest::newRow("exact") << QByteArray("ETAG") << 304;
        QTest::newRow("star") << QByteArray("*") << 304;
        QTest::newRow("list") << QByteArray("\"x\", ETAG") << 304;
        QTest::newRow("list without spaces") << QByteArray("\"x\",ETAG,\"y\"") << 304;
        QTest::newRow("weak") << QByteArray("W/ETAG") << 304;
        QTest::newRow("other tag") << QByteArray("\"x\"") << 200;
        QTest::newRow("other tags") << QByteArray("\"x\", \"y\"") << 200;
    }

    void ifNoneMatchForms()
    {
        QFETCH(QByteArray, ifNoneMatch);
        QFETCH(int, status);
        const auto first = m_http.get(url("/article"));
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const auto response
            = m_http.get(url("/article"), {}, { { "If-None-Match", ifNoneMatch.replace("ETAG", etag) } });
        QCOMPARE(response.status, status);
        QCOMPARE(response.header("ETag"), etag);
        if (status == 304)
            QVERIFY(response.body.isEmpty());
        else
            QCOMPARE(response.json().value("total").toInteger(), 3);
    }

    // ---- The cache and the view

    void theCacheServesOldRowsUntilItExpires()
    {
        m_server.reset();
        TestServer::Options options;
        options.listingCacheTtl = std::chrono::milliseconds(300);
        m_server = std::make_unique<TestServer>(options);

        const QJsonObject before = page("");
        QCOMPARE(before.value("total").toInteger(), 3);
        {
            SideConnection side(m_server->databaseUrl());
            QVERIFY(side.isOpen());
            QVERIFY(side.exec(
                "INSERT INTO articles (slug, title, description, text, author_id, created_at, updated_at) "
                "VALUES ('sneaky', 'Sneaky', 'd', 't', 1, '2026-01-01T00:00:00.000Z', "
                "'2026-01-01T00:00:00.000Z')"));
        }

        // Within the time to live: the cached page, without the row.
        const QJsonObject cached = page("");
        QCOMPARE(cached.value("total").toInteger(), 3);
        QVERIFY(!slugsOf(cached).contains("sneaky"));

        QTest::qWait(400);
        // The count expires too; it is read again on a thread of its own, and the pages made from the old
        // one are dropped when the new one is in: a moment after the time to live.
        QTRY_COMPARE_WITH_TIMEOUT(page("").value("total").toInteger(), 4, 2000);
        const QJsonObject fresh = page("");
        QCOMPARE(fresh.value("total").toInteger(), 4);
        QCOMPARE(slugsOf(fresh), QStringList({ "title-1-3", "title-2-3", "title-3-3", "sneaky" }));
        const QJsonObject sneaky = fresh.value("items").toArray().last().toObject();
        QCOMPARE(sneaky.value("authorName").toString(), QStringLiteral("Foo Bar"));
        QCOMPARE(sneaky.value("totalComments").toInteger(), 0);
        QVERIFY(sneaky.value("tags").isArray());
        QCOMPARE(sneaky.value("tags").toArray().size(), 0);

        // A row deleted the same way goes too (on PostgreSQL the anchors are read again only when its
        // statistics count an article inserted or deleted since the last read).
        {
            SideConnection side(m_server->databaseUrl());
            QVERIFY(side.isOpen());
            QVERIFY(side.exec("DELETE FROM articles WHERE slug = 'sneaky'"));
        }
        QTRY_COMPARE_WITH_TIMEOUT(page("").value("total").toInteger(), 3, 3000);
        QVERIFY(!slugsOf(page("")).contains("sneaky"));
    }

    // Pages past the first 128 articles start from anchors (ListingPositions) instead of an OFFSET: every
    // page, at every offset and in both orders, must be what a plain OFFSET over the table gives, also
    // right after articles come and go through the API.
    void deepPagesMatchTheTableAcrossAnchorsAndAfterChanges()
    {
        {
            SideConnection side(m_server->databaseUrl());
            QVERIFY(side.isOpen());
            QVERIFY(side.exec(
                "INSERT INTO articles (slug, title, description, text, author_id, created_at, updated_at) "
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1300) "
                "SELECT 'bulk-' || i, 'Bulk ' || i, 'd', 't', 1, '2026-01-01T00:00:00.000Z', "
                "'2026-01-01T00:00:00.000Z' FROM n"));
        }
        // (No request came before: nothing is cached yet.)
        const auto check = [this](const char *when) {
            SideConnection side(m_server->databaseUrl());
            const qint64 total = side.scalar("SELECT count(*) FROM articles").toLongLong();
            for (const char *order : { "oldest", "newest" }) {
                const QString direction = QLatin1String(order) == QLatin1String("oldest") ? "ASC" : "DESC";
                for (const qint64 offset :
                    { qint64(0), qint64(107), qint64(127), qint64(128), qint64(129), qint64(255), qint64(256),
                        qint64(490), qint64(511), qint64(512), qint64(513), qint64(700), qint64(1023),
                        qint64(1024), qint64(1025), total - 21, total - 20, total - 1, total, total + 5 }) {
                    const QJsonObject got
                        = page(QStringLiteral("?order=%1&limit=20&offset=%2").arg(order).arg(offset));
                    const QStringList expected = side.rows(
                        QStringLiteral("SELECT slug FROM articles ORDER BY id %1 LIMIT 20 OFFSET %2")
                            .arg(direction)
                            .arg(offset));
                    QVERIFY2(slugsOf(got) == expected,
                        qPrintable(QStringLiteral("%1, %2 at %3").arg(when, order).arg(offset)));
                    QCOMPARE(got.value("total").toInteger(), total);
                }
            }
        };
        check("after the bulk insert");
        if (QTest::currentTestFailed())
            return;

        // Gaps in the ids, and a new article at the end: the anchors are read again at once.
        const QString token = seedToken();
        for (const char *slug : { "bulk-5", "bulk-600", "bulk-601", "bulk-1200" }) {
            const qint64 id
                = m_http.get(url(QStringLiteral("/article/%1").arg(slug))).json().value("id").toInteger();
            QCOMPARE(m_http.del(url(QStringLiteral("/article/%1").arg(id)), token).status, 200);
        }
        QCOMPARE(m_http
                     .post(url("/article"), { { "title", "Fresh" }, { "description", "d" }, { "text", "t" } },
                         token)
                     .status,
            201);
        check("after deletes and a create");
    }

    void theListingIsAnSqlView()
    {
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.isOpen());
        QVERIFY(side.hasView("article_listing"));
        QCOMPARE(side.rows("SELECT slug, author_name, total_comments FROM article_listing ORDER BY id"),
            QStringList({ "title-1-3|Foo Bar|2", "title-2-3|Foo Bar|1", "title-3-3|Foo Bar|3" }));
        // Tags come as a JSON array text; SQLite and PostgreSQL space it differently.
        const QJsonArray tags = QJsonDocument::fromJson(
            side.scalar("SELECT tags FROM article_listing WHERE id = 3").toString().toUtf8())
                                    .array();
        QCOMPARE(tags, QJsonArray({ "foo2", "foo3" }));
    }
};

QTEST_GUILESS_MAIN(TestListingApi)
#include "TestListingApi.moc"
