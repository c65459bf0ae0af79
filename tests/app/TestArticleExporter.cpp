#include "ApiClient.h"
#include "ArticleExporter.h"
#include "DraftStore.h"
#include "FrontMatter.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;
using namespace blog::test;

// Blog > Export as Markdown over a real server and a real drafts file: every article of mine (and only
// mine) and every draft becomes a Markdown file whose front matter says what the article is.
class TestArticleExporter : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<DraftStore> m_store;
    HttpClient m_http;
    QString m_token;
    qint64 m_userId = 0;

    static QString read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }
    ArticleExporter::Summary exportInto(const QString &directory)
    {
        ArticleExporter exporter(*m_api, *m_store);
        std::optional<ArticleExporter::Summary> summary;
        connect(&exporter, &ArticleExporter::finished, this,
            [&](const ArticleExporter::Summary &done) { summary = done; });
        exporter.start(directory, m_userId);
        if (!QTest::qWaitFor([&] { return summary.has_value(); }, 20000))
            qFatal("the export never finished");
        return *summary;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        const auto signIn = m_http.post(m_server->url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        m_token = signIn.json().value("token").toString();
        m_userId = signIn.json().value("id").toInteger();
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setToken(m_token);
        m_dir = std::make_unique<QTemporaryDir>();
        m_store = std::make_unique<DraftStore>(m_dir->filePath("drafts.sqlite"));
    }
    void cleanup()
    {
        m_store.reset();
        m_api.reset();
        m_server.reset();
    }

    void frontMatterQuotesWhateverTheTextHolds()
    {
        QCOMPARE(FrontMatter::quoted("plain"), "\"plain\"");
        QCOMPARE(FrontMatter::quoted("say \"hi\": C:\\dir\n#x"), "\"say \\\"hi\\\": C:\\\\dir\\n#x\"");
        QCOMPARE(FrontMatter::quoted(QString("bell\x07")), "\"bell\\x07\"");
        QCOMPARE(FrontMatter::quoted("Köln — 東京"), "\"Köln — 東京\"");
    }

    void everyArticleOfMineAndEveryDraftBecomesAFile()
    {
        const auto created = m_http.post(m_server->url("/article"),
            { { "title", "Quotes \"and\" colons: a test" }, { "description", "back\\slash" },
                { "text", "# Heading\n\nBody text." }, { "tags", QJsonArray { "qt", "c++" } } },
            m_token);
        QCOMPARE(created.status, 201);
        const QString slug = created.json().value("slug").toString();
        const QString other
            = m_http.signUp(m_server->url("/user/sign-up"), "other@example.com", "Other", "password123");
        QCOMPARE(m_http
                     .post(m_server->url("/article"),
                         { { "title", "Not mine" }, { "description", "d" }, { "text", "t" } }, other)
                     .status,
            201);
        const qint64 mine = m_http.get(m_server->url(QString("/article?author=%1&limit=1").arg(m_userId)))
                                .json()
                                .value("total")
                                .toInteger();
        QVERIFY(mine >= 1);

        LocalDraft draft;
        draft.title = "Half written";
        draft.text = "Not yet.";
        draft.tags = { "later" };
        QVERIFY(m_store->save(draft));

        QTemporaryDir out;
        const ArticleExporter::Summary summary = exportInto(out.path());
        QVERIFY2(summary.error.isEmpty(), qPrintable(summary.error));
        QCOMPARE(summary.articles, int(mine));
        QCOMPARE(summary.drafts, 1);
        QCOMPARE(QDir(out.path()).entryList({ "*.md" }, QDir::Files).size(), int(mine));
        QVERIFY(!QFile::exists(out.filePath("not-mine.md")));

        const QString exported = read(out.filePath(slug + ".md"));
        QVERIFY2(
            exported.startsWith("---\ntitle: \"Quotes \\\"and\\\" colons: a test\"\n"), qPrintable(exported));
        QVERIFY(exported.contains("\ndescription: \"back\\\\slash\"\n"));
        QVERIFY(exported.contains("\ntags: [\"qt\", \"c++\"]\n"));
        QVERIFY(exported.contains("\nslug: \"" + slug + "\"\n"));
        QVERIFY(exported.contains(QRegularExpression("\ndate: \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z\n")));
        QVERIFY(exported.endsWith("---\n\n# Heading\n\nBody text.\n"));

        const QString kept = read(out.filePath(QString("drafts/draft-%1.md").arg(draft.id)));
        QVERIFY2(kept.contains("\ntitle: \"Half written\"\n"), qPrintable(kept));
        QVERIFY(kept.contains("\ndraft: true\n"));
        QVERIFY(kept.endsWith("\n\nNot yet.\n"));
    }

    void withoutTheServerTheDraftsAreStillExported()
    {
        LocalDraft draft;
        draft.title = "Offline";
        draft.text = "Kept.";
        QVERIFY(m_store->save(draft));
        m_server->stop();

        QTemporaryDir out;
        const ArticleExporter::Summary summary = exportInto(out.path());
        QVERIFY(!summary.error.isEmpty());
        QCOMPARE(summary.articles, 0);
        QCOMPARE(summary.drafts, 1);
        QVERIFY(QFile::exists(out.filePath(QString("drafts/draft-%1.md").arg(draft.id))));
    }

    void anUnwritableFolderIsReportedNotIgnored()
    {
        LocalDraft draft;
        draft.title = "Somewhere";
        QVERIFY(m_store->save(draft));
        QTemporaryDir out;
        QFile blocker(out.filePath("drafts")); // a file where the folder should go
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        const ArticleExporter::Summary summary = exportInto(out.path());
        QVERIFY(!summary.error.isEmpty());
        QCOMPARE(summary.drafts, 0);
    }
};

QTEST_MAIN(TestArticleExporter)
#include "TestArticleExporter.moc"
