#include "HttpClient.h"
#include "Migrator.h"
#include "ServerProcess.h"

#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace blog::test;

// The blog-server executable itself: its subcommands, its secret file, a real serve and a graceful stop.
class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_url;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    Run run(const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(BLOG_SERVER_EXECUTABLE), arguments);
        if (!process.waitForFinished(60000))
            process.kill();
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    qint64 scalar(const QString &sql)
    {
        const QString name = QStringLiteral("cli-check");
        qint64 value = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
            db.setDatabaseName(m_url.mid(7));
            if (db.open()) {
                QSqlQuery query(db);
                if (query.exec(sql) && query.next())
                    value = query.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return value;
    }

    void exec(const QString &sql)
    {
        const QString name = QStringLiteral("cli-exec");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase("QSQLITE", name);
            db.setDatabaseName(m_url.mid(7));
            QVERIFY(db.open());
            QSqlQuery query(db);
            QVERIFY2(query.exec(sql), qPrintable(query.lastError().text()));
        }
        QSqlDatabase::removeDatabase(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_url = "sqlite:" + m_dir.filePath("cli.sqlite");
    }

    void helpListsEveryCommand()
    {
        const Run help = run({ "--help" });
        QCOMPARE(help.exitCode, 0);
        for (const char *word : { "serve", "migrate", "seed", "purge-comments", "--database", "--port",
                 "--older-than", "BLOG_JWT_SECRET" })
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
    }

    void unknownCommandsAndBadOptionsFail()
    {
        QCOMPARE(run({ "frobnicate" }).exitCode, 2);
        QCOMPARE(run({ "serve", "--port", "70000" }).exitCode, 2);
        QCOMPARE(run({ "migrate", "--database", "mysql://x" }).exitCode, 2);
    }

    void badMetricsAddressesAreRefused()
    {
        for (const char *address : { "9101", "localhost:9101", "127.0.0.1:", "127.0.0.1:70000", "::1:x" }) {
            const Run refused = run({ "serve", "--metrics-listen", address });
            QCOMPARE(refused.exitCode, 2);
            QVERIFY2(refused.err.contains("--metrics-listen"), qPrintable(refused.err));
        }
        const Run samePort = run({ "serve", "--port", "3101", "--metrics-listen", "127.0.0.1:3101" });
        QCOMPARE(samePort.exitCode, 2);
        QVERIFY2(samePort.err.contains("public port"), qPrintable(samePort.err));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BLOG_METRICS_LISTEN", "nonsense");
        QCOMPARE(run({ "serve" }, environment).exitCode, 2);
    }

    void migrateThenSeedIsIdempotent()
    {
        const Run migrate = run({ "migrate", "--database", m_url });
        QCOMPARE(migrate.exitCode, 0);
        const QString all = QString("applied %1 migration(s)").arg(blog::Migrator::available().size());
        QVERIFY2(migrate.out.contains(all), qPrintable(migrate.out));
        QVERIFY(run({ "migrate", "--database", m_url }).out.contains("applied 0 migration(s)"));

        const Run first = run({ "seed", "--database", m_url });
        QCOMPARE(first.exitCode, 0);
        QVERIFY2(first.out.contains("seeded 1 user(s), 3 article(s), 6 comment(s)"), qPrintable(first.out));
        const Run second = run({ "seed", "--database", m_url });
        QVERIFY2(second.out.contains("seeded 0 user(s), 0 article(s), 0 comment(s)"), qPrintable(second.out));
        QCOMPARE(scalar("SELECT count(*) FROM users"), 1);
        QCOMPARE(scalar("SELECT count(*) FROM articles"), 3);
        QCOMPARE(scalar("SELECT count(*) FROM comments"), 6);
        // The production hash cost, never a weaker one, for the seeded password.
        QCOMPARE(
            scalar("SELECT count(*) FROM users WHERE password_hash LIKE '$argon2id$v=19$m=65536,t=3,p=4$%'"),
            1);
    }

    void purgeRemovesOnlyOldSoftDeletedComments()
    {
        exec("UPDATE comments SET deleted_at = '2020-01-01T00:00:00.000Z' WHERE id = 1");
        exec("UPDATE comments SET deleted_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = 2");
        const Run purge = run({ "purge-comments", "--older-than", "30", "--database", m_url });
        QCOMPARE(purge.exitCode, 0);
        QVERIFY2(purge.out.contains("removed 1 comment(s)"), qPrintable(purge.out));
        QCOMPARE(scalar("SELECT count(*) FROM comments WHERE id = 1"), 0);
        QCOMPARE(scalar("SELECT count(*) FROM comments WHERE id = 2"), 1);
        QCOMPARE(scalar("SELECT count(*) FROM comments"), 5);
        QVERIFY(run({ "purge-comments", "--older-than", "0", "--database", m_url })
                    .out.contains("removed 1 comment(s)"));
        QCOMPARE(scalar("SELECT count(*) FROM comments WHERE deleted_at IS NOT NULL"), 0);
    }

    void serveKeepsAPrivateSecretAndStopsGracefully()
    {
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("BLOG_JWT_SECRET");
        server.setProcessEnvironment(environment);
        server.start(QStringLiteral(BLOG_SERVER_EXECUTABLE), { "serve", "--port", "0", "--database", m_url });
        QVERIFY(server.waitForStarted());
        QString log;
        const quint16 port = waitForListening(server, &log);
        QVERIFY(port != 0);

        const QFileInfo secret(m_dir.filePath("jwt-secret"));
        QVERIFY(secret.exists());
        QCOMPARE(secret.permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());

        HttpClient client;
        const QUrl base(QString("http://127.0.0.1:%1").arg(port));
        QCOMPARE(client.get(base.resolved(QUrl("/article"))).json().value("total").toInt(), 3);
        const QString token
            = client.signIn(base.resolved(QUrl("/user/sign-in")), "foo@bar.com", "password123");
        QVERIFY(!token.isEmpty());

        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        log += QString::fromUtf8(server.readAll());
        QCOMPARE(server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(server.exitCode(), 0);
        QVERIFY2(log.contains("stopped"), qPrintable(log));
        QVERIFY(!log.contains("password123"));

        // The same key after a restart: tokens survive it.
        QProcess again;
        again.setProcessEnvironment(environment);
        again.setProcessChannelMode(QProcess::MergedChannels);
        again.start(QStringLiteral(BLOG_SERVER_EXECUTABLE),
            { "serve", "--port", QString::number(port), "--database", m_url });
        QVERIFY(QTest::qWaitFor(
            [&] { return client.get(base.resolved(QUrl("/user/profile")), token).status == 200; }, 10000));
        ::kill(pid_t(again.processId()), SIGINT);
        QVERIFY(again.waitForFinished(10000));
        const QString againLog = QString::fromUtf8(again.readAll());
        QVERIFY2(again.exitStatus() == QProcess::NormalExit && again.exitCode() == 0, qPrintable(againLog));
    }

    void aSecretReadableByOthersIsRefused()
    {
        QFile::setPermissions(
            m_dir.filePath("jwt-secret"), QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove("BLOG_JWT_SECRET");
        const Run refused = run({ "serve", "--port", "0", "--database", m_url }, environment);
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.contains("readable by others"), qPrintable(refused.err));
    }

    void aTakenPortIsAClearError()
    {
        QTcpServer blocker;
        QVERIFY(blocker.listen(QHostAddress::LocalHost, 0));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BLOG_JWT_SECRET", "test-secret-from-the-environment");
        const Run taken = run(
            { "serve", "--port", QString::number(blocker.serverPort()), "--database", m_url }, environment);
        QCOMPARE(taken.exitCode, 1);
        QVERIFY2(taken.err.contains("cannot listen"), qPrintable(taken.err));
    }

    // Our own listening sockets share their port among our threads (SO_REUSEPORT), which the kernel
    // would also let a second blog-server of the same user join: it would then quietly take half of
    // the first one's connections (another database, another secret, another version).
    void aPortTakenByAnotherServerIsAClearErrorToo()
    {
        QProcess first;
        const quint16 port
            = startServeProcess(first, QStringLiteral(BLOG_SERVER_EXECUTABLE), m_url, "first-secret");
        QVERIFY(port != 0);
        QTemporaryDir other;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BLOG_JWT_SECRET", "second-secret");
        const Run second = run({ "serve", "--port", QString::number(port), "--host", "127.0.0.1",
                                   "--database", "sqlite:" + other.filePath("other.sqlite") },
            environment);
        QCOMPARE(second.exitCode, 1);
        QVERIFY2(second.err.contains("cannot listen") && second.err.contains(QString::number(port)),
            qPrintable(second.err));
        first.terminate();
        QVERIFY(first.waitForFinished(10000));
    }
    void articlesWrittenByHandGetTheirPhrasePairsAtStart()
    {
        // A row written with the sqlite3 shell: the triggers queue it, serve makes its pairs.
        QVERIFY(run({ "seed", "--database", m_url }).exitCode == 0);
        exec("INSERT INTO articles (slug, title, description, text, author_id, created_at, updated_at) "
             "SELECT 'by-hand', 'Written by hand', 'Shell', 'Lanterns over the quiet harbour.', min(id), "
             "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM users");
        QCOMPARE(scalar("SELECT count(*) FROM article_search_pairs_pending"), 1);
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BLOG_JWT_SECRET", QString(64, QLatin1Char('k')));
        server.setProcessEnvironment(environment); // an earlier test left the key file readable by others
        server.start(QStringLiteral(BLOG_SERVER_EXECUTABLE), { "serve", "--port", "0", "--database", m_url });
        QString log;
        const quint16 port = waitForListening(server, &log);
        QVERIFY(port != 0);
        // Once it listens: a long queue does not hold the start.
        QVERIFY(QTest::qWaitFor(
            [&] {
                log += QString::fromUtf8(server.readAll());
                return log.contains("made the phrase pairs of 1 article(s)");
            },
            10000));
        HttpClient client;
        const QJsonObject page
            = client.get(QUrl(QString("http://127.0.0.1:%1/article?q=%22quiet%20harbour%22").arg(port)))
                  .json();
        QCOMPARE(page.value("total").toInt(), 1);
        QCOMPARE(page.value("items").toArray().first().toObject().value("slug").toString(), "by-hand");
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(scalar("SELECT count(*) FROM article_search_pairs_pending"), 0);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
