#include "RequestCodec.h"

#include <QJsonArray>
#include <QTest>

using namespace blog;

// Decoding and validating request bodies and the listing's query string.
class TestRequestCodec : public QObject
{
    Q_OBJECT

private slots:
    void signUpKeepsEveryField()
    {
        const auto decoded = RequestCodec::decodeSignUp(
            { { "email", " Ada@Example.com " }, { "fullName", " Ada " }, { "password", "12345678" },
                { "bio", "b" }, { "social", QJsonObject { { "facebook", "ada.fb" } } } });
        QVERIFY(decoded.hasValue());
        QCOMPARE(decoded->email, "Ada@Example.com");
        QCOMPARE(decoded->fullName, "Ada");
        QCOMPARE(decoded->password, "12345678");
        QVERIFY(decoded->social.has_value());
        QCOMPARE(decoded->social->facebook, "ada.fb");
        QCOMPARE(decoded->social->twitter, QString());
    }

    void signUpReportsTheFirstBadField_data()
    {
        QTest::addColumn<QJsonObject>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("empty") << QJsonObject {} << "email"
                               << "email is required";
        QTest::newRow("two at signs") << QJsonObject { { "email", "a@b@c.de" } } << "email"
                                      << "email must be an e-mail address";
        QTest::newRow("null name") << QJsonObject { { "email", "a@b.de" }, { "fullName", QJsonValue::Null },
            { "password", "12345678" } }
                                   << "fullName"
                                   << "fullName is required";
        QTest::newRow("long bio") << QJsonObject { { "email", "a@b.de" }, { "fullName", "A" },
            { "password", "12345678" }, { "bio", QString(2001, 'b') } }
                                  << "bio"
                                  << "bio must be at most 2000 characters";
        QTest::newRow("social handle number") << QJsonObject { { "email", "a@b.de" }, { "fullName", "A" },
            { "password", "12345678" }, { "social", QJsonObject { { "twitter", 5 } } } }
                                              << "social.twitter"
                                              << "social.twitter must be a string";
    }

    void signUpReportsTheFirstBadField()
    {
        QFETCH(QJsonObject, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        const auto decoded = RequestCodec::decodeSignUp(json);
        QVERIFY(!decoded.hasValue());
        QCOMPARE(decoded.error().field, field);
        QCOMPARE(decoded.error().message, message);
    }

    void profilePatchKnowsWhatWasSent()
    {
        const auto onlyBio = RequestCodec::decodeProfilePatch({ { "bio", "x" } });
        QVERIFY(onlyBio.hasValue());
        QVERIFY(onlyBio->bio.has_value());
        QVERIFY(!onlyBio->fullName && !onlyBio->email && !onlyBio->password && !onlyBio->changesSocial);

        const auto clearSocial = RequestCodec::decodeProfilePatch({ { "social", QJsonValue::Null } });
        QVERIFY(clearSocial.hasValue());
        QVERIFY(clearSocial->changesSocial);
        QVERIFY(!clearSocial->social.has_value());

        const auto empty = RequestCodec::decodeProfilePatch({});
        QVERIFY(empty.hasValue());
        QVERIFY(empty->isEmpty());
    }

    void articlePatchWithNullTagsClearsThem()
    {
        const auto patch = RequestCodec::decodeArticlePatch({ { "tags", QJsonValue::Null } });
        QVERIFY(patch.hasValue());
        QVERIFY(patch->tags.has_value());
        QVERIFY(patch->tags->isEmpty());
    }

    void articleDraftNormalizesTags()
    {
        const auto draft = RequestCodec::decodeArticleDraft({ { "title", "T" }, { "description", "D" },
            { "text", "" }, { "tags", QJsonArray { " Qt ", "qt", "C++", "QT" } } });
        QVERIFY(!draft.hasValue()); // text is required and may not be blank
        QCOMPARE(draft.error().field, "text");
        const auto ok = RequestCodec::decodeArticleDraft({ { "title", "T" }, { "description", "D" },
            { "text", "x" }, { "tags", QJsonArray { " Qt ", "qt", "C++", "QT" } } });
        QVERIFY(ok.hasValue());
        QCOMPARE(ok->tags, QStringList({ "Qt", "C++" }));
    }

    void encodeThenDecodeRoundTrips()
    {
        ArticlePatch patch;
        patch.title = "New";
        patch.tags = QStringList { "a", "b" };
        const auto decoded = RequestCodec::decodeArticlePatch(RequestCodec::encode(patch));
        QVERIFY(decoded.hasValue());
        QCOMPARE(*decoded->title, "New");
        QCOMPARE(*decoded->tags, QStringList({ "a", "b" }));
        QVERIFY(!decoded->text && !decoded->description);
    }

    void listingQuery_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("newest");
        QTest::newRow("defaults") << "" << true << 20 << qint64(0) << false;
        QTest::newRow("both") << "limit=5&offset=10" << true << 5 << qint64(10) << false;
        QTest::newRow("newest") << "order=newest" << true << 20 << qint64(0) << true;
        QTest::newRow("max") << "limit=100" << true << 100 << qint64(0) << false;
        QTest::newRow("unknown ignored") << "utm_source=x" << true << 20 << qint64(0) << false;
        QTest::newRow("over max") << "limit=101" << false << 0 << qint64(0) << false;
        QTest::newRow("zero") << "limit=0" << false << 0 << qint64(0) << false;
        QTest::newRow("negative limit") << "limit=-3" << false << 0 << qint64(0) << false;
        QTest::newRow("text limit") << "limit=ten" << false << 0 << qint64(0) << false;
        QTest::newRow("empty limit") << "limit=" << false << 0 << qint64(0) << false;
        QTest::newRow("negative offset") << "offset=-1" << false << 0 << qint64(0) << false;
        QTest::newRow("fraction offset") << "offset=1.5" << false << 0 << qint64(0) << false;
        QTest::newRow("huge offset") << "offset=99999999999999999999" << false << 0 << qint64(0) << false;
        QTest::newRow("bad order") << "order=random" << false << 0 << qint64(0) << false;
        QTest::newRow("search") << "q=rust tutorial&limit=5" << true << 5 << qint64(0) << false;
        QTest::newRow("blank search") << "q=" << false << 0 << qint64(0) << false;
        QTest::newRow("search of no words") << "q=!!" << false << 0 << qint64(0) << false;
    }

    void listingQuery()
    {
        QFETCH(QString, query);
        QFETCH(bool, valid);
        QList<std::pair<QString, QString>> items;
        for (const QString &pair : query.split('&', Qt::SkipEmptyParts)) {
            const qsizetype eq = pair.indexOf('=');
            items.append({ pair.left(eq), pair.mid(eq + 1) });
        }
        const auto decoded = RequestCodec::decodeListingQuery(items);
        QCOMPARE(decoded.hasValue(), valid);
        if (!valid) {
            QVERIFY(!decoded.error().field.isEmpty());
            return;
        }
        QFETCH(int, limit);
        QFETCH(qint64, offset);
        QFETCH(bool, newest);
        QCOMPARE(decoded->limit, limit);
        QCOMPARE(decoded->offset, offset);
        QCOMPARE(decoded->newestFirst, newest);
    }

    // What the desktop sends is what the server reads back, the social filters included.
    void listingQueryRoundTrips()
    {
        ListingQuery query;
        query.limit = 50;
        query.offset = 100;
        query.newestFirst = true;
        query.tag = "qt";
        query.authorId = 7;
        query.favoritedBy = 3;
        query.feed = true;
        const auto decoded = RequestCodec::decodeListingQuery(RequestCodec::encode(query));
        QVERIFY(decoded.hasValue());
        QCOMPARE(*decoded, query);
        QVERIFY(decoded->isSocial());
        ListingQuery plain;
        QVERIFY(!RequestCodec::decodeListingQuery(RequestCodec::encode(plain))->isFiltered());
    }
};

QTEST_GUILESS_MAIN(TestRequestCodec)
#include "TestRequestCodec.moc"
