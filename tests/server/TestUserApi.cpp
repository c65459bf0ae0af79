#include "HttpClient.h"
#include "JsonEdits.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QJsonArray>
#include <QTest>

using namespace blog::test;

// Sign-up, sign-in and the profile, over real HTTP against a real server with a seeded database.
class TestUserApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const char *path) const { return m_server->url(QString::fromLatin1(path)); }
    QString seedToken()
    {
        return m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
            QString::fromLatin1(TestServer::SeedPassword));
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    void signInSucceedsWithTheSeededUser()
    {
        const auto response = m_http.post(
            url("/user/sign-in"), { { "email", "foo@bar.com" }, { "password", "password123" } });
        QCOMPARE(response.status, 200);
        const QJsonObject user = response.json();
        QCOMPARE(user.value("fullName").toString(), QStringLiteral("Foo Bar"));
        QCOMPARE(user.value("email").toString(), QStringLiteral("foo@bar.com"));
        QVERIFY(!user.value("token").toString().isEmpty());
        QVERIFY(!user.contains("password"));
        QVERIFY(!response.body.contains("argon2"));
    }

    void signInIsCaseInsensitiveOnTheEmail()
    {
        const auto response = m_http.post(
            url("/user/sign-in"), { { "email", "FOO@Bar.com" }, { "password", "password123" } });
        QCOMPARE(response.status, 200);
    }

    void signInFailsTheSameWayForWrongPasswordAndUnknownEmail()
    {
        const auto wrongPassword
            = m_http.post(url("/user/sign-in"), { { "email", "foo@bar.com" }, { "password", "nope-nope" } });
        const auto unknownEmail = m_http.post(
            url("/user/sign-in"), { { "email", "nobody@bar.com" }, { "password", "password123" } });
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(unknownEmail.status, 401);
        QCOMPARE(wrongPassword.json().value("error").toString(),
            QStringLiteral("Invalid combination of email and password"));
        QCOMPARE(unknownEmail.body, wrongPassword.body);
    }

    void signUpReturnsTheUserAndAWorkingToken()
    {
        const auto response = m_http.post(url("/user/sign-up"),
            { { "email", "ada@example.com" }, { "fullName", "Ada Lovelace" }, { "password", "analytical" },
                { "bio", "First programmer" }, { "social", QJsonObject { { "twitter", "@ada" } } } });
        QCOMPARE(response.status, 201);
        const QJsonObject user = response.json();
        QVERIFY(user.value("id").toInteger() > 0);
        QCOMPARE(user.value("bio").toString(), QStringLiteral("First programmer"));
        QCOMPARE(user.value("social").toObject().value("twitter").toString(), QStringLiteral("@ada"));
        QCOMPARE(user.value("social").toObject().value("facebook").toString(), QString());
        QVERIFY(!user.value("createdAt").toString().isEmpty());
        QVERIFY(!response.body.contains("analytical"));

        const auto profile = m_http.get(url("/user/profile"), user.value("token").toString());
        QCOMPARE(profile.status, 200);
        QCOMPARE(profile.json().value("email").toString(), QStringLiteral("ada@example.com"));
        QVERIFY(!profile.json().contains("token"));
    }

    void signUpRejectsATakenEmailInAnyCase()
    {
        const auto response = m_http.post(url("/user/sign-up"),
            { { "email", "Foo@BAR.com" }, { "fullName", "Impostor" }, { "password", "password123" } });
        QCOMPARE(response.status, 409);
        QVERIFY(response.json().value("error").toString().contains("already registered"));
    }

    // A chosen username is kept (unique in any letter case); without one, the e-mail's local part,
    // made unique, is the username. The seed user already is "foo".
    void signUpTakesOrMakesAUsername()
    {
        const auto chosen = m_http.post(url("/user/sign-up"),
            { { "email", "ada@example.com" }, { "fullName", "Ada" }, { "password", "analytical" },
                { "username", "Countess" } });
        QCOMPARE(chosen.status, 201);
        QCOMPARE(chosen.json().value("username").toString(), QStringLiteral("Countess"));
        QCOMPARE(m_http.get(url("/user/profile"), chosen.json().value("token").toString())
                     .json()
                     .value("username")
                     .toString(),
            QStringLiteral("Countess"));

        const auto taken = m_http.post(url("/user/sign-up"),
            { { "email", "other@example.com" }, { "fullName", "Other" }, { "password", "password123" },
                { "username", "countess" } });
        QCOMPARE(taken.status, 409);
        QCOMPARE(taken.json().value("field").toString(), QStringLiteral("username"));

        const auto made = m_http.post(url("/user/sign-up"),
            { { "email", "Foo@elsewhere.example" }, { "fullName", "Foo Two" },
                { "password", "password123" } });
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value("username").toString(), QStringLiteral("Foo-2"));
    }

    void signUpValidatesEachField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject valid { { "email", "new@example.com" }, { "fullName", "New" },
            { "password", "password123" } };
        auto with
            = [valid](const char *key, const QJsonValue &value) { return withField(valid, key, value); };
        auto without = [valid](const char *key) { return withoutField(valid, key); };
        QTest::newRow("missing email") << without("email") << "email";
        QTest::newRow("not an email") << with("email", "not-an-email") << "email";
        QTest::newRow("email as number") << with("email", 42) << "email";
        QTest::newRow("blank name") << with("fullName", "   ") << "fullName";
        QTest::newRow("missing name") << without("fullName") << "fullName";
        QTest::newRow("long name") << with("fullName", QString(101, QLatin1Char('x'))) << "fullName";
        QTest::newRow("short password") << with("password", "short") << "password";
        QTest::newRow("password not a string") << with("password", QJsonArray { 1 }) << "password";
        QTest::newRow("social not an object") << with("social", "@me") << "social";
        QTest::newRow("unknown social key")
            << with("social", QJsonObject { { "myspace", "x" } }) << "social.myspace";
        QTest::newRow("unknown field") << with("id", 7) << "id";
        QTest::newRow("blank username") << with("username", "  ") << "username";
        QTest::newRow("username with a space") << with("username", "a b") << "username";
        QTest::newRow("username with a slash") << with("username", "a/b") << "username";
        QTest::newRow("long username") << with("username", QString(65, QLatin1Char('u'))) << "username";
        QTest::newRow("username not a string") << with("username", 5) << "username";
    }

    void signUpValidatesEachField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto response = m_http.post(url("/user/sign-up"), body);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        QVERIFY(!response.json().value("error").toString().isEmpty());
    }

    void profileNeedsAToken()
    {
        const auto none = m_http.get(url("/user/profile"));
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value("error").toString(),
            QStringLiteral("Please provide your token via Authorization header"));
        const auto garbage = m_http.get(url("/user/profile"), QStringLiteral("not.a.jwt"));
        QCOMPARE(garbage.status, 401);
        const auto basic
            = m_http.get(url("/user/profile"), {}, { { "Authorization", "Basic Zm9vOmJhcg==" } });
        QCOMPARE(basic.status, 401);
    }

    void patchProfileChangesOnlyWhatIsGiven()
    {
        const QString token = seedToken();
        QCOMPARE(m_http.get(url("/user/profile"), token).status, 200); // now cached, with its answer
        const auto response = m_http.patch(url("/user/profile"),
            { { "fullName", "Foo Baz" }, { "bio", "New bio" },
                { "social", QJsonObject { { "twitter", "@foo" }, { "linkedin", "foo-baz" } } } },
            token);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("fullName").toString(), QStringLiteral("Foo Baz"));
        QCOMPARE(response.json().value("email").toString(), QStringLiteral("foo@bar.com"));

        const QJsonObject profile = m_http.get(url("/user/profile"), token).json();
        QCOMPARE(profile.value("bio").toString(), QStringLiteral("New bio"));
        QCOMPARE(profile.value("social").toObject().value("linkedin").toString(), QStringLiteral("foo-baz"));

        // The listing shows the new author name at once, despite its cache.
        const QJsonObject listing = m_http.get(url("/article")).json();
        QCOMPARE(listing.value("items").toArray().first().toObject().value("authorName").toString(),
            QStringLiteral("Foo Baz"));

        const auto cleared = m_http.patch(url("/user/profile"), { { "social", QJsonValue::Null } }, token);
        QCOMPARE(cleared.status, 200);
        QVERIFY(cleared.json().value("social").isNull());
    }

    // Authenticated users are cached (UserCache) as long as listing pages are: a change made behind the
    // server's back shows when that time is up, not before. Through the API it shows at once (above).
    void aUserRowChangedBehindTheServersBackShowsWhenTheCacheExpires()
    {
        m_server.reset();
        TestServer::Options options;
        options.listingCacheTtl = std::chrono::milliseconds(300);
        m_server = std::make_unique<TestServer>(options);
        const QString token = seedToken();
        const QString bio = m_http.get(url("/user/profile"), token).json().value("bio").toString();
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.isOpen());
        QVERIFY(side.exec("UPDATE users SET bio = 'changed aside' WHERE email = 'foo@bar.com'"));

        QCOMPARE(m_http.get(url("/user/profile"), token).json().value("bio").toString(), bio);
        QTest::qWait(400);
        QCOMPARE(m_http.get(url("/user/profile"), token).json().value("bio").toString(),
            QStringLiteral("changed aside"));

        QVERIFY(side.exec("DELETE FROM users WHERE email = 'foo@bar.com'"));
        QTest::qWait(400);
        QCOMPARE(m_http.get(url("/user/profile"), token).status, 401);
    }

    void patchProfileRejectsFieldsThatMayNotChange_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("id") << QJsonObject { { "id", 99 } } << "id";
        QTest::newRow("createdAt") << QJsonObject { { "createdAt", "2020-01-01T00:00:00Z" } } << "createdAt";
        QTest::newRow("token") << QJsonObject { { "token", "x" } } << "token";
        QTest::newRow("blank name") << QJsonObject { { "fullName", "" } } << "fullName";
        QTest::newRow("bad email") << QJsonObject { { "email", "nope" } } << "email";
    }

    void patchProfileRejectsFieldsThatMayNotChange()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const QString token = seedToken();
        const auto response = m_http.patch(url("/user/profile"), body, token);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        const QJsonObject profile = m_http.get(url("/user/profile"), token).json();
        QCOMPARE(profile.value("id").toInteger(), 1);
        QCOMPARE(profile.value("fullName").toString(), QStringLiteral("Foo Bar"));
    }

    void patchProfileRehashesANewPassword()
    {
        const QString token = seedToken();
        QCOMPARE(
            m_http.patch(url("/user/profile"), { { "password", "brand-new-secret" } }, token).status, 200);
        QCOMPARE(
            m_http.post(url("/user/sign-in"), { { "email", "foo@bar.com" }, { "password", "password123" } })
                .status,
            401);
        QCOMPARE(m_http
                     .post(url("/user/sign-in"),
                         { { "email", "foo@bar.com" }, { "password", "brand-new-secret" } })
                     .status,
            200);
    }

    void patchProfileRefusesAnEmailTakenByAnother()
    {
        m_http.signUp(url("/user/sign-up"), "other@example.com", "Other", "password123");
        const auto response
            = m_http.patch(url("/user/profile"), { { "email", "OTHER@example.com" } }, seedToken());
        QCOMPARE(response.status, 409);
        QCOMPARE(response.json().value("field").toString(), QStringLiteral("email"));
    }
};

QTEST_GUILESS_MAIN(TestUserApi)
#include "TestUserApi.moc"
