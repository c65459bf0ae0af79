#include "PhrasePairs.h"

#include "SearchTerms.h"

namespace blog {

namespace {

bool fits(QStringView pair)
{
    // UTF-8's length from UTF-16: a surrogate half counts 2, so a pair of them counts 4.
    int bytes = 0;
    for (const QChar c : pair)
        bytes += c.unicode() < 0x80 ? 1 : c.unicode() < 0x800 || c.isSurrogate() ? 2 : 3;
    return bytes <= PhrasePairs::MaxPairBytes;
}

bool isAsciiWordCharacter(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9');
}

} // namespace

QString PhrasePairs::fold(const QString &word)
{
    // Decomposed, the accents of Latin, Greek and Cyrillic letters are the combining diacritics block;
    // other scripts' marks are part of their letters and stay.
    QString plain = word.normalized(QString::NormalizationForm_KD);
    plain.removeIf([](QChar c) { return c.unicode() >= 0x0300 && c.unicode() <= 0x036F; });
    return plain.toCaseFolded().normalized(QString::NormalizationForm_C);
}

void PhrasePairs::forEach(QStringView text, const std::function<void(QStringView pair)> &take)
{
    QString previous;
    QString current;
    QString pair;
    qsizetype start = -1; // of the word being read
    bool hasLetter = false;
    bool ascii = true;
    const auto endWord = [&](qsizetype end) {
        if (start >= 0 && hasLetter) {
            const QStringView word = text.sliced(start, end - start);
            if (ascii) { // most words: lower case is all the folding they need
                current.resize(word.size());
                QChar *out = current.data();
                for (const QChar c : word)
                    *out++ = c.unicode() >= u'A' && c.unicode() <= u'Z' ? QChar(c.unicode() + 32) : c;
            } else {
                current = fold(word.toString());
            }
            if (!previous.isEmpty()) {
                pair.resize(0);
                pair.append(previous).append(QChar(Joiner)).append(current);
                take(fits(pair) ? QStringView(pair) : QStringView());
            }
            std::swap(previous, current);
        }
        start = -1;
        hasLetter = false;
        ascii = true;
    };
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t unit = text[i].unicode();
        if (unit < 0x80) {
            if (isAsciiWordCharacter(unit)) {
                start = start < 0 ? i : start;
                hasLetter = true;
            } else {
                endWord(i);
            }
            continue;
        }
        char32_t c = unit;
        const bool surrogatePair = QChar::isHighSurrogate(c) && i + 1 < size && text[i + 1].isLowSurrogate();
        if (surrogatePair)
            c = QChar::surrogateToUcs4(unit, text[i + 1].unicode());
        if (SearchTerms::isWordCharacter(c)) {
            start = start < 0 ? i : start;
            hasLetter = hasLetter || QChar::isLetterOrNumber(c);
            ascii = false;
        } else {
            endWord(i);
        }
        if (surrogatePair)
            ++i;
    }
    endWord(size);
}

QStringList PhrasePairs::ofText(QStringView text)
{
    QStringList pairs;
    forEach(text, [&pairs](QStringView pair) { pairs.append(pair.toString()); });
    return pairs;
}

std::optional<QStringList> PhrasePairs::ofPhrase(const QString &phrase)
{
    QStringList pairs;
    bool allFit = true;
    const QStringList words = phrase.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < words.size(); ++i) {
        QString pair = fold(words[i - 1]) + QChar(Joiner) + fold(words[i]);
        allFit = allFit && fits(pair);
        pairs.append(std::move(pair));
    }
    if (!allFit)
        return std::nullopt;
    return pairs;
}

} // namespace blog
