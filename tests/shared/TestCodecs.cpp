#include "ArticleCodec.h"
#include "CommentCodec.h"
#include "UserCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace blog;

// The response codecs: the JSON shapes the API promises, and decoding them back (the desktop client's side).
class TestCodecs : public QObject
{
    Q_OBJECT

private slots:
    void userHasExactlyTheDocumentedKeys()
    {
        User user;
        user.id = 7;
        user.fullName = "Ada";
        user.email = "ada@example.com";
        user.createdAt = user.updatedAt = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5, 6), Qt::UTC);
        const QJsonObject json = UserCodec::toJson(user);
        QStringList keys = json.keys();
        keys.sort();
        QCOMPARE(keys,
            QStringList(
                { "bio", "createdAt", "email", "fullName", "id", "social", "updatedAt", "username" }));
        QVERIFY(json.value("social").isNull());
        QCOMPARE(json.value("createdAt").toString(), "2026-01-02T03:04:05.006Z");

        user.social = Social { "@ada", "", "ada-l" };
        const User back = UserCodec::userFromJson(UserCodec::toJson(user));
        QCOMPARE(back.id, 7);
        QCOMPARE(back.social, user.social);
        QCOMPARE(back.createdAt, user.createdAt);
    }

    void signedInUserCarriesTheToken()
    {
        const QJsonObject json = UserCodec::toJson(SignedInUser { User {}, "abc" });
        QCOMPARE(json.value("token").toString(), "abc");
        QCOMPARE(UserCodec::signedInUserFromJson(json).token, "abc");
    }

    void listItemAndPage()
    {
        ArticlePage page;
        page.total = 42;
        page.items.append(ArticleListItem { "s", "T", "D", { "a", "b" }, 3, "Ann", 5 });
        const QJsonObject json = ArticleCodec::toJson(page);
        QCOMPARE(json.value("total").toInteger(), 42);
        const QJsonObject item = json.value("items").toArray().first().toObject();
        QCOMPARE(item.value("author").toInteger(), 3);
        QCOMPARE(item.value("authorName").toString(), "Ann");
        QCOMPARE(item.value("totalComments").toInteger(), 5);
        QCOMPARE(item.value("tags").toArray().size(), 2);
        const ArticlePage back = ArticleCodec::pageFromJson(json);
        QCOMPARE(back.total, 42);
        QCOMPARE(back.items.first(), page.items.first());
    }

    void pageBytesAreWhatQJsonDocumentWrites_data()
    {
        QTest::addColumn<QString>("text");
        QString controls;
        for (char16_t c = 0; c < 0x20; ++c)
            controls += QChar(c);
        QTest::newRow("plain") << QStringLiteral("Hello, World");
        QTest::newRow("empty") << QString();
        QTest::newRow("quotes and backslashes") << QStringLiteral("say \"hi\" \\ back\\");
        QTest::newRow("every control character") << controls;
        QTest::newRow("DEL and slash") << QStringLiteral("a\u007fb/c</script>");
        QTest::newRow("accents, Cyrillic, CJK") << QStringLiteral("Crème brûlée, Привет, 日本語");
        QTest::newRow("emoji") << QStringLiteral("ship it \U0001F680");
        QTest::newRow("lone surrogate") << QString(QChar(0xd800)) + QStringLiteral("x");
    }
    void pageBytesAreWhatQJsonDocumentWrites()
    {
        QFETCH(QString, text);
        ArticlePage page;
        page.total = 9007199254740991;
        for (int i = 0; i < 3; ++i) {
            ArticleListItem item;
            item.slug = QStringLiteral("slug-%1").arg(i);
            item.title = text;
            item.description = text + QString::number(i);
            item.tags = i == 0 ? QStringList() : QStringList { text, QStringLiteral("qt") };
            item.authorId = 1000000007LL * i;
            item.authorName = text;
            item.totalComments = i * 3;
            page.items.append(item);
        }
        QCOMPARE(ArticleCodec::toJsonBytes(page),
            QJsonDocument(ArticleCodec::toJson(page)).toJson(QJsonDocument::Compact));
        QCOMPARE(ArticleCodec::toJsonBytes(ArticlePage {}),
            QJsonDocument(ArticleCodec::toJson(ArticlePage {})).toJson(QJsonDocument::Compact));
    }

    void articleWithComments()
    {
        Article article;
        article.id = 9;
        article.slug = "x";
        article.author = ArticleAuthor { 1, "Ann", "bio", std::nullopt };
        Comment comment;
        comment.id = 4;
        comment.text = "hi";
        comment.author = CommentAuthor { 2, "Bob" };
        article.comments.append(comment);
        const QJsonObject json = ArticleCodec::toJson(article);
        QVERIFY(!json.value("author").toObject().contains("email"));
        const QJsonObject first = json.value("comments").toArray().first().toObject();
        QCOMPARE(first.value("author").toObject().value("fullName").toString(), "Bob");
        QVERIFY(!first.contains("article"));
        const Article back = ArticleCodec::articleFromJson(json);
        QCOMPARE(back.comments.first().articleId, 9);
        QCOMPARE(back.comments.first().text, "hi");
    }

    void postedCommentNamesItsArticle()
    {
        Comment comment;
        comment.id = 1;
        comment.articleId = 12;
        QCOMPARE(CommentCodec::toJsonWithArticle(comment).value("article").toInteger(), 12);
    }
};

QTEST_GUILESS_MAIN(TestCodecs)
#include "TestCodecs.moc"
