#include "SlugMaker.h"

namespace blog::SlugMaker {

namespace {
constexpr int MaxSlugLength = 80;
}

QString fromTitle(const QString &title)
{
    // NFKD splits "é" into "e" + a combining accent, which we drop; "ß" and ligatures need a hand.
    QString decomposed = title.normalized(QString::NormalizationForm_KD).toLower();
    decomposed.replace(QChar(0x00DF), QLatin1String("ss"));
    decomposed.replace(QChar(0x00E6), QLatin1String("ae"));
    decomposed.replace(QChar(0x0153), QLatin1String("oe"));
    decomposed.replace(QChar(0x00F8), QLatin1Char('o'));
    decomposed.replace(QChar(0x0142), QLatin1Char('l'));
    decomposed.replace(QChar(0x0111), QLatin1Char('d'));

    QString slug;
    slug.reserve(decomposed.size());
    bool pendingDash = false;
    for (const QChar c : decomposed) {
        if (c.isMark())
            continue;
        if (c.isLetterOrNumber() && !c.isSurrogate()) {
            const bool dash = pendingDash && !slug.isEmpty();
            if (slug.size() + (dash ? 2 : 1) > MaxSlugLength)
                break; // found by FuzzSlugMaker: a '-' and a letter at 79 made 81
            if (dash)
                slug += QLatin1Char('-');
            pendingDash = false;
            slug += c;
        } else if (c.isHighSurrogate() || c.isLowSurrogate()) {
            continue; // emoji and other astral symbols separate nothing and say little in a URL
        } else if (c == QLatin1Char('\'') || c == QChar(0x2019)) {
            continue; // "don't" -> "dont"
        } else {
            pendingDash = true;
        }
    }
    while (slug.endsWith(QLatin1Char('-')))
        slug.chop(1);
    return slug.isEmpty() ? QStringLiteral("article") : slug;
}

} // namespace blog::SlugMaker
