#include "PhrasePairs.h"

#include "SearchTerms.h"

namespace blog {

namespace {

bool isAscii(const QString &word)
{
    for (const QChar c : word) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

bool fits(const QString &pair)
{
    // UTF-8's length from UTF-16: a surrogate half counts 2, so a pair of them counts 4.
    int bytes = 0;
    for (const QChar c : pair)
        bytes += c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 || c.isSurrogate() ? 2 : 3;
    return bytes <= PhrasePairs::MaxPairBytes;
}

QString joined(const QString &first, const QString &second)
{
    return first + QChar(PhrasePairs::Joiner) + second;
}

} // namespace

QString PhrasePairs::fold(const QString &word)
{
    if (isAscii(word))
        return word.toLower();
    // Decomposed, the accents of Latin, Greek and Cyrillic letters are the combining diacritics block;
    // other scripts' marks are part of their letters and stay.
    QString plain = word.normalized(QString::NormalizationForm_KD);
    plain.removeIf([](QChar c) { return c.unicode() >= 0x0300 && c.unicode() <= 0x036F; });
    return plain.toCaseFolded().normalized(QString::NormalizationForm_C);
}

QStringList PhrasePairs::ofText(const QString &text)
{
    QStringList pairs;
    QString previous;
    QString word;
    bool hasLetter = false;
    const auto endWord = [&] {
        if (hasLetter) {
            const QString folded = fold(word);
            if (!previous.isEmpty()) {
                QString pair = joined(previous, folded);
                if (fits(pair))
                    pairs.append(std::move(pair));
            }
            previous = folded;
        }
        word.clear();
        hasLetter = false;
    };
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        char32_t c = text.at(i).unicode();
        const bool surrogatePair
            = QChar::isHighSurrogate(c) && i + 1 < size && text.at(i + 1).isLowSurrogate();
        if (surrogatePair)
            c = QChar::surrogateToUcs4(text.at(i).unicode(), text.at(i + 1).unicode());
        if (SearchTerms::isWordCharacter(c)) {
            hasLetter = hasLetter || QChar::isLetterOrNumber(c);
            word.append(text.at(i));
            if (surrogatePair)
                word.append(text.at(++i));
        } else {
            endWord();
            if (surrogatePair)
                ++i;
        }
    }
    endWord();
    return pairs;
}

std::optional<QStringList> PhrasePairs::ofPhrase(const QString &phrase)
{
    const QStringList words = phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList pairs;
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString pair = joined(fold(words[i - 1]), fold(words[i]));
        if (!fits(pair))
            return std::nullopt;
        pairs.append(std::move(pair));
    }
    return pairs;
}

} // namespace blog
