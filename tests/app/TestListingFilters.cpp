#include "ApiClient.h"
#include "AppSettings.h"
#include "ArticleListModel.h"
#include "ArticleRepository.h"
#include "ArticleView.h"
#include "FilterBar.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"
#include "WriteTransaction.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringListModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The main window's filter bar and the article view's Favourite and Follow buttons, driven by their
// objectNames against a real server: each filter lists the right articles (and pages), following an
// author fills the feed, favouring fills the favourites, errors show in the window, and signed out
// none of it can be used.
class TestListingFilters : public QObject
{
    Q_OBJECT

    struct Account
    {
        qint64 id = 0;
        QString token;
        QString fullName;
    };

    std::unique_ptr<TestServer> m_server;
    QTemporaryDir m_cacheDir;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<AppSettings> m_settings;
    HttpClient m_http;
    Account m_ada;
    QStringList m_adaSlugs;

    Account signIn(const QString &email, const QString &password)
    {
        const auto answer
            = m_http.post(m_server->url("/user/sign-in"), { { "email", email }, { "password", password } });
        return Account { answer.json().value("id").toInteger(), answer.json().value("token").toString(),
            answer.json().value("fullName").toString() };
    }

    std::unique_ptr<MainWindow> openWindow(const Account &account)
    {
        m_api->setToken(account.token);
        User user;
        user.id = account.id;
        user.fullName = account.fullName;
        auto window = std::make_unique<MainWindow>(*m_api, *m_settings, user);
        window->setConfirm([](const QString &) { return true; });
        window->show();
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        loaded.wait(10000);
        return window;
    }
    std::unique_ptr<MainWindow> openSeedWindow()
    {
        return openWindow(signIn(TestServer::SeedEmail, TestServer::SeedPassword));
    }

    // The titles the table shows, once a load after `change` has come in.
    template<typename Change> static QStringList titlesAfter(MainWindow &window, Change change)
    {
        QSignalSpy loaded(window.listingModel(), &ArticleListModel::pageLoaded);
        change();
        if (!loaded.wait(10000))
            return { QStringLiteral("<no page loaded>") };
        return titles(window);
    }
    static QStringList titles(MainWindow &window)
    {
        auto *table = window.findChild<QTableView *>("articleTable");
        QStringList titles;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            titles.append(table->model()->index(row, ArticleListModel::TitleColumn).data().toString());
        titles.sort();
        return titles;
    }
    static void choose(MainWindow &window, const QString &modeText)
    {
        auto *combo = window.findChild<QComboBox *>("filterCombo");
        const int row = combo->findText(modeText);
        QVERIFY2(row >= 0, qPrintable(modeText));
        combo->setCurrentIndex(row);
    }
    static void open(MainWindow &window, const QString &title)
    {
        auto *table = window.findChild<QTableView *>("articleTable");
        int row = 0;
        while (row < table->model()->rowCount()
            && table->model()->index(row, ArticleListModel::TitleColumn).data().toString() != title)
            ++row;
        QVERIFY2(row < table->model()->rowCount(), qPrintable(title));
        const QString slug = window.listingModel()->item(row).slug;
        table->selectRow(row);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.articleView()->article() && window.articleView()->article()->slug == slug, 10000);
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
        // A second author with two articles, one tagged.
        const auto signUp = m_http.post(m_server->url("/user/sign-up"),
            { { "email", "ada@example.com" }, { "fullName", "Ada Lovelace" },
                { "password", "password123" } });
        QCOMPARE(signUp.status, 201);
        m_ada = Account { signUp.json().value("id").toInteger(), signUp.json().value("token").toString(),
            "Ada Lovelace" };
        m_adaSlugs.clear();
        for (const auto &[title, tags] : { std::pair { QString("Ada one"), QStringList { "engines" } },
                 std::pair { QString("Ada two"), QStringList {} } }) {
            const auto created = m_http.post(m_server->url("/article"),
                { { "title", title }, { "description", "d" }, { "text", "t" },
                    { "tags", QJsonArray::fromStringList(tags) } },
                m_ada.token);
            QCOMPARE(created.status, 201);
            m_adaSlugs.append(created.json().value("slug").toString());
        }
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void eachFilterListsItsArticles()
    {
        auto window = openSeedWindow();
        const QStringList seeded { "title 1/3", "title 2/3", "title 3/3" };
        QCOMPARE(titles(*window), QStringList({ "Ada one", "Ada two" }) + seeded);
        QCOMPARE(window->findChild<QLabel *>("totalLabel")->text(), "Articles: 5");

        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "My articles"); }), seeded);
        QCOMPARE(window->findChild<QLabel *>("totalLabel")->text(), "Articles: 3");

        // A tag, typed with completion from the tags in use.
        auto *tagEdit = window->findChild<QLineEdit *>("tagFilterEdit");
        QVERIFY(!tagEdit->isVisible());
        choose(*window, "With a tag");
        QVERIFY(tagEdit->isVisible());
        auto *completions = qobject_cast<QStringListModel *>(tagEdit->completer()->model());
        QTRY_COMPARE(completions->stringList(), QStringList({ "engines", "foo1", "foo2", "foo3" }));
        QCOMPARE(titlesAfter(*window,
                     [&] {
                         QTest::keyClicks(tagEdit, "foo2");
                         QTest::keyClick(tagEdit, Qt::Key_Return);
                     }),
            seeded);
        QCOMPARE(titlesAfter(*window,
                     [&] {
                         tagEdit->clear();
                         QTest::keyClicks(tagEdit, "foo3");
                         QTest::keyClick(tagEdit, Qt::Key_Return);
                     }),
            QStringList { "title 3/3" });

        // An author, from those the listing has shown.
        auto *authorCombo = window->findChild<QComboBox *>("authorFilterCombo");
        choose(*window, "By an author");
        QVERIFY(authorCombo->isVisible());
        QCOMPARE(authorCombo->count(), 2);
        QCOMPARE(titlesAfter(
                     *window, [&] { authorCombo->setCurrentIndex(authorCombo->findText("Ada Lovelace")); }),
            QStringList({ "Ada one", "Ada two" }));
        QCOMPARE(
            titlesAfter(*window, [&] { authorCombo->setCurrentIndex(authorCombo->findText("Foo Bar")); }),
            seeded);

        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "My favourites"); }), QStringList {});
        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "Authors I follow"); }), QStringList {});
        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "All articles"); }),
            QStringList({ "Ada one", "Ada two" }) + seeded);
    }

    void theSearchFieldNarrowsWhateverIsShown()
    {
        auto window = openSeedWindow();
        auto *search = window->findChild<QLineEdit *>("searchEdit");
        QVERIFY(search);
        const QStringList ada { "Ada one", "Ada two" };
        QTest::keyClicks(search, "ada"); // one search once typing pauses, not one a key
        QTRY_COMPARE_WITH_TIMEOUT(titles(*window), ada, 10000);
        choose(*window, "With a tag");
        auto *tag = window->findChild<QLineEdit *>("tagFilterEdit");
        QTest::keyClicks(tag, "engines");
        QTest::keyClick(tag, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(titles(*window), QStringList({ "Ada one" }), 10000);

        // Words the server would refuse search for nothing: the list is what the other filters make it.
        choose(*window, "All articles");
        search->clear();
        QTest::keyClicks(search, "?!");
        QTRY_COMPARE_WITH_TIMEOUT(
            titles(*window), ada + QStringList({ "title 1/3", "title 2/3", "title 3/3" }), 10000);
        QTest::keyClicks(search, "\"ada two\"");
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(titles(*window), QStringList({ "Ada two" }), 10000);
    }

    void theArticleViewListsItsAuthorsArticles()
    {
        auto window = openSeedWindow();
        open(*window, "Ada two");
        auto *button = window->findChild<QPushButton *>("authorArticlesButton");
        QCOMPARE(button->text(), "Articles by Ada Lovelace");
        QCOMPARE(titlesAfter(*window, [&] { QTest::mouseClick(button, Qt::LeftButton); }),
            QStringList({ "Ada one", "Ada two" }));
        QCOMPARE(window->filterBar()->mode(), FilterBar::Mode::Author);
        QCOMPARE(window->findChild<QComboBox *>("authorFilterCombo")->currentText(), "Ada Lovelace");
    }

    void followingAnAuthorFillsTheFeed()
    {
        auto window = openSeedWindow();
        open(*window, "Ada two");
        auto *follow = window->findChild<QPushButton *>("followButton");
        QVERIFY(follow->isVisible());
        QCOMPARE(follow->text(), "Follow Ada Lovelace");
        QVERIFY(!follow->isChecked());
        QTest::mouseClick(follow, Qt::LeftButton);
        QTRY_COMPARE(follow->text(), "Unfollow Ada Lovelace");
        QVERIFY(follow->isChecked());
        QVERIFY(window->articleView()->standing().followingAuthor);
        QCOMPARE(window->statusBar()->currentMessage(), "You follow Ada Lovelace now.");

        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "Authors I follow"); }),
            QStringList({ "Ada one", "Ada two" }));
        // Unfollowing while the feed shows: the feed follows suit.
        QCOMPARE(titlesAfter(*window, [&] { QTest::mouseClick(follow, Qt::LeftButton); }), QStringList {});
        QCOMPARE(follow->text(), "Follow Ada Lovelace");
        // The server agrees.
        QCOMPARE(m_http
                     .get(m_server->url("/article/" + m_adaSlugs[0]),
                         signIn(TestServer::SeedEmail, TestServer::SeedPassword).token)
                     .json()
                     .value("followingAuthor")
                     .toBool(),
            false);

        // Nobody follows themselves: no button on my own articles.
        choose(*window, "All articles");
        QTRY_COMPARE(window->listingModel()->rowCount(), 5);
        open(*window, "title 1/3");
        QVERIFY(!follow->isVisible());
    }

    void favouritingTogglesAndFillsTheFavourites()
    {
        auto window = openSeedWindow();
        // Ada's favourite counts too.
        QCOMPARE(m_http
                     .send("PUT", m_server->url("/article/" + m_adaSlugs[0] + "/favorite"), {},
                         { { "Authorization", "Bearer " + m_ada.token.toLatin1() } })
                     .status,
            200);
        open(*window, "Ada one");
        auto *favorite = window->findChild<QPushButton *>("favoriteButton");
        QVERIFY(favorite->isVisible());
        QVERIFY(!favorite->isChecked());
        QVERIFY(favorite->text().contains("(1)"));
        QTest::mouseClick(favorite, Qt::LeftButton);
        QTRY_VERIFY(favorite->isChecked());
        QVERIFY(favorite->text().contains("(2)"));
        QCOMPARE(window->statusBar()->currentMessage(), "Added to your favourites.");

        QCOMPARE(titlesAfter(*window, [&] { choose(*window, "My favourites"); }), QStringList { "Ada one" });
        // Taken out while the favourites show: the list follows suit.
        QCOMPARE(titlesAfter(*window, [&] { QTest::mouseClick(favorite, Qt::LeftButton); }), QStringList {});
        QVERIFY(!favorite->isChecked());
        QVERIFY(favorite->text().contains("(1)"));
    }

    void aRefusedChangeIsShownInTheWindow()
    {
        auto window = openSeedWindow();
        open(*window, "Ada one");
        // The article goes away behind the window's back.
        QCOMPARE(m_http
                     .del(m_server->url("/article/" + QString::number(window->articleView()->article()->id)),
                         m_ada.token)
                     .status,
            200);
        auto *favorite = window->findChild<QPushButton *>("favoriteButton");
        QTest::mouseClick(favorite, Qt::LeftButton);
        QTRY_COMPARE(window->statusBar()->currentMessage(), "Article not found");
        QVERIFY(!favorite->isChecked()); // the server did not confirm it
        QVERIFY(favorite->isEnabled());
    }

    void filtersKeepPaging()
    {
        {
            ArticleRepository articles(m_server->database());
            WriteTransaction transaction(m_server->database());
            for (int i = 0; i < 70; ++i)
                articles.insert(m_ada.id, QString("paged-%1").arg(i),
                    ArticleDraft { QString("Paged %1").arg(i), "d", "t", {} });
            transaction.commit();
            m_server->api().listingCache().invalidate();
        }
        auto window = openSeedWindow();
        auto *table = window->findChild<QTableView *>("articleTable");
        choose(*window, "By an author");
        auto *authorCombo = window->findChild<QComboBox *>("authorFilterCombo");
        QSignalSpy loaded(window->listingModel(), &ArticleListModel::pageLoaded);
        authorCombo->setCurrentIndex(authorCombo->findText("Ada Lovelace"));
        QTRY_COMPARE(window->findChild<QLabel *>("totalLabel")->text(), "Articles: 72");
        QCOMPARE(table->model()->rowCount(), ArticleListModel::PageSize);
        table->scrollToBottom(); // the view asks the model for more
        QTRY_COMPARE(table->model()->rowCount(), 72);
        QCOMPARE(window->listingModel()->filter().authorId, m_ada.id);
    }

    void signedOutNothingNeedsAReader()
    {
        // No token: a window that reads only.
        auto window = openWindow(Account { 0, {}, {} });
        auto *combo = window->findChild<QComboBox *>("filterCombo");
        auto *items = qobject_cast<QStandardItemModel *>(combo->model());
        for (const QString mode : { "My articles", "My favourites", "Authors I follow" })
            QVERIFY2(!items->item(combo->findText(mode))->isEnabled(), qPrintable(mode));
        QVERIFY(items->item(combo->findText("With a tag"))->isEnabled());
        choose(*window, "My favourites");
        QCOMPARE(window->filterBar()->mode(), FilterBar::Mode::All);
        open(*window, "Ada one");
        QVERIFY(!window->findChild<QPushButton *>("favoriteButton")->isVisible());
        QVERIFY(!window->findChild<QPushButton *>("followButton")->isVisible());
        // Reading and the other filters go on.
        choose(*window, "By an author");
        auto *authorCombo = window->findChild<QComboBox *>("authorFilterCombo");
        QCOMPARE(titlesAfter(
                     *window, [&] { authorCombo->setCurrentIndex(authorCombo->findText("Ada Lovelace")); }),
            QStringList({ "Ada one", "Ada two" }));
    }

    void aRefusedTokenSignsTheWindowOut()
    {
        auto window = openSeedWindow();
        open(*window, "title 2/3");
        choose(*window, "My favourites");
        QTRY_COMPARE(window->listingModel()->filter().favoritedBy, std::optional<qint64>(1));
        QVERIFY(window->findChild<QPushButton *>("favoriteButton")->isVisible());
        // The token expires: the next request is refused.
        m_api->setToken(m_server->tokenService().issue(999999));
        window->openArticle(m_adaSlugs[0]);
        QTRY_VERIFY(!window->isSignedIn());
        QVERIFY(!window->findChild<QPushButton *>("favoriteButton")->isVisible());
        QCOMPARE(window->filterBar()->mode(), FilterBar::Mode::All);
        // Signed in again: all of it is back.
        m_api->setToken(signIn(TestServer::SeedEmail, TestServer::SeedPassword).token);
        window->setSignedIn(true);
        choose(*window, "My favourites");
        QCOMPARE(window->filterBar()->mode(), FilterBar::Mode::Favorites);
    }
};

QTEST_MAIN(TestListingFilters)
#include "TestListingFilters.moc"
