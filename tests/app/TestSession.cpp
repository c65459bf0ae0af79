#include "ApiClient.h"
#include "AppController.h"
#include "AppSettings.h"
#include "HttpClient.h"
#include "MainWindow.h"
#include "TestServer.h"
#include "TokenStore.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QUuid>

using namespace blog;
using namespace blog::test;

// The token's life in the real OS keychain (a Secret Service: ./dev test runs this inside
// dbus-run-session with gnome-keyring-daemon): kept on sign-in, restored at the next start without a
// dialog, dropped on sign-out, and an expired one brings the dialog back.
class TestSession : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    QString m_service;

    std::optional<QString> readToken(TokenStore &store, const QString &account)
    {
        std::optional<std::optional<QString>> result;
        QString error;
        store.read(account, this, [&](std::optional<QString> token, const QString &e) {
            result = token;
            error = e;
        });
        if (!QTest::qWaitFor([&] { return result.has_value(); }, 10000))
            qFatal("keychain read timed out");
        if (!error.isEmpty())
            qFatal("keychain error: %s", qPrintable(error));
        return *result;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_service = "blog-desktop-test-" + QUuid::createUuid().toString(QUuid::Id128);
        AppSettings settings;
        settings.setServerUrl(m_server->url("").toString());
        settings.setLastEmail({});
    }
    void cleanup() { m_server.reset(); }

    void tokenStoreRoundTripsThroughTheKeychain()
    {
        TokenStore store(m_service);
        const QString account = TokenStore::accountKey("http://example.org", "Ann@Example.org");
        QCOMPARE(readToken(store, account), std::nullopt);
        bool written = false;
        store.write(account, "token-1", this, [&](bool ok, const QString &error) {
            QVERIFY2(ok, qPrintable(error));
            written = true;
        });
        QTRY_VERIFY(written);
        QCOMPARE(readToken(store, account), std::optional<QString>("token-1"));
        bool removed = false;
        store.remove(account, this, [&](bool ok, const QString &) { removed = ok; });
        QTRY_VERIFY(removed);
        QCOMPARE(readToken(store, account), std::nullopt);
    }

    void signInKeepsTheTokenAndTheNextStartRestoresIt()
    {
        AppSettings settings;
        TokenStore store(m_service);
        {
            ApiClient api;
            AppController controller(api, store, settings);
            QSignalSpy signInShown(&controller, &AppController::signInShown);
            QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
            controller.start();
            QTRY_COMPARE(signInShown.count(), 1);
            auto *dialog = controller.signInDialog();
            QTest::keyClicks(dialog->findChild<QLineEdit *>("emailEdit"), "foo@bar.com");
            QTest::keyClicks(dialog->findChild<QLineEdit *>("passwordEdit"), "password123");
            QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
            QTRY_COMPARE(mainShown.count(), 1);
        }
        const QString account = TokenStore::accountKey(m_server->url("").toString(), "foo@bar.com");
        QTRY_VERIFY(readToken(store, account).has_value());
        QCOMPARE(settings.lastEmail(), "foo@bar.com");

        // A new start: no dialog, straight to the main window.
        ApiClient api;
        AppController controller(api, store, settings);
        QSignalSpy signInShown(&controller, &AppController::signInShown);
        QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
        controller.start();
        QTRY_COMPARE(mainShown.count(), 1);
        QCOMPARE(signInShown.count(), 0);
        QCOMPARE(controller.mainWindow()->currentUser().fullName, "Foo Bar");

        // Sign out: the token leaves the keychain and the dialog is back.
        controller.mainWindow()->findChild<QAction *>("signOutAction")->trigger();
        QTRY_COMPARE(signInShown.count(), 1);
        QTRY_COMPARE(readToken(store, account), std::nullopt);
    }

    // With the server away at start, the last author's window opens anyway (offline, to write drafts),
    // and finds the server when it is back.
    void aStartWithTheServerAwayOpensTheWindowOffline()
    {
        AppSettings settings;
        TokenStore store(m_service);
        {
            ApiClient api;
            AppController controller(api, store, settings);
            QSignalSpy signInShown(&controller, &AppController::signInShown);
            QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
            controller.start();
            QTRY_COMPARE(signInShown.count(), 1);
            signInThroughTheDialog(controller, "foo@bar.com", "password123");
            QTRY_COMPARE(mainShown.count(), 1);
        }
        const QString account = TokenStore::accountKey(m_server->url("").toString(), "foo@bar.com");
        QTRY_VERIFY(readToken(store, account).has_value());
        const QString databasePath = m_server->databasePath();
        const QByteArray secret = m_server->jwtSecret();
        const quint16 port = m_server->port();
        m_server->stop();

        ApiClient api;
        AppController controller(api, store, settings);
        QSignalSpy signInShown(&controller, &AppController::signInShown);
        QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
        controller.start();
        QTRY_COMPARE_WITH_TIMEOUT(mainShown.count(), 1, 20000);
        QCOMPARE(signInShown.count(), 0);
        MainWindow *window = controller.mainWindow();
        QCOMPARE(window->currentUser().fullName, "Foo Bar");
        QTRY_VERIFY(window->findChild<QLabel *>("offlineBanner")->isVisible());
        QVERIFY(window->findChild<QAction *>("newArticleAction")->isEnabled());

        TestServer::Options options;
        options.seed = false;
        options.databasePath = databasePath;
        options.jwtSecret = secret;
        options.port = port;
        TestServer again(options);
        QTRY_VERIFY_WITH_TIMEOUT(!window->findChild<QLabel *>("offlineBanner")->isVisible(), 20000);
        QCOMPARE(signInShown.count(), 0); // the token still works
    }

    void anExpiredTokenBringsTheDialogBack()
    {
        AppSettings settings;
        settings.setLastEmail("foo@bar.com");
        TokenStore store(m_service);
        const QString account = TokenStore::accountKey(settings.serverUrl(), "foo@bar.com");
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        bool written = false;
        store.write(account, m_server->tokenService().issue(1, now - 100, now - 10), this,
            [&](bool, const QString &) { written = true; });
        QTRY_VERIFY(written);
        ApiClient api;
        AppController controller(api, store, settings);
        QSignalSpy signInShown(&controller, &AppController::signInShown);
        QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
        controller.start();
        QTRY_COMPARE(signInShown.count(), 1);
        QCOMPARE(mainShown.count(), 0);
        QCOMPARE(controller.signInDialog()->findChild<QLineEdit *>("emailEdit")->text(), "foo@bar.com");
    }

    // The crash this catches: the dialog was a child of the main window, and signing in as someone else
    // deleted that window (and the dialog with it) inside the dialog's own signedIn signal.
    void anotherUserSigningInAfterARefusedTokenReplacesTheWindow()
    {
        HttpClient http;
        const QString otherToken
            = http.signUp(m_server->url("/user/sign-up"), "ada@example.com", "Ada Lovelace", "password123");
        QVERIFY(!otherToken.isEmpty());
        AppSettings settings;
        TokenStore store(m_service);
        ApiClient api;
        AppController controller(api, store, settings);
        QSignalSpy signInShown(&controller, &AppController::signInShown);
        QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
        controller.start();
        QTRY_COMPARE(signInShown.count(), 1);
        signInThroughTheDialog(controller, "foo@bar.com", "password123");
        QTRY_COMPARE(mainShown.count(), 1);
        QPointer<MainWindow> first = controller.mainWindow();
        QCOMPARE(first->currentUser().fullName, "Foo Bar");

        // The server refuses the token (expired) on the next authenticated request.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        api.setToken(m_server->tokenService().issue(first->currentUser().id, now - 100, now - 10));
        api.fetchProfile(this, [](const ApiResult<User> &) {});
        QTRY_COMPARE(signInShown.count(), 2);
        QVERIFY(controller.signInDialog()->isVisible());
        QCOMPARE(controller.mainWindow(), first.data());

        signInThroughTheDialog(controller, "ada@example.com", "password123");
        QTRY_COMPARE(mainShown.count(), 2);
        QCOMPARE(controller.mainWindow()->currentUser().fullName, "Ada Lovelace");
        QVERIFY(controller.mainWindow()->isVisible());
        QTRY_VERIFY(!first); // the old window goes, from the event loop
        QTRY_VERIFY(!controller.signInDialog());
        QCOMPARE(settings.lastEmail(), "ada@example.com");
        const QString account = TokenStore::accountKey(settings.serverUrl(), "ada@example.com");
        QTRY_VERIFY(readToken(store, account).has_value());
    }

private:
    static void signInThroughTheDialog(
        AppController &controller, const QString &email, const QString &password)
    {
        auto *dialog = controller.signInDialog();
        QVERIFY(dialog);
        auto *emailEdit = dialog->findChild<QLineEdit *>("emailEdit");
        emailEdit->clear();
        QTest::keyClicks(emailEdit, email);
        QTest::keyClicks(dialog->findChild<QLineEdit *>("passwordEdit"), password);
        QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
    }
};

QTEST_MAIN(TestSession)
#include "TestSession.moc"
