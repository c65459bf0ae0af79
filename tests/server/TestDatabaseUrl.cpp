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

    void rejects_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("sqlite without path") << "sqlite:";
        QTest::newRow("mysql") << "mysql://a@b/c";
        QTest::newRow("postgres without db") << "postgres://u:p@host:5432/";
        QTest::newRow("bare path") << "/tmp/blog.sqlite";
    }

    void rejects()
    {
        QFETCH(QString, text);
        QVERIFY(!DatabaseUrl::parse(text).hasValue());
    }
};

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "TestDatabaseUrl.moc"
