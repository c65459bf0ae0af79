#pragma once

#include "Expected.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace blog {

// What a reader typed into a search (`q`), taken apart into words and quoted phrases, never handed to
// a database's query syntax as it came: only runs of letters, digits and combining marks survive, so
// operators (AND, OR, NEAR, -, *, ^, column:) are plain words or nothing. Every word and phrase must
// match. A chunk that punctuation splits ("e-mail", "node.js") is a phrase of its pieces; a quote left
// open runs to the end.
struct SearchTerms
{
    // In UTF-16 code units, as QString counts them; longer is refused, not cut.
    static constexpr int MaxLength = 400;
    // Words and phrases together.
    static constexpr int MaxParts = 32;
    enum class Problem { TooLong, NoWords, TooManyParts };

    QStringList words; // case-folded
    QStringList phrases; // case-folded words separated by one space

    static Expected<SearchTerms, Problem> parse(const QString &text);
    // Letters, digits and combining marks make words; anything else parts them.
    static bool isWordCharacter(char32_t c);
    // Why parse refused, as it follows the parameter's name: "must be at most 400 characters".
    static QString describe(Problem problem);

    bool isEmpty() const { return words.isEmpty() && phrases.isEmpty(); }
    // Tells searches apart in caches.
    QByteArray key() const;

    friend bool operator==(const SearchTerms &, const SearchTerms &) = default;
};

} // namespace blog
