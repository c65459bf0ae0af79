#include "ListingCache.h"

#include <QTest>

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
