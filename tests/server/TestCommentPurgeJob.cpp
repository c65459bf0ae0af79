#include "CommentPurgeJob.h"
#include "CommentRepository.h"
#include "HttpClient.h"
#include "SqlQuery.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The cleanup job: comments soft-deleted long enough ago go for good, on its timer; the rest stay.
class TestCommentPurgeJob : public QObject
{
    Q_OBJECT

    qint64 count(TestServer &server, const QString &condition)
    {
        SqlQuery query(server.database().connection(), server.database().dialect(),
            "SELECT count(*) FROM comments WHERE " + condition);
        query.exec();
        return query.next() ? query.value(0).toLongLong() : -1;
    }

private slots:
    void purgesOnItsTimer()
    {
        TestServer server;
        HttpClient http;
        const QString token = http.signIn(server.url("/user/sign-in"), "foo@bar.com", "password123");
        QCOMPARE(http.del(server.url("/article/title-3-3/comment/4"), token).status, 200);
        QCOMPARE(http.del(server.url("/article/title-3-3/comment/5"), token).status, 200);
        SqlQuery(server.database().connection(), server.database().dialect(),
            "UPDATE comments SET deleted_at = '2020-01-01T00:00:00.000Z' WHERE id = 4")
            .exec();

        CommentRepository comments(server.database());
        CommentPurgeJob job(comments, 30);
        job.start(std::chrono::milliseconds(50));
        QVERIFY(QTest::qWaitFor([&] { return count(server, "id = 4") == 0; }, 5000));
        QCOMPARE(count(server, "id = 5"), 1); // deleted today: kept for now
        QCOMPARE(count(server, "deleted_at IS NULL"), 4);
        // What the API shows did not change: comment 5 was already hidden.
        QCOMPARE(http.get(server.url("/article/title-3-3")).json().value("comments").toArray().size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCommentPurgeJob)
#include "TestCommentPurgeJob.moc"
