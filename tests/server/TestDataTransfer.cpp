#include "DataTransfer.h"
#include "HttpClient.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace blog;
using namespace blog::test;

// Export and import (JSON Lines) against real servers: a round trip is exact, SQLite moves to
// PostgreSQL with every answer of the API unchanged, and a bad line keeps nothing.
class TestDataTransfer : public QObject
{
    Q_OBJECT

    static constexpr auto Email = "zoe@example.com";
    static constexpr auto Password = "password-of-zoe";

    // What the demo data lacks: a second user with a bio and social handles, non-ASCII and quotes, tags
    // in an order that is not alphabetical, an edited article, a deleted comment.
    static void addVariety(TestServer &server)
    {
        HttpClient http;
        const QString token = http.signUp(server.url("/user/sign-up"), Email, "Zoë Ünïcode", Password);
        QVERIFY(!token.isEmpty());
        QCOMPARE(http.patch(server.url("/user/profile"),
                         { { "bio", "Writes \"quoted\" things\nover two lines 😀" },
                             { "social", QJsonObject { { "twitter", "@zoe" }, { "linkedin", "zoe-u" } } } },
                         token)
                     .status,
            200);
        const auto article = http.post(server.url("/article"),
            { { "title", "Ärger mit Übergrößen" }, { "description", "Ein \"Test\"" },
                { "text", "Zeile 1\nZeile 2 — ✓" }, { "tags", QJsonArray { "zeta", "alpha", "foo1" } } },
            token);
        QCOMPARE(article.status, 201);
        const QString slug = article.json().value("slug").toString();
        const qint64 id = article.json().value("id").toInteger();
        QCOMPARE(http.patch(server.url(QString("/article/%1").arg(id)), { { "text", "Edited text" } }, token)
                     .status,
            200);
        const auto kept
            = http.post(server.url("/article/" + slug + "/comment"), { { "text", "Bleibt" } }, token);
        QCOMPARE(kept.status, 201);
        const auto gone
            = http.post(server.url("/article/" + slug + "/comment"), { { "text", "Geht" } }, token);
        QCOMPARE(gone.status, 201);
        QCOMPARE(
            http.del(
                    server.url(
                        QString("/article/%1/comment/%2").arg(slug).arg(gone.json().value("id").toInteger())),
                    token)
                .status,
            200);
    }

    static TestServer::Options serverOptions(
        bool seed, TestServer::Backend backend = TestServer::Backend::FromEnvironment)
    {
        TestServer::Options options;
        options.seed = seed;
        options.backend = backend;
        return options;
    }

    static QByteArray exportOf(Database &database)
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        const auto exported = DataTransfer(database).exportTo(buffer);
        if (!exported)
            qWarning() << "export failed:" << exported.error();
        return buffer.data();
    }

    static Expected<DataTransfer::Counts, QString> importInto(Database &database, const QByteArray &lines)
    {
        QBuffer buffer;
        buffer.setData(lines);
        buffer.open(QIODevice::ReadOnly);
        return DataTransfer(database).importFrom(buffer);
    }

    static QList<QByteArray> linesOf(const QByteArray &file)
    {
        QList<QByteArray> lines = file.split('\n');
        if (!lines.isEmpty() && lines.last().isEmpty())
            lines.removeLast();
        return lines;
    }

    static QByteArray joined(const QList<QByteArray> &lines) { return lines.join('\n') + '\n'; }

    static qint64 rowsIn(TestServer &server)
    {
        SideConnection side(server.databaseUrl());
        return side
            .scalar("SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM articles) + "
                    "(SELECT count(*) FROM comments) + (SELECT count(*) FROM article_tags)")
            .toLongLong();
    }

    // Every answer a reader or an author gets, as (path, body) pairs, with ids and timestamps as they are.
    static QList<std::pair<QString, QJsonObject>> answersOf(TestServer &server)
    {
        HttpClient http;
        QList<std::pair<QString, QJsonObject>> answers;
        for (const char *order : { "oldest", "newest" }) {
            const QString path = QString("/article?limit=100&order=%1").arg(order);
            answers.append({ path, http.get(server.url(path)).json() });
        }
        for (const QJsonValue &item : answers.first().second.value("items").toArray()) {
            const QString path = "/article/" + item.toObject().value("slug").toString();
            answers.append({ path, http.get(server.url(path)).json() });
        }
        for (const auto &[email, password] :
            { std::pair<QString, QString> { TestServer::SeedEmail, TestServer::SeedPassword },
                std::pair<QString, QString> { Email, Password } }) {
            const QString token = http.signIn(server.url("/user/sign-in"), email, password);
            answers.append(
                { "/user/profile as " + email, http.get(server.url("/user/profile"), token).json() });
        }
        return answers;
    }

    // The demo data with addVariety's, exported once for the suites that only read it.
    QByteArray m_varied;

private slots:
    void initTestCase()
    {
        TestServer source;
        addVariety(source);
        m_varied = exportOf(source.database());
        QVERIFY(!m_varied.isEmpty());
    }

    void exportImportExportIsTheSameFile()
    {
        TestServer source;
        addVariety(source);
        const QByteArray first = exportOf(source.database());
        const QList<QByteArray> lines = linesOf(first);
        QCOMPARE(lines.size(), 2 + 4 + 8);

        // Users, then articles, then comments; every field the format names.
        QStringList kinds;
        for (const QByteArray &line : lines) {
            const QJsonObject object = QJsonDocument::fromJson(line).object();
            kinds.append(object.value("kind").toString());
        }
        QCOMPARE(kinds.join(','),
            QString("user,user,article,article,article,article,comment,comment,comment,"
                    "comment,comment,comment,comment,comment"));
        const QJsonObject zoe = QJsonDocument::fromJson(lines[1]).object();
        for (const char *key :
            { "id", "email", "fullName", "bio", "social", "passwordHash", "createdAt", "updatedAt" })
            QVERIFY2(zoe.contains(key), key);
        QVERIFY(zoe.value("passwordHash").toString().startsWith("$argon2id$"));
        QCOMPARE(zoe.value("social").toObject().value("twitter").toString(), QString("@zoe"));
        const QJsonObject article = QJsonDocument::fromJson(lines[5]).object();
        QCOMPARE(article.value("tags").toArray(), (QJsonArray { "zeta", "alpha", "foo1" }));
        QCOMPARE(article.value("author").toInteger(), zoe.value("id").toInteger());
        const QJsonObject deleted = QJsonDocument::fromJson(lines.last()).object();
        QVERIFY(!deleted.value("deletedAt").isNull());
        QVERIFY(QJsonDocument::fromJson(lines[6]).object().value("deletedAt").isNull());

        TestServer target(serverOptions(false));
        const auto imported = importInto(target.database(), first);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error()));
        QCOMPARE(imported->users, 2);
        QCOMPARE(imported->articles, 4);
        QCOMPARE(imported->comments, 8);
        QCOMPARE(exportOf(target.database()), first);

        // The imported password hashes sign in, and new rows get ids after the imported ones.
        HttpClient http;
        const QString token = http.signIn(target.url("/user/sign-in"), Email, Password);
        QVERIFY(!token.isEmpty());
        const auto created = http.post(target.url("/article"),
            { { "title", "After the import" }, { "description", "d" }, { "text", "t" } }, token);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("id").toInteger(), 5);
        // Search finds what was imported (built at the end of the import), and what was written after
        // (the index's triggers run again).
        QCOMPARE(http.get(target.url("/article?q=Arger")).json().value("total").toInteger(), 1);
        QCOMPARE(http.get(target.url("/article?q=zeta")).json().value("total").toInteger(), 1);
        QCOMPARE(http.get(target.url("/article?q=import")).json().value("total").toInteger(), 1);
        QVERIFY(
            !http.signUp(target.url("/user/sign-up"), "new@example.com", "New", "password-new").isEmpty());
    }

    // A chosen username and an image come back from an export; a file from before usernames gets them
    // made from the e-mails.
    void usernamesAndImagesSurviveTheRoundTrip()
    {
        TestServer source;
        HttpClient http;
        const auto signedUp = http.post(source.url("/user/sign-up"),
            { { "email", "zed@example.com" }, { "fullName", "Zed" }, { "password", "password-zed" },
                { "username", "ZedTheChosen" } });
        QCOMPARE(signedUp.status, 201);
        const QString token = signedUp.json().value("token").toString();
        QCOMPARE(
            http.send("PUT", source.url("/api/user"), R"({"user":{"image":"https://example.com/zed.png"}})",
                    { { "Content-Type", "application/json" },
                        { "Authorization", "Token " + token.toLatin1() } })
                .status,
            200);
        const QByteArray exported = exportOf(source.database());

        TestServer target(serverOptions(false));
        QVERIFY(importInto(target.database(), exported));
        const QJsonObject profile
            = http.get(target.url("/api/profiles/zedthechosen")).json().value("profile").toObject();
        QCOMPARE(profile.value("username").toString(), QString("ZedTheChosen"));
        QCOMPARE(profile.value("image").toString(), QString("https://example.com/zed.png"));
        QCOMPARE(exportOf(target.database()), exported);

        QByteArray older;
        for (const QByteArray &line : linesOf(exported)) {
            QJsonObject object = QJsonDocument::fromJson(line).object();
            object.remove("username");
            older += QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
        }
        TestServer fromOlder(serverOptions(false));
        QVERIFY(importInto(fromOlder.database(), older));
        QCOMPARE(http.get(fromOlder.url("/api/profiles/zed")).status, 200);
        QCOMPARE(http.get(fromOlder.url("/api/profiles/foo")).status, 200);
    }

    void sqliteMovesToPostgresAndTheApiAnswersTheSame()
    {
        if (qEnvironmentVariableIsEmpty("BLOG_TEST_POSTGRES_URL"))
            QSKIP("needs BLOG_TEST_POSTGRES_URL (./dev test sets it)");
        TestServer sqlite(serverOptions(true, TestServer::Backend::Sqlite));
        addVariety(sqlite);
        TestServer postgres(serverOptions(false, TestServer::Backend::Postgres));
        const QByteArray exported = exportOf(sqlite.database());
        const auto imported = importInto(postgres.database(), exported);
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error()));
        QCOMPARE(exportOf(postgres.database()), exported);

        const auto expected = answersOf(sqlite);
        const auto actual = answersOf(postgres);
        QCOMPARE(actual.size(), expected.size());
        QCOMPARE(expected.size(), 2 + 4 + 2);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(actual[i].first, expected[i].first);
            QVERIFY2(!expected[i].second.isEmpty(), qPrintable(expected[i].first));
            QVERIFY2(actual[i].second == expected[i].second,
                qPrintable(expected[i].first + ":\n" + QJsonDocument(expected[i].second).toJson()
                    + "\nbut PostgreSQL answered\n" + QJsonDocument(actual[i].second).toJson()));
        }

        // Both go on the same way: the next article gets the same id on each.
        HttpClient http;
        qint64 ids[2] = {};
        int n = 0;
        for (TestServer *server : { &sqlite, &postgres }) {
            const QString token = http.signIn(server->url("/user/sign-in"), Email, Password);
            ids[n++] = http.post(server->url("/article"),
                               { { "title", "Next" }, { "description", "d" }, { "text", "t" } }, token)
                           .json()
                           .value("id")
                           .toInteger();
        }
        QCOMPARE(ids[0], 5);
        QCOMPARE(ids[1], ids[0]);
    }

    void aBadLineStopsTheImportAndKeepsNothing_data()
    {
        QTest::addColumn<int>("line");
        QTest::addColumn<QByteArray>("replacement");
        QTest::addColumn<QString>("reason");
        // Lines: 1-2 users, 3-6 articles, 7-14 comments.
        QTest::newRow("not JSON") << 4 << QByteArray("{\"kind\":\"article\",") << QString("not JSON");
        QTest::newRow("not an object") << 2 << QByteArray("[1,2]") << QString("not a JSON object");
        QTest::newRow("no kind") << 2 << QByteArray("{\"id\":9}") << QString("no \"kind\"");
        QTest::newRow("missing title")
            << 5
            << QByteArray(
                   "{\"kind\":\"article\",\"id\":40,\"slug\":\"s\",\"description\":\"d\",\"text\":\"t\","
                   "\"author\":1,\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:"
                   "00.000Z\"}")
            << QString("article 40: title is required");
        QTest::newRow("bad id")
            << 2
            << QByteArray(
                   "{\"kind\":\"user\",\"id\":\"7\",\"email\":\"a@b.c\",\"fullName\":\"A\",\"passwordHash\":"
                   "\"h\","
                   "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}")
            << QString("id must be a whole number");
        QTest::newRow("bad timestamp")
            << 7
            << QByteArray("{\"kind\":\"comment\",\"id\":70,\"article\":1,\"author\":1,\"text\":\"t\","
                          "\"createdAt\":\"yesterday\"}")
            << QString("comment 70: createdAt must be an ISO 8601 timestamp");
        QTest::newRow("unknown author")
            << 6
            << QByteArray("{\"kind\":\"article\",\"id\":40,\"slug\":\"s\",\"title\":\"T\",\"description\":"
                          "\"d\",\"text\":\"t\","
                          "\"author\":99,\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-"
                          "01T00:00:00.000Z\"}")
            << QString("article 40: its author 99 is not a user of an earlier line");
        QTest::newRow("unknown article")
            << 9
            << QByteArray("{\"kind\":\"comment\",\"id\":70,\"article\":77,\"author\":1,\"text\":\"t\","
                          "\"createdAt\":\"2026-01-01T00:00:00.000Z\"}")
            << QString("comment 70: its article 77 or its author 1 is not on an earlier line");
        QTest::newRow("taken id")
            << 13
            << QByteArray("{\"kind\":\"comment\",\"id\":1,\"article\":1,\"author\":1,\"text\":\"again\","
                          "\"createdAt\":\"2026-01-01T00:00:00.000Z\"}")
            << QString("comment 1: its id is already taken");
        QTest::newRow("taken e-mail")
            << 2
            << QByteArray(
                   "{\"kind\":\"user\",\"id\":7,\"email\":\"FOO@bar.com\",\"fullName\":\"A\","
                   "\"passwordHash\":\"h\","
                   "\"createdAt\":\"2026-01-01T00:00:00.000Z\",\"updatedAt\":\"2026-01-01T00:00:00.000Z\"}")
            << QString("user 7: its id or e-mail is already taken");
    }

    void aBadLineStopsTheImportAndKeepsNothing()
    {
        QFETCH(int, line);
        QFETCH(QByteArray, replacement);
        QFETCH(QString, reason);
        QList<QByteArray> lines = linesOf(m_varied);
        QCOMPARE(lines.size(), 14);
        lines[line - 1] = replacement;

        TestServer target(serverOptions(false));
        const auto imported = importInto(target.database(), joined(lines));
        QVERIFY(!imported);
        QVERIFY2(imported.error().startsWith(QString("line %1: ").arg(line)), qPrintable(imported.error()));
        QVERIFY2(imported.error().contains(reason), qPrintable(imported.error()));
        QCOMPARE(rowsIn(target), 0);
        // Nothing half-done is left in the way: the good file imports afterwards.
        const auto again = importInto(target.database(), m_varied);
        QVERIFY2(again, again ? "" : qPrintable(again.error()));
    }

    void aDatabaseThatIsNotEmptyIsRefused()
    {
        TestServer target; // seeded
        const qint64 before = rowsIn(target);
        const auto imported = importInto(target.database(), m_varied);
        QVERIFY(!imported);
        QVERIFY2(imported.error().contains("not empty"), qPrintable(imported.error()));
        QCOMPARE(rowsIn(target), before);
    }

    // More rows than one batch of a kind holds (TransferWriter::MaxBatch; on PostgreSQL a batch is one
    // multi-row INSERT): every row arrives, the listing's comment counts and tag lists are made from the
    // rows imported, and a row refused deep in a batch is still named by its line.
    void largeImportsGoInBatches_data()
    {
        QTest::addColumn<int>("badArticle"); // 0: none
        QTest::newRow("all good") << 0;
        QTest::newRow("a taken slug in the third batch") << 600;
    }

    void largeImportsGoInBatches()
    {
        QFETCH(int, badArticle);
        constexpr int Articles = 700;
        constexpr int Comments = 600;
        const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
        QList<QByteArray> lines;
        for (int u = 1; u <= 2; ++u)
            lines.append(QJsonDocument(
                QJsonObject { { "kind", "user" }, { "id", u }, { "email", QString("u%1@example.com").arg(u) },
                    { "fullName", QString("User %1").arg(u) }, { "passwordHash", "h" }, { "createdAt", at },
                    { "updatedAt", at } })
                             .toJson(QJsonDocument::Compact));
        for (int a = 1; a <= Articles; ++a) {
            const int slugOf = a == badArticle ? 1 : a;
            lines.append(QJsonDocument(
                QJsonObject { { "kind", "article" }, { "id", a },
                    { "slug", QString("article-%1").arg(slugOf) }, { "title", QString("Article %1").arg(a) },
                    { "description", "d" }, { "text", "t" },
                    { "tags",
                        a % 3 == 0 ? QJsonArray {} : QJsonArray { QString("t%1").arg(a % 7), "common" } },
                    { "author", 1 + a % 2 }, { "createdAt", at }, { "updatedAt", at } })
                             .toJson(QJsonDocument::Compact));
        }
        for (int c = 1; c <= Comments; ++c)
            lines.append(
                QJsonDocument(QJsonObject { { "kind", "comment" }, { "id", c }, { "article", 1 + c % 50 },
                                  { "author", 1 }, { "text", "c" }, { "createdAt", at },
                                  { "deletedAt", c % 10 == 0 ? QJsonValue(at) : QJsonValue() } })
                    .toJson(QJsonDocument::Compact));

        TestServer target(serverOptions(false));
        const auto imported = importInto(target.database(), joined(lines));
        if (badArticle) {
            QVERIFY(!imported);
            QCOMPARE(imported.error(),
                QString("line %1: article %2: its id or slug is already taken")
                    .arg(2 + badArticle)
                    .arg(badArticle));
            QCOMPARE(rowsIn(target), 0);
            return;
        }
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error()));
        QCOMPARE(imported->articles, Articles);
        QCOMPARE(imported->comments, Comments);
        SideConnection side(target.databaseUrl());
        QCOMPARE(side.scalar("SELECT count(*) FROM article_tags").toInt(), 2 * (Articles - Articles / 3));
        QCOMPARE(side.scalar("SELECT count(*) FROM articles a WHERE a.comment_count <> (SELECT count(*) FROM "
                             "comments c WHERE c.article_id = a.id AND c.deleted_at IS NULL)")
                     .toInt(),
            0);
        QCOMPARE(side.scalar("SELECT sum(comment_count) FROM articles").toInt(), Comments - Comments / 10);
        HttpClient http;
        const QJsonObject oldest = http.get(target.url("/article?limit=3&order=oldest")).json();
        QCOMPARE(oldest.value("total").toInteger(), Articles);
        const QJsonArray items = oldest.value("items").toArray();
        QCOMPARE(items.size(), 3);
        // Article 1: comments 50, 100, ... 600 (every 50th), the ones ending in 0 deleted: all of them.
        // Article 2: comments 1, 51, ... 551: twelve, none deleted.
        QCOMPARE(items[0].toObject().value("totalComments").toInteger(), 0);
        QCOMPARE(items[1].toObject().value("totalComments").toInteger(), 12);
        QCOMPARE(items[1].toObject().value("tags").toArray(), QJsonArray({ "t2", "common" }));
        QCOMPARE(items[2].toObject().value("tags").toArray(), QJsonArray());
        QCOMPARE(http.get(target.url("/article/article-700")).json().value("tags").toArray(),
            QJsonArray({ "t0", "common" }));
        // Every article has its search document, tags included.
        QCOMPARE(http.get(target.url("/article?q=common")).json().value("total").toInteger(),
            Articles - Articles / 3);
        // And its phrase pairs, made at the end of the import (more than one batch of them).
        QCOMPARE(side.scalar("SELECT count(*) FROM article_search_pairs_pending").toInt(), 0);
        QCOMPARE(http.get(target.url("/article?q=%22article%20699%22")).json().value("total").toInteger(), 1);
        QCOMPARE(http.get(target.url("/article?q=%22article%207%22")).json().value("total").toInteger(), 1);
        QCOMPARE(side.scalar("SELECT count(*) FROM search_index_paused").toInt(), 0);
    }

    void unknownKindsAndFieldsAreSkipped()
    {
        TestServer source;
        const QByteArray original = exportOf(source.database());
        QList<QByteArray> lines = linesOf(original);
        QJsonObject user = QJsonDocument::fromJson(lines[0]).object();
        user.insert("favouriteColour", "teal");
        lines[0] = QJsonDocument(user).toJson(QJsonDocument::Compact);
        lines.insert(1, R"({"kind":"reaction","id":1,"comment":1,"emoji":"👍"})");
        lines.append("");

        TestServer target(serverOptions(false));
        const auto imported = importInto(target.database(), joined(lines));
        QVERIFY2(imported, imported ? "" : qPrintable(imported.error()));
        QCOMPARE(imported->skipped, 1);
        QCOMPARE(exportOf(target.database()), original);
    }
};

QTEST_GUILESS_MAIN(TestDataTransfer)
#include "TestDataTransfer.moc"
