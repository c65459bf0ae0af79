#include "HandMadeToken.h"
#include "HttpClient.h"
#include "JsonEdits.h"
#include "JsonKeysOf.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace blog::test;

namespace {

QByteArray compactJson(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A token for user 1, valid for an hour, signed with `hash` (or unsigned) and claiming `alg`.
QString handMadeToken(
    const QByteArray &alg, const QByteArray &secret, std::optional<QCryptographicHash::Algorithm> hash)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return blog::test::handMadeToken({ { "alg", QString::fromLatin1(alg) }, { "typ", "JWT" } },
        { { "id", 1 }, { "iat", now }, { "exp", now + 3600 } }, secret, hash);
}

// Changes the last character of the signature so that the decoded bytes really differ: the last
// base64url character of a 32-byte HMAC carries only 4 bits, and changing merely its 2 padding bits
// would leave the signature as it was for a lenient decoder.
QString withTamperedSignature(const QString &token)
{
    static const QByteArray alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QByteArray bytes = token.toLatin1();
    const qsizetype index = alphabet.indexOf(bytes.back());
    bytes.back() = alphabet.at(index ^ 0x20);
    return QString::fromLatin1(bytes);
}

} // namespace

// Articles: the detail, creating (slugs, tags, validation), changing and deleting with their
// ownership rules, and what the token check lets through, over real HTTP against a seeded server.
class TestArticleApi : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;

    QUrl url(const QString &path) const { return m_server->url(path); }
    QUrl articleUrl(const QString &slugOrId) const
    {
        return m_server->url("/article/" + QString::fromLatin1(QUrl::toPercentEncoding(slugOrId)));
    }
    QString seedToken()
    {
        return m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
            QString::fromLatin1(TestServer::SeedPassword));
    }
    static QJsonObject validArticle(const QString &title = "A valid title")
    {
        return QJsonObject { { "title", title }, { "description", "Some description" },
            { "text", "Some text" }, { "tags", QJsonArray { "t1", "t2" } } };
    }
    qint64 listingTotal()
    {
        const auto listing = m_http.get(url("/article?limit=100"));
        return listing.status == 200 ? listing.json().value("total").toInteger() : -1;
    }
    QStringList listingSlugs()
    {
        QStringList slugs;
        const QJsonArray items = m_http.get(url("/article?limit=100")).json().value("items").toArray();
        for (const QJsonValue &item : items)
            slugs.append(item.toObject().value("slug").toString());
        return slugs;
    }
    static QStringList strings(const QJsonValue &value)
    {
        QStringList list;
        for (const QJsonValue &entry : value.toArray())
            list.append(entry.isString() ? entry.toString() : QStringLiteral("<not a string>"));
        return list;
    }
    HttpClient::Response patchIfMatch(
        const QString &id, const QJsonObject &body, const QByteArray &ifMatch, const QString &token)
    {
        return m_http.send("PATCH", url("/article/" + id), compactJson(body),
            { { "Content-Type", "application/json" }, { "Authorization", "Bearer " + token.toLatin1() },
                { "If-Match", ifMatch } });
    }
    QByteArray etagOf(const QString &slug)
    {
        const auto response = m_http.get(articleUrl(slug));
        return response.status == 200 ? response.header("ETag") : QByteArray();
    }

private slots:
    void init() { m_server = std::make_unique<TestServer>(); }
    void cleanup() { m_server.reset(); }

    // ---- GET /article/:slug

    void showReturnsTheWholeArticle()
    {
        const auto response = m_http.get(articleUrl("title-1-3"));
        QCOMPARE(response.status, 200);
        QVERIFY(response.header("Content-Type").startsWith("application/json"));
        const QJsonObject article = response.json();
        QCOMPARE(sortedKeys(article),
            sorted({ "id", "slug", "title", "description", "text", "tags", "author", "comments", "createdAt",
                "updatedAt" }));
        QCOMPARE(article.value("id").toInteger(), 1);
        QCOMPARE(article.value("slug").toString(), QStringLiteral("title-1-3"));
        QCOMPARE(article.value("title").toString(), QStringLiteral("title 1/3"));
        QCOMPARE(article.value("description").toString(), QStringLiteral("desc 1/3"));
        QCOMPARE(article.value("text").toString(),
            QStringLiteral("Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n\nThis is the "
                           "**first** demo article."));
        QCOMPARE(strings(article.value("tags")), QStringList({ "foo1", "foo2" }));
        QVERIFY(QDateTime::fromString(article.value("createdAt").toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(QDateTime::fromString(article.value("updatedAt").toString(), Qt::ISODateWithMs).isValid());

        const QJsonObject author = article.value("author").toObject();
        QCOMPARE(sortedKeys(author), sorted({ "id", "fullName", "bio", "social" }));
        QCOMPARE(author.value("id").toInteger(), 1);
        QCOMPARE(author.value("fullName").toString(), QStringLiteral("Foo Bar"));
        QCOMPARE(author.value("bio").toString(), QStringLiteral("Writes the demo articles."));
        QVERIFY(author.value("social").isNull());

        const QJsonArray comments = article.value("comments").toArray();
        QCOMPARE(comments.size(), 2);
        const QStringList texts { "Nice first article!", "Looking forward to more." };
        for (qsizetype i = 0; i < comments.size(); ++i) {
            const QJsonObject comment = comments.at(i).toObject();
            QCOMPARE(sortedKeys(comment), sorted({ "id", "text", "createdAt", "author" }));
            QCOMPARE(comment.value("id").toInteger(), i + 1);
            QCOMPARE(comment.value("text").toString(), texts.at(i));
            QVERIFY(
                QDateTime::fromString(comment.value("createdAt").toString(), Qt::ISODateWithMs).isValid());
            const QJsonObject commentAuthor = comment.value("author").toObject();
            QCOMPARE(sortedKeys(commentAuthor), sorted({ "id", "fullName" }));
            QCOMPARE(commentAuthor.value("id").toInteger(), 1);
            QCOMPARE(commentAuthor.value("fullName").toString(), QStringLiteral("Foo Bar"));
        }

        // Nothing private about the author leaks.
        QVERIFY(!response.body.contains("foo@bar.com"));
        QVERIFY(!response.body.contains("password"));
        QVERIFY(!response.body.contains("argon2"));
        QVERIFY(!response.body.contains("\"email\""));
    }

    void showAnUnknownSlugIs404()
    {
        const auto response = m_http.get(articleUrl("no-such-article"));
        QCOMPARE(response.status, 404);
        const QJsonObject body = response.json();
        QCOMPARE(body.value("notFound"), QJsonValue(true));
        QVERIFY(body.value("error").isString());
        QVERIFY(!body.value("error").toString().isEmpty());
    }

    // ---- POST /article

    void slugNumbersGoOnPastManyRepeatsAndFillGaps()
    {
        const QString token = seedToken();
        // More repeats than ArticleRepository probes at once.
        for (int n = 1; n <= 40; ++n) {
            const auto response = m_http.post(url("/article"), validArticle("Many"), token);
            QCOMPARE(response.status, 201);
            QCOMPARE(response.json().value("slug").toString(),
                n == 1 ? QStringLiteral("many") : QStringLiteral("many-%1").arg(n));
        }
        // A freed number is taken again first.
        const qint64 id = m_http.get(articleUrl("many-7")).json().value("id").toInteger();
        QCOMPARE(m_http.del(articleUrl(QString::number(id)), token).status, 200);
        QCOMPARE(m_http.post(url("/article"), validArticle("Many"), token).json().value("slug").toString(),
            QStringLiteral("many-7"));
        QCOMPARE(m_http.post(url("/article"), validArticle("Many"), token).json().value("slug").toString(),
            QStringLiteral("many-41"));
    }

    void createMakesASlugFromTheTitleAndNumbersRepeats()
    {
        const QString token = seedToken();
        const QStringList expected { "hello-world", "hello-world-2", "hello-world-3" };
        QList<qint64> ids;
        for (const QString &slug : expected) {
            const auto response = m_http.post(url("/article"), validArticle("Hello, World!"), token);
            QCOMPARE(response.status, 201);
            const QJsonObject article = response.json();
            QCOMPARE(article.value("slug").toString(), slug);
            QCOMPARE(article.value("title").toString(), QStringLiteral("Hello, World!"));
            QCOMPARE(article.value("description").toString(), QStringLiteral("Some description"));
            QCOMPARE(article.value("text").toString(), QStringLiteral("Some text"));
            QCOMPARE(strings(article.value("tags")), QStringList({ "t1", "t2" }));
            QCOMPARE(article.value("author").toObject().value("id").toInteger(), 1);
            QCOMPARE(article.value("comments").toArray().size(), 0);
            QVERIFY(article.value("id").toInteger() > 3);
            QVERIFY(!ids.contains(article.value("id").toInteger()));
            ids.append(article.value("id").toInteger());
        }
        // Each one is there under its own slug.
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const auto fetched = m_http.get(articleUrl(expected.at(i)));
            QCOMPARE(fetched.status, 200);
            QCOMPARE(fetched.json().value("id").toInteger(), ids.at(i));
            QCOMPARE(fetched.json().value("title").toString(), QStringLiteral("Hello, World!"));
        }
        QCOMPARE(listingTotal(), 6);
    }

    void createMakesSlugsFromNonAsciiTitles_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("slug");
        QTest::newRow("latin with accents")
            << QString::fromUtf8("Ünïcödé Straße") << QStringLiteral("unicode-strasse");
        QTest::newRow("cyrillic") << QString::fromUtf8("Привет мир") << QString::fromUtf8("привет-мир");
    }

    void createMakesSlugsFromNonAsciiTitles()
    {
        QFETCH(QString, title);
        QFETCH(QString, slug);
        const auto response = m_http.post(url("/article"), validArticle(title), seedToken());
        QCOMPARE(response.status, 201);
        QCOMPARE(response.json().value("slug").toString(), slug);
        QCOMPARE(response.json().value("title").toString(), title);

        const auto fetched = m_http.get(articleUrl(slug));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value("slug").toString(), slug);
        QCOMPARE(fetched.json().value("title").toString(), title);
        QCOMPARE(fetched.json().value("id").toInteger(), response.json().value("id").toInteger());
    }

    void createGivesATitleOfOnlySymbolsASlugToo()
    {
        const auto response = m_http.post(url("/article"), validArticle("!!!"), seedToken());
        QCOMPARE(response.status, 201);
        const QString slug = response.json().value("slug").toString();
        QVERIFY(!slug.isEmpty());
        QVERIFY2(!slug.contains(QLatin1Char('!')), qPrintable(slug));
        const auto fetched = m_http.get(articleUrl(slug));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.json().value("title").toString(), QStringLiteral("!!!"));
    }

    void createNormalizesTags_data()
    {
        QTest::addColumn<QJsonArray>("tags");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("trimmed, duplicates dropped")
            << QJsonArray { "a", " a ", "B", "b" } << QStringList { "a", "B" };
        QTest::newRow("order kept") << QJsonArray { "zeta", "Alpha", "mid" }
                                    << QStringList { "zeta", "Alpha", "mid" };
        QTest::newRow("first spelling wins")
            << QJsonArray { "Qt", "QT", "qt", "cpp" } << QStringList { "Qt", "cpp" };
        QTest::newRow("empty list") << QJsonArray {} << QStringList {};
    }

    void createNormalizesTags()
    {
        QFETCH(QJsonArray, tags);
        QFETCH(QStringList, expected);
        QJsonObject body = validArticle("Tagged");
        body.insert("tags", tags);
        const auto response = m_http.post(url("/article"), body, seedToken());
        QCOMPARE(response.status, 201);
        QCOMPARE(strings(response.json().value("tags")), expected);
        QVERIFY(response.json().value("tags").isArray());

        const auto fetched = m_http.get(articleUrl("tagged"));
        QCOMPARE(fetched.status, 200);
        QCOMPARE(strings(fetched.json().value("tags")), expected);
    }

    void createWithoutTagsGivesAnEmptyList()
    {
        QJsonObject body = validArticle("No tags here");
        body.remove("tags");
        const auto response = m_http.post(url("/article"), body, seedToken());
        QCOMPARE(response.status, 201);
        QVERIFY(response.json().value("tags").isArray());
        QCOMPARE(response.json().value("tags").toArray().size(), 0);

        const auto fetched = m_http.get(articleUrl("no-tags-here"));
        QCOMPARE(fetched.status, 200);
        QVERIFY(fetched.json().value("tags").isArray());
        QCOMPARE(fetched.json().value("tags").toArray().size(), 0);
    }

    void createAcceptsValuesAtTheLimits()
    {
        QJsonArray twentyTags;
        for (int i = 0; i < 20; ++i)
            twentyTags.append(QStringLiteral("tag%1").arg(i));
        QJsonObject body = validArticle(QString(200, QLatin1Char('t')));
        body.insert("tags", twentyTags);
        const auto many = m_http.post(url("/article"), body, seedToken());
        QCOMPARE(many.status, 201);
        QCOMPARE(many.json().value("tags").toArray().size(), 20);
        QCOMPARE(many.json().value("title").toString().size(), 200);

        body = validArticle("Long tag");
        body.insert("tags", QJsonArray { QString(40, QLatin1Char('g')) });
        const auto longTag = m_http.post(url("/article"), body, seedToken());
        QCOMPARE(longTag.status, 201);
        QCOMPARE(strings(longTag.json().value("tags")), QStringList { QString(40, QLatin1Char('g')) });
        QCOMPARE(listingTotal(), 5);
    }

    void createNeedsAToken()
    {
        const auto none = m_http.post(url("/article"), validArticle());
        QCOMPARE(none.status, 401);
        QCOMPARE(none.json().value("error").toString(),
            QStringLiteral("Please provide your token via Authorization header"));
        QCOMPARE(none.header("WWW-Authenticate"), QByteArray("Bearer"));
        const auto garbage = m_http.post(url("/article"), validArticle(), QStringLiteral("not.a.jwt"));
        QCOMPARE(garbage.status, 401);
        QCOMPARE(listingTotal(), 3);
        QCOMPARE(m_http.get(articleUrl("a-valid-title")).status, 404);
    }

    void createValidatesEachField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject valid = validArticle();
        auto with
            = [valid](const char *key, const QJsonValue &value) { return withField(valid, key, value); };
        auto without = [valid](const char *key) { return withoutField(valid, key); };
        QJsonArray twentyOneTags;
        for (int i = 0; i < 21; ++i)
            twentyOneTags.append(QStringLiteral("tag%1").arg(i));
        QTest::newRow("missing title") << without("title") << "title";
        QTest::newRow("blank title") << with("title", "   ") << "title";
        QTest::newRow("title too long") << with("title", QString(201, QLatin1Char('t'))) << "title";
        QTest::newRow("missing description") << without("description") << "description";
        QTest::newRow("blank description") << with("description", " \t ") << "description";
        QTest::newRow("missing text") << without("text") << "text";
        QTest::newRow("text not a string") << with("text", 42) << "text";
        QTest::newRow("text an object") << with("text", QJsonObject { { "a", 1 } }) << "text";
        QTest::newRow("tags not an array") << with("tags", "foo") << "tags";
        QTest::newRow("tags with a number") << with("tags", QJsonArray { "ok", 5 }) << "tags";
        QTest::newRow("21 tags") << with("tags", twentyOneTags) << "tags";
        QTest::newRow("41-char tag") << with("tags", QJsonArray { QString(41, QLatin1Char('g')) }) << "tags";
        QTest::newRow("blank tag") << with("tags", QJsonArray { "ok", "  " }) << "tags";
        QTest::newRow("unknown field slug") << with("slug", "my-own-slug") << "slug";
        QTest::newRow("unknown field author") << with("author", 2) << "author";
    }

    void createValidatesEachField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto response = m_http.post(url("/article"), body, seedToken());
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        QVERIFY(!response.json().value("error").toString().isEmpty());
        QCOMPARE(listingTotal(), 3);
    }

    void createRejectsBodiesThatAreNotJsonObjects_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        const QByteArray valid = compactJson(validArticle());
        QTest::newRow("malformed JSON")
            << QByteArray(R"({"title": "x", "description": )") << QByteArray("application/json") << 400;
        QTest::newRow("trailing garbage") << valid + "}" << QByteArray("application/json") << 400;
        QTest::newRow("JSON array") << "[" + valid + "]" << QByteArray("application/json") << 400;
        QTest::newRow("JSON string") << QByteArray(R"("hello")") << QByteArray("application/json") << 400;
        QTest::newRow("empty body") << QByteArray() << QByteArray("application/json") << 400;
        QTest::newRow("text/plain") << valid << QByteArray("text/plain") << 415;
        QTest::newRow("form encoded") << QByteArray("title=x&description=y&text=z")
                                      << QByteArray("application/x-www-form-urlencoded") << 415;
    }

    void createRejectsBodiesThatAreNotJsonObjects()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        const QByteArray authorization = "Bearer " + seedToken().toLatin1();
        const auto response = m_http.send("POST", url("/article"), body,
            { { "Content-Type", contentType }, { "Authorization", authorization } });
        QCOMPARE(response.status, status);
        QVERIFY(!response.json().value("error").toString().isEmpty());
        QCOMPARE(listingTotal(), 3);
    }

    // ---- PATCH /article/:id

    void patchByTheAuthorChangesOnlyWhatIsGiven()
    {
        const QJsonObject before = m_http.get(articleUrl("title-1-3")).json();
        const auto response = m_http.patch(url("/article/1"),
            { { "title", "  A brand new title  " }, { "tags", QJsonArray { "x", "Y", "y" } } }, seedToken());
        QCOMPARE(response.status, 200);
        const QJsonObject patched = response.json();
        QCOMPARE(patched.value("id").toInteger(), 1);
        QCOMPARE(patched.value("title").toString(), QStringLiteral("A brand new title"));
        QCOMPARE(strings(patched.value("tags")), QStringList({ "x", "Y" }));
        QCOMPARE(patched.value("description").toString(), QStringLiteral("desc 1/3"));
        QCOMPARE(patched.value("text").toString(), before.value("text").toString());
        // Permalinks are stable: a new title keeps the slug.
        QCOMPARE(patched.value("slug").toString(), QStringLiteral("title-1-3"));
        QCOMPARE(patched.value("createdAt").toString(), before.value("createdAt").toString());
        const QDateTime updatedBefore
            = QDateTime::fromString(before.value("updatedAt").toString(), Qt::ISODateWithMs);
        const QDateTime updatedAfter
            = QDateTime::fromString(patched.value("updatedAt").toString(), Qt::ISODateWithMs);
        QVERIFY(updatedAfter.isValid());
        QVERIFY2(updatedAfter > updatedBefore, qPrintable(patched.value("updatedAt").toString()));

        const auto fetched = m_http.get(articleUrl("title-1-3"));
        QCOMPARE(fetched.status, 200);
        const QJsonObject stored = fetched.json();
        QCOMPARE(stored.value("title").toString(), QStringLiteral("A brand new title"));
        QCOMPARE(strings(stored.value("tags")), QStringList({ "x", "Y" }));
        QCOMPARE(stored.value("description").toString(), QStringLiteral("desc 1/3"));
        QCOMPARE(stored.value("text").toString(), before.value("text").toString());
        QCOMPARE(stored.value("comments").toArray().size(), 2);
        QCOMPARE(m_http.get(articleUrl("a-brand-new-title")).status, 404);

        // The listing shows the change at once.
        const QJsonObject first
            = m_http.get(url("/article")).json().value("items").toArray().first().toObject();
        QCOMPARE(first.value("slug").toString(), QStringLiteral("title-1-3"));
        QCOMPARE(first.value("title").toString(), QStringLiteral("A brand new title"));
        QCOMPARE(strings(first.value("tags")), QStringList({ "x", "Y" }));

        // Other fields alone, and clearing the tags.
        const auto second = m_http.patch(url("/article/1"),
            { { "description", "New desc" }, { "text", "New text" }, { "tags", QJsonArray {} } },
            seedToken());
        QCOMPARE(second.status, 200);
        const QJsonObject again = m_http.get(articleUrl("title-1-3")).json();
        QCOMPARE(again.value("title").toString(), QStringLiteral("A brand new title"));
        QCOMPARE(again.value("description").toString(), QStringLiteral("New desc"));
        QCOMPARE(again.value("text").toString(), QStringLiteral("New text"));
        QCOMPARE(again.value("tags").toArray().size(), 0);
    }

    void patchByAnotherUserIsForbidden()
    {
        const QString other
            = m_http.signUp(url("/user/sign-up"), "other@example.com", "Other", "password123");
        QVERIFY(!other.isEmpty());
        const auto response = m_http.patch(
            url("/article/1"), { { "title", "Hijacked" }, { "tags", QJsonArray { "h" } } }, other);
        QCOMPARE(response.status, 403);
        QCOMPARE(response.json().value("error").toString(),
            QStringLiteral("You are not the author of this article!"));

        const QJsonObject stored = m_http.get(articleUrl("title-1-3")).json();
        QCOMPARE(stored.value("title").toString(), QStringLiteral("title 1/3"));
        QCOMPARE(strings(stored.value("tags")), QStringList({ "foo1", "foo2" }));
    }

    void patchAnUnknownIdIs404()
    {
        const auto response = m_http.patch(url("/article/999"), { { "title", "Ghost" } }, seedToken());
        QCOMPARE(response.status, 404);
        QCOMPARE(response.json().value("notFound"), QJsonValue(true));
        QVERIFY(!response.json().value("error").toString().isEmpty());
        QCOMPARE(listingTotal(), 3);
    }

    void patchNeedsAToken()
    {
        const auto response = m_http.patch(url("/article/1"), { { "title", "Anonymous" } });
        QCOMPARE(response.status, 401);
        QCOMPARE(m_http.get(articleUrl("title-1-3")).json().value("title").toString(),
            QStringLiteral("title 1/3"));
    }

    void patchRejectsFieldsThatMayNotChange_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("author") << QJsonObject { { "author", 2 } } << "author";
        QTest::newRow("slug") << QJsonObject { { "slug", "other-slug" } } << "slug";
        QTest::newRow("id") << QJsonObject { { "id", 7 } } << "id";
        QTest::newRow("title with author")
            << QJsonObject { { "title", "Sneaky" }, { "author", 2 } } << "author";
        QTest::newRow("blank title") << QJsonObject { { "title", "  " } } << "title";
        QTest::newRow("tags with a number") << QJsonObject { { "tags", QJsonArray { 1 } } } << "tags";
    }

    void patchRejectsFieldsThatMayNotChange()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        const auto response = m_http.patch(url("/article/1"), body, seedToken());
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), field);
        const QJsonObject stored = m_http.get(articleUrl("title-1-3")).json();
        QCOMPARE(stored.value("title").toString(), QStringLiteral("title 1/3"));
        QCOMPARE(stored.value("author").toObject().value("id").toInteger(), 1);
        QCOMPARE(strings(stored.value("tags")), QStringList({ "foo1", "foo2" }));
    }

    // ---- Optimistic concurrency: ETag on every article answer, If-Match on PATCH

    void articleAnswersCarryAnEtagThatChangesWithEachChange()
    {
        const auto shown = m_http.get(articleUrl("title-1-3"));
        const QByteArray etag = shown.header("ETag");
        QVERIFY2(etag.size() > 2 && etag.startsWith('"') && etag.endsWith('"'), etag.constData()); // strong
        QCOMPARE(etagOf("title-1-3"), etag); // stable while nothing changes

        const auto patched = m_http.patch(url("/article/1"), { { "title", "Changed" } }, seedToken());
        QCOMPARE(patched.status, 200);
        QVERIFY(!patched.header("ETag").isEmpty());
        QVERIFY(patched.header("ETag") != etag);
        QCOMPARE(etagOf("title-1-3"), patched.header("ETag"));

        // It versions the article's own fields: a comment does not make an author's edit stale.
        QCOMPARE(
            m_http.post(url("/article/title-1-3/comment"), { { "text", "Nice" } }, seedToken()).status, 201);
        QCOMPARE(etagOf("title-1-3"), patched.header("ETag"));

        const auto created = m_http.post(url("/article"), validArticle(), seedToken());
        QCOMPARE(created.status, 201);
        QCOMPARE(created.header("ETag"), etagOf(created.json().value("slug").toString()));
        QVERIFY(created.header("ETag") != patched.header("ETag"));

        // GET /article/:slug has no conditional form: If-None-Match still gets the article.
        const auto again
            = m_http.get(articleUrl("title-1-3"), {}, { { "If-None-Match", patched.header("ETag") } });
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value("title").toString(), QStringLiteral("Changed"));
    }

    void aStaleIfMatchIs412WithTheCurrentArticleAndChangesNothing()
    {
        const QByteArray loaded = etagOf("title-1-3");
        const auto theirs = m_http.patch(url("/article/1"), { { "title", "Theirs" } }, seedToken());
        QCOMPARE(theirs.status, 200);
        const QJsonObject stored = m_http.get(articleUrl("title-1-3")).json();

        const auto mine = patchIfMatch("1",
            { { "title", "Mine" }, { "text", "My text" }, { "tags", QJsonArray { "mine" } } }, loaded,
            seedToken());
        QCOMPARE(mine.status, 412);
        QCOMPARE(mine.json(), stored); // the article as GET shows it, to merge with
        QCOMPARE(mine.header("ETag"), theirs.header("ETag"));

        QCOMPARE(m_http.get(articleUrl("title-1-3")).json(), stored);
        QCOMPARE(etagOf("title-1-3"), theirs.header("ETag"));
        const QJsonObject first
            = m_http.get(url("/article")).json().value("items").toArray().first().toObject();
        QCOMPARE(first.value("title").toString(), QStringLiteral("Theirs"));

        // An empty patch checks the version too; another article's ETag is not this one's.
        QCOMPARE(patchIfMatch("1", {}, loaded, seedToken()).status, 412);
        const auto created = m_http.post(url("/article"), validArticle(), seedToken());
        QCOMPARE(patchIfMatch("1", { { "title", "Mine" } }, created.header("ETag"), seedToken()).status, 412);
        // A weak tag never matches (strong comparison).
        QCOMPARE(patchIfMatch("1", { { "title", "Mine" } }, "W/" + theirs.header("ETag"), seedToken()).status,
            412);
        QCOMPARE(m_http.get(articleUrl("title-1-3")).json(), stored);
    }

    void aMatchingIfMatchIs200()
    {
        const QByteArray loaded = etagOf("title-1-3");
        const auto saved = patchIfMatch("1", { { "title", "Mine" } }, loaded, seedToken());
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value("title").toString(), QStringLiteral("Mine"));
        QVERIFY(saved.header("ETag") != loaded);

        // One of a list, and "*" (any version of an article that exists).
        const auto listed
            = patchIfMatch("1", { { "title", "Listed" } }, "\"nope\", " + saved.header("ETag"), seedToken());
        QCOMPARE(listed.status, 200);
        QCOMPARE(patchIfMatch("1", { { "title", "Any" } }, "*", seedToken()).status, 200);
        QCOMPARE(patchIfMatch("999", { { "title", "Ghost" } }, "*", seedToken()).status, 404);
        QCOMPARE(m_http.get(articleUrl("title-1-3")).json().value("title").toString(), QStringLiteral("Any"));

        // Who may write comes first: another user with the right ETag is still forbidden.
        const QString other
            = m_http.signUp(url("/user/sign-up"), "other@example.com", "Other", "password123");
        QCOMPARE(patchIfMatch("1", { { "title", "Hijacked" } }, etagOf("title-1-3"), other).status, 403);
    }

    void withoutIfMatchALaterPatchStillWins()
    {
        QCOMPARE(m_http.patch(url("/article/1"), { { "title", "One" } }, seedToken()).status, 200);
        const auto two = m_http.patch(url("/article/1"), { { "title", "Two" } }, seedToken());
        QCOMPARE(two.status, 200);
        QCOMPARE(two.json().value("title").toString(), QStringLiteral("Two"));
    }

    // Editors saving at once with the version they all loaded: exactly one wins. A read-then-write check
    // lets several through when they interleave; six at a time over twenty rounds give them the chance.
    void racingPatchesWithOneEtagGiveOne200AndTheRest412()
    {
        constexpr int Editors = 6; // QNetworkAccessManager's connections per host
        const QString token = seedToken();
        QNetworkAccessManager network;
        for (int round = 0; round < 20; ++round) {
            const QByteArray etag = etagOf("title-1-3");
            QList<QNetworkReply *> replies;
            for (int editor = 0; editor < Editors; ++editor) {
                QNetworkRequest request(url("/article/1"));
                request.setRawHeader("Content-Type", "application/json");
                request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
                request.setRawHeader("If-Match", etag);
                replies.append(network.sendCustomRequest(request, "PATCH",
                    compactJson(
                        { { "title", QStringLiteral("Round %1 editor %2").arg(round).arg(editor) } })));
            }
            QTRY_VERIFY_WITH_TIMEOUT(
                std::all_of(replies.begin(), replies.end(), [](QNetworkReply *r) { return r->isFinished(); }),
                10000);
            QList<int> statuses;
            QString winner;
            for (QNetworkReply *reply : std::as_const(replies)) {
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                statuses.append(status);
                if (status == 200)
                    winner = QJsonDocument::fromJson(reply->readAll()).object().value("title").toString();
                reply->deleteLater();
            }
            QCOMPARE(statuses.count(200), 1);
            QCOMPARE(statuses.count(412), Editors - 1);
            QCOMPARE(m_http.get(articleUrl("title-1-3")).json().value("title").toString(), winner);
        }
    }

    void idsThatAreNotIdsAre404_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("id");
        for (const char *method : { "PATCH", "DELETE" }) {
            for (const char *id : { "abc", "-1", "1.5", "0", "99999999999999999999", "1e3" })
                QTest::addRow("%s %s", method, id) << QByteArray(method) << QString::fromLatin1(id);
        }
    }

    void idsThatAreNotIdsAre404()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, id);
        const QString token = seedToken();
        const auto response = method == "PATCH"
            ? m_http.patch(articleUrl(id), { { "title", "Changed" } }, token)
            : m_http.del(articleUrl(id), token);
        QCOMPARE(response.status, 404);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        QCOMPARE(document.object().value("notFound"), QJsonValue(true));
        QCOMPARE(listingTotal(), 3);
        QCOMPARE(m_http.get(articleUrl("title-1-3")).json().value("title").toString(),
            QStringLiteral("title 1/3"));
    }

    // ---- DELETE /article/:id

    void deleteByTheAuthorRemovesTheArticleAndItsComments()
    {
        QCOMPARE(listingTotal(), 3); // fills the listing cache, which the delete must clear
        const QString token = seedToken();
        const auto response = m_http.del(url("/article/3"), token);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json(), QJsonObject({ { "success", true } }));

        const auto gone = m_http.get(articleUrl("title-3-3"));
        QCOMPARE(gone.status, 404);
        QCOMPARE(gone.json().value("notFound"), QJsonValue(true));
        QCOMPARE(listingTotal(), 2);
        QCOMPARE(listingSlugs(), QStringList({ "title-1-3", "title-2-3" }));

        const auto again = m_http.del(url("/article/3"), token);
        QCOMPARE(again.status, 404);
        QCOMPARE(again.json().value("notFound"), QJsonValue(true));

        // Its comments went with it (ids 4..6), the others stay.
        QCOMPARE(m_http.del(url("/article/title-3-3/comment/4"), token).status, 404);
        SideConnection side(m_server->databaseUrl());
        QVERIFY(side.isOpen());
        QCOMPARE(side.scalar("SELECT count(*) FROM comments WHERE article_id = ?", 3).toInt(), 0);
        QCOMPARE(side.scalar("SELECT count(*) FROM comments").toInt(), 3);
        QCOMPARE(side.scalar("SELECT count(*) FROM article_tags WHERE article_id = ?", 3).toInt(), 0);
    }

    void deleteByAnotherUserIsForbidden()
    {
        const QString other
            = m_http.signUp(url("/user/sign-up"), "other@example.com", "Other", "password123");
        QVERIFY(!other.isEmpty());
        const auto response = m_http.del(url("/article/1"), other);
        QCOMPARE(response.status, 403);
        QCOMPARE(response.json().value("error").toString(),
            QStringLiteral("You are not the author of this article!"));
        const auto still = m_http.get(articleUrl("title-1-3"));
        QCOMPARE(still.status, 200);
        QCOMPARE(still.json().value("comments").toArray().size(), 2);
        QCOMPARE(listingTotal(), 3);
    }

    void deleteNeedsAToken()
    {
        QCOMPARE(m_http.del(url("/article/1")).status, 401);
        QCOMPARE(m_http.get(articleUrl("title-1-3")).status, 200);
    }

    // ---- What the token check lets through, on POST /article

    void tokenChecks_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("status");
        QTest::newRow("issued by the server") << "issued" << 201;
        QTest::newRow("hand-made HS256") << "hs256" << 201;
        QTest::newRow("expired") << "expired" << 401;
        QTest::newRow("another secret") << "other-secret" << 401;
        QTest::newRow("tampered signature") << "tampered" << 401;
        QTest::newRow("alg none") << "none" << 401;
        QTest::newRow("HS512 with the right secret") << "hs512" << 401;
        QTest::newRow("user that does not exist") << "unknown-user" << 401;
    }

    void tokenChecks()
    {
        QFETCH(QString, kind);
        QFETCH(int, status);
        const QByteArray secret = m_server->jwtSecret();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        QString token;
        if (kind == "issued")
            token = m_server->tokenService().issue(1);
        else if (kind == "hs256")
            token = handMadeToken("HS256", secret, QCryptographicHash::Sha256);
        else if (kind == "expired")
            token = m_server->tokenService().issue(1, now - 100, now - 10);
        else if (kind == "other-secret")
            token = blog::TokenService(QByteArray(32, 'x'), std::chrono::hours(1)).issue(1);
        else if (kind == "tampered")
            token = withTamperedSignature(m_server->tokenService().issue(1));
        else if (kind == "none")
            token = handMadeToken("none", secret, std::nullopt);
        else if (kind == "hs512")
            token = handMadeToken("HS512", secret, QCryptographicHash::Sha512);
        else if (kind == "unknown-user")
            token = m_server->tokenService().issue(9999);
        QVERIFY(!token.isEmpty());

        const auto response = m_http.post(url("/article"), validArticle("Token check"), token);
        QCOMPARE(response.status, status);
        if (status == 201) {
            QCOMPARE(response.json().value("author").toObject().value("id").toInteger(), 1);
            QCOMPARE(m_http.get(articleUrl("token-check")).status, 200);
            QCOMPARE(listingTotal(), 4);
        } else {
            QCOMPARE(response.json().value("error").toString(),
                QStringLiteral("Please provide your token via Authorization header"));
            QCOMPARE(m_http.get(articleUrl("token-check")).status, 404);
            QCOMPARE(listingTotal(), 3);
        }
    }
};

QTEST_GUILESS_MAIN(TestArticleApi)
#include "TestArticleApi.moc"
