#include "ApiClient.h"
#include "AppController.h"
#include "AppSettings.h"
#include "MainWindow.h"
#include "TestServer.h"
#include "TokenStore.h"
#include "Translations.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>
#include <QUuid>

using namespace blog;
using namespace blog::test;

// The session without a keychain: no D-Bus session bus at all, so every QtKeychain job fails for
// real (as when the user cancels the keyring prompt or no Secret Service runs).
class TestAppController : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    void signIn(AppController &controller)
    {
        QSignalSpy signInShown(&controller, &AppController::signInShown);
        QSignalSpy mainShown(&controller, &AppController::mainWindowShown);
        controller.start();
        QTRY_COMPARE(signInShown.count(), 1);
        auto *dialog = controller.signInDialog();
        QTest::keyClicks(dialog->findChild<QLineEdit *>("emailEdit"), TestServer::SeedEmail);
        QTest::keyClicks(dialog->findChild<QLineEdit *>("passwordEdit"), TestServer::SeedPassword);
        QTest::mouseClick(dialog->findChild<QPushButton *>("signInButton"), Qt::LeftButton);
        QTRY_COMPARE(mainShown.count(), 1);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // Before the first keychain job opens a bus connection; without DISPLAY, no autolaunch either.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/blog-test-bus");
        qunsetenv("DISPLAY");
    }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        AppSettings settings;
        settings.setServerUrl(m_server->url("").toString());
        settings.setLastEmail({});
    }
    void cleanup() { m_server.reset(); }

    // The bug: a refused write was only logged, and the next start asked for the password again
    // without the author having been told.
    void aTokenTheKeychainRefusesIsToldInTheWindow()
    {
        AppSettings settings;
        ApiClient api;
        TokenStore store("blog-desktop-test-" + QUuid::createUuid().toString(QUuid::Id128));
        AppController controller(api, store, settings);
        signIn(controller);
        MainWindow *window = controller.mainWindow();
        auto *notice = window->findChild<QWidget *>("tokenNotice");
        QVERIFY(notice);
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(window->findChild<QLabel *>("tokenNoticeText")->text().contains("sign in again"));
        QVERIFY(!notice->toolTip().isEmpty()); // the keychain's own reason
        QVERIFY(window->isVisible());
        QCOMPARE(QApplication::activeModalWidget(), nullptr);

        QTest::mouseClick(window->findChild<QToolButton *>("tokenNoticeDismiss"), Qt::LeftButton);
        QVERIFY(!notice->isVisible());
    }

    void theNoticeIsTranslated()
    {
        QVERIFY(Translations::install(QLocale(QLocale::German)));
        AppSettings settings;
        ApiClient api;
        TokenStore store("blog-desktop-test-" + QUuid::createUuid().toString(QUuid::Id128));
        AppController controller(api, store, settings);
        signIn(controller);
        auto *notice = controller.mainWindow()->findChild<QWidget *>("tokenNotice");
        QTRY_VERIFY(notice->isVisible());
        QVERIFY(controller.mainWindow()
                    ->findChild<QLabel *>("tokenNoticeText")
                    ->text()
                    .contains("Schlüsselbund"));
        QCOMPARE(
            controller.mainWindow()->findChild<QToolButton *>("tokenNoticeDismiss")->text(), "Ausblenden");
    }
};

QTEST_MAIN(TestAppController)
#include "TestAppController.moc"
