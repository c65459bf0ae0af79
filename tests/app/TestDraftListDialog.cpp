#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "DraftListDialog.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>

using namespace blog;
using namespace blog::test;

Q_DECLARE_METATYPE(blog::ConflictChoice)

// The drafts list, reached from the main window over a real server: new, open, delete, publish.
class TestDraftListDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    HttpClient m_http;
    QStringList m_questions;
    bool m_answer = true;

    DraftStore &store() { return m_window->drafts(); }
    LocalDraft addDraft(const QString &title, const QString &text = QStringLiteral("Body"))
    {
        LocalDraft draft;
        draft.title = title;
        draft.description = "d";
        draft.text = text;
        if (!store().save(draft))
            qFatal("cannot save a draft");
        return draft;
    }
    DraftListDialog *openList()
    {
        m_window->findChild<QAction *>("draftsAction")->trigger();
        return m_window->findChild<DraftListDialog *>();
    }
    static void select(DraftListDialog *list, const QString &title)
    {
        auto *table = list->findChild<QTableWidget *>("draftTable");
        for (int row = 0; row < table->rowCount(); ++row) {
            if (table->item(row, 0)->text() == title) {
                table->selectRow(row);
                return;
            }
        }
        QFAIL("no such draft in the list");
    }
    QString storedTitle(const QString &slug)
    {
        const auto response = m_http.get(m_server->url("/article/" + slug));
        return response.status == 200 ? response.json().value("title").toString() : QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts")
            .removeRecursively();
        m_server = std::make_unique<TestServer>();
        const auto signIn = m_http.post(m_server->url("/user/sign-in"),
            { { "email", TestServer::SeedEmail }, { "password", TestServer::SeedPassword } });
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setToken(signIn.json().value("token").toString());
        m_settings = std::make_unique<AppSettings>();
        User user;
        user.id = signIn.json().value("id").toInteger();
        m_window = std::make_unique<MainWindow>(*m_api, *m_settings, user);
        m_questions.clear();
        m_answer = true;
        m_window->setConfirm([this](const QString &question) {
            m_questions.append(question);
            return m_answer;
        });
        m_window->show();
    }
    void cleanup()
    {
        m_window.reset();
        m_api.reset();
        m_server.reset();
    }

    void listsTheDraftsNewestFirstAndFollowsChanges()
    {
        addDraft("Older");
        QTest::qWait(5);
        addDraft("Newer");
        auto *list = openList();
        QVERIFY(list);
        auto *table = list->findChild<QTableWidget *>("draftTable");
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), "Newer");
        QCOMPARE(table->item(1, 0)->text(), "Older");
        addDraft("Newest");
        QCOMPARE(table->rowCount(), 3);
        QCOMPARE(table->item(0, 0)->text(), "Newest");
        // The same list comes forward rather than a second one.
        QCOMPARE(openList(), list);
    }

    void newAndOpenShowTheEditor()
    {
        const LocalDraft draft = addDraft("To open", "Its text");
        auto *list = openList();
        select(list, "To open");
        QTest::mouseClick(list->findChild<QPushButton *>("openDraftButton"), Qt::LeftButton);
        auto *editor = m_window->findChild<ArticleEditorDialog *>();
        QVERIFY(editor);
        QCOMPARE(editor->draft().id, draft.id);
        QCOMPARE(editor->findChild<QLineEdit *>("titleEdit")->text(), "To open");
        // Opening it again brings the same editor forward.
        QTest::mouseClick(list->findChild<QPushButton *>("openDraftButton"), Qt::LeftButton);
        QCOMPARE(m_window->findChildren<ArticleEditorDialog *>().size(), 1);

        QTest::mouseClick(list->findChild<QPushButton *>("newDraftButton"), Qt::LeftButton);
        const auto editors = m_window->findChildren<ArticleEditorDialog *>();
        QCOMPARE(editors.size(), 2);
        QVERIFY(editors.last()->draft().id == 0 || editors.first()->draft().id == 0);
    }

    void commentsNotOnTheServerAreListedCopiedAndDeleted()
    {
        auto *list = openList();
        auto *table = list->findChild<QTableWidget *>("unsentCommentTable");
        QVERIFY(!table->isVisible()); // none yet
        // One in a comment box and one the server refused, both of articles deleted meanwhile: nowhere
        // else would the author find them again.
        store().saveCommentDraft("a-deleted-article", "Half a thought\nand the rest of it");
        const qint64 refused = store().addPendingComment("another-deleted-article", "Sent while offline");
        QVERIFY(store().refusePendingComment(refused, "Article not found"));
        QVERIFY(table->isVisible());
        QCOMPARE(table->rowCount(), 2);
        QCOMPARE(table->item(0, 0)->text(), "a-deleted-article");
        QCOMPARE(table->item(0, 1)->text(), "Half a thought …");
        QCOMPARE(table->item(1, 0)->text(), "another-deleted-article");
        QCOMPARE(table->item(1, 2)->text(), "Refused: Article not found");

        table->selectRow(0);
        QTest::mouseClick(list->findChild<QPushButton *>("copyUnsentCommentButton"), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), "Half a thought\nand the rest of it");

        auto *remove = list->findChild<QPushButton *>("deleteUnsentCommentButton");
        m_answer = false;
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains("a-deleted-article"));
        QCOMPARE(store().commentDrafts().size(), 1);
        m_answer = true;
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(store().commentDrafts().isEmpty());
        QCOMPARE(table->rowCount(), 1);
        table->selectRow(0);
        QTest::mouseClick(remove, Qt::LeftButton);
        QVERIFY(store().pendingComments().isEmpty());
        QVERIFY(!table->isVisible());
    }

    void anUnsentCommentOpensItsArticleAndDeletingItEmptiesTheBox()
    {
        QTRY_VERIFY(m_window->listingModel()->rowCount() > 1);
        const QString slug = m_window->listingModel()->item(0).slug;
        const QString another = m_window->listingModel()->item(1).slug;
        store().saveCommentDraft(slug, "Kept from yesterday");
        auto *list = openList();
        auto *table = list->findChild<QTableWidget *>("unsentCommentTable");
        QCOMPARE(table->rowCount(), 1);
        table->selectRow(0);
        QTest::mouseClick(list->findChild<QPushButton *>("openUnsentCommentArticleButton"), Qt::LeftButton);
        ArticleView *view = m_window->articleView();
        QTRY_VERIFY(view->article() && view->article()->slug == slug);
        auto *box = view->findChild<QPlainTextEdit *>("commentEdit");
        QTRY_COMPARE(box->toPlainText(), "Kept from yesterday");

        QTest::mouseClick(list->findChild<QPushButton *>("deleteUnsentCommentButton"), Qt::LeftButton);
        QCOMPARE(box->toPlainText(), "");
        // Neither this session's copy nor the file brings it back when the article is shown again.
        QTest::qWait(1200); // past the box's save interval
        QVERIFY(store().commentDrafts().isEmpty());
        view->showArticle(another);
        QTRY_VERIFY(view->article() && view->article()->slug == another);
        view->showArticle(slug);
        QTRY_VERIFY(view->article() && view->article()->slug == slug);
        QCOMPARE(box->toPlainText(), "");
    }

    void deletingAsksFirst()
    {
        addDraft("Keep me");
        addDraft("Delete me");
        auto *list = openList();
        select(list, "Delete me");
        m_answer = false;
        QTest::mouseClick(list->findChild<QPushButton *>("deleteDraftButton"), Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QVERIFY(m_questions.first().contains("Delete me"));
        QCOMPARE(store().drafts().size(), 2);
        m_answer = true;
        QTest::mouseClick(list->findChild<QPushButton *>("deleteDraftButton"), Qt::LeftButton);
        QCOMPARE(store().drafts().size(), 1);
        QCOMPARE(store().drafts().first().title, "Keep me");
        QCOMPARE(list->findChild<QTableWidget *>("draftTable")->rowCount(), 1);
    }

    void publishingRemovesTheDraftOnlyAfterTheServerConfirms()
    {
        addDraft("Published from the list");
        addDraft(""); // refused by the server: a title is required
        auto *list = openList();
        select(list, "(untitled)");
        QTest::mouseClick(list->findChild<QPushButton *>("publishDraftButton"), Qt::LeftButton);
        QTRY_VERIFY(!list->findChild<QLabel *>("draftListStatus")->text().startsWith("Publishing"));
        QCOMPARE(store().drafts().size(), 2);
        QTRY_VERIFY(
            list->findChild<QTableWidget *>("draftTable")->item(0, 2)->text().startsWith("Not published"));

        select(list, "Published from the list");
        QTest::mouseClick(list->findChild<QPushButton *>("publishDraftButton"), Qt::LeftButton);
        QTRY_COMPARE(store().drafts().size(), 1);
        QCOMPARE(storedTitle("published-from-the-list"), "Published from the list");
        QVERIFY(list->findChild<QLabel *>("draftListStatus")->text().contains("Published"));
    }

    void aDraftIsNotSentTwiceWhileItIsOnItsWay()
    {
        const LocalDraft draft = addDraft("Only once");
        std::optional<ApiResult<Article>> first;
        std::optional<ApiResult<Article>> second;
        m_window->draftPublisher().publish(draft.id, this, [&](const ApiResult<Article> &r) { first = r; });
        m_window->draftPublisher().publish(draft.id, this, [&](const ApiResult<Article> &r) { second = r; });
        QVERIFY(second.has_value() && !*second);
        QTRY_VERIFY(first.has_value());
        QVERIFY(*first);
        QCOMPARE(storedTitle("only-once"), "Only once");
        QCOMPARE(storedTitle("only-once-1"), QString());
        QCOMPARE(m_http.get(m_server->url("/article")).json().value("total").toInt(), 4);
    }

    void publishingAnEditOverAChangeMadeElsewhereAsksTheAuthor_data()
    {
        QTest::addColumn<ConflictChoice>("choice");
        QTest::newRow("keep mine") << ConflictChoice::KeepMine;
        QTest::newRow("take theirs") << ConflictChoice::TakeTheirs;
        QTest::newRow("keep mine as a new draft") << ConflictChoice::KeepMineAsNewDraft;
        QTest::newRow("undecided") << ConflictChoice::Undecided;
    }
    void publishingAnEditOverAChangeMadeElsewhereAsksTheAuthor()
    {
        QFETCH(ConflictChoice, choice);
        std::optional<ApiResult<Article>> loaded;
        m_api->fetchArticle("title-1-3", this, [&](const ApiResult<Article> &r) { loaded = r; });
        QTRY_VERIFY(loaded.has_value());
        QVERIFY(*loaded);
        LocalDraft draft = draftOf(**loaded);
        draft.title = "Mine";
        QVERIFY(store().save(draft));
        const QString token
            = m_http.signIn(m_server->url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword);
        QCOMPARE(m_http.patch(m_server->url("/article/1"), { { "title", "Theirs" } }, token).status, 200);
        QList<Article> asked;
        m_window->draftPublisher().setResolveConflict([&](const LocalDraft &, const Article &theirs) {
            asked.append(theirs);
            return choice;
        });

        auto *list = openList();
        select(list, "Mine");
        QTest::mouseClick(list->findChild<QPushButton *>("publishDraftButton"), Qt::LeftButton);
        QTRY_COMPARE(asked.size(), 1);
        QCOMPARE(asked.first().title, "Theirs");
        auto *status = list->findChild<QLabel *>("draftListStatus");
        QTRY_VERIFY(!status->text().startsWith("Publishing"));
        switch (choice) {
        case ConflictChoice::KeepMine:
            QCOMPARE(storedTitle("title-1-3"), "Mine");
            QVERIFY(store().drafts().isEmpty());
            break;
        case ConflictChoice::TakeTheirs:
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            QVERIFY(store().drafts().isEmpty());
            break;
        case ConflictChoice::KeepMineAsNewDraft:
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            QCOMPARE(store().drafts().size(), 1);
            QVERIFY(!store().drafts().first().isEdit());
            QCOMPARE(storedTitle("mine"), QString());
            break;
        case ConflictChoice::Undecided:
            QCOMPARE(storedTitle("title-1-3"), "Theirs");
            QCOMPARE(store().findForArticle(1)->title, "Mine");
            QVERIFY(!store().findForArticle(1)->lastError.isEmpty());
            break;
        }
        QCOMPARE(asked.size(), 1);
    }

    void publishingWithTheServerDownKeepsTheDraft()
    {
        addDraft("Server down");
        auto *list = openList();
        select(list, "Server down");
        m_server->stop();
        QTest::mouseClick(list->findChild<QPushButton *>("publishDraftButton"), Qt::LeftButton);
        QTRY_VERIFY(!list->findChild<QLabel *>("draftListStatus")->text().startsWith("Publishing"));
        QCOMPARE(store().drafts().size(), 1);
        QCOMPARE(store().drafts().first().title, "Server down");
    }
};

QTEST_MAIN(TestDraftListDialog)
#include "TestDraftListDialog.moc"
