#pragma once

#include <QString>
#include <QStringList>
#include <QStringView>

#include <functional>
#include <optional>

namespace blog {

// What answers a quoted phrase: every two neighbouring words of a text as one token ("cache and query"
// gives "cache·and" and "and·query"), so a phrase is found by its pairs, which are rare even where its
// words are in nearly every article. The databases' own phrase matching reads the positions of every
// article that has all the words: seconds at a million articles. Words are what SearchTerms reads as
// words, case and accents folded and not stemmed: a quoted phrase matches its words as written.
struct PhrasePairs
{
    // Joins a pair's words: a private-use character, which no word holds and which both databases'
    // tokenizers keep inside a token.
    static constexpr char16_t Joiner = u'\uE000';
    // In UTF-8. A longer pair is not indexed, and a phrase that has one is matched by the database's
    // own phrase search: this keeps PostgreSQL's document of the longest article (16,383 positions)
    // under its 1 MB of text.
    static constexpr int MaxPairBytes = 60;

    // Hands each pair of the text to `take`, in the text's order, repeats included (their positions make
    // a phrase of three words or more); the view holds until `take` returns. A pair too long to index
    // comes as an empty view: its place must stay, or the pairs on either side of it would pass for
    // neighbours. Reuses its buffers: a million articles' worth of pairs are made in the import.
    static void forEach(QStringView text, const std::function<void(QStringView pair)> &take);
    // The pairs of forEach, an empty string for each one too long.
    static QStringList ofText(QStringView text);
    // The pairs of a SearchTerms phrase (case-folded words separated by one space), or nothing when one
    // of them is too long to be indexed.
    static std::optional<QStringList> ofPhrase(const QString &phrase);
    // Case folded, accents off ("Crème" gives "creme"), compatibility forms plain ("ﬁ" gives "fi").
    static QString fold(const QString &word);
};

} // namespace blog
