#include "SearchTerms.h"

#include <QTest>

using namespace blog;

// How a search box's text becomes words and phrases: nothing of it reaches a database as syntax.
class TestSearchTerms : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QStringList>("phrases");
        QTest::newRow("words") << "Rust  tutorial" << QStringList { "rust", "tutorial" } << QStringList {};
        QTest::newRow("phrase") << "\"Quick Brown\" fox" << QStringList { "fox" }
                                << QStringList { "quick brown" };
        QTest::newRow("typographic quotes")
            << "„quick brown“ «lazy dog»" << QStringList {} << QStringList { "quick brown", "lazy dog" };
        QTest::newRow("open quote runs to the end")
            << "a \"b c" << QStringList { "a" } << QStringList { "b c" };
        QTest::newRow("one word in quotes") << "\"rust\"" << QStringList { "rust" } << QStringList {};
        QTest::newRow("punctuation inside a word")
            << "e-mail node.js" << QStringList {} << QStringList { "e mail", "node js" };
        QTest::newRow("operators are words or nothing")
            << "a AND b OR -c NEAR(d) e* ^f" << QStringList { "a", "and", "b", "or", "c", "e", "f" }
            << QStringList { "near d" };
        QTest::newRow("column filter") << "title:rust" << QStringList {} << QStringList { "title rust" };
        QTest::newRow("repeats once") << "rust Rust RUST" << QStringList { "rust" } << QStringList {};
        QTest::newRow("accents kept, composed")
            << QString::fromUtf8("Cafe\xcc\x81") << QStringList { "café" } << QStringList {};
        QTest::newRow("other scripts")
            << "Привет 東京 ١٢٣" << QStringList { "привет", "東京", "١٢٣" } << QStringList {};
        QTest::newRow("emoji dropped")
            << QString::fromUtf8("rust \xf0\x9f\xa6\x80") << QStringList { "rust" } << QStringList {};
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, words);
        QFETCH(QStringList, phrases);
        const auto terms = SearchTerms::parse(text);
        QVERIFY(terms.hasValue());
        QCOMPARE(terms->words, words);
        QCOMPARE(terms->phrases, phrases);
    }

    void refusals()
    {
        QCOMPARE(SearchTerms::parse("").error(), SearchTerms::Problem::NoWords);
        QCOMPARE(SearchTerms::parse(" \"\" !? -- ").error(), SearchTerms::Problem::NoWords);
        QCOMPARE(SearchTerms::parse(QString(401, 'a')).error(), SearchTerms::Problem::TooLong);
        QVERIFY(SearchTerms::parse(QString(400, 'a')).hasValue());
        QStringList words;
        for (int i = 0; i < 33; ++i)
            words.append(QStringLiteral("w%1").arg(i));
        QCOMPARE(SearchTerms::parse(words.join(' ')).error(), SearchTerms::Problem::TooManyParts);
        words.removeLast();
        QVERIFY(SearchTerms::parse(words.join(' ')).hasValue());
    }

    void keysTellPartsApart()
    {
        QCOMPARE(SearchTerms::parse("Café  bar")->key(), SearchTerms::parse("café bar")->key());
        QVERIFY(SearchTerms::parse("a b")->key() != SearchTerms::parse("\"a b\"")->key());
        QVERIFY(SearchTerms::parse("ab")->key() != SearchTerms::parse("a b")->key());
    }
};

QTEST_GUILESS_MAIN(TestSearchTerms)
#include "TestSearchTerms.moc"
