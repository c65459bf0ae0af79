#include "PhrasePairs.h"
#include "SearchTerms.h"

#include <QTest>

using namespace blog;

// The pairs of neighbouring words that answer quoted phrases: what a text gives, and that a phrase
// typed into a search gives the same pairs as the text it was copied from.
class TestPhrasePairs : public QObject
{
    Q_OBJECT

    static QString pair(const QString &first, const QString &second)
    {
        return first + QChar(PhrasePairs::Joiner) + second;
    }

private slots:
    void ofText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("pairs");
        QTest::newRow("words") << "Cache and query"
                               << QStringList { pair("cache", "and"), pair("and", "query") };
        QTest::newRow("punctuation parts words, not pairs")
            << "fox. The e-mail" << QStringList { pair("fox", "the"), pair("the", "e"), pair("e", "mail") };
        QTest::newRow("repeats kept")
            << "a b a b" << QStringList { pair("a", "b"), pair("b", "a"), pair("a", "b") };
        QTest::newRow("one word") << "Alone" << QStringList {};
        QTest::newRow("nothing") << " ,;- " << QStringList {};
        QTest::newRow("accents and case folded") << "Crème BRÛLÉE" << QStringList { pair("creme", "brulee") };
        QTest::newRow("decomposed accents") << QString::fromUtf8("cre\xcc\x80me brule\xcc\x81") + "e"
                                            << QStringList { pair("creme", "brulee") };
        QTest::newRow("ligature") << QString::fromUtf8("\xef\xac\x81sh soup")
                                  << QStringList { pair("fish", "soup") };
        QTest::newRow("other scripts") << "Привет, мир" << QStringList { pair("привет", "мир") };
        // Devanagari's vowel signs are marks that belong to the word and stay.
        QTest::newRow("marks of other scripts")
            << QString::fromUtf8("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4\xa4\xe0\xa5\x87 "
                                 "\xe0\xa4\xa6\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xbe")
            << QStringList { pair(QString::fromUtf8("\xe0\xa4\xa8\xe0\xa4\xae\xe0\xa4\xb8\xe0\xa5\x8d\xe0\xa4"
                                                    "\xa4\xe0\xa5\x87"),
                   QString::fromUtf8(
                       "\xe0\xa4\xa6\xe0\xa5\x81\xe0\xa4\xa8\xe0\xa4\xbf\xe0\xa4\xaf\xe0\xa4\xbe")) };
        // An emoji is no word character (outside the BMP: a surrogate pair is skipped whole).
        QTest::newRow("emoji between words")
            << QString::fromUtf8("good \xf0\x9f\x98\x80 news") << QStringList { pair("good", "news") };
        QTest::newRow("letter outside the BMP")
            << QString::fromUtf8("a \xf0\x90\x90\x80 b")
            << QStringList { pair("a", QString::fromUtf8("\xf0\x90\x90\xa8")),
                   pair(QString::fromUtf8("\xf0\x90\x90\xa8"), "b") };
        QTest::newRow("a mark alone is no word")
            << QString::fromUtf8("a \xcc\x81 b") << QStringList { pair("a", "b") };
    }
    void ofText()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, pairs);
        QCOMPARE(PhrasePairs::ofText(text), pairs);
    }

    void aTypedPhraseGivesTheTextsPairs_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << "\"cache and query\""
                               << "Notes on cache and query plans";
        QTest::newRow("case and accents") << "\"CREME brulee\""
                                          << "Crème brûlée at the café";
        QTest::newRow("decomposed in the query") << QString::fromUtf8("\"cre\xcc\x80me\" brule\xcc\x81") + "e"
                                                 << "Crème brûlée";
        QTest::newRow("punctuated word") << "e-mail"
                                         << "Send an e-mail";
        QTest::newRow("other script") << "\"ПРИВЕТ МИР\""
                                      << "Привет, мир!";
    }
    void aTypedPhraseGivesTheTextsPairs()
    {
        QFETCH(QString, typed);
        QFETCH(QString, text);
        const auto terms = SearchTerms::parse(typed);
        QVERIFY(terms.hasValue());
        const QStringList inText = PhrasePairs::ofText(text);
        QStringList phrases = terms->phrases;
        if (phrases.isEmpty())
            phrases.append(terms->words.join(QLatin1Char(' ')));
        for (const QString &phrase : std::as_const(phrases)) {
            const auto pairs = PhrasePairs::ofPhrase(phrase);
            QVERIFY(pairs.has_value());
            QVERIFY(!pairs->isEmpty());
            for (const QString &pair : *pairs)
                QVERIFY2(inText.contains(pair), qPrintable(pair));
        }
    }

    void longPairsAreNotIndexed()
    {
        // Each in its place, empty: the pairs on either side are not neighbours.
        const QString longWord(60, QLatin1Char('x'));
        QCOMPARE(PhrasePairs::ofText("a b " + longWord + " b c"),
            QStringList({ pair("a", "b"), QString(), QString(), pair("b", "c") }));
        QCOMPARE(PhrasePairs::ofPhrase("short " + longWord), std::nullopt);
        QCOMPARE(PhrasePairs::ofPhrase("a b " + longWord), std::nullopt);
        // In UTF-8 bytes: 20 Cyrillic letters are 40 bytes.
        const QString cyrillic(20, QChar(0x0436));
        QCOMPARE(PhrasePairs::ofText(cyrillic + " " + cyrillic), QStringList { QString() });
        const QString fits(29, QLatin1Char('y')); // 29 + 3 (the joiner) + 28
        QCOMPARE(PhrasePairs::ofText(fits + " " + fits.left(28)), QStringList { pair(fits, fits.left(28)) });
    }
};

QTEST_GUILESS_MAIN(TestPhrasePairs)
#include "TestPhrasePairs.moc"
