#include "DatabaseUrl.h"

#include <QTest>

using namespace blog;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private slots:
    void sqlite()
    {
        const auto url = DatabaseUrl::parse("sqlite:/var/lib/blog/blog.sqlite");
        QVERIFY(url.hasValue());
        QCOMPARE(url->kind, DatabaseUrl::Kind::Sqlite);
        QCOMPARE(url->path, "/var/lib/blog/blog.sqlite");
        QCOMPARE(DatabaseUrl::parse("sqlite:relative.db")->path, "relative.db");
        QCOMPARE(url->synchronous, "NORMAL");
        const auto full = DatabaseUrl::parse("sqlite:/tmp/b.sqlite?synchronous=full");
        QVERIFY(full.hasValue());
        QCOMPARE(full->path, "/tmp/b.sqlite");
        QCOMPARE(full->synchronous, "FULL");
        QVERIFY(!DatabaseUrl::parse("sqlite:/tmp/b.sqlite?synchronous=off").hasValue());
    }

    void postgres()
    {
        const auto url = DatabaseUrl::parse("postgres://blog:s%40cret@db.example:6543/blogdb");
        QVERIFY(url.hasValue());
        QCOMPARE(url->kind, DatabaseUrl::Kind::Postgres);
        QCOMPARE(url->user, "blog");
        QCOMPARE(url->password, "s@cret");
        QCOMPARE(url->host, "db.example");
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->name, "blogdb");
        QVERIFY(!url->displayString().contains("cret"));
    }

    void postgresOnThisMachineByItsSocket()
    {
        const auto url = DatabaseUrl::parse("postgres://blog@:6543/blogdb?host=/run/postgresql");
        QVERIFY2(url.hasValue(), qPrintable(url.hasValue() ? QString() : url.error()));
        QCOMPARE(url->host, "/run/postgresql");
        QVERIFY(url->isUnixSocket());
        QCOMPARE(url->port, 6543);
        QCOMPARE(url->user, "blog");
        QCOMPARE(url->password, "");
        QCOMPARE(url->name, "blogdb");
        const auto again = DatabaseUrl::parse(url->displayString());
        QVERIFY(again.hasValue());
        QCOMPARE(again->host, url->host);
        QCOMPARE(again->port, url->port);
        const auto defaultPort
            = DatabaseUrl::parse("postgresql://blog:pw@/blogdb?host=%2Fvar%2Frun%2Fpostgresql");
        QVERIFY(defaultPort.hasValue());
        QCOMPARE(defaultPort->host, "/var/run/postgresql");
        QCOMPARE(defaultPort->port, 5432);
        QCOMPARE(defaultPort->password, "pw");
        QVERIFY(!DatabaseUrl::parse("postgres://blog:pw@db.example/blogdb")->isUnixSocket());
    }

    void postgresSslMode()
    {
        const auto url = DatabaseUrl::parse("postgres://blog:pw@db.example/blogdb?sslmode=verify-full");
        QVERIFY(url.hasValue());
        QCOMPARE(url->sslMode, "verify-full");
        QCOMPARE(DatabaseUrl::parse(url->displayString())->sslMode, "verify-full");
        QCOMPARE(DatabaseUrl::parse("postgres://blog:pw@db.example/blogdb")->sslMode, "");
    }

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("sqlite without path") << "sqlite:";
        QTest::newRow("mysql") << "mysql://a@b/c";
        QTest::newRow("postgres without db") << "postgres://u:p@host:5432/";
        QTest::newRow("bare path") << "/tmp/blog.sqlite";
        QTest::newRow("postgres without host") << "postgres://u:p@/db";
        QTest::newRow("two hosts") << "postgres://u@db.example/db?host=/run/postgresql";
        QTest::newRow("relative socket directory") << "postgres://u@/db?host=run/postgresql";
        QTest::newRow("unknown option") << "postgres://u@db.example/db?application_name=x";
        QTest::newRow("unknown sslmode") << "postgres://u@db.example/db?sslmode=sometimes";
    }

    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!DatabaseUrl::parse(text).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "TestDatabaseUrl.moc"
