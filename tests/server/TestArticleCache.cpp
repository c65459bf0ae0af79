#include "ArticleCache.h"

#include <QTest>

#include <future>
#include <thread>

using namespace blog;

namespace {

Article article(qint64 id, const QString &title)
{
    Article made;
    made.id = id;
    made.slug = QStringLiteral("slug-%1").arg(id);
    made.title = title;
    return made;
}

} // namespace

// The article cache alone: what it keeps, for how long, and what drops it.
class TestArticleCache : public QObject
{
    Q_OBJECT

private slots:
    void anArticleIsLoadedOnceUntilItExpires()
    {
        ArticleCache cache(std::chrono::milliseconds(200));
        int loads = 0;
        const auto load = [&] { return std::optional(article(1, QStringLiteral("v%1").arg(++loads))); };
        QCOMPARE(cache.get("slug-1", load)->title, QStringLiteral("v1"));
        QCOMPARE(cache.get("slug-1", load)->title, QStringLiteral("v1"));
        QCOMPARE(loads, 1);
        QTest::qWait(250);
        QCOMPARE(cache.get("slug-1", load)->title, QStringLiteral("v2"));
        QCOMPARE(cache.hits(), 1u);
        QCOMPARE(cache.misses(), 2u);
    }

    void aMissingArticleIsNotKept()
    {
        ArticleCache cache(std::chrono::minutes(1));
        int loads = 0;
        const auto none = [&] {
            ++loads;
            return std::optional<Article>();
        };
        QVERIFY(!cache.get("later", none));
        QVERIFY(!cache.get("later", none));
        QCOMPARE(loads, 2);
        // Posted now: found at once.
        QCOMPARE(cache.get("later", [] { return std::optional(article(9, "posted")); })->title, "posted");
    }

    void commentsDropOnlyTheirArticles()
    {
        ArticleCache cache(std::chrono::minutes(1));
        cache.get("slug-1", [] { return std::optional(article(1, "one")); });
        cache.get("slug-2", [] { return std::optional(article(2, "two")); });
        cache.forgetArticles({ 2, 77 });
        QCOMPARE(cache.get("slug-1", [] { return std::optional(article(1, "one again")); })->title, "one");
        QCOMPARE(
            cache.get("slug-2", [] { return std::optional(article(2, "two again")); })->title, "two again");
        cache.invalidate();
        QCOMPARE(
            cache.get("slug-1", [] { return std::optional(article(1, "one again")); })->title, "one again");
    }

    // A write that lands while an article is read from the database may be missing from what was read:
    // that article is answered but not kept.
    void anArticleReadWhileAWriteCameInIsNotKept()
    {
        ArticleCache cache(std::chrono::minutes(1));
        std::promise<void> reading;
        std::promise<void> release;
        std::thread reader([&] {
            cache.get("slug-1", [&] {
                reading.set_value();
                release.get_future().wait();
                return std::optional(article(1, "before the comment"));
            });
        });
        reading.get_future().wait();
        cache.forgetArticles({ 1 });
        release.set_value();
        reader.join();
        QCOMPARE(cache.get("slug-1", [] { return std::optional(article(1, "after")); })->title, "after");
    }

    void aFullCacheStartsAgain()
    {
        Article big = article(1, "big");
        big.text = QString(1000, QLatin1Char('x'));
        const qsizetype size = ArticleCache::sizeOf(big);
        QVERIFY(size > 2000);
        ArticleCache cache(std::chrono::minutes(1), size * 2 + size / 2); // room for two
        for (qint64 id = 1; id <= 3; ++id) {
            Article next = big;
            next.id = id;
            cache.get(QStringLiteral("slug-%1").arg(id), [&] { return std::optional(next); });
        }
        int loads = 0;
        const auto count = [&](qint64 id) {
            ++loads;
            return std::optional(article(id, "loaded"));
        };
        QCOMPARE(cache.get("slug-3", [&] { return count(3); })->title, "big"); // the newest stays
        QCOMPARE(cache.get("slug-1", [&] { return count(1); })->title, "loaded");
        QCOMPARE(loads, 1);
        // One larger than the whole bound is answered, never kept.
        Article huge = article(5, "huge");
        huge.text = QString(int(size * 2), QLatin1Char('y'));
        cache.get("slug-5", [&] { return std::optional(huge); });
        QCOMPARE(cache.get("slug-5", [&] { return count(5); })->title, "loaded");
    }

    void aTimeToLiveOfZeroKeepsNothing()
    {
        ArticleCache cache(std::chrono::milliseconds(0));
        int loads = 0;
        const auto load = [&] {
            ++loads;
            return std::optional(article(1, "x"));
        };
        cache.get("slug-1", load);
        cache.get("slug-1", load);
        QCOMPARE(loads, 2);
    }
};

QTEST_GUILESS_MAIN(TestArticleCache)
#include "TestArticleCache.moc"
