#include "RouteTable.h"

#include <QTest>

using namespace blog;

class TestRouteTable : public QObject
{
    Q_OBJECT

private:
    static RouteTable articleRoutes()
    {
        RouteTable table;
        const auto answer = [](const HttpRequest &, const PathArguments &) { return Reply::success(); };
        table.add("GET", QStringLiteral("/article"), answer);
        table.add("POST", QStringLiteral("/article"), answer);
        table.add("GET", QStringLiteral("/article/:slug"), answer);
        table.add("PATCH", QStringLiteral("/article/:id"), answer);
        table.add("DELETE", QStringLiteral("/article/:id"), answer);
        table.add("DELETE", QStringLiteral("/article/:slug/comment/:id"), answer);
        return table;
    }

private slots:
    void argumentsAreDecodedSegments()
    {
        const RouteTable table = articleRoutes();
        PathArguments arguments;
        const auto &comment = table.routes().back();
        QVERIFY(RouteTable::matches(
            comment, RouteTable::segmentsOf(u"/article/caf%C3%A9%2Fau-lait/comment/7"), &arguments));
        QCOMPARE(arguments, (PathArguments { QStringLiteral("café/au-lait"), QStringLiteral("7") }));
    }

    void literalsAndSegmentCountsMustMatch()
    {
        const RouteTable table = articleRoutes();
        const auto &bySlug = table.routes()[2];
        QVERIFY(RouteTable::matches(bySlug, RouteTable::segmentsOf(u"/article/x"), nullptr));
        QVERIFY(
            !RouteTable::matches(bySlug, RouteTable::segmentsOf(u"/article/"), nullptr)); // empty argument
        QVERIFY(!RouteTable::matches(bySlug, RouteTable::segmentsOf(u"/article/x/y"), nullptr));
        QVERIFY(!RouteTable::matches(bySlug, RouteTable::segmentsOf(u"/articles/x"), nullptr));
    }

    void allowListsEachMethodOfThePathOnce()
    {
        const RouteTable table = articleRoutes();
        QCOMPARE(table.allowedMethods(RouteTable::segmentsOf(u"/article")), QByteArray("GET, POST"));
        // :slug and :id are the same shape of path: every method on it counts.
        QCOMPARE(
            table.allowedMethods(RouteTable::segmentsOf(u"/article/x")), QByteArray("GET, PATCH, DELETE"));
        QCOMPARE(table.allowedMethods(RouteTable::segmentsOf(u"/article/x/comment/1")), QByteArray("DELETE"));
        QCOMPARE(table.allowedMethods(RouteTable::segmentsOf(u"/nothing")), QByteArray());
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "TestRouteTable.moc"
