#include "CommentRepository.h"
#include "Database.h"
#include "HttpClient.h"
#include "JsonKeysOf.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace blog::test;

// Comments: posting, the soft delete, and who may delete what, over real HTTP against a seeded server.
// Seed: title-1-3 (article 1) has comments 1 and 2, title-2-3 (2) has 3, title-3-3 (3) has 4..6.
class TestCommentApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }
    QUrl articleUrl(const QString &slug) const { return url("/article/" + slug); }
    QUrl commentsUrl(const QString &slug) const { return url("/article/" + slug + "/comment"); }
    QUrl commentUrl(const QString &slug, const QString &id) const
    {
        return url("/article/" + slug + "/comment/" + QString::fromLatin1(QUrl::toPercentEncoding(id)));
    }
    QUrl commentUrl(const QString &slug, qint64 id) const { return commentUrl(slug, QString::number(id)); }
    QString seedToken()
    {
        return m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
            QString::fromLatin1(TestServer::SeedPassword));
    }
    QString signUp(const QString &email, const QString &name)
    {
        return m_http.signUp(url("/user/sign-up"), email, name, "password123");
    }
    // The ids of the live comments in the article's detail, in order; {-1} if the detail is missing.
    QList<qint64> commentIds(const QString &slug)
    {
        const auto response = m_http.get(articleUrl(slug));
        if (response.status != 200)
            return { -1 };
        QList<qint64> ids;
        for (const QJsonValue &comment : response.json().value("comments").toArray())
            ids.append(comment.toObject().value("id").toInteger());
        return ids;
    }
    // totalComments of the article in the listing; -1 if it is not there.
    qint64 listedCount(const QString &slug)
    {
        const QJsonArray items = m_http.get(url("/article?limit=100")).json().value("items").toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value("slug").toString() == slug)
                return item.toObject().value("totalComments").toInteger();
        }
        return -1;
    }
    // Articles whose comment_count (kept by the writes for the listing) is not their live comments' count.
    qint64 miscounted()
    {
        SideConnection side(m_server->databaseUrl());
        return side
            .scalar(
                "SELECT count(*) FROM articles a WHERE a.comment_count <> (SELECT count(*) FROM comments c "
                "WHERE c.article_id = a.id AND c.deleted_at IS NULL)")
            .toLongLong();
    }
    // Posts a comment and returns its id (0 if that failed).
    qint64 comment(const QString &slug, const QString &text, const QString &token)
    {
        const auto response = m_http.post(commentsUrl(slug), { { "text", text } }, token);
        return response.status == 201 ? response.json().value("id").toInteger() : 0;
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    // ---- POST /article/:slug/comment

    void postReturnsTheCommentAndShowsItAtOnce()
    {
        QCOMPARE(listedCount("title-2-3"), 1); // fills the listing cache, which the post must clear
        const auto response
            = m_http.post(commentsUrl("title-2-3"), { { "text", "Great post" } }, seedToken());
        QCOMPARE(response.status, 201);
        const QJsonObject comment = response.json();
        QCOMPARE(sortedKeys(comment), sorted({ "id", "text", "article", "author", "createdAt" }));
        QCOMPARE(comment.value("id").toInteger(), 7);
        QCOMPARE(comment.value("text").toString(), QStringLiteral("Great post"));
        QCOMPARE(comment.value("article").toInteger(), 2);
        const QJsonObject author = comment.value("author").toObject();
        QCOMPARE(sortedKeys(author), sorted({ "id", "fullName" }));
        QCOMPARE(author.value("id").toInteger(), 1);
        QCOMPARE(author.value("fullName").toString(), QStringLiteral("Foo Bar"));
        const QDateTime createdAt
            = QDateTime::fromString(comment.value("createdAt").toString(), Qt::ISODateWithMs);
        QVERIFY(createdAt.isValid());
        QVERIFY(qAbs(createdAt.secsTo(QDateTime::currentDateTimeUtc())) < 60);

        const QJsonArray comments = m_http.get(articleUrl("title-2-3")).json().value("comments").toArray();
        QCOMPARE(comments.size(), 2);
        const QJsonObject last = comments.last().toObject();
        QCOMPARE(last.value("id").toInteger(), 7);
        QCOMPARE(last.value("text").toString(), QStringLiteral("Great post"));
        QCOMPARE(last.value("createdAt").toString(), comment.value("createdAt").toString());
        QCOMPARE(last.value("author").toObject().value("fullName").toString(), QStringLiteral("Foo Bar"));
        QCOMPARE(comments.first().toObject().value("id").toInteger(), 3);

        QCOMPARE(listedCount("title-2-3"), 2);
        QCOMPARE(listedCount("title-1-3"), 2);
        QCOMPARE(listedCount("title-3-3"), 3);
    }

    // Comment posts are written in batches (CommentWriter): an article deleted after its comment was
    // queued costs that comment a 404, not its batch.
    void aBatchKeepsItsCommentsWhenOneArticleIsGone()
    {
        blog::Database database(m_server->databaseUrl());
        blog::CommentRepository comments(database);
        const blog::CommentAuthor author { 1, QStringLiteral("Foo Bar") };
        const auto stored = comments.insertAll({ { 1, author, QStringLiteral("first") },
            { 999, author, QStringLiteral("on nothing") }, { 2, author, QStringLiteral("third") } });
        QCOMPARE(stored.size(), 3);
        QVERIFY(stored[0] && stored[2]);
        QVERIFY(!stored[1]);
        QVERIFY(stored[0]->id < stored[2]->id);
        SideConnection side(m_server->databaseUrl());
        QCOMPARE(side.scalar("SELECT count(*) FROM comments WHERE text IN ('first', 'third', 'on nothing')")
                     .toInt(),
            2);
        database.closeThreadConnection();
    }

    // The listing's counts are kept on the article by every write (migration 0007): posts (one
    // batch, several articles), soft deletes, a delete of a deleted comment, and the purge.
    void commentCountsFollowEveryWrite()
    {
        QCOMPARE(miscounted(), 0); // the seed went through the same writes
        const QString token = seedToken();
        QVERIFY(comment("title-2-3", "one", token) > 0);
        QVERIFY(comment("title-2-3", "two", token) > 0);
        QCOMPARE(listedCount("title-2-3"), 3);
        blog::Database database(m_server->databaseUrl());
        blog::CommentRepository comments(database);
        const blog::CommentAuthor author { 1, QStringLiteral("Foo Bar") };
        comments.insertAll({ { 1, author, QStringLiteral("a") }, { 3, author, QStringLiteral("b") },
            { 1, author, QStringLiteral("c") }, { 999, author, QStringLiteral("on nothing") } });
        QCOMPARE(miscounted(), 0);
        SideConnection side(m_server->databaseUrl());
        QCOMPARE(side.scalar("SELECT comment_count FROM articles WHERE id = 1").toLongLong(), 4);
        QCOMPARE(side.scalar("SELECT comment_count FROM articles WHERE id = 3").toLongLong(), 4);

        QCOMPARE(m_http.del(commentUrl("title-2-3", 3), token).status, 200);
        QCOMPARE(m_http.del(commentUrl("title-2-3", 3), token).status, 404); // counted once
        QVERIFY(comments.softDelete(4));
        QVERIFY(!comments.softDelete(4));
        QCOMPARE(miscounted(), 0);
        QCOMPARE(listedCount("title-2-3"), 2);
        QCOMPARE(listedCount("title-3-3"), 3);

        // The purge removes only comments deleted already: the counts stay.
        QCOMPARE(comments.purgeDeletedBefore(QDateTime::currentDateTimeUtc().addDays(1)), 2);
        QCOMPARE(miscounted(), 0);
        QCOMPARE(side.scalar("SELECT comment_count FROM articles WHERE id = 2").toLongLong(), 2);
        QCOMPARE(listedCount("title-2-3"), 2);
        database.closeThreadConnection();
    }

    void postByAnotherUserCarriesTheirName()
    {
        const QString ada = signUp("ada@example.com", "Ada Lovelace");
        QVERIFY(!ada.isEmpty());
        const auto response = m_http.post(commentsUrl("title-1-3"), { { "text", "Hello from Ada" } }, ada);
        QCOMPARE(response.status, 201);
        QCOMPARE(response.json().value("article").toInteger(), 1);
        QCOMPARE(response.json().value("author").toObject().value("fullName").toString(),
            QStringLiteral("Ada Lovelace"));
        QVERIFY(response.json().value("author").toObject().value("id").toInteger() > 1);
        const QJsonArray comments = m_http.get(articleUrl("title-1-3")).json().value("comments").toArray();
        QCOMPARE(comments.size(), 3);
        QCOMPARE(comments.last().toObject().value("author").toObject().value("fullName").toString(),
            QStringLiteral("Ada Lovelace"));
    }

    void postToAnUnknownSlugIs404()
    {
        const auto response
            = m_http.post(commentsUrl("no-such-article"), { { "text", "Hello?" } }, seedToken());
        QCOMPARE(response.status, 404);
        QCOMPARE(response.json().value("notFound"), QJsonValue(true));
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.isOpen());
        QCOMPARE(side.row("SELECT count(*) FROM comments").value(0).toInt(), 6);
    }

    void postNeedsAToken()
    {
        const auto none = m_http.post(commentsUrl("title-2-3"), { { "text", "Anonymous" } });
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value("error").toString(),
            QStringLiteral("Please provide your token via Authorization header"));
        const auto garbage = m_http.post(commentsUrl("title-2-3"), { { "text", "Anonymous" } }, "not.a.jwt");
        QCOMPARE(garbage.status, 401);
        QCOMPARE(commentIds("title-2-3"), QList<qint64>({ 3 }));
    }

    void postValidatesTheText_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("blank") << QJsonObject { { "text", "  \n\t " } } << "text";
        QTest::newRow("empty") << QJsonObject { { "text", "" } } << "text";
        QTest::newRow("missing") << QJsonObject {} << "text";
        QTest::newRow("null") << QJsonObject { { "text", QJsonValue::Null } } << "text";
        QTest::newRow("a number") << QJsonObject { { "text", 5 } } << "text";
        QTest::newRow("5001 characters")
            << QJsonObject { { "text", QString(5001, QLatin1Char('c')) } } << "text";
        QTest::newRow("unknown field") << QJsonObject { { "text", "fine" }, { "author", 2 } } << "author";
        QTest::newRow("unknown field article")
            << QJsonObject { { "text", "fine" }, { "article", 3 } } << "article";
    }

    void postValidatesTheText()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto response = m_http.post(commentsUrl("title-2-3"), body, seedToken());
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        QVERIFY(!response.json().value("error").toString().isEmpty());
        QCOMPARE(commentIds("title-2-3"), QList<qint64>({ 3 }));
        QCOMPARE(listedCount("title-2-3"), 1);
    }

    void postAcceptsTheLongestComment()
    {
        const QString text(5000, QLatin1Char('c'));
        const auto response = m_http.post(commentsUrl("title-2-3"), { { "text", text } }, seedToken());
        QCOMPARE(response.status, 201);
        const QJsonArray comments = m_http.get(articleUrl("title-2-3")).json().value("comments").toArray();
        QCOMPARE(comments.size(), 2);
        QCOMPARE(comments.last().toObject().value("text").toString(), text);
    }

    void postRejectsANonJsonBody()
    {
        const auto response = m_http.send("POST", commentsUrl("title-2-3"), "text=hello",
            { { "Content-Type", "text/plain" }, { "Authorization", "Bearer " + seedToken().toLatin1() } });
        QCOMPARE(response.status, 415);
        QCOMPARE(commentIds("title-2-3"), QList<qint64>({ 3 }));
    }

    // ---- DELETE /article/:slug/comment/:id

    void deleteOwnCommentIsASoftDelete()
    {
        QCOMPARE(listedCount("title-2-3"), 1); // fills the listing cache, which the delete must clear
        const QString token = seedToken();
        const auto response = m_http.del(commentUrl("title-2-3", 3), token);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), QJsonObject({ { "success", true } }));

        QCOMPARE(commentIds("title-2-3"), QList<qint64>());
        QCOMPARE(listedCount("title-2-3"), 0);
        QCOMPARE(listedCount("title-1-3"), 2);

        const auto again = m_http.del(commentUrl("title-2-3", 3), token);
        QCOMPARE(again.status, 404);
        QCOMPARE(again.json().value("notFound"), QJsonValue(true));

        // The row is still there, only marked.
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.isOpen());
        const QVariantList row
            = side.row("SELECT deleted_at, text, article_id FROM comments WHERE id = ?", 3);
        QCOMPARE(row.size(), 3);
        QVERIFY(!row.at(0).isNull());
        QVERIFY(QDateTime::fromString(row.at(0).toString(), Qt::ISODateWithMs).isValid());
        QCOMPARE(row.at(1).toString(), QStringLiteral("Short and sweet."));
        QCOMPARE(row.at(2).toLongLong(), 2);
        // The others are untouched.
        QVERIFY(side.row("SELECT deleted_at FROM comments WHERE id = ?", 1).value(0).isNull());
        QCOMPARE(side.row("SELECT count(*) FROM comments WHERE deleted_at IS NULL").value(0).toInt(), 5);
    }

    void articleAuthorMayDeleteAnotherUsersComment()
    {
        const QString bob = signUp("bob@example.com", "Bob");
        QVERIFY(!bob.isEmpty());
        const qint64 id = comment("title-1-3", "Bob was here", bob);
        QVERIFY(id > 0);
        QCOMPARE(commentIds("title-1-3"), QList<qint64>({ 1, 2, id }));
        QCOMPARE(listedCount("title-1-3"), 3);

        const auto response = m_http.del(commentUrl("title-1-3", id), seedToken());
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("success"), QJsonValue(true));
        QCOMPARE(commentIds("title-1-3"), QList<qint64>({ 1, 2 }));
        QCOMPARE(listedCount("title-1-3"), 2);
    }

    void strangerMayNotDeleteAComment()
    {
        const QString bob = signUp("bob@example.com", "Bob");
        const QString carol = signUp("carol@example.com", "Carol");
        QVERIFY(!bob.isEmpty());
        QVERIFY(!carol.isEmpty());
        const qint64 id = comment("title-1-3", "Bob was here", bob);
        QVERIFY(id > 0);

        const auto response = m_http.del(commentUrl("title-1-3", id), carol);
        QCOMPARE(response.status, 403);
        QVERIFY(!response.json().value("error").toString().isEmpty());
        QVERIFY(!response.json().contains("notFound"));
        // Bob wrote neither the article nor Foo Bar's comment on it.
        QCOMPARE(m_http.del(commentUrl("title-1-3", 1), bob).status, 403);

        QCOMPARE(commentIds("title-1-3"), QList<qint64>({ 1, 2, id }));
        QCOMPARE(listedCount("title-1-3"), 3);
    }

    void commenterMayDeleteOwnCommentOnAnotherUsersArticle()
    {
        const QString bob = signUp("bob@example.com", "Bob");
        QVERIFY(!bob.isEmpty());
        const qint64 id = comment("title-3-3", "Bob was here", bob);
        QVERIFY(id > 0);
        QCOMPARE(listedCount("title-3-3"), 4);

        const auto response = m_http.del(commentUrl("title-3-3", id), bob);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("success"), QJsonValue(true));
        QCOMPARE(commentIds("title-3-3"), QList<qint64>({ 4, 5, 6 }));
        QCOMPARE(listedCount("title-3-3"), 3);
    }

    void deleteUnderTheWrongSlugIs404()
    {
        const QString token = seedToken();
        // Comment 1 belongs to title-1-3.
        const auto wrongArticle = m_http.del(commentUrl("title-2-3", 1), token);
        QCOMPARE(wrongArticle.status, 404);
        QCOMPARE(wrongArticle.json().value("notFound"), QJsonValue(true));
        const auto unknownArticle = m_http.del(commentUrl("no-such-article", 1), token);
        QCOMPARE(unknownArticle.status, 404);
        QCOMPARE(unknownArticle.json().value("notFound"), QJsonValue(true));
        const auto unknownComment = m_http.del(commentUrl("title-1-3", 999), token);
        QCOMPARE(unknownComment.status, 404);
        QCOMPARE(commentIds("title-1-3"), QList<qint64>({ 1, 2 }));
        QCOMPARE(commentIds("title-2-3"), QList<qint64>({ 3 }));
    }

    void deleteWithAnIdThatIsNotAnIdIs404_data()
    {
        QTest::addColumn<QString>("id");
        QTest::newRow("text") << "abc";
        QTest::newRow("zero") << "0";
        QTest::newRow("negative") << "-1";
        QTest::newRow("fraction") << "1.5";
        QTest::newRow("huge") << "99999999999999999999";
    }

    void deleteWithAnIdThatIsNotAnIdIs404()
    {
        QFETCH(QString, id);
        const auto response = m_http.del(commentUrl("title-1-3", id), seedToken());
        QCOMPARE(response.status, 404);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(document.object().value("notFound"), QJsonValue(true));
        QCOMPARE(commentIds("title-1-3"), QList<qint64>({ 1, 2 }));
    }

    void deleteNeedsAToken()
    {
        const auto response = m_http.del(commentUrl("title-2-3", 3));
        QCOMPARE(response.status, 401);
        QCOMPARE(commentIds("title-2-3"), QList<qint64>({ 3 }));
    }
};

QTEST_GUILESS_MAIN(TestCommentApi)
#include "TestCommentApi.moc"
