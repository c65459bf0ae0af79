#include "SpellChecker.h"

#include <QTemporaryDir>
#include <QTest>

using namespace blog;

// Spelling with the system's Hunspell dictionaries (hunspell-en-us, -de-de and -fr, which ./dev installs).
class TestSpellChecker : public QObject
{
    Q_OBJECT

private slots:
    void theInstalledDictionariesAreFound()
    {
        const QStringList languages = SpellChecker::availableLanguages();
        QVERIFY2(languages.contains("en_US") && languages.contains("de_DE") && languages.contains("fr_FR"),
            qPrintable(languages.join(' ')));
        QCOMPARE(SpellChecker::bestLanguageFor("de"), QString("de_DE"));
        QCOMPARE(SpellChecker::bestLanguageFor("fr_CA"), QString("fr_CA"));
        QCOMPARE(SpellChecker::bestLanguageFor("en_GB"), QString("en_US"));
        QCOMPARE(SpellChecker::bestLanguageFor("tlh"), QString());
    }

    void wordsAndSuggestions()
    {
        const SpellChecker english("en_US");
        QVERIFY(english.isValid());
        QVERIFY(english.isCorrect(u"hello"));
        QVERIFY(!english.isCorrect(u"helo"));
        QVERIFY(english.suggestions(u"helo").contains("hello"));

        const SpellChecker german("de_DE");
        QVERIFY(german.isCorrect(u"Straße"));
        QVERIFY(!german.isCorrect(u"Strase"));
        QVERIFY(german.suggestions(u"Strase").contains("Straße"));

        const SpellChecker french("fr_FR");
        QVERIFY(french.isCorrect(u"été"));
        QVERIFY(!french.isCorrect(u"etté"));
    }

    void misspellingsInAText()
    {
        const SpellChecker english("en_US");
        const QString text
            = "This is a smple text, with 42 numbers, me@example.com and www.example.org; wrogn.";
        const auto found = english.misspellings(text);
        QCOMPARE(found.size(), 2);
        QCOMPARE(text.mid(found[0].first, found[0].second), QString("smple"));
        QCOMPARE(text.mid(found[1].first, found[1].second), QString("wrogn"));
        QCOMPARE(found[0].first, qsizetype(10));
    }

    void acceptedWordsAreCorrect()
    {
        SpellChecker english("en_US");
        QVERIFY(!english.isCorrect(u"Qtness"));
        english.accept("Qtness");
        QVERIFY(english.isCorrect(u"Qtness"));
        QVERIFY(!SpellChecker("en_US").isCorrect(u"Qtness")); // for that checker only
    }

    void withoutADictionaryNothingIsWrong()
    {
        QTemporaryDir empty;
        const SpellChecker none("en_US", empty.path());
        QVERIFY(!none.isValid());
        QVERIFY(none.isCorrect(u"wrogn"));
        QVERIFY(none.misspellings(u"wrogn wrogn").isEmpty());
        QVERIFY(SpellChecker::availableLanguages(empty.path()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpellChecker)
#include "TestSpellChecker.moc"
