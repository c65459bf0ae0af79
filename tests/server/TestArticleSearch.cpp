#include "DataTransfer.h"
#include "Database.h"
#include "HttpClient.h"
#include "JsonKeysOf.h"
#include "Migrator.h"
#include "PhraseIndexJob.h"
#include "TestServer.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace blog;
using namespace blog::test;

// GET /article?q= and /api/articles?q=: full-text search over title, description, text and tags, over
// real HTTP against a real database (SQLite; PostgreSQL in the pg run): stemming, accents, other
// scripts, phrases, ranking, paging, writes showing at once through the cache, and hostile queries.
class TestArticleSearch : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestServer> m_server;
    HttpClient m_http;
    QString m_token;

    QUrl url(const QString &path) const { return m_server->url(path); }
    static QString encoded(const QString &value)
    {
        return QString::fromLatin1(QUrl::toPercentEncoding(value));
    }

    HttpClient::Response searchResponse(const QString &q, const QString &extra = {})
    {
        return m_http.get(url("/article?q=" + encoded(q) + extra));
    }
    QJsonObject searchPage(const QString &q, const QString &extra = {})
    {
        const auto response = searchResponse(q, extra);
        return response.status == 200 ? response.json() : QJsonObject { { "status", response.status } };
    }
    static QStringList slugsOf(const QJsonObject &page)
    {
        QStringList slugs;
        for (const QJsonValue &item : page.value("items").toArray())
            slugs.append(item.toObject().value("slug").toString());
        return slugs;
    }
    QStringList search(const QString &q, const QString &extra = {}) { return slugsOf(searchPage(q, extra)); }
    QString post(const QString &title, const QString &text, const QStringList &tags = {},
        const QString &description = QStringLiteral("Plain words"))
    {
        const auto response = m_http.post(url("/article"),
            { { "title", title }, { "description", description }, { "text", text },
                { "tags", QJsonArray::fromStringList(tags) } },
            m_token);
        if (response.status != 201)
            qWarning() << "post failed" << response.status << response.body;
        return response.json().value("slug").toString();
    }
    qint64 idOf(const QString &slug)
    {
        return m_http.get(url("/article/" + slug)).json().value("id").toInteger();
    }

private slots:
    void init()
    {
        m_server = std::make_unique<TestServer>();
        m_token = m_http.signIn(url("/user/sign-in"), QString::fromLatin1(TestServer::SeedEmail),
            QString::fromLatin1(TestServer::SeedPassword));
        QVERIFY(!m_token.isEmpty());
        // Articles that match nothing below, so every word searched for is rare among them.
        for (int i = 0; i < 6; ++i)
            QVERIFY(
                !post(QStringLiteral("Filler %1 about gardens").arg(i), "Soil, seeds and water.").isEmpty());
    }
    void cleanup() { m_server.reset(); }

    void englishWordsAreFoundByTheirStem()
    {
        const QString slug = post("Morning routine", "She was running to the harbour every day.");
        QCOMPARE(search("run"), QStringList { slug });
        QCOMPARE(search("runs"), QStringList { slug });
        QCOMPARE(search("RUNNING"), QStringList { slug });
        QCOMPARE(search("harbours"), QStringList { slug });
        QCOMPARE(search("swimming"), QStringList {});
    }

    void accentsAreFoldedAndOtherScriptsFound()
    {
        const QString cafe = post("Crème brûlée at the café", "A naïve recipe.");
        const QString plain = post("Cafe society", "Naive art, creme.");
        const QString russian = post("Привет, мир", "Текст на русском языке.");
        QCOMPARE(sorted(search("café")), sorted({ cafe, plain }));
        QCOMPARE(sorted(search("cafe")), sorted({ cafe, plain }));
        QCOMPARE(sorted(search("CRÈME")), sorted({ cafe, plain }));
        QCOMPARE(sorted(search("naive")), sorted({ cafe, plain }));
        QCOMPARE(search(QStringLiteral("brûlée")), QStringList { cafe });
        QCOMPARE(search("brulee"), QStringList { cafe });
        // Typed decomposed: e + U+0301.
        QCOMPARE(search(QString::fromUtf8("brule\xcc\x81") + "e"), QStringList { cafe });
        QCOMPARE(search("ПРИВЕТ"), QStringList { russian });
        QCOMPARE(search("русском"), QStringList { russian });
    }

    // Vowel signs and other marks are part of their words (SQLite's tokenizer ended a word at them, so
    // "किताब" was "क त ब" and "की" found every "के").
    void otherScriptsKeepTheirVowelSignsInsideWords()
    {
        const QString house = post(QStringLiteral("राम के घर"), QStringLiteral("एक कहानी"));
        const QString book = post(QStringLiteral("मेरी किताब"), QStringLiteral("पढ़ना"));
        const QString thai = post(QStringLiteral("สวัสดี ครับ"), QStringLiteral("ภาษาไทย"));
        const QString tamil = post(QStringLiteral("தமிழ் மொழி"), QStringLiteral("கதை"));
        QCOMPARE(search(QStringLiteral("के")), QStringList { house });
        QCOMPARE(search(QStringLiteral("की")), QStringList {});
        QCOMPARE(search(QStringLiteral("किताब")), QStringList { book });
        QCOMPARE(search(QStringLiteral("कताब")), QStringList {});
        QCOMPARE(search(QStringLiteral("क")), QStringList {});
        QCOMPARE(search(QStringLiteral("สวัสดี")), QStringList { thai });
        QCOMPARE(search(QStringLiteral("สวสด")), QStringList {});
        QCOMPARE(search(QStringLiteral("தமிழ்")), QStringList { tamil });
        QCOMPARE(search(QStringLiteral("தம")), QStringList {});
    }

    void quotedPhrasesKeepTheirWordsTogether()
    {
        const QString together = post("Foxes", "The quick brown fox jumps.");
        const QString apart = post("Dogs", "A brown dog, quick as ever.");
        QCOMPARE(sorted(search("quick brown")), sorted({ together, apart }));
        QCOMPARE(search("\"quick brown\""), QStringList { together });
        QCOMPARE(search("\"brown quick\""), QStringList {});
        QCOMPARE(search("“quick brown” fox"), QStringList { together }); // typographic quotes
        QCOMPARE(search("\"quick brown\" dog"), QStringList {});
        // A word that punctuation splits is a phrase of its pieces.
        const QString mail = post("Mail", "Send an e-mail to us.");
        QCOMPARE(search("e-mail"), QStringList { mail });
        QCOMPARE(search("mail-e"), QStringList {});
    }

    void aPhraseIsItsWordsAsWrittenInOrderInOneField()
    {
        const QString fields = post("Lantern beta", "Gamma lantern text.",
            { "harbour light", "quiet", "sea shanty" }, "Opening words");
        QCOMPARE(search("\"lantern beta\""), QStringList { fields });
        QCOMPARE(search("\"harbour light\""), QStringList { fields });
        QCOMPARE(search("\"sea shanty\""), QStringList { fields });
        QCOMPARE(search("\"quiet sea\""), QStringList {});
        QCOMPARE(search("\"harbour light\" quiet"), QStringList { fields });
        QCOMPARE(search("\"harbour light\" walrus"), QStringList {});
        // Never from one field, or one tag, into the next.
        QCOMPARE(search("\"beta opening\""), QStringList {});
        QCOMPARE(search("\"words harbour\""), QStringList {});
        QCOMPARE(search("\"light quiet\""), QStringList {});
        // Each pair is there, but not one after the other.
        const QString colours = post("Colours", "Red green, then green blue.");
        QCOMPARE(search("\"red green\""), QStringList { colours });
        QCOMPARE(search("\"red green blue\""), QStringList {});
        QCOMPARE(search("\"then green blue\""), QStringList { colours });
        // Words PostgreSQL's English search drops as too common are words of a phrase all the same.
        const QString hamlet = post("To be or not to be", "That is the question.");
        QCOMPARE(search("\"to be or not to be\""), QStringList { hamlet });
        QCOMPARE(search("\"that is the\""), QStringList { hamlet });
        QCOMPARE(search("\"to be not\""), QStringList {});
        QCOMPARE(search("\"that is\" the"), QStringList { hamlet }); // PostgreSQL: beside a stop word
        // As written: accents and case aside, not stemmed.
        const QString dessert = post("Crème brûlée for two", "Burnt sugar.");
        QCOMPARE(search("\"CREME BRULEE\""), QStringList { dessert });
        QCOMPARE(search("\"burnt sugar\""), QStringList { dessert });
        QCOMPARE(search("\"burning sugar\""), QStringList {});
        // A pair too long to be indexed: the database's own phrase search answers.
        const QString longWord(60, QLatin1Char('x'));
        const QString longOne = post("Long words", "short " + longWord + " end");
        QCOMPARE(search("\"short " + longWord + "\""), QStringList { longOne });
        QCOMPARE(search("\"" + longWord + " short\""), QStringList {});
        // Where a pair too long to index was, the pairs on either side are not neighbours.
        const QString gap = post("Gap", "alpha beta " + longWord + " beta gamma");
        QCOMPARE(search("\"alpha beta\""), QStringList { gap });
        QCOMPARE(search("\"alpha beta gamma\""), QStringList {});
        // Other scripts' vowel signs are part of their words: "की" is not "के".
        const QString hindi = post(QStringLiteral("कथा"), QStringLiteral("राम की कहानी"));
        QCOMPARE(search(QStringLiteral("\"राम की\"")), QStringList { hindi });
        QCOMPARE(search(QStringLiteral("\"राम के\"")), QStringList {});
    }

    void aPhraseFollowsEditsAndDeletes()
    {
        const QString slug = post("Night", "The quiet harbour sleeps.");
        const qint64 id = idOf(slug);
        QCOMPARE(search("\"quiet harbour\""), QStringList { slug });
        QCOMPARE(m_http
                     .patch(url(QStringLiteral("/article/%1").arg(id)),
                         { { "text", "The loud harbour wakes." } }, m_token)
                     .status,
            200);
        QCOMPARE(search("\"quiet harbour\""), QStringList {});
        QCOMPARE(search("\"loud harbour\""), QStringList { slug });
        QCOMPARE(m_http
                     .patch(url(QStringLiteral("/article/%1").arg(id)),
                         { { "tags", QJsonArray { "sea shanty" } } }, m_token)
                     .status,
            200);
        QCOMPARE(search("\"sea shanty\""), QStringList { slug });
        QCOMPARE(search("\"loud harbour\""), QStringList { slug });
        QCOMPARE(m_http.del(url(QStringLiteral("/article/%1").arg(id)), m_token).status, 200);
        QCOMPARE(search("\"loud harbour\""), QStringList {});
        QCOMPARE(searchPage("\"sea shanty\"").value("total").toInteger(), 0);
    }

    void articlesQueuedByOtherWritersGetTheirPairsFromTheJob()
    {
        // Written by hand while the server runs (or by an older version of it): the triggers queue the
        // article, the job makes its pairs.
        const QString slug = post("Tides", "Plain words.");
        const auto pending = [this] {
            QSqlQuery query(m_server->database().connection());
            return query.exec("SELECT count(*) FROM article_search_pairs_pending") && query.next()
                ? query.value(0).toInt()
                : -1;
        };
        {
            QSqlQuery query(m_server->database().connection());
            QVERIFY(query.prepare("UPDATE articles SET text = 'The tide turns slowly.' WHERE slug = :slug"));
            query.bindValue(":slug", slug);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
            // A tag linked by hand: the pairs read the links, not the articles' copy of them.
            QVERIFY(query.exec("INSERT INTO tags (name) VALUES ('night watch')"));
            QVERIFY(
                query.prepare("INSERT INTO article_tags (article_id, tag_id, position) SELECT a.id, t.id, 0 "
                              "FROM articles a, tags t WHERE a.slug = :slug AND t.name = 'night watch'"));
            query.bindValue(":slug", slug);
            QVERIFY2(query.exec(), qPrintable(query.lastError().text()));
        }
        QCOMPARE(pending(), 1);
        QCOMPARE(search("\"turns slowly\""), QStringList {});
        PhraseIndexJob job(m_server->database());
        job.start(std::chrono::milliseconds(10));
        QTRY_COMPARE(pending(), 0);
        QCOMPARE(search("\"tide turns\""), QStringList { slug });
        QCOMPARE(search("\"night watch\""), QStringList { slug });
        QCOMPARE(job.runOnce(), 0);
    }

    void everyWordMustMatchInSomeField()
    {
        const QString tagged = post("Cluster notes", "Pods and nodes.", { "kubernetes" }, "About scheduling");
        QCOMPARE(search("kubernetes"), QStringList { tagged });
        QCOMPARE(search("kubernetes pods scheduling cluster"), QStringList { tagged });
        QCOMPARE(search("kubernetes gardens"), QStringList {});
    }

    void aMatchInTheTitleRanksFirstThenTheNewest()
    {
        const QString inTitle = post("Zephyr winds", "Something else entirely.");
        const QString inDescription = post("Weather", "Nothing here.", {}, "A zephyr came");
        const QString inText = post("Sailing", "We waited for a zephyr all afternoon.");
        QCOMPARE(search("zephyr"), QStringList({ inTitle, inDescription, inText }));
        // The same match in the same place: the newest first.
        const QString older = post("Quasar twins", "Identical text.");
        const QString newer = post("Quasar twins", "Identical text.");
        QVERIFY(older != newer);
        QCOMPARE(search("quasar"), QStringList({ newer, older }));
        // `order` does not apply to a search.
        QCOMPARE(search("quasar", "&order=oldest"), QStringList({ newer, older }));
    }

    void pagesHaveTheListingsShapeAndTotal()
    {
        QStringList slugs;
        for (int i = 0; i < 5; ++i)
            slugs.prepend(post(QStringLiteral("Nebula %1").arg(i), "Stars."));
        const QJsonObject first = searchPage("nebula", "&limit=2");
        QCOMPARE(sortedKeys(first), sorted({ "items", "total" }));
        QCOMPARE(first.value("total").toInteger(), 5);
        QCOMPARE(slugsOf(first), slugs.mid(0, 2));
        const QJsonObject listing = m_http.get(url("/article?limit=1")).json();
        QCOMPARE(sortedKeys(first.value("items").toArray().first().toObject()),
            sortedKeys(listing.value("items").toArray().first().toObject()));
        QCOMPARE(search("nebula", "&limit=2&offset=2"), slugs.mid(2, 2));
        QCOMPARE(search("nebula", "&limit=2&offset=4"), slugs.mid(4));
        const QJsonObject beyond = searchPage("nebula", "&offset=10");
        QCOMPARE(beyond.value("items").toArray().size(), 0);
        QCOMPARE(beyond.value("total").toInteger(), 5);
        QCOMPARE(searchResponse("nebula", "&limit=0").status, 400);
    }

    void filtersNarrowASearch()
    {
        const QString tagged = post("Orbit one", "Satellites.", { "space" });
        const QString untagged = post("Orbit two", "Satellites.");
        QCOMPARE(search("orbit", "&tag=space"), QStringList { tagged });
        QCOMPARE(searchPage("orbit", "&tag=space").value("total").toInteger(), 1);
        QCOMPARE(search("orbit", "&tag=nothing"), QStringList {});
        const qint64 author = m_http.get(url("/article/" + untagged))
                                  .json()
                                  .value("author")
                                  .toObject()
                                  .value("id")
                                  .toInteger();
        QCOMPARE(
            search("orbit", QStringLiteral("&author=%1").arg(author)), QStringList({ untagged, tagged }));
        QCOMPARE(search("orbit", QStringLiteral("&author=%1").arg(author + 1000)), QStringList {});
    }

    // Each write shows in the next search, though the search before it was cached.
    void writesShowAtOnce()
    {
        QCOMPARE(search("walrus"), QStringList {});
        const QString slug = post("Arctic", "A walrus on the ice.");
        QCOMPARE(search("walrus"), QStringList { slug });
        const qint64 id = idOf(slug);

        QCOMPARE(m_http
                     .patch(url(QStringLiteral("/article/%1").arg(id)),
                         { { "text", "A narwhal in the sea." } }, m_token)
                     .status,
            200);
        QCOMPARE(search("walrus"), QStringList {});
        QCOMPARE(search("narwhal"), QStringList { slug });
        QCOMPARE(search("arctic"), QStringList { slug });

        QCOMPARE(search("pinniped"), QStringList {});
        QCOMPARE(m_http
                     .patch(url(QStringLiteral("/article/%1").arg(id)),
                         { { "tags", QJsonArray { "pinniped", "ice" } } }, m_token)
                     .status,
            200);
        QCOMPARE(search("pinniped"), QStringList { slug });
        QCOMPARE(m_http
                     .patch(url(QStringLiteral("/article/%1").arg(id)), { { "tags", QJsonArray { "ice" } } },
                         m_token)
                     .status,
            200);
        QCOMPARE(search("pinniped"), QStringList {});

        QCOMPARE(m_http.patch(url(QStringLiteral("/article/%1").arg(id)), { { "title", "Polar" } }, m_token)
                     .status,
            200);
        QCOMPARE(search("arctic"), QStringList {});
        QCOMPARE(search("polar"), QStringList { slug });

        QCOMPARE(m_http.del(url(QStringLiteral("/article/%1").arg(id)), m_token).status, 200);
        QCOMPARE(search("narwhal"), QStringList {});
        QCOMPARE(searchPage("narwhal").value("total").toInteger(), 0);
    }

    void pagesAreCachedWithAnEtag()
    {
        post("Lighthouse", "Beams.");
        const auto first = searchResponse("lighthouse");
        QCOMPARE(first.status, 200);
        const QByteArray etag = first.header("ETag");
        QVERIFY(!etag.isEmpty());
        const quint64 misses = m_server->api().listingCache().misses();
        const auto again = m_http.get(url("/article?q=LIGHTHOUSE"), {}, { { "If-None-Match", etag } });
        QCOMPARE(again.status, 304);
        QCOMPARE(m_server->api().listingCache().misses(), misses); // not the listing's cache either
        post("Another lighthouse", "Beams.");
        const auto changed = m_http.get(url("/article?q=lighthouse"), {}, { { "If-None-Match", etag } });
        QCOMPARE(changed.status, 200);
        QCOMPARE(slugsOf(changed.json()).size(), 2);
    }

    void badQueriesAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("message");
        const QString noWords = "q must have a word or a number to search for";
        QTest::newRow("empty") << "" << noWords;
        QTest::newRow("blank") << "   " << noWords;
        QTest::newRow("punctuation") << "!?* ^ -- :: ()" << noWords;
        QTest::newRow("empty quotes") << "\"\" \"\"" << noWords;
        QTest::newRow("a lone accent") << QString::fromUtf8("\xcc\x81") << noWords;
        QTest::newRow("emoji") << QString::fromUtf8("\xf0\x9f\x98\x80") << noWords;
        QTest::newRow("401 characters")
            << QString(401, QLatin1Char('a')) << "q must be at most 400 characters";
        QTest::newRow("10 KB") << QString("lorem ipsum ").repeated(850) << "q must be at most 400 characters";
        QStringList many;
        for (int i = 0; i < 33; ++i)
            many.append(QStringLiteral("w%1").arg(i));
        QTest::newRow("33 words") << many.join(' ') << "q may have at most 32 words and quoted phrases";
    }
    void badQueriesAre400()
    {
        QFETCH(QString, query);
        QFETCH(QString, message);
        const auto response = searchResponse(query);
        QCOMPARE(response.status, 400);
        QCOMPARE(response.json().value("field").toString(), QStringLiteral("q"));
        QCOMPARE(response.json().value("error").toString(), message);
    }

    // What would be syntax to the database is words, or nothing, to us: never a 500. Every word must
    // match, except that PostgreSQL drops English stop words ("and", "or", "not"): those rows find
    // either way (-1).
    void operatorsAndSyntaxAreWords_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<int>("finds");
        QTest::newRow("unbalanced quote") << "\"signal fire" << 1;
        QTest::newRow("unbalanced quote at the end") << "signal fire\"" << 1;
        QTest::newRow("AND OR NOT") << "signal AND fire OR NOT" << -1;
        QTest::newRow("lower-case or") << "signal or fire" << -1;
        QTest::newRow("NEAR") << "NEAR(signal fire, 2)" << 0;
        QTest::newRow("prefix star") << "sign*" << 0;
        QTest::newRow("star after a word") << "signal*" << 1;
        QTest::newRow("caret") << "^signal" << 1;
        QTest::newRow("column filter") << "title:signal" << 0;
        QTest::newRow("column set") << "{title text}: signal" << 0;
        QTest::newRow("minus") << "signal -fire" << 1;
        QTest::newRow("plus") << "+signal +fire" << 1;
        QTest::newRow("tsquery") << "signal & !fire | (x <-> y)" << 0;
        QTest::newRow("tsquery prefixes") << "signal:* fire:*" << 1;
        QTest::newRow("backslashes") << "signal\\ \\fire\\" << 1;
        QTest::newRow("sql") << "signal'; DROP TABLE articles; --" << 0;
        QTest::newRow("a quote in quotes") << "\"signal \"\" fire\"" << 1;
        QTest::newRow("NUL and controls") << QString("signal") + QChar(0) + QChar(7) + "fire" << 1;
        QTest::newRow("400 characters") << (QString("signal fire ") + QString(388, QLatin1Char('x'))) << 0;
        QStringList words { "signal", "fire" };
        for (int i = 0; i < 30; ++i)
            words.append(QStringLiteral("x%1").arg(i));
        QTest::newRow("32 words") << words.join(' ') << 0;
    }
    void operatorsAndSyntaxAreWords()
    {
        QFETCH(QString, query);
        QFETCH(int, finds);
        const QString slug = post("Signal fire", "Smoke on the hill.");
        const auto response = searchResponse(query);
        QCOMPARE(response.status, 200);
        if (finds >= 0)
            QCOMPARE(slugsOf(response.json()), finds ? QStringList { slug } : QStringList {});
        QCOMPARE(m_http.get(url("/api/articles?q=" + encoded(query))).status, 200);
        QCOMPARE(m_http.get(url("/article")).status, 200); // and the tables are still there
    }

    void realWorldSearchesToo()
    {
        const QString slug = post("Glacier melt", "Ice flows.", { "climate" });
        post("Glacier walk", "Boots.");
        const auto response = m_http.get(url("/api/articles?q=glaciers&tag=climate"));
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json().value("articlesCount").toInt(), 1);
        const QJsonObject article = response.json().value("articles").toArray().first().toObject();
        QCOMPARE(article.value("slug").toString(), slug);
        QCOMPARE(article.value("tagList").toArray(), QJsonArray { "climate" });
        QCOMPARE(m_http.get(url("/api/articles?q=glacier")).json().value("articlesCount").toInt(), 2);
        // "?q=" is no search, as front ends send empty parameters; a query of no words is 422.
        QCOMPARE(m_http.get(url("/api/articles?q=")).json().value("articlesCount").toInt(),
            m_http.get(url("/article")).json().value("total").toInt());
        const auto bad = m_http.get(url("/api/articles?q=%21%21"));
        QCOMPARE(bad.status, 422);
        QCOMPARE(bad.json().value("errors").toObject().value("q").toArray().first().toString(),
            QStringLiteral("must have a word or a number to search for"));
        QCOMPARE(m_http.get(url("/api/articles?q=" + QString(401, QLatin1Char('a')))).status, 422);
    }

    // Migration 0006 indexes the articles written before it.
    // A word most articles have ranks the newest MaxRanked (1,000) of them, not all: the oldest match is
    // left out however well it would rank, and the total says how many were ranked.
    void aSearchRanksTheNewestThousandMatches()
    {
        m_server.reset();
        TestServer::Options options;
        options.seed = false;
        m_server = std::make_unique<TestServer>(options);
        constexpr int Articles = 1010;
        const QString at = QStringLiteral("2026-01-01T00:00:00.000Z");
        QByteArray lines
            = QJsonDocument(QJsonObject { { "kind", "user" }, { "id", 1 }, { "email", "many@example.com" },
                                { "fullName", "Many" }, { "passwordHash", "h" }, { "createdAt", at },
                                { "updatedAt", at } })
                  .toJson(QJsonDocument::Compact)
            + '\n';
        for (int a = 1; a <= Articles; ++a) {
            // The oldest and the oldest one ranked have the word in their titles too.
            const bool titled = a == 1 || a == Articles - 999;
            lines += QJsonDocument(
                         QJsonObject { { "kind", "article" }, { "id", a }, { "slug", QString("a-%1").arg(a) },
                             { "title", titled ? QString("Plenty %1").arg(a) : QString("A %1").arg(a) },
                             { "description", "d" }, { "text", "plenty of words" }, { "author", 1 },
                             { "createdAt", at }, { "updatedAt", at } })
                         .toJson(QJsonDocument::Compact)
                + '\n';
        }
        QBuffer buffer(&lines);
        buffer.open(QIODevice::ReadOnly);
        QVERIFY(DataTransfer(m_server->database()).importFrom(buffer));

        const QJsonObject first = searchPage("plenty", "&limit=5");
        QCOMPARE(first.value("total").toInteger(), 1000);
        QCOMPARE(slugsOf(first).value(0), QString("a-%1").arg(Articles - 999));
        QVERIFY(!slugsOf(first).contains("a-1"));
        QCOMPARE(slugsOf(first).value(1), QString("a-%1").arg(Articles)); // then the newest
        const QJsonObject past = searchPage("plenty", "&limit=5&offset=1000");
        QCOMPARE(past.value("total").toInteger(), 1000);
        QVERIFY(past.value("items").toArray().isEmpty());
        // A word fewer articles have is counted exactly as before.
        QCOMPARE(searchPage("1").value("total").toInteger(), 1);
    }

    void theMigrationIndexesExistingArticles()
    {
        m_server.reset();
        QTemporaryDir dir;
        TestServer::Options options;
        options.seed = false;
        DatabaseUrl databaseUrl;
        if (TestServer::isPostgres()) {
            databaseUrl = *DatabaseUrl::parse(qEnvironmentVariable("BLOG_TEST_POSTGRES_URL"));
            databaseUrl.name = options.databasePath = TestServer::createPostgresDatabase();
        } else {
            databaseUrl.kind = DatabaseUrl::Kind::Sqlite;
            databaseUrl.path = options.databasePath = dir.filePath("old.sqlite");
        }
        {
            Database database(databaseUrl);
            QCOMPARE(Migrator(database).migrate(5), 5);
            QSqlQuery query(database.connection());
            const QString at = "2024-01-01T00:00:00.000Z";
            QVERIFY(
                query.exec("INSERT INTO users (email, email_key, full_name, password_hash, created_at, "
                           "updated_at, username, username_key) VALUES ('old@x.example', 'old@x.example', "
                           "'Old', 'x', '"
                    + at + "', '" + at + "', 'old', 'old')"));
            QVERIFY(query.exec(
                "INSERT INTO articles (slug, title, description, text, author_id, created_at, "
                "updated_at) SELECT 'old-times', 'Old times', 'Before search', 'Running late.', id, '"
                + at + "', '" + at + "' FROM users"));
            QVERIFY(query.exec("INSERT INTO tags (name) VALUES ('vintage')"));
            QVERIFY(query.exec("INSERT INTO article_tags (article_id, tag_id, position) "
                               "SELECT a.id, t.id, 0 FROM articles a, tags t"));
            QCOMPARE(Migrator(database).migrate(), int(Migrator::available().size()) - 5);
        }
        m_server = std::make_unique<TestServer>(options);
        QCOMPARE(search("run"), QStringList { "old-times" });
        QCOMPARE(search("vintage"), QStringList { "old-times" });
        QCOMPARE(search("\"before search\""), QStringList { "old-times" });
        m_server.reset();
        if (TestServer::isPostgres())
            TestServer::dropPostgresDatabase(options.databasePath);
    }
};

QTEST_GUILESS_MAIN(TestArticleSearch)
#include "TestArticleSearch.moc"
