#include "ListingCache.h"
#include "ListingPositions.h"

#include <QTest>

#include <atomic>
#include <future>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

using namespace blog;

class TestListingCache : public QObject
{
    Q_OBJECT

private slots:
    void servesFromCacheUntilItExpires()
    {
        ListingCache cache(std::chrono::milliseconds(200));
        int loads = 0;
        const auto load = [&] { return QByteArray("page") + QByteArray::number(++loads); };
        const auto first = cache.page("k", load);
        const auto second = cache.page("k", load);
        QCOMPARE(loads, 1);
        QCOMPARE(second->body, first->body);
        QCOMPARE(second->etag, first->etag);
        QVERIFY(first->etag.startsWith('"') && first->etag.endsWith('"'));
        QTest::qWait(250);
        QCOMPARE(cache.page("k", load)->body, QByteArray("page2"));
        QCOMPARE(cache.hits(), 1u);
        QCOMPARE(cache.misses(), 2u);
    }

    void anExpiredPageIsMadeOnceWhileOthersGetThePreviousOne()
    {
        ListingCache cache(std::chrono::milliseconds(100));
        QCOMPARE(cache.page("k", [] { return QByteArray("old"); })->body, QByteArray("old"));
        QTest::qWait(150);
        std::promise<void> loading;
        std::promise<void> release;
        QByteArray refilled;
        std::thread refiller([&] {
            refilled = cache
                           .page("k",
                               [&] {
                                   loading.set_value();
                                   release.get_future().wait();
                                   return QByteArray("new");
                               })
                           ->body;
        });
        loading.get_future().wait();
        int otherLoads = 0;
        const auto meanwhile = cache.page("k", [&] {
            ++otherLoads;
            return QByteArray("other");
        });
        release.set_value();
        refiller.join();
        QCOMPARE(refilled, QByteArray("new"));
        QCOMPARE(otherLoads, 0);
        QCOMPARE(meanwhile->body, QByteArray("old"));
        QCOMPARE(cache.page("k", [] { return QByteArray("unused"); })->body, QByteArray("new"));

        // A write in between: nobody gets the old page, whoever asks makes a new one.
        cache.invalidate();
        QCOMPARE(cache.page("k", [] { return QByteArray("after the write"); })->body,
            QByteArray("after the write"));
    }

    void aFailedRefillLetsTheNextRequestTryAgain()
    {
        ListingCache cache(std::chrono::milliseconds(50));
        cache.page("k", [] { return QByteArray("old"); });
        QTest::qWait(80);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
            cache.page("k", []() -> QByteArray { throw std::runtime_error("database gone"); }));
        QCOMPARE(cache.page("k", [] { return QByteArray("again"); })->body, QByteArray("again"));
    }

    // ListingPositions: read at once when there are none or articles changed; read again in the
    // background when they only expired, the previous ones served meanwhile.
    void anchorsExpireInTheBackgroundButChangesWait()
    {
        std::atomic_int changed { 0 };
        ListingPositions positions(std::chrono::milliseconds(100), [&] { ++changed; });
        std::atomic_int total { 10 };
        std::atomic_int loads { 0 };
        std::mutex threadsMutex;
        std::set<std::thread::id> threads; // where loads ran
        const auto load = [&] {
            ++loads;
            {
                const std::lock_guard lock(threadsMutex);
                threads.insert(std::this_thread::get_id());
            }
            ListingPositions::Anchors anchors;
            anchors.total = total;
            return anchors;
        };
        QCOMPARE(positions.anchors(load)->total, 10);
        QCOMPARE(positions.anchors(load)->total, 10);
        QCOMPARE(loads.load(), 1);

        total = 11; // behind the server's back
        QTest::qWait(150);
        QCOMPARE(positions.anchors(load)->total, 10); // the previous ones, while a refresh runs
        positions.waitForRefresh();
        QCOMPARE(loads.load(), 2);
        QCOMPARE(changed.load(), 1);
        QCOMPARE(positions.anchors(load)->total, 11);

        total = 12; // through a write of ours
        positions.invalidate();
        QCOMPARE(positions.anchors(load)->total, 12); // at once
        QCOMPARE(loads.load(), 3);
        QCOMPARE(changed.load(), 1); // nothing to drop: no page was made from stale ones

        QTest::qWait(150); // expired, and the same again: nothing to drop
        positions.anchors(load);
        positions.waitForRefresh();
        QCOMPARE(loads.load(), 4);
        QCOMPARE(changed.load(), 1);
        // Both background refreshes ran on the same long-lived thread (with one database connection),
        // not on a new thread each.
        QCOMPARE(threads.size(), std::size_t(2));
        QVERIFY(threads.count(std::this_thread::get_id()) == 1);
    }

    // With a change mark, an expired refresh reads the mark and the anchors only when it moved.
    void anchorsWithAMarkAreReadAgainOnlyWhenItMoves()
    {
        std::atomic_int changed { 0 };
        ListingPositions positions(std::chrono::milliseconds(100), [&] { ++changed; });
        std::atomic<qint64> mark { 7 };
        std::atomic_int total { 10 };
        std::atomic_int loads { 0 };
        std::atomic_int markReads { 0 };
        const auto readMark = [&]() -> std::optional<qint64> {
            ++markReads;
            return mark.load();
        };
        const auto load = [&] {
            ++loads;
            ListingPositions::Anchors anchors;
            anchors.total = total;
            anchors.changeMark = readMark();
            return anchors;
        };
        QCOMPARE(positions.anchors(load, readMark)->total, 10);
        QCOMPARE(loads.load(), 1);

        for (int round = 0; round < 2; ++round) { // expired, the mark where it was: kept
            QTest::qWait(150);
            positions.anchors(load, readMark);
            positions.waitForRefresh();
        }
        QCOMPARE(loads.load(), 1);
        QCOMPARE(markReads.load(), 3);

        total = 11; // behind the server's back, and the mark moves with it
        mark = 8;
        QTest::qWait(150);
        QCOMPARE(positions.anchors(load, readMark)->total, 10);
        positions.waitForRefresh();
        QCOMPARE(loads.load(), 2);
        QCOMPARE(changed.load(), 1);
        QCOMPARE(positions.anchors(load, readMark)->total, 11);

        // After our own write the mark is not asked: the anchors are read at once.
        total = 12;
        positions.invalidate();
        QCOMPARE(positions.anchors(load, readMark)->total, 12);
        QCOMPARE(loads.load(), 3);
    }

    // A mark that does not move is trusted for a while only: a change it does not count (a TRUNCATE on
    // PostgreSQL) shows when that is up.
    void anUnmovedMarkIsTrustedForAWhileOnly()
    {
        ListingPositions positions(std::chrono::milliseconds(50), {}, std::chrono::milliseconds(400));
        std::atomic_int total { 10 };
        std::atomic_int loads { 0 };
        const auto readMark = []() -> std::optional<qint64> { return 7; };
        const auto load = [&] {
            ++loads;
            ListingPositions::Anchors anchors;
            anchors.total = total;
            anchors.changeMark = 7;
            return anchors;
        };
        positions.anchors(load, readMark);
        total = 0; // behind the server's back, uncounted
        QTest::qWait(100);
        positions.anchors(load, readMark);
        positions.waitForRefresh();
        QCOMPARE(loads.load(), 1); // kept by the mark
        QTest::qWait(400);
        positions.anchors(load, readMark);
        positions.waitForRefresh();
        QCOMPARE(loads.load(), 2);
        QCOMPARE(positions.anchors(load, readMark)->total, 0);
    }

    void keysAreSeparate()
    {
        ListingCache cache;
        cache.page("a", [] { return QByteArray("A"); });
        QCOMPARE(cache.page("b", [] { return QByteArray("B"); })->body, QByteArray("B"));
    }

    void invalidateDropsEverything()
    {
        ListingCache cache;
        int loads = 0;
        const auto load = [&] { return QByteArray::number(++loads); };
        cache.page("k", load);
        cache.invalidate();
        cache.page("k", load);
        QCOMPARE(loads, 2);
    }

    void invalidateArticlesDropsOnlyThePagesShowingThem()
    {
        ListingCache cache;
        int loads = 0;
        const auto showing = [&](QList<qint64> articles) {
            return [&loads, articles] { return ListingCache::Made(QByteArray::number(++loads), articles); };
        };
        cache.page("1-2", showing({ 1, 2 }));
        cache.page("3", showing({ 3 }));
        cache.page("none", showing({}));
        cache.page("unsaid", [&] { return QByteArray::number(++loads); }); // says nothing: shows anything
        QCOMPARE(loads, 4);
        const quint64 generation = cache.generation();

        cache.invalidateArticles({ 7, 2 });
        QVERIFY(cache.generation() != generation); // what is made from the listing is made again
        QVERIFY(!cache.find("1-2"));
        QVERIFY(!cache.find("unsaid"));
        QVERIFY(cache.find("3"));
        QVERIFY(cache.find("none"));
        cache.page("3", showing({ 3 }));
        cache.page("none", showing({}));
        QCOMPARE(loads, 4);
        cache.page("1-2", showing({ 1, 2 }));
        QCOMPARE(loads, 5);

        // A page being made meanwhile may or may not show the comment: not kept.
        cache.page("4", [&] {
            cache.invalidateArticles({ 9 });
            return ListingCache::Made(QByteArray::number(++loads), QList<qint64> { 4 });
        });
        QVERIFY(!cache.find("4"));
        QVERIFY(cache.find("3"));
    }

    void anExpiredPageGoesWithATargetedInvalidation()
    {
        // Else, stamped anew while a thread makes it again (whose page the bump keeps out), the expired
        // page would be sent on for as long as comments keep coming.
        ListingCache cache(std::chrono::milliseconds(50));
        cache.page("k", [] { return ListingCache::Made(QByteArray("old"), QList<qint64> { 1 }); });
        QTest::qWait(80);
        std::shared_ptr<const ListingCache::Page> meanwhile;
        cache.page("k", [&] {
            cache.invalidateArticles({ 2 });
            meanwhile = cache.find("k"); // what other threads get while this one makes the page
            return ListingCache::Made(QByteArray("new"), QList<qint64> { 1 });
        });
        QVERIFY(!meanwhile);
        QCOMPARE(cache.page("k", [] { return ListingCache::Made(QByteArray("newer"), QList<qint64> { 1 }); })
                     ->body,
            QByteArray("newer"));
    }

    void aPageLoadedAcrossAWriteIsNotKept()
    {
        // The load read the database before the write committed: it may not show the write.
        ListingCache cache;
        int loads = 0;
        cache.page("k", [&] {
            ++loads;
            cache.invalidate();
            return QByteArray("stale");
        });
        cache.page("k", [&] {
            ++loads;
            return QByteArray("fresh");
        });
        QCOMPARE(loads, 2);
    }

    void sameBodySameEtag()
    {
        ListingCache cache;
        const QByteArray etag = cache.page("k", [] { return QByteArray("x"); })->etag;
        cache.invalidate();
        QCOMPARE(cache.page("k", [] { return QByteArray("x"); })->etag, etag);
        cache.invalidate();
        QVERIFY(cache.page("k", [] { return QByteArray("y"); })->etag != etag);
    }
};

QTEST_GUILESS_MAIN(TestListingCache)
#include "TestListingCache.moc"
