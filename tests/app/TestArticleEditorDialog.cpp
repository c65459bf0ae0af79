#include "ApiClient.h"
#include "ArticleEditorDialog.h"
#include "HttpClient.h"
#include "TestServer.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace blog;
using namespace blog::test;

Q_DECLARE_METATYPE(blog::ArticleEditorDialog::ConflictChoice)

// The editor saving over a change made elsewhere since it opened: the author is asked, and each of
// the three answers does what it says.
class TestArticleEditorDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QString token()
    {
        return m_http.signIn(m_server->url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword);
    }
    QString storedTitle(const QString &slug)
    {
        const auto response = m_http.get(m_server->url("/article/" + slug));
        return response.status == 200 ? response.json().value("title").toString() : QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void savingOverAChangeMadeElsewhereAsksTheAuthor_data()
    {
        QTest::addColumn<ArticleEditorDialog::ConflictChoice>("choice");
        QTest::newRow("keep mine") << ArticleEditorDialog::ConflictChoice::KeepMine;
        QTest::newRow("take theirs") << ArticleEditorDialog::ConflictChoice::TakeTheirs;
        QTest::newRow("keep mine as a new article") << ArticleEditorDialog::ConflictChoice::SaveMineAsNew;
        QTest::newRow("undecided") << ArticleEditorDialog::ConflictChoice::Undecided;
    }
    void savingOverAChangeMadeElsewhereAsksTheAuthor()
    {
        QFETCH(ArticleEditorDialog::ConflictChoice, choice);
        ApiClient api;
        api.setBaseUrl(m_server->url(""));
        api.setToken(token());
        std::optional<ApiResult<Article>> loaded;
        api.fetchArticle("title-1-3", this, [&](const ApiResult<Article> &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QVERIFY(*loaded);

        ArticleEditorDialog editor(api, **loaded);
        QList<Article> asked;
        editor.setResolveConflict([&](const Article &theirs) {
            asked.append(theirs);
            return choice;
        });
        QSignalSpy savedSpy(&editor, &ArticleEditorDialog::articleSaved);
        editor.show();

        // Someone else (another device) changes the title meanwhile.
        QCOMPARE(m_http.patch(m_server->url("/article/1"), { { "title", "Theirs" } }, token()).status, 200);

        auto *title = editor.findChild<QLineEdit *>("titleEdit");
        title->clear();
        QTest::keyClicks(title, "Mine");
        QTest::mouseClick(editor.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, "Theirs");

        switch (choice) {
        case ArticleEditorDialog::ConflictChoice::KeepMine:
            QTRY_COMPARE(savedSpy.count(), 1);
            QCOMPARE(savedSpy.first().first().value<Article>().title, "Mine");
            QCOMPARE(storedTitle("title-1-3"), "Mine");
            break;
        case ArticleEditorDialog::ConflictChoice::TakeTheirs:
            QTRY_COMPARE(title->text(), "Theirs");
            QCOMPARE(savedSpy.count(), 0);
            QVERIFY(editor.isVisible());
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            break;
        case ArticleEditorDialog::ConflictChoice::SaveMineAsNew:
            QTRY_COMPARE(savedSpy.count(), 1);
            QCOMPARE(savedSpy.first().first().value<Article>().slug, "mine");
            QCOMPARE(storedTitle("mine"), "Mine");
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            break;
        case ArticleEditorDialog::ConflictChoice::Undecided:
            QTest::qWait(200);
            QCOMPARE(title->text(), "Mine"); // nothing of the author's is lost
            QCOMPARE(savedSpy.count(), 0);
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            break;
        }
        QCOMPARE(asked.size(), 1);
    }
};

QTEST_MAIN(TestArticleEditorDialog)
#include "TestArticleEditorDialog.moc"
