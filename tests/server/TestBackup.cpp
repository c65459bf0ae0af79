#include "HttpClient.h"
#include "ServerProcess.h"
#include "SideConnection.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <functional>

using namespace blog;
using namespace blog::test;

// blog-server backup, restore, export and import as an operator runs them: the executable, a real
// server under load, and the files they leave.
class TestBackup : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    static Run run(const QStringList &arguments)
    {
        QProcess process;
        process.start(QStringLiteral(BLOG_SERVER_EXECUTABLE), arguments);
        if (!process.waitForFinished(120000))
            process.kill();
        return { process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError()) };
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }
    static QString sqlite(const QString &file) { return "sqlite:" + file; }

    static DatabaseUrl urlOf(const QString &file)
    {
        DatabaseUrl url;
        url.path = file;
        return url;
    }

    static bool isPrivate(const QString &file)
    {
        return (QFileInfo(file).permissions()
                   & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther))
            == QFile::Permissions();
    }

    static QByteArray contentsOf(const QString &file)
    {
        QFile f(file);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    quint16 startServer(QProcess &server, const QString &url)
    {
        return startServeProcess(server, QStringLiteral(BLOG_SERVER_EXECUTABLE), url, "backup-test-secret");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(run({ "seed", "--database", sqlite(path("live.sqlite")) }).exitCode, 0);
        // Some bulk, so that the copy takes a while under the load.
        SideConnection side(urlOf(path("live.sqlite")));
        QVERIFY(side.exec(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
            "INSERT INTO articles (slug, title, description, text, author_id, created_at, updated_at) "
            "SELECT 'filler-' || i, 'Filler ' || i, 'Filler', printf('%.*c', 2000, 'x'), 1, "
            "'2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' FROM n"));
    }

    void aBackupDuringCommentPostsHoldsEveryCommentAcknowledgedBefore()
    {
        const QString live = sqlite(path("live.sqlite"));
        QProcess server;
        const quint16 port = startServer(server, live);
        QVERIFY(port != 0);
        const QUrl base(QString("http://127.0.0.1:%1").arg(port));
        HttpClient http;
        const QString token = http.signIn(base.resolved(QUrl("/user/sign-in")), "foo@bar.com", "password123");
        QVERIFY(!token.isEmpty());

        // Eight clients post comments back to back and note the id of each one acknowledged.
        QNetworkAccessManager network;
        QSet<qint64> acknowledged;
        bool stopping = false;
        int failed = 0;
        std::function<void()> postNext = [&] {
            if (stopping)
                return;
            QNetworkRequest request(base.resolved(QUrl("/article/title-1-3/comment")));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json");
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
            QNetworkReply *reply = network.post(request, R"({"text":"posted during the backup"})");
            QObject::connect(reply, &QNetworkReply::finished, [&, reply] {
                if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
                    acknowledged.insert(
                        QJsonDocument::fromJson(reply->readAll()).object().value("id").toInteger());
                else
                    ++failed;
                reply->deleteLater();
                postNext();
            });
        };
        for (int client = 0; client < 8; ++client)
            postNext();
        QVERIFY(QTest::qWaitFor([&] { return acknowledged.size() >= 200; }, 20000));

        const QSet<qint64> before = acknowledged;
        QProcess backup;
        backup.start(QStringLiteral(BLOG_SERVER_EXECUTABLE),
            { "backup", "--to", path("during.sqlite"), "--database", live });
        QVERIFY(QTest::qWaitFor([&] { return backup.state() == QProcess::NotRunning; }, 60000));
        const qsizetype duringAndBefore = acknowledged.size();
        QVERIFY(QTest::qWaitFor([&] { return acknowledged.size() >= duringAndBefore + 100; }, 20000));
        stopping = true;
        QVERIFY(QTest::qWaitFor([&] { return network.findChildren<QNetworkReply *>().isEmpty(); }, 10000));
        const QString backupOut
            = QString::fromUtf8(backup.readAllStandardOutput() + backup.readAllStandardError());
        qInfo().noquote() << backupOut.trimmed() << "|" << before.size() << "comments acknowledged before it,"
                          << duringAndBefore - before.size() << "while it ran," << failed << "failed";
        QCOMPARE(backup.exitCode(), 0);
        QCOMPARE(failed, 0);
        ::kill(pid_t(server.processId()), SIGTERM);
        QVERIFY(server.waitForFinished(10000));

        QVERIFY(isPrivate(path("during.sqlite")));
        QVERIFY(QDir(m_dir.path()).entryList({ ".*partial*" }, QDir::Files | QDir::Hidden).isEmpty());

        const Run restore = run(
            { "restore", "--from", path("during.sqlite"), "--database", sqlite(path("restored.sqlite")) });
        QVERIFY2(restore.exitCode == 0, qPrintable(restore.err));
        QVERIFY2(restore.out.contains("restored 1 users, 20003 articles"), qPrintable(restore.out));
        SideConnection restored(urlOf(path("restored.sqlite")));
        QCOMPARE(restored.scalar("PRAGMA integrity_check").toString(), QString("ok"));
        QSet<qint64> stored;
        for (const QString &id : restored.rows("SELECT id FROM comments"))
            stored.insert(id.toLongLong());
        const QSet<qint64> lost = before - stored;
        QVERIFY2(lost.isEmpty(), qPrintable(QString("%1 acknowledged comments missing").arg(lost.size())));
        // The restored database serves.
        QProcess again;
        const quint16 againPort = startServer(again, sqlite(path("restored.sqlite")));
        QVERIFY(againPort != 0);
        QCOMPARE(http.get(QUrl(QString("http://127.0.0.1:%1/article").arg(againPort)))
                     .json()
                     .value("total")
                     .toInt(),
            20003);
        again.terminate();
        QVERIFY(again.waitForFinished(10000));
    }

    void restoreRefusesADatabaseThatIsNotEmptyUnlessForced()
    {
        const QString target = sqlite(path("other.sqlite"));
        QCOMPARE(run({ "seed", "--database", target }).exitCode, 0);
        SideConnection side(urlOf(path("other.sqlite")));
        QVERIFY(side.exec("DELETE FROM comments WHERE id = 1"));
        const Run refused = run({ "restore", "--from", path("during.sqlite"), "--database", target });
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(
            refused.err.contains("not empty") && refused.err.contains("--force"), qPrintable(refused.err));
        QCOMPARE(side.scalar("SELECT count(*) FROM articles").toInt(), 3);

        const Run forced
            = run({ "restore", "--from", path("during.sqlite"), "--database", target, "--force" });
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));
        SideConnection after(urlOf(path("other.sqlite")));
        QCOMPARE(after.scalar("SELECT count(*) FROM articles").toInt(), 20003);
        QCOMPARE(after.scalar("SELECT count(*) FROM comments WHERE id = 1").toInt(), 1);
        QVERIFY(
            !QFileInfo::exists(path("other.sqlite-wal")) || QFileInfo(path("other.sqlite-wal")).size() == 0);
    }

    void restoreRefusesWhatIsNotABackupOfOurs()
    {
        QFile junk(path("junk.sqlite"));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'j'));
        junk.close();
        const Run notADatabase
            = run({ "restore", "--from", path("junk.sqlite"), "--database", sqlite(path("new.sqlite")) });
        QCOMPARE(notADatabase.exitCode, 1);
        QVERIFY2(notADatabase.err.contains("cannot be restored"), qPrintable(notADatabase.err));

        SideConnection foreign(urlOf(path("foreign.sqlite")));
        QVERIFY(foreign.exec("CREATE TABLE notes (text TEXT)"));
        const Run notOurs
            = run({ "restore", "--from", path("foreign.sqlite"), "--database", sqlite(path("new.sqlite")) });
        QCOMPARE(notOurs.exitCode, 1);
        QVERIFY2(notOurs.err.contains("not a blog database"), qPrintable(notOurs.err));
        QVERIFY(!QFileInfo::exists(path("new.sqlite")));
    }

    void backupRefusesAnExistingFileAndPostgres()
    {
        const QString live = sqlite(path("live.sqlite"));
        const Run exists = run({ "backup", "--to", path("during.sqlite"), "--database", live });
        QCOMPARE(exists.exitCode, 1);
        QVERIFY2(exists.err.contains("exists"), qPrintable(exists.err));
        const Run forced = run({ "backup", "--to", path("during.sqlite"), "--database", live, "--force" });
        QVERIFY2(forced.exitCode == 0, qPrintable(forced.err));

        const QString postgres = "postgres://blog:secret@127.0.0.1:1/blog";
        const Run backup = run({ "backup", "--to", path("pg.dump"), "--database", postgres });
        QCOMPARE(backup.exitCode, 1);
        QVERIFY2(backup.err.contains("pg_dump"), qPrintable(backup.err));
        const Run restore = run({ "restore", "--from", path("during.sqlite"), "--database", postgres });
        QCOMPARE(restore.exitCode, 1);
        QVERIFY2(restore.err.contains("pg_restore"), qPrintable(restore.err));
        QVERIFY(!backup.err.contains("secret") && !restore.err.contains("secret"));
    }

    void missingFilesAreUsageErrors()
    {
        const QString live = sqlite(path("live.sqlite"));
        for (const QStringList &arguments :
            { QStringList { "backup" }, QStringList { "export" }, QStringList { "restore" },
                QStringList { "import" }, QStringList { "migrate", "--to", "x" } }) {
            const Run usage = run(arguments + QStringList { "--database", live });
            QCOMPARE(usage.exitCode, 2);
            QVERIFY2(usage.err.contains("--to") || usage.err.contains("--from"), qPrintable(usage.err));
        }
        const Run help = run({ "--help" });
        for (const char *word : { "backup", "restore", "export", "import", "--to", "--from", "--force" })
            QVERIFY2(help.out.contains(QLatin1String(word)), word);
    }

    void exportAndImportThroughTheExecutable()
    {
        const QString source = sqlite(path("restored.sqlite"));
        const Run exported = run({ "export", "--to", path("blog.jsonl"), "--database", source });
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.contains("exported 1 users, 20003 articles"), qPrintable(exported.out));
        QVERIFY(isPrivate(path("blog.jsonl")));
        QCOMPARE(run({ "export", "--to", path("blog.jsonl"), "--database", source }).exitCode, 1);

        const Run imported
            = run({ "import", "--from", path("blog.jsonl"), "--database", sqlite(path("imported.sqlite")) });
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.contains("imported 1 users, 20003 articles"), qPrintable(imported.out));
        QCOMPARE(run({ "export", "--to", path("again.jsonl"), "--database", sqlite(path("imported.sqlite")) })
                     .exitCode,
            0);
        QCOMPARE(contentsOf(path("again.jsonl")), contentsOf(path("blog.jsonl")));

        // A second import into the same database is refused, and a bad line names itself.
        const Run twice
            = run({ "import", "--from", path("blog.jsonl"), "--database", sqlite(path("imported.sqlite")) });
        QCOMPARE(twice.exitCode, 1);
        QVERIFY2(twice.err.contains("not empty"), qPrintable(twice.err));
        QFile bad(path("bad.jsonl"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        const QByteArray good = contentsOf(path("blog.jsonl"));
        bad.write(good.left(good.indexOf('\n', 5000) + 1) + "{oops\n");
        bad.close();
        const int badLine = contentsOf(path("bad.jsonl")).count('\n');
        const Run broken
            = run({ "import", "--from", path("bad.jsonl"), "--database", sqlite(path("empty.sqlite")) });
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.err.contains(QString("line %1: not JSON").arg(badLine)), qPrintable(broken.err));
        SideConnection empty(urlOf(path("empty.sqlite")));
        QCOMPARE(empty.scalar("SELECT count(*) FROM users").toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "TestBackup.moc"
