#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleEditorDialog.h"
#include "ArticleListModel.h"
#include "ArticleRepository.h"
#include "ArticleView.h"
#include "DraftStore.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"
#include "WriteTransaction.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The main window over a real server: reading an article, commenting with Ctrl+Enter, deleting
// comments, what an author may do to whose articles, and the offline banner.
class TestMainWindow : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    QStringList m_questions;

    std::unique_ptr<MainWindow> openWindow(const QString &email, const QString &password)
    {
        HttpClient http;
        const auto signIn
            = http.post(m_server->url("/user/sign-in"), { { "email", email }, { "password", password } });
        m_api->setToken(signIn.json().value("token").toString());
        User user;
        user.id = signIn.json().value("id").toInteger();
        user.fullName = signIn.json().value("fullName").toString();
        auto window = std::make_unique<MainWindow>(*m_api, *m_settings, user);
        window->setConfirm([this](const QString &question) {
            m_questions.append(question);
            return true;
        });
        window->show();
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        loaded.wait(10000);
        return window;
    }

    static void select(MainWindow &window, int row)
    {
        // The window opens the first row by itself when it gets focus; wait for this row's article.
        const QString slug = window.listingModel()->item(row).slug;
        window.findChild<QTableView *>("articleTable")->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.articleView()->article() && window.articleView()->article()->slug == slug, 10000);
        QCOMPARE(window.findChild<QListView *>("commentList")->model()->rowCount(),
            window.articleView()->article()->comments.size());
    }

    // Begins a comment on the first article, then one on the second; the box is empty in between.
    static void typeOnTheFirstTwoArticles(MainWindow &window, const QString &onFirst, const QString &onSecond)
    {
        auto *edit = window.findChild<QPlainTextEdit *>("commentEdit");
        select(window, 0);
        edit->setFocus();
        QTest::keyClicks(edit, onFirst);
        select(window, 1);
        QVERIFY(edit->toPlainText().isEmpty()); // it does not follow the author to another article
        QTest::keyClicks(edit, onSecond);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts")
            .removeRecursively();
        m_server = std::make_unique<TestServer>();
        m_api = std::make_unique<ApiClient>();
        m_api->setBaseUrl(m_server->url(""));
        m_api->setCacheDirectory(m_cacheDir.filePath("http"));
        m_settings = std::make_unique<AppSettings>();
        m_questions.clear();
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void listsTheArticlesWithTheTotal()
    {
        auto window = openWindow("foo@bar.com", "password123");
        QCOMPARE(window->findChild<QTableView *>("articleTable")->model()->rowCount(), 3);
        QCOMPARE(window->findChild<QLabel *>("totalLabel")->text(), "Articles: 3");
    }

    void openingAnArticleShowsItsTextAndComments()
    {
        auto window = openWindow("foo@bar.com", "password123");
        select(*window, 2);
        QCOMPARE(window->findChild<QLabel *>("articleTitleLabel")->text(), "title 3/3");
        QVERIFY(window->findChild<QLabel *>("articleMetaLabel")->text().contains("foo2, foo3"));
        QCOMPARE(window->findChild<QListView *>("commentList")->model()->rowCount(), 3);
        // Markdown is rendered: the list items became a list, not "- one" text.
        const QString html
            = window->articleView()->findChild<QWidget *>("articleTextBrowser")->property("html").toString();
        QVERIFY(html.contains("<li"));
    }

    void ctrlEnterPostsACommentAndBumpsTheCount()
    {
        auto window = openWindow("foo@bar.com", "password123");
        select(*window, 1);
        auto *edit = window->findChild<QPlainTextEdit *>("commentEdit");
        auto *comments = window->findChild<QListView *>("commentList");
        edit->setFocus();
        QTest::keyClicks(edit, "A comment from the desktop");
        QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE(comments->model()->rowCount(), 2);
        QVERIFY(comments->model()->index(1, 0).data().toString().contains("A comment from the desktop"));
        QVERIFY(edit->toPlainText().isEmpty());
        QCOMPARE(window->listingModel()->index(1, ArticleListModel::CommentsColumn).data().toInt(), 2);
        // It is on the server, not only in the window.
        HttpClient http;
        QCOMPARE(http.get(m_server->url("/article/title-2-3")).json().value("comments").toArray().size(), 2);
    }

    void aCommentInProgressStaysWithItsArticle()
    {
        QString first;
        QString second;
        {
            auto window = openWindow("foo@bar.com", "password123");
            first = window->listingModel()->item(0).slug;
            second = window->listingModel()->item(1).slug;
            auto *edit = window->findChild<QPlainTextEdit *>("commentEdit");
            typeOnTheFirstTwoArticles(*window, "On the first", "On the second");
            select(*window, 0);
            QCOMPARE(edit->toPlainText(), "On the first");
            QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
            QTRY_VERIFY(edit->toPlainText().isEmpty());
            HttpClient http;
            const auto commentsOn = [&](const QString &slug) {
                QStringList texts;
                for (const QJsonValue comment :
                    http.get(m_server->url("/article/" + slug)).json().value("comments").toArray())
                    texts.append(comment.toObject().value("text").toString());
                return texts;
            };
            QVERIFY(commentsOn(first).contains("On the first"));
            QVERIFY(!commentsOn(second).contains("On the second"));
            select(*window, 1);
            QCOMPARE(edit->toPlainText(), "On the second");
            QTest::keyClicks(edit, ", and more");
            // Saved a second after typing, with the window still open: a crash now loses nothing.
            const qint64 userId = http.post(m_server->url("/user/sign-in"),
                                          { { "email", "foo@bar.com" }, { "password", "password123" } })
                                      .json()
                                      .value("id")
                                      .toInteger();
            const QString path = DraftStore::pathFor(m_api->baseUrl().toString(), userId);
            QTRY_COMPARE_WITH_TIMEOUT(DraftStore(path).commentDraft(second), "On the second, and more", 3000);
            QCOMPARE(DraftStore(path).commentDraft(first), "");
        }
        // The next start.
        auto window = openWindow("foo@bar.com", "password123");
        auto *edit = window->findChild<QPlainTextEdit *>("commentEdit");
        select(*window, 1);
        QCOMPARE(edit->toPlainText(), "On the second, and more");
        select(*window, 0);
        QVERIFY(edit->toPlainText().isEmpty()); // the posted one is not offered again
    }

    void aCommentIsKeptWhenTheWindowGoesAndNotOfferedOnceItsPostArrived()
    {
        QString first;
        QString second;
        {
            auto window = openWindow("foo@bar.com", "password123");
            first = window->listingModel()->item(0).slug;
            second = window->listingModel()->item(1).slug;
            typeOnTheFirstTwoArticles(*window, "Posted as the window went", "Still being written");
            // Deleted at once, without a close, as after a new sign-in.
        }
        // The post of the first comment had reached the server; its answer did not reach the window.
        HttpClient http;
        const QString token = http.signIn(m_server->url("/user/sign-in"), "foo@bar.com", "password123");
        QCOMPARE(http.post(m_server->url("/article/" + first + "/comment"),
                         { { "text", "Posted as the window went" } }, token)
                     .status,
            201);
        auto window = openWindow("foo@bar.com", "password123");
        auto *edit = window->findChild<QPlainTextEdit *>("commentEdit");
        select(*window, 1);
        QCOMPARE(edit->toPlainText(), "Still being written");
        select(*window, 0);
        QVERIFY(edit->toPlainText().isEmpty());
        select(*window, 1);
        select(*window, 0);
        QVERIFY(edit->toPlainText().isEmpty()); // and forgotten, not only hidden
    }

    void withoutADraftsFileACommentInProgressStaysForTheSession()
    {
        // A file where the drafts folder should be: the drafts file cannot be made.
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + "/drafts";
        QDir(folder).removeRecursively();
        QDir().mkpath(QFileInfo(folder).absolutePath());
        QFile blocker(folder);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        auto window = openWindow("foo@bar.com", "password123");
        auto *edit = window->findChild<QPlainTextEdit *>("commentEdit");
        select(*window, 0);
        edit->setFocus();
        QTest::keyClicks(edit, "Only in memory");
        select(*window, 1);
        QVERIFY(edit->toPlainText().isEmpty());
        select(*window, 0);
        QCOMPARE(edit->toPlainText(), "Only in memory");
        window.reset();
        QVERIFY(QFile::remove(folder));
    }

    void deletingOwnCommentAsksFirstThenRemovesIt()
    {
        auto window = openWindow("foo@bar.com", "password123");
        select(*window, 0);
        auto *comments = window->findChild<QListView *>("commentList");
        auto *remove = window->findChild<QPushButton *>("deleteCommentButton");
        QVERIFY(!remove->isEnabled());
        comments->setCurrentIndex(comments->model()->index(0, 0));
        QVERIFY(remove->isEnabled());
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(m_questions.size(), 1);
        QTRY_COMPARE(comments->model()->rowCount(), 1);
        QCOMPARE(window->listingModel()->index(0, ArticleListModel::CommentsColumn).data().toInt(), 1);
        HttpClient http;
        QCOMPARE(http.get(m_server->url("/article/title-1-3")).json().value("comments").toArray().size(), 1);
    }

    void othersArticlesOfferNoEditOrDelete()
    {
        HttpClient http;
        http.signUp(m_server->url("/user/sign-up"), "reader@example.com", "Reader", "password123");
        auto window = openWindow("reader@example.com", "password123");
        select(*window, 0);
        QVERIFY(!window->findChild<QAction *>("editArticleAction")->isEnabled());
        QVERIFY(!window->findChild<QAction *>("deleteArticleAction")->isEnabled());
        auto *comments = window->findChild<QListView *>("commentList");
        comments->setCurrentIndex(comments->model()->index(0, 0));
        QVERIFY(!window->findChild<QPushButton *>("deleteCommentButton")->isEnabled());

        auto own = openWindow("foo@bar.com", "password123");
        select(*own, 0);
        QVERIFY(own->findChild<QAction *>("editArticleAction")->isEnabled());
        QVERIFY(own->findChild<QAction *>("deleteArticleAction")->isEnabled());
    }

    void deletingOwnArticleRemovesItFromTheListing()
    {
        auto window = openWindow("foo@bar.com", "password123");
        select(*window, 0);
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        window->findChild<QAction *>("deleteArticleAction")->trigger();
        QVERIFY(m_questions.first().contains("title 1/3"));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(window->listingModel()->rowCount(), 2);
        QCOMPARE(window->listingModel()->item(0).slug, "title-2-3");
    }

    void scrollingTheTableLoadsFurtherPages()
    {
        {
            ArticleRepository articles(m_server->database());
            WriteTransaction transaction(m_server->database());
            for (int i = 0; i < 497; ++i)
                articles.insert(1, QString("scroll-%1").arg(i),
                    ArticleDraft { QString("Scroll %1").arg(i), "d", "t", {} });
            transaction.commit();
            m_server->api().listingCache().invalidate();
        }
        auto window = openWindow("foo@bar.com", "password123");
        auto *table = window->findChild<QTableView *>("articleTable");
        QCOMPARE(table->model()->rowCount(), ArticleListModel::PageSize);
        QCOMPARE(window->findChild<QLabel *>("totalLabel")->text(), "Articles: 500");
        for (int i = 0; i < 3; ++i) {
            const int before = table->model()->rowCount();
            table->scrollToBottom(); // the view asks the model for more (canFetchMore/fetchMore)
            QTRY_VERIFY(table->model()->rowCount() > before);
        }
        QVERIFY(table->model()->rowCount() >= 4 * ArticleListModel::PageSize);
    }

    void writingANewArticlePublishesIt()
    {
        auto window = openWindow("foo@bar.com", "password123");
        window->findChild<QAction *>("newArticleAction")->trigger();
        auto *editor = window->findChild<ArticleEditorDialog *>();
        QVERIFY(editor);
        QTest::keyClicks(editor->findChild<QLineEdit *>("titleEdit"), "Written on the desktop");
        QTest::keyClicks(editor->findChild<QLineEdit *>("descriptionEdit"), "A test of the editor");
        QTest::keyClicks(editor->findChild<QLineEdit *>("tagsEdit"), "desktop, Qt, desktop");
        editor->findChild<QPlainTextEdit *>("textEdit")->setPlainText("# Hello\n\nSome **bold** text.");
        QTest::mouseClick(editor->findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        // The window may still be opening the first article it selected by itself; the new one wins.
        QTRY_COMPARE_WITH_TIMEOUT(
            window->findChild<QLabel *>("articleTitleLabel")->text(), "Written on the desktop", 10000);
        QTRY_COMPARE(window->listingModel()->total(), 4);
        HttpClient http;
        const QJsonObject stored = http.get(m_server->url("/article/written-on-the-desktop")).json();
        QCOMPARE(stored.value("tags").toArray(), QJsonArray({ "desktop", "Qt" }));
        QVERIFY(window->findChild<QAction *>("editArticleAction")->isEnabled());
    }

    void offlineShowsTheLastListingWithABanner()
    {
        auto window = openWindow("foo@bar.com", "password123");
        auto *banner = window->findChild<QLabel *>("offlineBanner");
        QVERIFY(!banner->isVisible());
        m_server->stop();
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        window->findChild<QAction *>("refreshAction")->trigger();
        QVERIFY(loaded.wait(10000));
        QVERIFY(banner->isVisible());
        QCOMPARE(window->listingModel()->rowCount(), 3);
        // Writing goes on offline, into drafts.
        QVERIFY(window->findChild<QAction *>("newArticleAction")->isEnabled());
        QVERIFY(!window->findChild<QAction *>("deleteArticleAction")->isEnabled());
    }
};

QTEST_MAIN(TestMainWindow)
#include "TestMainWindow.moc"
