#include "Validation.h"

#include <QSet>

namespace blog::Validation {

bool isEmailLike(const QString &email)
{
    const qsizetype at = email.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != email.lastIndexOf(QLatin1Char('@')))
        return false;
    const QStringView domain = QStringView(email).mid(at + 1);
    const qsizetype dot = domain.lastIndexOf(QLatin1Char('.'));
    if (dot <= 0 || dot == domain.size() - 1)
        return false;
    for (const QChar c : email) {
        if (c.isSpace() || c.category() == QChar::Other_Control)
            return false;
    }
    return !domain.contains(QLatin1String("..")) && !domain.startsWith(QLatin1Char('.'));
}

QString emailKey(const QString &email)
{
    return email.trimmed().toCaseFolded();
}

bool isBlank(const QString &text)
{
    return text.trimmed().isEmpty();
}

QStringList normalizedTags(const QStringList &tags)
{
    QStringList result;
    QSet<QString> seen;
    for (const QString &tag : tags) {
        const QString trimmed = tag.trimmed();
        const QString key = trimmed.toCaseFolded();
        if (!trimmed.isEmpty() && seen.contains(key))
            continue;
        seen.insert(key);
        result.append(trimmed);
    }
    return result;
}

} // namespace blog::Validation
