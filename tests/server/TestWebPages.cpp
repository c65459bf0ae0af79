#include "HttpClient.h"
#include "SideConnection.h"
#include "TestServer.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace blog::test;

namespace {

const QString Hostile = QStringLiteral("<script>alert(1)</script>");
const QString HostileImage = QStringLiteral("<img src=x onerror=alert(2)>");

// Every element start tag in an HTML page, as written ("<a href=...>").
QStringList startTags(const QByteArray &html)
{
    QStringList tags;
    static const QRegularExpression tag(QStringLiteral(R"(<[a-zA-Z][^>]*>)"));
    auto matches = tag.globalMatch(QString::fromUtf8(html));
    while (matches.hasNext())
        tags.append(matches.next().captured(0));
    return tags;
}

// Reads an XML document through, returning the parser's error ("" when well-formed).
QString xmlError(const QByteArray &xml)
{
    QXmlStreamReader reader(xml);
    while (!reader.atEnd())
        reader.readNext();
    return reader.hasError() ? reader.errorString() : QString();
}

QStringList xmlTexts(const QByteArray &xml, const QString &element)
{
    QStringList texts;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == element)
            texts.append(reader.readElementText(QXmlStreamReader::IncludeChildElements));
    }
    return texts;
}

// A start tag's attribute names and URL values, with every other quoted value taken out: what a
// browser would run or follow.
bool isHarmless(const QString &tag)
{
    static const QRegularExpression url(
        QStringLiteral(R"re(\b(?:href|src)="\s*javascript:)re"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression quoted(QStringLiteral(R"re("[^"]*")re"));
    static const QRegularExpression handler(
        QStringLiteral(R"re(\son\w+\s*=)re"), QRegularExpression::CaseInsensitiveOption);
    return !url.match(tag).hasMatch() && !QString(tag).remove(quoted).contains(handler);
}

} // namespace

// The reader-facing web pages over real HTTP against a seeded server: what they show, their status codes
// and content types, escaping of everything users write, 404s, and the cache's ETags and 304s.
class TestWebPages : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    QString m_token;

    QUrl url(const QString &path) const { return m_server->url(path); }
    QString token()
    {
        if (m_token.isEmpty())
            m_token = m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
                QString::fromLatin1(TestServer::SeedPassword));
        return m_token;
    }
    QJsonObject createArticle(const QJsonObject &article)
    {
        const auto response = m_http.post(url("/article"), article, token());
        return response.status == 201 ? response.json() : QJsonObject {};
    }
    HttpClient::Response page(const QString &path, const HttpClient::Headers &headers = {})
    {
        return m_http.get(url(path), {}, headers);
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_token.clear();
    }
    void cleanup() { m_server.reset(); }

    void homePageListsTheArticlesNewestFirst()
    {
        const auto home = page("/");
        QCOMPARE(home.status, 200);
        QCOMPARE(home.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QString html = QString::fromUtf8(home.body);
        QVERIFY(html.startsWith("<!DOCTYPE html>"));
        QVERIFY(html.contains("<html lang=\"en\">"));
        QVERIFY(html.contains("<title>Blog</title>"));
        QVERIFY(html.contains("<meta name=\"description\""));
        QVERIFY(html.contains("<link rel=\"canonical\" href=\"" + url("/").toString() + "\">"));
        QVERIFY(html.contains("<meta property=\"og:title\" content=\"Blog\">"));
        QVERIFY(html.contains("<link rel=\"alternate\" type=\"application/atom+xml\""));
        const qsizetype third = html.indexOf("title 3/3");
        const qsizetype first = html.indexOf("title 1/3");
        QVERIFY(third > 0 && first > third);
        QVERIFY(html.contains("href=\"/posts/title-1-3\""));
        QVERIFY(html.contains("href=\"/tags/foo1\""));
        QVERIFY(html.contains("2 comments"));
        QVERIFY(html.contains("Foo Bar"));
        // Three articles fit on one page: no paging links.
        QVERIFY(!html.contains("rel=\"next\""));
        QVERIFY(!home.header("Content-Security-Policy").isEmpty());
        QVERIFY(!home.header("ETag").isEmpty());
        QVERIFY(!home.header("Last-Modified").isEmpty());
    }

    void homePagePaginates()
    {
        for (int i = 0; i < 12; ++i)
            QVERIFY(!createArticle(
                { { "title", QStringLiteral("Paged %1").arg(i) }, { "description", "d" }, { "text", "t" } })
                         .isEmpty());
        const QString first = QString::fromUtf8(page("/").body);
        QVERIFY(first.contains("Paged 11"));
        QVERIFY(!first.contains("title 1/3"));
        QVERIFY(first.contains("<a rel=\"next\" href=\"/?page=2\">"));
        QVERIFY(!first.contains("rel=\"prev\""));
        const auto second = page("/?page=2");
        QCOMPARE(second.status, 200);
        const QString html = QString::fromUtf8(second.body);
        QVERIFY(html.contains("title 1/3"));
        QVERIFY(!html.contains("Paged 11"));
        QVERIFY(html.contains("<a rel=\"prev\" href=\"/\">"));
        QVERIFY(html.contains("<link rel=\"canonical\" href=\"" + url("/?page=2").toString() + "\">"));
    }

    void hugeAndInvalidPageNumbersAreNotFound_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("past the end") << "/?page=2";
        QTest::newRow("huge") << "/?page=99999999999999999999";
        QTest::newRow("int overflow") << "/?page=2147483648";
        QTest::newRow("zero") << "/?page=0";
        QTest::newRow("negative") << "/?page=-1";
        QTest::newRow("text") << "/?page=two";
        QTest::newRow("tag past the end") << "/tags/foo1?page=3";
        QTest::newRow("author huge") << "/authors/1?page=9223372036854775807";
    }
    void hugeAndInvalidPageNumbersAreNotFound()
    {
        QFETCH(QString, path);
        const auto response = page(path);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(response.body.contains("<h1>Not found</h1>"));
    }

    void articlePageShowsRenderedMarkdownAndComments()
    {
        const auto response = page("/posts/title-1-3");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const QString html = QString::fromUtf8(response.body);
        QVERIFY(html.contains("<title>title 1/3 · Blog</title>"));
        QVERIFY(html.contains("<meta name=\"description\" content=\"desc 1/3\">"));
        QVERIFY(html.contains("<meta property=\"og:type\" content=\"article\">"));
        QVERIFY(
            html.contains("<link rel=\"canonical\" href=\"" + url("/posts/title-1-3").toString() + "\">"));
        QVERIFY(html.contains("<strong>first</strong>"));
        QVERIFY(html.contains("Nice first article!"));
        QVERIFY(html.contains("Looking forward to more."));
        QVERIFY(html.contains("href=\"/tags/foo2\""));
        QVERIFY(html.contains("href=\"/authors/"));
    }

    void unknownSlugTagAndAuthorAreHtml404s_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("slug") << "/posts/no-such-article";
        QTest::newRow("encoded slug") << "/posts/%3Cscript%3E";
        QTest::newRow("tag") << "/tags/no-such-tag";
        QTest::newRow("tag feed") << "/tags/no-such-tag/feed.atom";
        QTest::newRow("author") << "/authors/999999";
        QTest::newRow("author not a number") << "/authors/abc";
        QTest::newRow("author overflow") << "/authors/99999999999999999999999";
        QTest::newRow("author feed") << "/authors/999999/feed.atom";
        QTest::newRow("deeper path") << "/posts/title-1-3/extra";
        QTest::newRow("sitemap part") << "/sitemap.xml?part=7";
    }
    void unknownSlugTagAndAuthorAreHtml404s()
    {
        QFETCH(QString, path);
        const auto response = page(path);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        QVERIFY(response.body.contains("<title>Not found · Blog</title>"));
        QVERIFY(!response.body.contains("<script>"));
    }

    void unknownPathsAreHtmlForBrowsersAndJsonForApiClients()
    {
        const auto browser = page("/no/such/page",
            { { "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8" } });
        QCOMPARE(browser.status, 404);
        QCOMPARE(browser.header("Content-Type"), QByteArray("text/html; charset=utf-8"));
        const auto api = page("/no/such/page", { { "Accept", "application/json" } });
        QCOMPARE(api.status, 404);
        QVERIFY(api.header("Content-Type").startsWith("application/json"));
        QCOMPARE(api.json().value("notFound").toBool(), true);
        const auto anything = page("/no/such/page", { { "Accept", "*/*" } });
        QVERIFY(anything.header("Content-Type").startsWith("application/json"));
        // The API's own 404s stay JSON whatever the client accepts.
        const auto article = page("/article/no-such", { { "Accept", "text/html" } });
        QCOMPARE(article.status, 404);
        QVERIFY(article.header("Content-Type").startsWith("application/json"));
    }

    void userTextIsEscapedEverywhere()
    {
        const QJsonObject article = createArticle({ { "title", Hostile + " \"quoted\" 'single'" },
            { "description", HostileImage + " & more" },
            { "text",
                QStringLiteral("Hello %1\n\n%2\n\n[click](javascript:alert(3)) [tab](java\tscript:alert(4)) "
                               "[entity](javascript&#58;alert(5)) [ok](https://example.org/?a=1&b=2) "
                               "![img](javascript:alert(6)) <a href=\"javascript:alert(7)\">raw</a>")
                    .arg(Hostile, HostileImage) },
            { "tags", QJsonArray { Hostile, "a\"b", "x&y" } } });
        QVERIFY(!article.isEmpty());
        const QString slug = article.value("slug").toString();
        QCOMPARE(m_http
                     .post(url("/article/" + slug + "/comment"),
                         { { "text", Hostile + "\n\n" + HostileImage + " javascript:alert(8)" } }, token())
                     .status,
            201);

        for (const QString &path : { QStringLiteral("/"), "/posts/" + slug,
                 "/tags/" + QString::fromLatin1(QUrl::toPercentEncoding(Hostile)),
                 QStringLiteral("/authors/1") }) {
            const auto response = page(path);
            QCOMPARE(response.status, 200);
            const QString html = QString::fromUtf8(response.body);
            QVERIFY2(!html.contains("<script"), qPrintable(path));
            QVERIFY2(!html.contains("<img src=x"), qPrintable(path));
            QVERIFY2(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), qPrintable(path));
            for (const QString &tag : startTags(response.body))
                QVERIFY2(isHarmless(tag), qPrintable(tag));
            // A tag's URL is percent-encoded, then escaped for the attribute.
            QVERIFY2(
                html.contains("href=\"/tags/%3Cscript%3Ealert%281%29%3C%2Fscript%3E\""), qPrintable(path));
            QVERIFY2(html.contains("href=\"/tags/a%22b\""), qPrintable(path));
        }
        const QString html = QString::fromUtf8(page("/posts/" + slug).body);
        QVERIFY(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        QVERIFY(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; "
                              "&apos;single&apos; · Blog</title>"));
        QVERIFY(html.contains("content=\"&lt;img src=x onerror=alert(2)&gt; &amp; more\""));
        QVERIFY(html.contains("<a href=\"#\">click</a>"));
        QVERIFY(html.contains("<a href=\"https://example.org/?a=1&amp;b=2\">ok</a>"));
        QVERIFY(html.contains("&lt;a href=&quot;javascript:alert(7)&quot;&gt;raw&lt;/a&gt;"));
        // The comment, as text.
        QVERIFY(html.contains("<p>&lt;img src=x onerror=alert(2)&gt; javascript:alert(8)</p>"));

        // Feeds: well-formed, the text in them text (the HTML content escaped once more).
        const auto feed = page("/feed.atom");
        QCOMPARE(feed.status, 200);
        QCOMPARE(xmlError(feed.body), QString());
        QVERIFY(xmlTexts(feed.body, "title").contains(Hostile + " \"quoted\" 'single'"));
        QVERIFY(!feed.body.contains("<script"));
        const auto tagFeed
            = page("/tags/" + QString::fromLatin1(QUrl::toPercentEncoding(Hostile)) + "/feed.atom");
        QCOMPARE(tagFeed.status, 200);
        QCOMPARE(xmlError(tagFeed.body), QString());
        QVERIFY(!tagFeed.body.contains("<script"));
        const auto sitemap = page("/sitemap.xml");
        QCOMPARE(xmlError(sitemap.body), QString());
    }

    void tagAndAuthorPagesListTheirArticles()
    {
        const auto tag = page("/tags/foo1");
        QCOMPARE(tag.status, 200);
        const QString tagged = QString::fromUtf8(tag.body);
        QVERIFY(tagged.contains("title 1/3"));
        QVERIFY(!tagged.contains("title 2/3"));
        QVERIFY(!tagged.contains("title 3/3"));
        QVERIFY(tagged.contains("href=\"" + url("/tags/foo1/feed.atom").toString() + "\""));
        const QString shared = QString::fromUtf8(page("/tags/foo2").body);
        QVERIFY(shared.contains("title 1/3") && shared.contains("title 2/3") && shared.contains("title 3/3"));
        const auto author = page("/authors/1");
        QCOMPARE(author.status, 200);
        const QString by = QString::fromUtf8(author.body);
        QVERIFY(by.contains("Articles by Foo Bar"));
        QVERIFY(by.contains("title 3/3"));
        QVERIFY(!by.contains("foo@bar.com")); // never an e-mail address
    }

    void feedsAreAtom()
    {
        for (const QString &path : { QStringLiteral("/feed.atom"), QStringLiteral("/tags/foo1/feed.atom"),
                 QStringLiteral("/authors/1/feed.atom") }) {
            const auto feed = page(path);
            QCOMPARE(feed.status, 200);
            QCOMPARE(feed.header("Content-Type"), QByteArray("application/atom+xml; charset=utf-8"));
            QCOMPARE(xmlError(feed.body), QString());
            QVERIFY(feed.body.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
            const QStringList ids = xmlTexts(feed.body, "id");
            QVERIFY(ids.contains(url(path).toString()));
            QVERIFY(ids.contains(url("/posts/title-1-3").toString()));
        }
        const QStringList titles = xmlTexts(page("/feed.atom").body, "title");
        QCOMPARE(titles, QStringList({ "Blog", "title 3/3", "title 2/3", "title 1/3" }));
    }

    void sitemapAndRobots()
    {
        const auto sitemap = page("/sitemap.xml");
        QCOMPARE(sitemap.status, 200);
        QCOMPARE(sitemap.header("Content-Type"), QByteArray("application/xml; charset=utf-8"));
        QCOMPARE(xmlError(sitemap.body), QString());
        QCOMPARE(xmlTexts(sitemap.body, "loc"),
            QStringList({ url("/").toString(), url("/posts/title-1-3").toString(),
                url("/posts/title-2-3").toString(), url("/posts/title-3-3").toString() }));
        const auto robots = page("/robots.txt");
        QCOMPARE(robots.status, 200);
        QVERIFY(robots.header("Content-Type").startsWith("text/plain"));
        QVERIFY(robots.body.contains("Sitemap: " + url("/sitemap.xml").toString().toUtf8() + "\n"));
        const auto css = page("/site.css");
        QCOMPARE(css.status, 200);
        QVERIFY(css.header("Content-Type").startsWith("text/css"));
        QVERIFY(css.body.contains("prefers-color-scheme: dark"));
    }

    // Past 50,000 URLs (the home page and every article) the sitemap becomes an index of ?part=N maps.
    void sitemapBecomesAnIndexPastFiftyThousandUrls()
    {
        {
            SideConnection side(m_server->databaseUrl());
            QVERIFY(side.isOpen());
            // Behind the server's back, in one statement: the three seeded articles and 50,000 more.
            QVERIFY(side.exec(QStringLiteral(
                "INSERT INTO articles (slug, title, description, text, author_id, created_at, updated_at) "
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                "SELECT 'bulk-' || i, 'Bulk', 'd', 't', 1, '2026-01-01T00:00:00.000Z', "
                "'2026-01-01T00:00:00.000Z' FROM n")));
        }
        const auto index = page("/sitemap.xml");
        QCOMPARE(index.status, 200);
        QVERIFY(index.body.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"));
        QCOMPARE(xmlTexts(index.body, "loc"),
            QStringList({ url("/sitemap.xml?part=1").toString(), url("/sitemap.xml?part=2").toString() }));
        const QStringList first = xmlTexts(page("/sitemap.xml?part=1").body, "loc");
        QCOMPARE(first.size(), 50000);
        QCOMPARE(first.first(), url("/").toString());
        QCOMPARE(first.at(1), url("/posts/title-1-3").toString());
        const QStringList second = xmlTexts(page("/sitemap.xml?part=2").body, "loc");
        QCOMPARE(second,
            QStringList({ url("/posts/bulk-49997").toString(), url("/posts/bulk-49998").toString(),
                url("/posts/bulk-49999").toString(), url("/posts/bulk-50000").toString() }));
        QCOMPARE(page("/sitemap.xml?part=3").status, 404);
    }

    void notModifiedWithTheSameEtagUntilAWriteChangesThePage()
    {
        const auto first = page("/");
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const auto again = page("/", { { "If-None-Match", etag } });
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        const auto since = page("/", { { "If-Modified-Since", first.header("Last-Modified") } });
        QCOMPARE(since.status, 304);
        const auto older = page("/", { { "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT" } });
        QCOMPARE(older.status, 200);

        const auto article = page("/posts/title-2-3");
        const QByteArray articleEtag = article.header("ETag");
        QCOMPARE(page("/posts/title-2-3", { { "If-None-Match", articleEtag } }).status, 304);
        // A comment changes the article page and the home page's count at once, cache or not.
        QCOMPARE(
            m_http.post(url("/article/title-2-3/comment"), { { "text", "A new comment" } }, token()).status,
            201);
        const auto commented = page("/posts/title-2-3", { { "If-None-Match", articleEtag } });
        QCOMPARE(commented.status, 200);
        QVERIFY(commented.body.contains("A new comment"));
        QVERIFY(commented.header("ETag") != articleEtag);
        const auto home = page("/", { { "If-None-Match", etag } });
        QCOMPARE(home.status, 200);
        QVERIFY(home.body.contains("2 comments"));
    }

    void editsAndDeletesShowAtOnce()
    {
        const QJsonObject article
            = createArticle({ { "title", "Editable" }, { "description", "before" }, { "text", "old text" } });
        const QString path = "/posts/" + article.value("slug").toString();
        QVERIFY(page(path).body.contains("old text"));
        const QString id = QString::number(article.value("id").toInteger());
        QCOMPARE(m_http.patch(url("/article/" + id), { { "text", "new text" } }, token()).status, 200);
        QVERIFY(page(path).body.contains("new text"));
        QCOMPARE(m_http.del(url("/article/" + id), token()).status, 200);
        QCOMPARE(page(path).status, 404);
        QVERIFY(!page("/").body.contains("Editable"));
        QVERIFY(!page("/feed.atom").body.contains("Editable"));
    }

    // On PostgreSQL, instances sharing the database drop their pages on each other's writes (NOTIFY).
    void pagesFollowWritesThroughAnotherInstance()
    {
        if (!TestServer::isPostgres())
            QSKIP("instances share changes through PostgreSQL's NOTIFY");
        m_server.reset();
        const QString database = TestServer::createPostgresDatabase();
        TestServer::Options options;
        options.databasePath = database;
        options.listingCacheTtl = std::chrono::minutes(10); // expiry cannot be what refreshes B
        options.jwtSecret = QByteArray(32, 'k');
        {
            TestServer a(options);
            TestServer b(options);
            QVERIFY(m_http.get(b.url("/posts/title-2-3")).status == 200); // now in B's page cache
            QVERIFY(m_http.get(b.url("/")).body.contains("1 comment<"));
            const QString token = m_http.signIn(a.url("/user/sign-in"), "foo@bar.com", "password123");
            QCOMPARE(m_http.post(a.url("/article/title-2-3/comment"), { { "text", "Written on A" } }, token)
                         .status,
                201);
            QTRY_VERIFY_WITH_TIMEOUT(
                m_http.get(b.url("/posts/title-2-3")).body.contains("Written on A"), 1000);
            QVERIFY(m_http.get(b.url("/")).body.contains("2 comments"));
        }
        TestServer::dropPostgresDatabase(database);
    }

    void otherMethodsOnPagesAre405()
    {
        const auto response
            = m_http.send("POST", url("/posts/title-1-3"), "x", { { "Content-Type", "text/plain" } });
        QCOMPARE(response.status, 405);
        QCOMPARE(response.header("Allow"), QByteArray("GET"));
    }
};

QTEST_GUILESS_MAIN(TestWebPages)
#include "TestWebPages.moc"
