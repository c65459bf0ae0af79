#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleListModel.h"
#include "ArticleView.h"
#include "DraftPublisher.h"
#include "DraftStore.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"

#include <QAction>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace blog;
using namespace blog::test;

Q_DECLARE_METATYPE(blog::ConflictChoice)

// Writing with the server away: publishing queues the draft, a comment is kept, and both go out when
// the same server (same port, same database) is back, the window's reconnection noticing it. A queued
// edit that meets a change made elsewhere gets the same three choices as in the editor.
class TestDraftPublisher : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestServer> m_restarted;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    std::unique_ptr<MainWindow> m_window;
    HttpClient m_http;
    QString m_token;
    QUrl m_base;
    quint16 m_port = 0;

    QUrl url(const QString &path) const { return QUrl(m_base.toString() + path); }
    QString storedTitle(const QString &slug)
    {
        const auto response = m_http.get(url("/article/" + slug));
        return response.status == 200 ? response.json().value("title").toString() : QString();
    }
    std::unique_ptr<MainWindow> openWindow()
    {
        User user;
        user.id = 1;
        user.fullName = "foo";
        auto window = std::make_unique<MainWindow>(*m_api, *m_settings, user);
        window->setConfirm([](const QString &) { return true; });
        window->show();
        return window;
    }
    void stopServer() { m_server->stop(); }
    void startServerAgain()
    {
        TestServer::Options options;
        options.seed = false;
        options.databasePath = m_server->databasePath();
        options.jwtSecret = m_server->jwtSecret();
        options.port = m_port;
        m_restarted = std::make_unique<TestServer>(options);
    }
    void selectFirstArticle()
    {
        QSignalSpy loaded(m_window->listingModel(), &ArticleListModel::pageLoaded);
        if (m_window->listingModel()->rowCount() == 0)
            QVERIFY(loaded.wait(10000));
        m_window->findChild<QTableView *>("articleTable")->selectRow(0);
        QTRY_VERIFY(m_window->articleView()->article()
            && m_window->articleView()->article()->slug == m_window->listingModel()->item(0).slug);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts")
            .removeRecursively();
        m_server = std::make_unique<TestServer>();
        m_base = m_server->url("");
        m_port = m_server->port();
        m_token = m_http.signIn(url("/user/sign-in"), TestServer::SeedEmail, TestServer::SeedPassword);
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_base);
        m_api->setToken(m_token);
        m_settings = std::make_unique<AppSettings>();
        m_window = openWindow();
    }
    void cleanup()
    {
        m_window.reset();
        m_api.reset();
        m_restarted.reset();
        m_server.reset();
    }

    void anArticleWrittenOfflineIsPublishedWhenTheServerIsBack()
    {
        stopServer();
        m_window->findChild<QAction *>("newArticleAction")->trigger();
        auto *editor = m_window->findChild<ArticleEditorDialog *>();
        QVERIFY(editor);
        QTest::keyClicks(editor->findChild<QLineEdit *>("titleEdit"), "Written offline");
        QTest::keyClicks(editor->findChild<QLineEdit *>("descriptionEdit"), "On a train");
        QTest::keyClicks(editor->findChild<QPlainTextEdit *>("textEdit"), "No network here.");
        QSignalSpy queued(&m_window->draftPublisher(), &DraftPublisher::queued);
        QTest::mouseClick(editor->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY(queued.wait(20000));
        QTRY_VERIFY(!editor->isVisible());
        QCOMPARE(m_window->drafts().queuedDrafts().size(), 1);
        QCOMPARE(m_window->drafts().queuedDrafts().first().title, "Written offline");
        QTRY_VERIFY(m_window->findChild<QLabel *>("offlineBanner")->isVisible());

        QSignalSpy published(&m_window->draftPublisher(), &DraftPublisher::published);
        startServerAgain();
        QVERIFY(published.wait(20000)); // the window reconnects every 5 s
        QCOMPARE(storedTitle("written-offline"), "Written offline");
        QVERIFY(m_window->drafts().drafts().isEmpty());
        QTRY_VERIFY(!m_window->findChild<QLabel *>("offlineBanner")->isVisible());
    }

    void aQueuedEditMeetingAChangeMadeElsewhereAsksTheAuthor_data()
    {
        QTest::addColumn<ConflictChoice>("choice");
        QTest::newRow("keep mine") << ConflictChoice::KeepMine;
        QTest::newRow("take theirs") << ConflictChoice::TakeTheirs;
        QTest::newRow("keep mine as a new draft") << ConflictChoice::KeepMineAsNewDraft;
        QTest::newRow("undecided") << ConflictChoice::Undecided;
    }
    void aQueuedEditMeetingAChangeMadeElsewhereAsksTheAuthor()
    {
        QFETCH(ConflictChoice, choice);
        selectFirstArticle();
        const Article loaded = *m_window->articleView()->article();
        QList<Article> asked;
        m_window->draftPublisher().setResolveConflict([&](const LocalDraft &, const Article &theirs) {
            asked.append(theirs);
            return choice;
        });
        // Another device changes it, then the connection drops before our edit goes out.
        QCOMPARE(
            m_http.patch(url("/article/" + QString::number(loaded.id)), { { "title", "Theirs" } }, m_token)
                .status,
            200);
        stopServer();
        m_window->findChild<QAction *>("editArticleAction")->trigger();
        auto *editor = m_window->findChild<ArticleEditorDialog *>();
        QVERIFY(editor);
        auto *title = editor->findChild<QLineEdit *>("titleEdit");
        title->clear();
        QTest::keyClicks(title, "Mine");
        QSignalSpy queued(&m_window->draftPublisher(), &DraftPublisher::queued);
        QTest::mouseClick(editor->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY(queued.wait(20000));
        QCOMPARE(m_window->drafts().findForArticle(loaded.id)->baseVersion, loaded.version);

        QSignalSpy finished(&m_window->draftPublisher(), &DraftPublisher::queueFinished);
        startServerAgain();
        QTRY_COMPARE_WITH_TIMEOUT(asked.size(), 1, 20000);
        QCOMPARE(asked.first().title, "Theirs");
        QTRY_VERIFY(!m_window->draftPublisher().isRunning());
        const auto draft = m_window->drafts().findForArticle(loaded.id);
        switch (choice) {
        case ConflictChoice::KeepMine:
            QCOMPARE(storedTitle(loaded.slug), "Mine");
            QVERIFY(m_window->drafts().drafts().isEmpty());
            break;
        case ConflictChoice::TakeTheirs:
            QCOMPARE(storedTitle(loaded.slug), "Theirs");
            QVERIFY(m_window->drafts().drafts().isEmpty());
            break;
        case ConflictChoice::KeepMineAsNewDraft:
            QCOMPARE(storedTitle(loaded.slug), "Theirs");
            QCOMPARE(storedTitle("mine"), QString());
            QVERIFY(!draft);
            QCOMPARE(m_window->drafts().drafts().size(), 1);
            QCOMPARE(m_window->drafts().drafts().first().title, "Mine");
            QVERIFY(!m_window->drafts().drafts().first().isEdit());
            QVERIFY(!m_window->drafts().drafts().first().isQueued());
            break;
        case ConflictChoice::Undecided:
            QCOMPARE(storedTitle(loaded.slug), "Theirs");
            QVERIFY(draft);
            QCOMPARE(draft->title, "Mine");
            QVERIFY(!draft->isQueued());
            QVERIFY(!draft->lastError.isEmpty());
            break;
        }
        QCOMPARE(asked.size(), 1);
    }

    void aCommentWrittenOfflineIsKeptAndSentWhenTheServerIsBack()
    {
        selectFirstArticle();
        const QString slug = m_window->articleView()->article()->slug;
        const int before = m_window->articleView()->article()->comments.size();
        stopServer();
        auto *edit = m_window->findChild<QPlainTextEdit *>("commentEdit");
        edit->setFocus();
        QTest::keyClicks(edit, "Typed on a plane");
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(m_window->drafts().pendingComments(slug).size(), 1);
        QCOMPARE(m_window->drafts().pendingComments(slug).first().text, "Typed on a plane");
        QVERIFY(edit->toPlainText().isEmpty());
        auto *pending = m_window->findChild<QLabel *>("pendingCommentsLabel");
        QVERIFY(pending->isVisible());
        QVERIFY(pending->text().contains("1"));

        QSignalSpy sent(&m_window->draftPublisher(), &DraftPublisher::commentSent);
        startServerAgain();
        QVERIFY(sent.wait(20000));
        QVERIFY(m_window->drafts().pendingComments().isEmpty());
        const QJsonArray comments = m_http.get(url("/article/" + slug)).json().value("comments").toArray();
        QCOMPARE(comments.size(), before + 1);
        QCOMPARE(comments.last().toObject().value("text").toString(), "Typed on a plane");
        QCOMPARE(m_window->findChild<QListView *>("commentList")->model()->rowCount(), before + 1);
        QVERIFY(!pending->isVisible());
    }

    void whatWasQueuedInAnEarlierRunGoesOutAtTheNextStart()
    {
        m_window.reset();
        {
            DraftStore store(DraftStore::pathFor(m_base.toString(), 1));
            LocalDraft draft;
            draft.title = "Queued yesterday";
            draft.description = "d";
            draft.text = "t";
            draft.state = LocalDraft::State::Queued;
            QVERIFY(store.save(draft));
            QVERIFY(store.addPendingComment("title-1-3", "Also from yesterday") > 0);
        }
        m_window = openWindow();
        QTRY_COMPARE_WITH_TIMEOUT(storedTitle("queued-yesterday"), "Queued yesterday", 10000);
        QTRY_VERIFY(m_window->drafts().pendingComments().isEmpty());
        QVERIFY(m_window->drafts().drafts().isEmpty());
        QCOMPARE(m_http.get(url("/article/title-1-3"))
                     .json()
                     .value("comments")
                     .toArray()
                     .last()
                     .toObject()
                     .value("text"),
            "Also from yesterday");
    }

    void aKeptCommentWhoseArticleIsGoneIsRefusedAndNotSentAgain()
    {
        m_window.reset();
        {
            DraftStore store(DraftStore::pathFor(m_base.toString(), 1));
            QVERIFY(store.addPendingComment("written-then-deleted", "For the one that was deleted") > 0);
        }
        m_window = openWindow();
        const auto refused = [this] {
            const QList<PendingComment> kept = m_window->drafts().pendingComments();
            return kept.size() == 1 && kept.first().refused;
        };
        QTRY_VERIFY_WITH_TIMEOUT(refused(), 10000);
        QVERIFY(!m_window->drafts().pendingComments().first().lastError.isEmpty());

        // An article of the same title takes the slug: the queue's next run leaves the comment alone.
        const auto created = m_http.post(url("/article"),
            { { "title", "Written then deleted" }, { "description", "d" }, { "text", "t" } }, m_token);
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value("slug").toString(), "written-then-deleted");
        QSignalSpy finished(&m_window->draftPublisher(), &DraftPublisher::queueFinished);
        m_window->draftPublisher().runQueue();
        QTRY_VERIFY(!finished.isEmpty());
        const auto stored = m_http.get(url("/article/written-then-deleted"));
        QCOMPARE(stored.status, 200);
        QVERIFY(stored.json().value("comments").toArray().isEmpty());
        QVERIFY(refused());
    }
};

QTEST_MAIN(TestDraftPublisher)
#include "TestDraftPublisher.moc"
