#include "ApiClient.h"
#include "SignInDialog.h"
#include "TestServer.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The real sign-in dialog against a real server, driven with key clicks.
class TestSignInDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;

    template<typename T> static T *child(QWidget &parent, const char *name)
    {
        T *widget = parent.findChild<T *>(QLatin1String(name));
        if (!widget)
            qFatal("no %s", name);
        return widget;
    }

    QString serverUrl() const { return m_server->url("").toString(); }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void wrongPasswordShowsTheServersMessageNextToThePassword()
    {
        ApiClient api;
        SignInDialog dialog(api, serverUrl(), QString());
        dialog.show();
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), "foo@bar.com");
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), "wrong-password");
        auto *button = child<QPushButton>(dialog, "signInButton");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(!button->isEnabled()); // busy while the request runs
        auto *error = child<QLabel>(dialog, "passwordError");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), "Invalid combination of email and password");
        QVERIFY(button->isEnabled());
        QCOMPARE(signedIn.count(), 0);
        QVERIFY(dialog.isVisible());
    }

    void rightPasswordSignsIn()
    {
        ApiClient api;
        SignInDialog dialog(api, serverUrl(), "foo@bar.com");
        dialog.show();
        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), "password123");
        QTest::keyClick(child<QLineEdit>(dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_COMPARE(signedIn.count(), 1);
        const auto user = signedIn.first().first().value<SignedInUser>();
        QCOMPARE(user.user.fullName, "Foo Bar");
        QVERIFY(!user.token.isEmpty());
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void createAccountShowsFieldErrorsThenSucceeds()
    {
        ApiClient api;
        SignInDialog dialog(api, serverUrl(), QString());
        dialog.show();
        auto *fullName = child<QLineEdit>(dialog, "fullNameEdit");
        QVERIFY(!fullName->isVisible());
        QTest::mouseClick(child<QCheckBox>(dialog, "createAccountCheck"), Qt::LeftButton, {}, QPoint(4, 4));
        QVERIFY(fullName->isVisible());
        QCOMPARE(child<QPushButton>(dialog, "signInButton")->text(), "Create account");

        QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), "FOO@bar.com");
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), "password123");
        QTest::keyClicks(fullName, "Second Foo");
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        auto *emailError = child<QLabel>(dialog, "emailError");
        QTRY_VERIFY(emailError->isVisible());
        QVERIFY(emailError->text().contains("already registered"));

        QSignalSpy signedIn(&dialog, &SignInDialog::signedIn);
        child<QLineEdit>(dialog, "emailEdit")->clear();
        QTest::keyClicks(child<QLineEdit>(dialog, "emailEdit"), "second@bar.com");
        QTest::keyClicks(child<QPlainTextEdit>(dialog, "bioEdit"), "Writes too.");
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        QTRY_COMPARE(signedIn.count(), 1);
        QCOMPARE(signedIn.first().first().value<SignedInUser>().user.bio, "Writes too.");
    }

    void unreachableServerIsSaidNextToTheServerField()
    {
        ApiClient api;
        const QString url = serverUrl();
        m_server.reset();
        SignInDialog dialog(api, url, "foo@bar.com");
        dialog.show();
        QTest::keyClicks(child<QLineEdit>(dialog, "passwordEdit"), "password123");
        QTest::mouseClick(child<QPushButton>(dialog, "signInButton"), Qt::LeftButton);
        auto *error = child<QLabel>(dialog, "serverError");
        QTRY_VERIFY(error->isVisible());
        QVERIFY(error->text().startsWith("Cannot reach the server"));
    }
};

QTEST_MAIN(TestSignInDialog)
#include "TestSignInDialog.moc"
