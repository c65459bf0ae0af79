#include "SearchTerms.h"

namespace blog {

namespace {

bool isQuote(char32_t c)
{
    // ASCII and typographic quotes: “…”, „…“, «…».
    return c == U'"' || c == U'\u201C' || c == U'\u201D' || c == U'\u201E' || c == U'\u00AB'
        || c == U'\u00BB';
}

class Parser
{
public:
    void word(char32_t c) { m_word.append(QString::fromUcs4(&c, 1)); }
    void endWord()
    {
        // Marks alone (an accent typed on its own) are no word.
        bool hasLetter = false;
        for (const uint c : m_word.toUcs4())
            hasLetter = hasLetter || QChar::isLetterOrNumber(char32_t(c));
        if (hasLetter)
            m_chunk.append(m_word.toCaseFolded());
        m_word.clear();
    }
    void endChunk()
    {
        endWord();
        if (m_chunk.size() == 1 && !m_terms.words.contains(m_chunk.first()))
            m_terms.words.append(m_chunk.first());
        else if (m_chunk.size() > 1 && !m_terms.phrases.contains(m_chunk.join(QLatin1Char(' '))))
            m_terms.phrases.append(m_chunk.join(QLatin1Char(' ')));
        m_chunk.clear();
    }
    const SearchTerms &terms() const { return m_terms; }

private:
    QString m_word;
    QStringList m_chunk;
    SearchTerms m_terms;
};

} // namespace

Expected<SearchTerms, SearchTerms::Problem> SearchTerms::parse(const QString &text)
{
    if (text.size() > MaxLength)
        return Problem::TooLong;
    // Composed, so "é" typed as e + U+0301 is the same word as the one-character "é".
    const QString composed = text.normalized(QString::NormalizationForm_C);
    Parser parser;
    bool quoted = false;
    for (const uint code : composed.toUcs4()) {
        const auto c = char32_t(code);
        if (isQuote(c)) {
            parser.endChunk();
            quoted = !quoted;
        } else if (isWordCharacter(c)) {
            parser.word(c);
        } else if (!quoted && QChar::isSpace(c)) {
            parser.endChunk();
        } else {
            parser.endWord(); // punctuation: the next word belongs to the same chunk
        }
    }
    parser.endChunk();
    const SearchTerms &terms = parser.terms();
    if (terms.isEmpty())
        return Problem::NoWords;
    if (terms.words.size() + terms.phrases.size() > MaxParts)
        return Problem::TooManyParts;
    return terms;
}

bool SearchTerms::isWordCharacter(char32_t c)
{
    const QChar::Category category = QChar::category(c);
    return QChar::isLetterOrNumber(c) || category == QChar::Mark_NonSpacing
        || category == QChar::Mark_SpacingCombining || category == QChar::Mark_Enclosing;
}

QString SearchTerms::describe(Problem problem)
{
    switch (problem) {
    case Problem::TooLong:
        return QStringLiteral("must be at most %1 characters").arg(MaxLength);
    case Problem::NoWords:
        return QStringLiteral("must have a word or a number to search for");
    case Problem::TooManyParts:
        return QStringLiteral("may have at most %1 words and quoted phrases").arg(MaxParts);
    }
    return {};
}

QByteArray SearchTerms::key() const
{
    // Lengths first, so no word can pass for a phrase or for two words.
    QByteArray key;
    for (const QStringList *list : { &words, &phrases }) {
        for (const QString &part : *list) {
            const QByteArray utf8 = part.toUtf8();
            key.append(QByteArray::number(utf8.size())).append(':').append(utf8);
        }
        key.append('|');
    }
    return key;
}

} // namespace blog
