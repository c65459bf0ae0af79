#include "Database.h"
#include "Migrator.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;

class TestMigrator : public QObject
{
    Q_OBJECT

    QStringList names(Database &database, const char *type)
    {
        QSqlQuery query(database.connection());
        query.prepare(
            "SELECT name FROM sqlite_master WHERE type = ? AND name NOT LIKE 'sqlite_%' ORDER BY name");
        query.addBindValue(QString::fromLatin1(type));
        query.exec();
        QStringList result;
        while (query.next())
            result.append(query.value(0).toString());
        return result;
    }

    // One fixed time for rows written by hand, as the schema stores it.
    static QString at() { return QStringLiteral("'2026-01-01T00:00:00.000Z'"); }
    // User 1, for the articles of the upgrade tests.
    static QString firstUser()
    {
        return "INSERT INTO users (id, email, email_key, full_name, password_hash, created_at, updated_at, "
               "username, username_key) VALUES (1, 'a@x.example', 'a@x.example', 'A', 'h', "
            + at() + ", " + at() + ", 'a', 'a')";
    }
    static bool exec(Database &database, const QString &sql)
    {
        QSqlQuery query(database.connection());
        if (!query.exec(sql))
            qWarning() << sql << query.lastError().text();
        return query.isActive();
    }

private slots:
    void appliesEveryMigrationOnceAndRecordsIt()
    {
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("m.sqlite")));
        Migrator migrator(database);
        const int available = int(Migrator::available().size());
        QVERIFY(available >= 2);
        QCOMPARE(migrator.migrate(), available);
        QCOMPARE(migrator.migrate(), 0);
        QCOMPARE(migrator.appliedVersions().size(), available);
        QCOMPARE(names(database, "table"),
            QStringList(
                { "article_search", "article_search_config", "article_search_content", "article_search_data",
                    "article_search_docsize", "article_search_idx", "article_search_pairs",
                    "article_search_pairs_config", "article_search_pairs_content",
                    "article_search_pairs_data", "article_search_pairs_docsize", "article_search_pairs_idx",
                    "article_search_pairs_pending", "article_tags", "articles", "comments", "favorites",
                    "follows", "schema_migrations", "search_index_paused", "sqlite_sequence", "tags",
                    "users" })
                .filter(QRegularExpression("^(?!sqlite_)")));
        QCOMPARE(names(database, "view"), QStringList({ "article_listing" }));
        QVERIFY(names(database, "index").contains("users_email_key"));
        QVERIFY(names(database, "index").contains("comments_article_live"));
        QVERIFY(names(database, "index").contains("articles_listing_order"));
        QVERIFY(names(database, "index").contains("users_username_key"));
        QVERIFY(names(database, "index").contains("article_tags_tag_article"));
    }

    // Users from before usernames get their e-mail's local part; look-alikes (in any letter case, or
    // only after dropping what a username may not hold) get -2, -3 in the order they signed up.
    void existingUsersGetUniqueUsernamesFromTheirEmail()
    {
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("u.sqlite")));
        Migrator migrator(database);
        QCOMPARE(migrator.migrate(4), 4);
        const QStringList emails { "ada@one.example", "Ada@two.example", "bob smith@x.example",
            "ada-2@three.example", "ada@four.example", "%/?#@five.example" };
        QSqlQuery insert(database.connection());
        insert.prepare(
            "INSERT INTO users (email, email_key, full_name, password_hash, created_at, updated_at) "
            "VALUES (?, ?, 'Name', 'hash', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')");
        for (const QString &email : emails) {
            insert.addBindValue(email);
            insert.addBindValue(email.toLower());
            QVERIFY2(insert.exec(), qPrintable(insert.lastError().text()));
        }
        QCOMPARE(migrator.migrate(), int(Migrator::available().size()) - 4);

        QSqlQuery read(database.connection());
        QVERIFY(read.exec("SELECT username, username_key FROM users ORDER BY id"));
        QStringList usernames;
        while (read.next()) {
            usernames.append(read.value(0).toString());
            QCOMPARE(read.value(1).toString(), read.value(0).toString().toCaseFolded());
        }
        // The fourth user's own "ada-2" was taken by the second one by then.
        QCOMPARE(usernames, QStringList({ "ada", "Ada-2", "bobsmith", "ada-2-2", "ada-3", "user" }));

        // The index holds for new rows too, in any letter case.
        QSqlQuery clash(database.connection());
        QVERIFY(!clash.exec("INSERT INTO users (email, email_key, full_name, password_hash, created_at, "
                            "updated_at, username, username_key) VALUES ('n@x.example', 'n@x.example', 'N', "
                            "'h', 'c', 'u', 'BOBSMITH', 'bobsmith')"));
    }

    // Migration 0007 keeps each article's tags and live comment count on its row; for the rows already
    // there it fills them from the links (in the author's order) and the comments not deleted.
    void listingCountersAreFilledForExistingRows()
    {
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("c.sqlite")));
        Migrator migrator(database);
        QCOMPARE(migrator.migrate(5), 5);
        const QString at = TestMigrator::at();
        for (const QString &sql : QStringList { firstUser(),
                 "INSERT INTO articles (id, slug, title, description, text, author_id, created_at, "
                 "updated_at) "
                 "VALUES (1, 'one', 'One', 'd', 't', 1, "
                     + at + ", " + at + "), (2, 'two', 'Two', 'd', 't', 1, " + at + ", " + at + ")",
                 "INSERT INTO tags (id, name) VALUES (1, 'zeta'), (2, 'alpha')",
                 "INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, 1, 0), (1, 2, 1)",
                 "INSERT INTO comments (article_id, author_id, text, created_at, updated_at, deleted_at) "
                 "VALUES "
                 "(1, 1, 'a', "
                     + at + ", " + at + ", NULL), (1, 1, 'b', " + at + ", " + at + ", " + at
                     + "), (1, 1, 'c', " + at + ", " + at + ", NULL)" })
            QVERIFY(exec(database, sql));
        migrator.migrate();
        QSqlQuery read(database.connection());
        QVERIFY(read.exec("SELECT id, comment_count, tag_list FROM articles ORDER BY id"));
        QVERIFY(read.next());
        QCOMPARE(read.value(1).toInt(), 2);
        QCOMPARE(read.value(2).toString(), QStringLiteral("[\"zeta\",\"alpha\"]"));
        QVERIFY(read.next());
        QCOMPARE(read.value(1).toInt(), 0);
        QCOMPARE(read.value(2).toString(), QStringLiteral("[]"));
        QVERIFY(read.exec("SELECT tags, total_comments FROM article_listing WHERE id = 1"));
        QVERIFY(read.next());
        QCOMPARE(read.value(0).toString(), QStringLiteral("[\"zeta\",\"alpha\"]"));
        QCOMPARE(read.value(1).toInt(), 2);
    }

    // Migration 0010 makes SQLite's word index again with other scripts' vowel signs inside their words,
    // for the articles already there (text and tags); the triggers then write to the new table.
    void theWordIndexIsMadeAgainWithMarksInsideWords()
    {
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("w.sqlite")));
        Migrator migrator(database);
        QCOMPARE(migrator.migrate(9), 9);
        const QString at = TestMigrator::at();
        const auto exec = [&](const QString &sql) { return TestMigrator::exec(database, sql); };
        QVERIFY(exec(firstUser()));
        QVERIFY(exec(QStringLiteral("INSERT INTO articles (id, slug, title, description, text, author_id, "
                                    "created_at, updated_at) VALUES (1, 'one', 'राम के घर', 'd', 't', 1, ")
            + at + ", " + at + ")"));
        QVERIFY(exec(QStringLiteral("INSERT INTO tags (id, name) VALUES (1, 'किताब')")));
        QVERIFY(exec("INSERT INTO article_tags (article_id, tag_id, position) VALUES (1, 1, 0)"));
        const auto matches = [&](const QString &words) {
            QSqlQuery query(database.connection());
            query.prepare("SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid");
            query.addBindValue(words);
            if (!query.exec())
                qWarning() << words << query.lastError().text();
            QList<qint64> ids;
            while (query.next())
                ids.append(query.value(0).toLongLong());
            return ids;
        };
        // Before: "की" and "के" were both the one-letter word "क".
        QCOMPARE(matches(QStringLiteral("\"की\"")), QList<qint64> { 1 });

        QCOMPARE(migrator.migrate(), int(Migrator::available().size()) - 9);
        QCOMPARE(matches(QStringLiteral("\"की\"")), QList<qint64> {});
        QCOMPARE(matches(QStringLiteral("\"के\"")), QList<qint64> { 1 });
        QCOMPARE(matches(QStringLiteral("\"किताब\"")), QList<qint64> { 1 }); // its tag
        QCOMPARE(matches(QStringLiteral("\"क\"")), QList<qint64> {});
        QVERIFY(exec(QStringLiteral("INSERT INTO articles (id, slug, title, description, text, author_id, "
                                    "created_at, updated_at) VALUES (2, 'two', 'मेरी किताब', 'd', 't', 1, ")
            + at + ", " + at + ")"));
        QCOMPARE(matches(QStringLiteral("\"किताब\"")), (QList<qint64> { 1, 2 }));
        QVERIFY(exec(QStringLiteral("UPDATE articles SET title = 'कथा' WHERE id = 2")));
        QCOMPARE(matches(QStringLiteral("\"किताब\"")), QList<qint64> { 1 });
    }

    void connectionsUseWalAndForeignKeys()
    {
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("w.sqlite")));
        QSqlQuery query(database.connection());
        QVERIFY(query.exec("PRAGMA journal_mode"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toString(), "wal");
        QVERIFY(query.exec("PRAGMA foreign_keys"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1);
        QVERIFY(query.exec("PRAGMA synchronous"));
        QVERIFY(query.next());
        QCOMPARE(query.value(0).toInt(), 1); // NORMAL
        Database full(*DatabaseUrl::parse("sqlite:" + dir.filePath("full.sqlite") + "?synchronous=full"));
        QSqlQuery fullQuery(full.connection());
        QVERIFY(fullQuery.exec("PRAGMA synchronous"));
        QVERIFY(fullQuery.next());
        QCOMPARE(fullQuery.value(0).toInt(), 2); // FULL
    }

    void aFailingMigrationLeavesNoTrace()
    {
        // Applying 0001 twice by hand fails on its first CREATE TABLE; the transaction must roll back
        // everything it did and record nothing.
        QTemporaryDir dir;
        Database database(*DatabaseUrl::parse("sqlite:" + dir.filePath("f.sqlite")));
        Migrator migrator(database);
        migrator.migrate();
        QSqlQuery(database.connection()).exec("DELETE FROM schema_migrations WHERE version = 2");
        QSqlQuery(database.connection()).exec("DROP VIEW article_listing");
        QSqlQuery(database.connection()).exec("CREATE TABLE article_listing (x INTEGER)");
        QVERIFY_THROWS_EXCEPTION(std::exception, migrator.migrate());
        QList<int> allButTheSecond;
        for (const Migrator::Migration &migration : Migrator::available()) {
            if (migration.version != 2)
                allButTheSecond.append(migration.version);
        }
        QCOMPARE(migrator.appliedVersions(), allButTheSecond);
    }
};

QTEST_GUILESS_MAIN(TestMigrator)
#include "TestMigrator.moc"
