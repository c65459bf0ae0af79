#include "ApiClient.h"
#include "HttpClient.h"
#include "ProfileDialog.h"
#include "TestServer.h"

#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace blog;
using namespace blog::test;

// The profile dialog saves through PATCH /user/profile; what it saved is what a fresh client reads back.
class TestProfileDialog : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    QString m_token;
    std::unique_ptr<ApiClient> m_api;

    std::unique_ptr<ApiClient> signedInClient()
    {
        auto api = std::make_unique<ApiClient>();
        api->setBaseUrl(m_server->url(""));
        api->setToken(m_token);
        return api;
    }

    User fetchProfile()
    {
        const std::unique_ptr<ApiClient> api = signedInClient(); // a fresh client, as after a restart
        std::optional<User> user;
        api->fetchProfile(this, [&](const ApiResult<User> &result) { user = *result; });
        if (!QTest::qWaitFor([&] { return user.has_value(); }, 10000))
            qFatal("no profile");
        return *user;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_token = m_http.signIn(m_server->url("/user/sign-in"), "foo@bar.com", "password123");
        m_api = signedInClient();
    }
    void cleanup()
    {
        m_api.reset();
        m_server.reset();
    }

    void editsPersist()
    {
        ProfileDialog dialog(*m_api, fetchProfile());
        dialog.show();
        auto *name = dialog.findChild<QLineEdit *>("fullNameEdit");
        name->clear();
        QTest::keyClicks(name, "Foo Q. Bar");
        auto *bio = dialog.findChild<QPlainTextEdit *>("bioEdit");
        bio->moveCursor(QTextCursor::End);
        QTest::keyClicks(bio, " Also edits.");
        QTest::keyClicks(dialog.findChild<QLineEdit *>("twitterEdit"), "@foobar");
        QTest::keyClicks(dialog.findChild<QLineEdit *>("linkedinEdit"), "foo-bar");
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(saved.count(), 1);

        const User reread = fetchProfile();
        QCOMPARE(reread.fullName, "Foo Q. Bar");
        QCOMPARE(reread.bio, "Writes the demo articles. Also edits.");
        QVERIFY(reread.social.has_value());
        QCOMPARE(reread.social->twitter, "@foobar");
        QCOMPARE(reread.social->linkedin, "foo-bar");
        QCOMPARE(reread.social->facebook, QString());
    }

    void passwordsMustMatchAndTheNewOneWorks()
    {
        ProfileDialog dialog(*m_api, fetchProfile());
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>("passwordEdit"), "new-password-1");
        QTest::keyClicks(dialog.findChild<QLineEdit *>("passwordRepeatEdit"), "new-password-2");
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QVERIFY(dialog.findChild<QLabel *>("passwordRepeatError")->isVisible());

        dialog.findChild<QLineEdit *>("passwordRepeatEdit")->clear();
        QTest::keyClicks(dialog.findChild<QLineEdit *>("passwordRepeatEdit"), "new-password-1");
        QSignalSpy saved(&dialog, &ProfileDialog::profileSaved);
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        QTRY_COMPARE(saved.count(), 1);
        QVERIFY(!m_http.signIn(m_server->url("/user/sign-in"), "foo@bar.com", "new-password-1").isEmpty());
    }

    void serverValidationErrorsShowNextToTheField()
    {
        ProfileDialog dialog(*m_api, fetchProfile());
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>("passwordEdit"), "short");
        QTest::keyClicks(dialog.findChild<QLineEdit *>("passwordRepeatEdit"), "short");
        QTest::mouseClick(dialog.findChild<QPushButton *>("saveButton"), Qt::LeftButton);
        auto *error = dialog.findChild<QLabel *>("passwordError");
        QTRY_VERIFY(error->isVisible());
        QCOMPARE(error->text(), "password must be at least 8 characters");
        QVERIFY(dialog.isVisible());
    }
};

QTEST_MAIN(TestProfileDialog)
#include "TestProfileDialog.moc"
